import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common';
import { NominationParams, NominationsView } from '../../../contracts/nominations';
import {
  BulkCheckBody,
  BulkCheckResult,
  BulkDecisionBody,
  BulkNominateBody,
  BulkResult,
  BulkWaitlistBody,
  WaitlistBody,
} from '../../../contracts/nominations-bulk';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createBulkNominations } from './nominations.bulk';
import type { createNominationService } from './nominations.service';
import { createWaitlistAction } from './nominations.waitlist';

/** Several people or nominations at once (ADR 042), and the single "back to the waitlist". */
export function nominationsBulkRoutes(
  app: FastifyInstance,
  deps: ModuleDeps,
  service: ReturnType<typeof createNominationService>,
) {
  const waitlist = createWaitlistAction({ db: deps.handle.db, clock: deps.clock });
  const bulk = createBulkNominations({
    db: deps.handle.db,
    service,
    waitlist,
    log: (err) => app.log.error({ err }, 'bulk nomination item failed'),
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['nominations'];
  const perItem =
    'Each item runs the single action in its own transaction (same checks, scope and audit); a refused ' +
    'item (404 out of scope, 409, 400) is reported in `results` and does not stop the others.';

  r.post(
    '/classes/:id/nominations/bulk/check',
    {
      schema: {
        summary: 'Before sending several people: each one with birth date, post, unit, warnings and seat',
        description: 'A person out of my subtree comes back with a 404 error and no name.',
        tags,
        params: IdParams,
        body: BulkCheckBody,
        response: { 200: BulkCheckResult },
      },
    },
    async (req) => bulk.check(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/classes/:id/nominations/bulk',
    {
      schema: {
        summary: 'Send several people at once; each takes a seat or joins the waitlist',
        description: `${perItem} Without \`confirm\`, people with warnings come back NEEDS_CONFIRMATION.`,
        tags,
        params: IdParams,
        body: BulkNominateBody,
        response: { 200: BulkResult },
      },
    },
    async (req) => bulk.nominate(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/classes/:id/nominations/bulk/decision',
    {
      schema: {
        summary: 'Approve or reject (with one reason) many nominations at once',
        description: perItem,
        tags,
        params: IdParams,
        body: BulkDecisionBody,
        response: { 200: BulkResult },
      },
    },
    async (req) => bulk.decide(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/classes/:id/nominations/bulk/waitlist',
    {
      schema: {
        summary: 'Move many pending nominations back to the waitlist at once',
        description: perItem,
        tags,
        params: IdParams,
        body: BulkWaitlistBody,
        response: { 200: BulkResult },
      },
    },
    async (req) => bulk.waitlist(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/classes/:id/nominations/:nominationId/waitlist',
    {
      schema: {
        summary: 'The organiser moves a pending nomination back to the end of the waitlist, freeing its seat',
        tags,
        params: NominationParams,
        body: WaitlistBody,
        response: { 200: NominationsView },
      },
    },
    async (req) => waitlist(actorOf(req), req.params.id, req.params.nominationId, req.body),
  );
}
