import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common';
import {
  CheckSponsorshipBody,
  CreateSponsorshipBody,
  LeaveBody,
  OutcomeBody,
  PersonSponsorships,
  SponsorshipCheck,
  SponsorshipDetail,
  SponsorshipList,
  SponsorshipListQuery,
  UpdateSponsorshipBody,
} from '../../../contracts/postgraduate';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { postgraduateExport } from './postgraduate.export';
import { createPostgraduateService } from './postgraduate.service';

export function postgraduateRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const service = createPostgraduateService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['postgraduate'];
  postgraduateExport(app, deps, service);

  r.get(
    '/postgraduate',
    {
      schema: {
        summary: 'Sponsored postgraduate study of the units of my subtree',
        tags,
        querystring: SponsorshipListQuery,
        response: { 200: SponsorshipList },
      },
    },
    async (req) => service.list(actorOf(req), req.query),
  );
  r.post(
    '/postgraduate/check',
    {
      schema: {
        summary:
          'Before sending: eligibility for POSTGRADUATE on the start day and the commitment it carries',
        tags,
        body: CheckSponsorshipBody,
        response: { 200: SponsorshipCheck },
      },
    },
    async (req) => service.check(actorOf(req), req.body),
  );
  r.post(
    '/postgraduate',
    {
      schema: {
        summary: 'Send a person of my subtree to sponsored postgraduate study',
        description:
          'Not eligible on the start day: 409 NEEDS_CONFIRMATION with the explained conditions, unless `confirm`.',
        tags,
        body: CreateSponsorshipBody,
        response: { 200: SponsorshipDetail },
      },
    },
    async (req) => service.create(actorOf(req), req.body),
  );
  r.get(
    '/postgraduate/:id',
    {
      schema: {
        summary: 'A sponsorship with its eligibility, commitment and, when owed, the repayment step by step',
        tags,
        params: IdParams,
        response: { 200: SponsorshipDetail },
      },
    },
    async (req) => service.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/postgraduate/:id',
    {
      schema: {
        summary: 'Change a sponsorship; `version` must be the one read (409 otherwise)',
        tags,
        params: IdParams,
        body: UpdateSponsorshipBody,
        response: { 200: SponsorshipDetail },
      },
    },
    async (req) => service.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/postgraduate/:id/outcome',
    {
      schema: {
        summary:
          'End the study: graduated (the degree goes on the record), ended without a diploma, dropped out',
        tags,
        params: IdParams,
        body: OutcomeBody,
        response: { 200: SponsorshipDetail },
      },
    },
    async (req) => service.outcome(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/postgraduate/:id/leave',
    {
      schema: {
        summary: 'The person leaves the service on a day: the repayment is computed from it',
        tags,
        params: IdParams,
        body: LeaveBody,
        response: { 200: SponsorshipDetail },
      },
    },
    async (req) => service.leave(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/people/:id/postgraduate',
    {
      schema: {
        summary: 'The sponsored postgraduate study of a person',
        tags,
        params: IdParams,
        response: { 200: PersonSponsorships },
      },
    },
    async (req) => service.ofPerson(actorOf(req), req.params.id),
  );
}
