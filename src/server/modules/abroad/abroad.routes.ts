import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddMemberBody,
  CreateDelegationBody,
  DelegationDetail,
  DelegationList,
  DelegationListQuery,
  DelegationStatusBody,
  MemberCheck,
  MemberParams,
  OverdueReports,
  PersonDelegations,
  ReportBody,
  UpdateDelegationBody,
} from '../../../contracts/abroad';
import { Id, IdParams } from '../../../contracts/common';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { abroadExport } from './abroad.export';
import { createAbroadReportsService } from './abroad.reports';
import { createAbroadService } from './abroad.service';

export function abroadRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const service = createAbroadService({ db: handle.db, clock });
  const reports = createAbroadReportsService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['abroad'];
  abroadExport(app, deps, service);

  r.get(
    '/abroad/delegations',
    {
      schema: {
        summary: 'Delegations trained abroad I can see: organised in my subtree or with members of it',
        tags,
        querystring: DelegationListQuery,
        response: { 200: DelegationList },
      },
    },
    async (req) => service.list(actorOf(req), req.query),
  );
  r.post(
    '/abroad/delegations',
    {
      schema: {
        summary:
          'Form a delegation: a foreign partner of the catalogue, dates, country, cost by funding source',
        description:
          'The organiser defaults to my scope unit; the code is unique per organiser (409 on `code`).',
        tags,
        body: CreateDelegationBody,
        response: { 200: DelegationDetail },
      },
    },
    async (req) => service.create(actorOf(req), req.body),
  );
  r.get(
    '/abroad/delegations/:id',
    {
      schema: {
        summary: 'A delegation with its members (of my subtree), their reports and the report rule in force',
        tags,
        params: IdParams,
        response: { 200: DelegationDetail },
      },
    },
    async (req) => service.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/abroad/delegations/:id',
    {
      schema: {
        summary: 'Change a delegation (until closed); `version` must be the one read (409 otherwise)',
        tags,
        params: IdParams,
        body: UpdateDelegationBody,
        response: { 200: DelegationDetail },
      },
    },
    async (req) => service.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/abroad/delegations/:id/status',
    {
      schema: {
        summary: 'Move a delegation: planned -> approved -> travelling -> returned -> closed, or cancel it',
        description:
          'Approving needs the decision number; cancelling a comment. Closing takes `completedMemberIds`: ' +
          "those completed (the programme's qualification goes on their record, source abroad), the others did not.",
        tags,
        params: IdParams,
        body: DelegationStatusBody,
        response: { 200: DelegationDetail },
      },
    },
    async (req) => service.move(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/abroad/delegations/:id/members/check',
    {
      schema: {
        summary: 'Warnings before adding a person: a class or another delegation at the same time',
        tags,
        params: IdParams,
        body: z.object({ personId: Id }),
        response: { 200: MemberCheck },
      },
    },
    async (req) => service.checkMember(actorOf(req), req.params.id, req.body.personId),
  );
  r.post(
    '/abroad/delegations/:id/members',
    {
      schema: {
        summary:
          "Add a person of the organiser's subtree (409 NEEDS_CONFIRMATION with warnings unless confirmed)",
        tags,
        params: IdParams,
        body: AddMemberBody,
        response: { 200: DelegationDetail },
      },
    },
    async (req) => service.addMember(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/abroad/delegations/:id/members/:memberId',
    {
      schema: {
        summary: 'Remove a member (before departure)',
        tags,
        params: MemberParams,
        response: { 200: DelegationDetail },
      },
    },
    async (req) => service.removeMember(actorOf(req), req.params.id, req.params.memberId),
  );
  r.put(
    '/abroad/delegations/:id/members/:memberId/report',
    {
      schema: {
        summary: "Record a member's report after return: the day handed in, a summary and/or a file",
        tags,
        params: MemberParams,
        body: ReportBody,
        response: { 200: DelegationDetail },
      },
    },
    async (req) => service.saveReport(actorOf(req), req.params.id, req.params.memberId, req.body),
  );
  r.get(
    '/abroad/delegations/:id/members/:memberId/report/file',
    { schema: { summary: "Download a member's report file", tags, params: MemberParams } },
    async (req, reply) => {
      const f = await service.reportFile(actorOf(req), req.params.id, req.params.memberId);
      reply.header('content-type', f.mimeType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
      return reply.send(f.content);
    },
  );
  r.get(
    '/abroad/reports/overdue',
    {
      schema: {
        summary: 'Reports past due (return + the days in force) across my subtree, the latest first',
        tags,
        response: { 200: OverdueReports },
      },
    },
    async (req) => reports.overdue(actorOf(req)),
  );
  r.get(
    '/people/:id/abroad',
    {
      schema: {
        summary: 'The delegations abroad a person was a member of',
        tags,
        params: IdParams,
        response: { 200: PersonDelegations },
      },
    },
    async (req) => reports.ofPerson(actorOf(req), req.params.id),
  );
}
