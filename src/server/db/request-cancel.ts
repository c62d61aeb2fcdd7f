/**
 * Queries of a request whose client has gone are cancelled on PostgreSQL (ADR 032).
 *
 * A request runs inside `cancellable(signal, fn)`; every connection the pool hands out inside it
 * (plain queries, transactions, cursors) is remembered until released. When the signal aborts,
 * each connection still held gets `pg_cancel_backend(pid)` sent over a connection of its own (not
 * from the pool, which may be exhausted), so the running statement stops with SQLSTATE 57014. A
 * connection that was asked to cancel is closed when released, never handed to another request:
 * a cancel that arrives late can only hit a backend that nobody uses any more.
 *
 * Any pool can be instrumented (`instrumentPool`), so a read replica's pool behaves the same.
 * PGlite runs in this process and cannot be interrupted: there the signal is ignored.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

interface Held {
  client: pg.PoolClient;
  cancelled: boolean;
}

interface RequestScope {
  signal: AbortSignal;
  held: Set<Held>;
  /** How to reach the server of each held connection (per pool). */
  cancelVia: Map<Held, pg.ClientConfig>;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** SQLSTATE 57014 query_canceled: statement timeout or a cancel request. */
export const QUERY_CANCELED = '57014';

/** The error of a query that was not even started because the request was already abandoned. */
export class RequestAbandonedError extends Error {
  readonly code = QUERY_CANCELED;
  constructor() {
    super('canceling statement due to user request (the client has gone)');
  }
}

async function cancelBackend(config: pg.ClientConfig, pid: number): Promise<void> {
  const c = new pg.Client({ ...config, statement_timeout: 5000 });
  try {
    await c.connect();
    await c.query('select pg_cancel_backend($1)', [pid]);
  } finally {
    await c.end().catch(() => {});
  }
}

/** Run `fn` (and everything it starts) so that its queries are cancelled when `signal` aborts. */
export function cancellable<T>(signal: AbortSignal, fn: () => T): T {
  const scope: RequestScope = { signal, held: new Set(), cancelVia: new Map() };
  signal.addEventListener(
    'abort',
    () => {
      for (const h of scope.held) {
        const config = scope.cancelVia.get(h);
        const pid = (h.client as unknown as { processID: number | null }).processID;
        if (!config || !pid) continue;
        h.cancelled = true;
        cancelBackend(config, pid).catch((err) => {
          console.warn(`Could not cancel backend ${pid}: ${(err as Error).message}`);
        });
      }
    },
    { once: true },
  );
  return scopes.run(scope, fn);
}

type ConnectCallback = (err: Error | undefined, client?: pg.PoolClient, done?: unknown) => void;

/** Track the connections a cancellable request takes from this pool. */
export function instrumentPool(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (cb?: ConnectCallback) => Promise<pg.PoolClient> | undefined;
  const config = (pool as unknown as { options: pg.ClientConfig }).options;
  const track = (scope: RequestScope, client: pg.PoolClient) => {
    const h: Held = { client, cancelled: false };
    scope.held.add(h);
    scope.cancelVia.set(h, config);
    const release = client.release;
    client.release = (err?: Error | boolean) => {
      scope.held.delete(h);
      scope.cancelVia.delete(h);
      client.release = release;
      // A connection told to cancel is closed, so a late cancel cannot reach another request.
      return release(err || h.cancelled || undefined);
    };
  };
  pool.connect = ((cb?: ConnectCallback) => {
    const scope = scopes.getStore();
    if (!scope) return connect(cb);
    if (scope.signal.aborted) {
      const err = new RequestAbandonedError();
      if (cb) return cb(err);
      return Promise.reject(err);
    }
    if (cb)
      return connect((err, client, done) => {
        if (!err && client) track(scope, client);
        cb(err, client, done);
      });
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      track(scope, client);
      return client;
    });
  }) as typeof pool.connect;
}
