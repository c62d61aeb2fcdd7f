/**
 * Reads on a streaming replica (issue 15, ADR 034). The primary's pool keeps serving everything;
 * its `query` is wrapped so that a plain read made inside a request the policy marks as a read
 * (plugins/read-routing.ts) goes to the replica instead, when the replica is
 *  - up (a standby answering), and
 *  - no further behind than `maxLagMs` (lag measured by the monitor below), and
 *  - past the WAL position this browser's last write left on the primary (read-your-writes).
 * Everything else stays on the primary: writes, transactions (`pool.connect()`), requests that
 * have written, requests outside the policy, and any read after the replica failed it. A request
 * keeps the side its first read chose, so a cached result is never computed on an older copy than
 * the data version it is keyed by. PGlite has no replica (one process owns its directory, ADR 005).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { ReadReplicaConfig } from '../config';
import { type DbHandle, openPostgres, type PostgresOptions } from './client';
import { instrumentPool } from './request-cancel';

/** What one request may read from the replica, and what it has done so far. */
export interface ReadScope {
  /** The policy sends this request's reads to the replica (set once the session is resolved). */
  replicaAllowed: boolean;
  /** The primary's WAL position after this browser's last write, or null. */
  minLsn: bigint | null;
  /** Where this request's reads go, decided at its first read and kept until it ends. */
  target: 'primary' | 'replica' | null;
  /** The request wrote or opened a transaction: its later reads stay on the primary. */
  wrote: boolean;
}

const scopes = new AsyncLocalStorage<ReadScope>();

export const newReadScope = (minLsn: bigint | null = null): ReadScope => ({
  replicaAllowed: false,
  minLsn,
  target: null,
  wrote: false,
});

/** Run `fn` (and everything it starts) inside `scope`. */
export const runInReadScope = <T>(scope: ReadScope, fn: () => T): T => scopes.run(scope, fn);

/** "16/B374D848" -> a comparable number; null for anything else. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? '');
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

const READS = /^\s*\(?\s*(select|with|explain)\b/i;
const WRITES =
  /\b(insert\s+into|update\s+[\w."]+\s+set|delete\s+from|for\s+(no\s+key\s+)?update|for\s+(key\s+)?share|nextval|setval|set_config|pg_advisory\w*)\b/i;
/** A statement a standby can answer; anything else (or a doubt) goes to the primary. */
export const isReadOnlySql = (text: string): boolean => READS.test(text) && !WRITES.test(text);

/**
 * Errors after which a read is answered by the primary: the standby refused a write it did not
 * recognise (25006), cancelled for a recovery conflict (40001), or the connection failed (no
 * SQLSTATE, class 08, admin shutdown 57P01-57P03). The last ones also mark the replica down.
 */
function replicaFailure(err: unknown): 'retry' | 'down' | null {
  const code = (err as { code?: string }).code ?? '';
  if (code === '25006' || code === '40001') return 'retry';
  if (!/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code)) return 'down';
  return null;
}

export type ReplicaStatus = 'unknown' | 'up' | 'lagging' | 'down';
type Log = (message: string) => void;
type QueryFn = pg.Pool['query'];

/**
 * Watches the replica: every `checkMs` it reads the primary's WAL position, then the replica's
 * replay position. Each new primary position is kept with the time it was first seen until the
 * replica has replayed past it; the lag is the age of the oldest one not yet replayed (a lower
 * bound, exact to one check interval). The first position seen at start has an unknown age, so a
 * replica that starts behind counts as lagging until it passes it.
 */
export class ReadRouter {
  status: ReplicaStatus = 'unknown';
  lagMs = 0;
  replayLsn: bigint | null = null;
  readonly counts = { primary: 0, replica: 0, fallbacks: 0 };
  private samples: { at: number; lsn: bigint }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | null = null;

  constructor(
    readonly replica: pg.Pool,
    private readonly primaryQuery: QueryFn,
    readonly config: ReadReplicaConfig,
    private readonly log: Log,
  ) {}

  /** The primary's current WAL position (after a write: at or past its commit). */
  async primaryLsn(): Promise<string> {
    const r = await this.primaryQuery<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    return r.rows[0].lsn;
  }

  /** One check (concurrent callers share it). */
  check(): Promise<void> {
    this.checking ??= this.checkOnce().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    const now = Date.now();
    try {
      const lsn = parseLsn(await this.primaryLsn());
      const last = this.samples.at(-1);
      if (lsn !== null && (!last || lsn > last.lsn))
        this.samples.push({ at: this.status === 'unknown' && !last ? -Infinity : now, lsn });
      // Long outages: keep the oldest (it carries the lag) and the newest.
      if (this.samples.length > 1000) this.samples.splice(1, 1);
    } catch {
      // The primary's own trouble shows on its own queries; the replica's lag is unchanged.
    }
    let replay: bigint | null;
    try {
      // Bounded: a replica that stops answering (not refusing) must not stall the checks.
      const r = await this.replica.query<{ standby: boolean; lsn: string | null }>({
        text: 'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn',
        query_timeout: 2_000 + this.config.checkMs,
      } as pg.QueryConfig);
      if (!r.rows[0].standby) return this.setStatus('down', 'it is not a standby (promoted?)');
      replay = parseLsn(r.rows[0].lsn);
    } catch (err) {
      return this.setStatus('down', (err as Error).message);
    }
    this.noteReplay(replay);
    this.samples = this.samples.filter((s) => replay === null || s.lsn > replay);
    this.lagMs = this.samples.length ? Math.max(0, Date.now() - this.samples[0].at) : 0;
    if (this.lagMs > this.config.maxLagMs)
      this.setStatus('lagging', `${Number.isFinite(this.lagMs) ? this.lagMs : '?'} ms behind`);
    else this.setStatus('up', `${this.lagMs} ms behind`);
  }

  private noteReplay(lsn: bigint | null) {
    if (lsn !== null && (this.replayLsn === null || lsn > this.replayLsn)) this.replayLsn = lsn;
  }

  private setStatus(status: ReplicaStatus, why: string) {
    if (status === this.status) return;
    const was = this.status;
    this.status = status;
    if (status === 'up')
      this.log(
        `Bản sao đọc đã sẵn sàng, đọc lại từ bản sao (${why}) / read replica ${was === 'unknown' ? 'ready' : 'back'}: reads go to it (${why})`,
      );
    else
      this.log(
        `Bản sao đọc ${status === 'down' ? 'không dùng được' : 'chậm quá ngưỡng'}, đọc từ máy chính / read replica ${status}: reads go to the primary (${why})`,
      );
  }

  /** Start checking; resolves after the first check (a replica down at start is logged, not fatal). */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.config.checkMs);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
  }

  /** Where the first read of a request in `scope` goes. */
  async choose(scope: ReadScope): Promise<'primary' | 'replica'> {
    if (this.status !== 'up') return 'primary';
    if (scope.minLsn === null || (this.replayLsn !== null && this.replayLsn >= scope.minLsn))
      return 'replica';
    // This browser wrote lately: ask the replica how far it has replayed now.
    try {
      const r = await this.replica.query<{ lsn: string | null }>(
        'select pg_last_wal_replay_lsn()::text as lsn',
      );
      this.noteReplay(parseLsn(r.rows[0].lsn));
    } catch (err) {
      this.failed(err);
      return 'primary';
    }
    return this.replayLsn !== null && this.replayLsn >= scope.minLsn ? 'replica' : 'primary';
  }

  /** A replica query failed: true when it is to be answered by the primary instead. */
  failed(err: unknown): boolean {
    const kind = replicaFailure(err);
    if (kind === 'down') this.setStatus('down', (err as Error).message);
    return kind !== null;
  }
}

const textOf = (first: unknown) =>
  typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
const BEGIN = /^\s*begin\b/i;
const TX_CONTROL = /^\s*(begin|commit|rollback|savepoint|release|set)\b/i;
/** A transaction that says it only reads, or a planner setting for this transaction (`set local jit = off`). */
const READ_ONLY_START =
  /^\s*set\s+(transaction\b[^;]*\bread\s+only\b|local\s+\w+\s*(=|to)\s*[\w.'"]+\s*;?\s*$)/i;

/**
 * A transaction opened in a replica-allowed request (reports run in a read-only repeatable-read
 * transaction; gap statements in one with `set local jit = off`). Its `begin` waits for the first
 * statement after it: a read, `set transaction ... read only` or `set local <setting>` opens it on
 * the replica (when usable for this browser); anything else opens it on the primary and the
 * request counts as having written. A later write inside a replica transaction fails (25006): the
 * routes of REPLICA_READS only read.
 */
function deferredClient(
  scope: ReadScope,
  router: ReadRouter,
  primaryConnect: () => Promise<pg.PoolClient>,
): pg.PoolClient {
  let real: pg.PoolClient | null = null;
  let side: 'primary' | 'replica' = 'primary';
  let begin: unknown[] | null = null;
  const open = async (text: string) => {
    const reads = isReadOnlySql(text) || READ_ONLY_START.test(text);
    if (reads) scope.target ??= await router.choose(scope);
    if (reads && scope.target === 'replica') {
      try {
        real = await router.replica.connect();
        side = 'replica';
      } catch (err) {
        if (!router.failed(err)) throw err;
        router.counts.fallbacks++;
        scope.target = 'primary';
      }
    }
    if (!real) {
      scope.wrote ||= !reads;
      real = await primaryConnect();
    }
    if (begin) await (real.query as (...a: unknown[]) => Promise<unknown>)(...begin);
    return real;
  };
  const client = {
    async query(...args: unknown[]) {
      const text = textOf(args[0]);
      if (!real && !begin && BEGIN.test(text)) {
        begin = args;
        return { command: 'BEGIN', rowCount: null, rows: [], fields: [] };
      }
      const conn = real ?? (await open(text));
      router.counts[side]++;
      if (side === 'primary' && !isReadOnlySql(text) && !TX_CONTROL.test(text)) scope.wrote = true;
      return (conn.query as (...a: unknown[]) => Promise<unknown>)(...args);
    },
    release(err?: Error | boolean) {
      (real as pg.PoolClient | null)?.release(err);
    },
  };
  return client as unknown as pg.PoolClient;
}

/**
 * Wrap the primary pool's `query` and `connect` so reads in a replica-allowed request go to the
 * replica. `connect()` without a callback is a transaction or COPY (pg-pool's own `query` passes
 * one): in a replica-allowed request it is decided by its first statement (deferredClient),
 * elsewhere it is on the primary and the request counts as having written.
 */
function routeReads(primary: pg.Pool, router: ReadRouter, primaryQuery: QueryFn) {
  const primaryConnect = primary.connect.bind(primary) as (cb?: unknown) => unknown;
  primary.connect = ((cb?: unknown) => {
    const scope = scopes.getStore();
    if (!scope || cb !== undefined) return primaryConnect(cb);
    if (scope.replicaAllowed && !scope.wrote && scope.target !== 'primary')
      return Promise.resolve(deferredClient(scope, router, primaryConnect as () => Promise<pg.PoolClient>));
    scope.wrote = true;
    return primaryConnect();
  }) as typeof primary.connect;

  const onPrimary = (args: unknown[]) => {
    router.counts.primary++;
    return (primaryQuery as (...a: unknown[]) => unknown)(...args);
  };
  primary.query = ((...args: unknown[]) => {
    const scope = scopes.getStore();
    const text = textOf(args[0]);
    if (!scope || typeof args.at(-1) === 'function') return onPrimary(args);
    if (!isReadOnlySql(text)) {
      scope.wrote = true;
      return onPrimary(args);
    }
    if (!scope.replicaAllowed || scope.wrote || scope.target === 'primary') return onPrimary(args);
    return (async () => {
      scope.target ??= await router.choose(scope);
      if (scope.target === 'primary') return onPrimary(args);
      try {
        const result = await (router.replica.query as (...a: unknown[]) => Promise<unknown>)(...args);
        router.counts.replica++;
        return result;
      } catch (err) {
        if (!router.failed(err)) throw err;
        router.counts.fallbacks++;
        scope.target = 'primary';
        return onPrimary(args);
      }
    })();
  }) as QueryFn;
}

const routers = new WeakMap<object, ReadRouter>();

/** The router of a handle opened with a replica, if any. */
export const readRouterOf = (handle: DbHandle): ReadRouter | undefined => routers.get(handle.db);

/**
 * Open the primary as usual, then route reads to the replica (down at start: logged, not fatal).
 * `log` takes the replica's state changes (default: console.warn); `postgres` are the primary pool's
 * options (size, timeouts), which the replica's pool copies.
 */
export async function openWithReadReplica(
  primaryUrl: string,
  config: ReadReplicaConfig,
  { log = (m) => console.warn(m), postgres = {} }: { log?: Log; postgres?: PostgresOptions } = {},
): Promise<DbHandle> {
  const handle = await openPostgres(primaryUrl, postgres);
  const primary = (handle.db as unknown as { $client: pg.Pool }).$client;
  // The primary pool's settings (size, timeouts) for the replica too, with its own address.
  const replica = new pg.Pool({
    ...(primary as unknown as { options: pg.PoolConfig }).options,
    connectionString: config.url,
    connectionTimeoutMillis: 3_000,
  });
  // A replica read whose client has gone is cancelled like a primary one (ADR 032).
  instrumentPool(replica);
  const primaryQuery = primary.query.bind(primary) as QueryFn;
  const router = new ReadRouter(replica, primaryQuery, config, log);
  // An idle replica connection dropped (replica stopped): one "down" line, not one per connection.
  replica.on('error', (err) => router.failed(err));
  routeReads(primary, router, primaryQuery);
  routers.set(handle.db, router);
  await router.start();
  return {
    ...handle,
    async close() {
      router.stop();
      await replica.end().catch(() => {});
      await handle.close();
    },
  };
}
