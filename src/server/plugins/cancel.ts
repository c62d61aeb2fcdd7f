import type { FastifyInstance } from 'fastify';
import { cancellable } from '../db/request-cancel';

/**
 * A read (GET/HEAD) whose client disconnects before the answer is complete has its running
 * PostgreSQL statements cancelled (ADR 032). Writes are left to finish: a write cut halfway
 * would leave the user unsure whether it happened, and each runs in one short transaction.
 */
export function registerRequestCancel(app: FastifyInstance): void {
  app.addHook('onRequest', (req, reply, done) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return done();
    const controller = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    cancellable(controller.signal, done);
  });
}
