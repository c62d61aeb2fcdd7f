/**
 * Which requests read from the replica, and read-your-writes across app processes (ADR 034).
 * Reports, dashboards, exports and lists (GET, by route pattern) read from the replica once the
 * session is resolved on the primary. After any request that wrote, the response carries the
 * primary's WAL position in a cookie; a later request of that browser (to any process) reads from
 * the replica only once the replica has replayed past it. The cookie outlives the largest lag
 * threshold plus check interval allowed (60 s + 10 s), after which the lag check alone keeps the
 * write visible. Nothing here runs without DATABASE_READ_URL.
 */
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../db/client';
import { newReadScope, parseLsn, type ReadScope, readRouterOf, runInReadScope } from '../db/read-replica';

export const LSN_COOKIE = 'dtbd_lsn';
export const READ_YOUR_WRITES_SECONDS = 600;
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Routes whose reads may go to the replica: data, not code paths (keep in step with docs/SCALING.md). */
export const REPLICA_READS = {
  /** Reports and dashboards. */
  prefixes: [
    '/api/reports/',
    '/api/dashboard',
    '/api/standards/gaps/',
    '/api/ratings/distribution',
    '/api/eligibility/:purpose/people',
    '/api/abroad/reports/',
    '/api/plans/actual',
  ],
  /** Exports. */
  suffixes: ['/export.xlsx', '/export.csv'],
  /** Lists (first pages and filters). */
  lists: [
    '/api/people',
    '/api/classes',
    '/api/plans',
    '/api/institutions',
    '/api/lecturers',
    '/api/programmes',
    '/api/postgraduate',
    '/api/abroad/delegations',
    '/api/audit',
    '/api/users',
    '/api/certificate-registers',
    '/api/needs/campaigns',
  ],
};

export function readsFromReplica(method: string, routeUrl: string | undefined): boolean {
  if (!SAFE_METHODS.has(method) || !routeUrl) return false;
  return (
    REPLICA_READS.lists.includes(routeUrl) ||
    REPLICA_READS.prefixes.some((p) => routeUrl.startsWith(p)) ||
    REPLICA_READS.suffixes.some((s) => routeUrl.endsWith(s))
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    readScope?: ReadScope;
  }
}

/** Register after the session hook, so the session is always read on the primary. */
export function registerReadRouting(app: FastifyInstance, handle: DbHandle, opts: { secure: boolean }) {
  const router = readRouterOf(handle);
  if (!router) return;
  app.addHook('onRequest', (req, _reply, done) => {
    const scope = newReadScope(parseLsn(req.cookies?.[LSN_COOKIE]));
    req.readScope = scope;
    runInReadScope(scope, done);
  });
  app.addHook('preHandler', async (req) => {
    if (req.readScope && readsFromReplica(req.method, req.routeOptions.url))
      req.readScope.replicaAllowed = true;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.readScope?.wrote && SAFE_METHODS.has(req.method)) return payload;
    try {
      const lsn = await router.primaryLsn();
      reply.header(
        'set-cookie',
        app.serializeCookie(LSN_COOKIE, lsn, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: opts.secure,
          maxAge: READ_YOUR_WRITES_SECONDS,
        }),
      );
    } catch (err) {
      req.log.warn({ err }, 'could not read the primary WAL position');
    }
    return payload;
  });
}
