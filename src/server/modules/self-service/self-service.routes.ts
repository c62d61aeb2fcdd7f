import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common';
import {
  AcceptJoinRequestBody,
  DeclineJoinRequestBody,
  JoinRequest,
  JoinRequestBody,
  JoinRequestList,
  JoinRequestsQuery,
  MyClasses,
  OpenClasses,
} from '../../../contracts/self-service';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createJoinRequestService } from './join-requests.service';
import { createSelfService } from './self-service.service';

export function selfServiceRoutes(app: FastifyInstance, { handle, clock }: ModuleDeps) {
  const self = createSelfService({ db: handle.db, clock });
  const requests = createJoinRequestService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['self-service'];
  const one = { 200: JoinRequest };

  r.get(
    '/me/classes',
    {
      schema: {
        summary: 'My classes: every nomination of mine, my attendance per session, my scores, my result',
        description:
          'Learners only (403 for other roles). The result is the stored one once the class finished.',
        tags,
        response: { 200: MyClasses },
      },
    },
    async (req) => self.classes(actorOf(req)),
  );
  r.get(
    '/me/open-classes',
    {
      schema: {
        summary: 'Classes open for nomination my unit could send me to, with my request and nomination',
        tags,
        response: { 200: OpenClasses },
      },
    },
    async (req) => self.openClasses(actorOf(req)),
  );
  r.get(
    '/me/join-requests',
    { schema: { summary: 'My requests to join a class', tags, response: { 200: JoinRequestList } } },
    async (req) => requests.mine(actorOf(req)),
  );
  r.post(
    '/me/join-requests',
    {
      schema: {
        summary: 'Ask my unit officer to send me to a class open for nomination',
        description:
          'One pending request per class (409); not when already nominated or past the deadline (409).',
        tags,
        body: JoinRequestBody,
        response: one,
      },
    },
    async (req) => requests.create(actorOf(req), req.body),
  );
  r.post(
    '/me/join-requests/:id/cancel',
    { schema: { summary: 'Cancel my pending request', tags, params: IdParams, response: one } },
    async (req) => requests.cancel(actorOf(req), req.params.id),
  );
  r.get(
    '/join-requests',
    {
      schema: {
        summary: 'Requests to join a class of the people of my subtree (unit officers)',
        tags,
        querystring: JoinRequestsQuery,
        response: { 200: JoinRequestList },
      },
    },
    async (req) => requests.list(actorOf(req), req.query),
  );
  r.post(
    '/join-requests/:id/accept',
    {
      schema: {
        summary: 'Accept: send the nomination (seat or waitlist) and link it to the request',
        description:
          'Runs the nomination rules (window, seats, warnings). With warnings and without `confirm`: 409 ' +
          'NEEDS_CONFIRMATION with `details.warnings`, and the request stays pending.',
        tags,
        params: IdParams,
        body: AcceptJoinRequestBody,
        response: one,
      },
    },
    async (req) => requests.accept(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/join-requests/:id/decline',
    {
      schema: {
        summary: 'Decline with the reason the learner will read',
        tags,
        params: IdParams,
        body: DeclineJoinRequestBody,
        response: one,
      },
    },
    async (req) => requests.decline(actorOf(req), req.params.id, req.body),
  );
}
