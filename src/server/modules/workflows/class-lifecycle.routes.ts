/**
 * The routes that run a class's life cycle (ADR 031): changing a class and moving its status.
 * They live here, not in classes/, because their effects span nominations, results and
 * certificates; the other /classes routes are in classes/classes.routes.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClassDetail, ClassStatusBody, UpdateClassBody } from '../../../contracts/classes';
import { IdParams } from '../../../contracts/common';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createClassLifecycle } from './class-lifecycle';

export function classLifecycleRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const lifecycle = createClassLifecycle({ db: deps.handle.db, clock: deps.clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['classes'];

  r.patch(
    '/classes/:id',
    {
      schema: {
        summary: 'Change a class (until it is finished); `version` must be the one read (409 otherwise)',
        tags,
        params: IdParams,
        body: UpdateClassBody,
        response: { 200: ClassDetail },
      },
    },
    async (req) => lifecycle.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/classes/:id/status',
    {
      schema: {
        summary:
          'Move a class: planned -> open for nomination -> running -> finished -> closed, or cancel it',
        description:
          'Moves outside the life cycle answer 409; cancelling needs a comment (the reason). Finishing and ' +
          'closing wait for the end of the last session (and the days of the class.calendar policy): before, ' +
          '409 TOO_EARLY with details.possibleFrom (ADR 025); the class detail says so in notYet.',
        tags,
        params: IdParams,
        body: ClassStatusBody,
        response: { 200: ClassDetail },
      },
    },
    async (req) => lifecycle.move(actorOf(req), req.params.id, req.body),
  );
}
