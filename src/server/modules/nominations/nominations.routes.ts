import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common';
import {
  DecisionBody,
  NominateBody,
  NominationCheck,
  NominationCheckBody,
  NominationParams,
  NominationsQuery,
  NominationsView,
  QuotasBody,
  SubstituteBody,
  Suggestions,
  SuggestionsQuery,
  WithdrawBody,
} from '../../../contracts/nominations';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { nominationsBulkRoutes } from './nominations.bulk.routes';
import { nominationsExport } from './nominations.export';
import { createNominationService } from './nominations.service';
import { suggestNominees } from './suggestions';

export function nominationsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const service = createNominationService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['nominations'];
  const view = { 200: NominationsView };
  nominationsExport(app, deps, service);
  nominationsBulkRoutes(app, deps, service);

  r.get(
    '/classes/:id/nominations',
    {
      schema: {
        summary: "A class's seats, unit quotas and the nominations I may see",
        description:
          "The class's managers see every nomination; a unit officer sees those of their subtree, the rest counted.",
        tags,
        params: IdParams,
        querystring: NominationsQuery,
        response: view,
      },
    },
    async (req) => service.get(actorOf(req), req.params.id, req.query.sort),
  );
  r.put(
    '/classes/:id/quotas',
    {
      schema: {
        summary: 'Set the seat quotas of units (replaces the set); the waitlist is promoted into new room',
        description:
          'Quotas must fit the capacity and never fall under the seats already held against them (400 on `quotas`).',
        tags,
        params: IdParams,
        body: QuotasBody,
        response: view,
      },
    },
    async (req) => service.setQuotas(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/classes/:id/nominations/suggestions',
    {
      schema: {
        summary:
          'The nomination assistant: people of my subtree with a gap the programme fills, not yet sent',
        tags,
        params: IdParams,
        querystring: SuggestionsQuery,
        response: { 200: Suggestions },
      },
    },
    async (req) => suggestNominees(handle.db, clock, actorOf(req), req.params.id, req.query),
  );
  r.post(
    '/classes/:id/nominations/check',
    {
      schema: {
        summary: 'Before sending: the warnings (held, covered, another class then) and seat or waitlist',
        tags,
        params: IdParams,
        body: NominationCheckBody,
        response: { 200: NominationCheck },
      },
    },
    async (req) => service.check(actorOf(req), req.params.id, req.body.personId),
  );
  r.post(
    '/classes/:id/nominations',
    {
      schema: {
        summary: 'Send a person: a seat (pending approval) when one is free, else the waitlist',
        description:
          'Only while the class is open for nomination and before its deadline (409). With warnings and ' +
          'without `confirm`: 409 NEEDS_CONFIRMATION, `details.warnings` lists them.',
        tags,
        params: IdParams,
        body: NominateBody,
        response: view,
      },
    },
    async (req) => service.nominate(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/classes/:id/nominations/:nominationId/decision',
    {
      schema: {
        summary: 'The organiser approves or rejects (with a reason); a freed seat goes to the waitlist',
        description:
          'Approving is the send-to-study decision: its number, date (not after today) and signer are ' +
          'recorded, required where the policy approvals.decision_required is on (ADR 044).',
        tags,
        params: NominationParams,
        body: DecisionBody,
        response: view,
      },
    },
    async (req) => service.decide(actorOf(req), req.params.id, req.params.nominationId, req.body),
  );
  r.post(
    '/classes/:id/nominations/:nominationId/withdraw',
    {
      schema: {
        summary: 'Withdraw a nomination with a reason; its seat goes to the waitlist at once',
        tags,
        params: NominationParams,
        body: WithdrawBody,
        response: view,
      },
    },
    async (req) => service.withdraw(actorOf(req), req.params.id, req.params.nominationId, req.body),
  );
  r.post(
    '/classes/:id/nominations/:nominationId/substitute',
    {
      schema: {
        summary: 'Send another person in the seat (same quota unit), with the reason; history is kept',
        tags,
        params: NominationParams,
        body: SubstituteBody,
        response: view,
      },
    },
    async (req) => service.substitute(actorOf(req), req.params.id, req.params.nominationId, req.body),
  );
}
