/**
 * Statement timeout and cancellation of abandoned reads, on real PostgreSQL (ADR 032).
 * PGlite runs in-process and cannot be interrupted; these tests need TEST_DATABASE_URL.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { type DbHandle, openPostgres } from './client';
import { migrate } from './migrate';

const adminUrl = process.env.TEST_DATABASE_URL;
type Shown = { rows: { statement_timeout: string }[] };

describe.skipIf(!adminUrl)('statement timeout and cancelled requests (postgres)', () => {
  const name = `dtbd_test_${crypto.randomBytes(6).toString('hex')}`;
  let url: string;
  let handle: DbHandle;
  let timed: DbHandle;
  let app: FastifyInstance;
  let timedApp: FastifyInstance;
  let base: string;
  const watcher = () => new pg.Client({ connectionString: url });

  /** Routes whose statement sleeps; the marker finds it in pg_stat_activity. */
  function slowRoutes(a: FastifyInstance, h: DbHandle) {
    const opts = { config: { public: true } };
    a.get<{ Querystring: { m: string; s?: string } }>('/__test/sleep', opts, async (req) => {
      await h.db.execute(sql.raw(`select pg_sleep(${Number(req.query.s ?? 20)}) /* ${req.query.m} */`));
      return { ok: true };
    });
    a.get<{ Querystring: { m: string } }>('/__test/sleep-in-tx', opts, async (req) => {
      await h.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await tx.execute(sql.raw(`select pg_sleep(20) /* ${req.query.m} */`));
      });
      return { ok: true };
    });
    a.post<{ Querystring: { m: string } }>('/__test/sleep', opts, async (req) => {
      await h.db.execute(sql.raw(`select pg_sleep(1.5) /* ${req.query.m} */`));
      return { ok: true };
    });
  }

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(adminUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
    handle = await openPostgres(url);
    await migrate(handle);
    timed = await openPostgres(url, { statementTimeoutMs: 300, bulkStatementTimeoutMs: 4000 });
    const config = loadConfig({ DTBD_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
    app = await buildApp({ handle, config, logger: false });
    slowRoutes(app, handle);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    timedApp = await buildApp({ handle: timed, config, logger: false });
    slowRoutes(timedApp, timed);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await timedApp?.close();
    await handle?.close();
    await timed?.close();
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });

  /** How many statements carrying the marker are running now. */
  async function running(marker: string): Promise<number> {
    const c = watcher();
    await c.connect();
    try {
      const { rows } = await c.query(
        `select count(*)::int as n from pg_stat_activity
         where state = 'active' and pid <> pg_backend_pid() and query like $1`,
        [`%/* ${marker} */%`],
      );
      return rows[0].n;
    } finally {
      await c.end();
    }
  }

  async function waitFor(pred: () => Promise<boolean>, ms: number): Promise<number> {
    const t0 = Date.now();
    while (Date.now() - t0 < ms) {
      if (await pred()) return Date.now() - t0;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`condition not met within ${ms} ms`);
  }

  /** Start a request, wait until its statement runs, drop the connection; ms until it is gone. */
  async function abandon(method: 'GET' | 'POST', path: string, marker: string) {
    const req = http.request(`${base}${path}`, { method });
    req.on('error', () => {});
    req.end();
    await waitFor(async () => (await running(marker)) === 1, 5000);
    req.destroy();
    return waitFor(async () => (await running(marker)) === 0, 2000);
  }

  it('cancels the running statement of a read whose client has gone', async () => {
    const m = `m${crypto.randomBytes(4).toString('hex')}`;
    const gone = await abandon('GET', `/__test/sleep?m=${m}`, m);
    expect(gone).toBeLessThan(2000);
    // The pool still answers (the cancelled connection was closed, not reused).
    const res = await app.inject({ method: 'GET', url: `/__test/sleep?m=x&s=0` });
    expect(res.statusCode).toBe(200);
  });

  it('cancels a statement inside a read transaction too', async () => {
    const m = `m${crypto.randomBytes(4).toString('hex')}`;
    expect(await abandon('GET', `/__test/sleep-in-tx?m=${m}`, m)).toBeLessThan(2000);
  });

  it('lets a write finish when its client has gone', async () => {
    const m = `m${crypto.randomBytes(4).toString('hex')}`;
    const req = http.request(`${base}/__test/sleep?m=${m}`, { method: 'POST' });
    req.on('error', () => {});
    req.end();
    await waitFor(async () => (await running(m)) === 1, 5000);
    req.destroy();
    await new Promise((r) => setTimeout(r, 700));
    expect(await running(m)).toBe(1);
    await waitFor(async () => (await running(m)) === 0, 3000);
  });

  it('a finished request leaves other requests alone', async () => {
    // A quick read completes; a slow one started after it keeps running.
    expect((await app.inject({ method: 'GET', url: '/__test/sleep?m=q&s=0' })).statusCode).toBe(200);
    const m = `m${crypto.randomBytes(4).toString('hex')}`;
    const slow = app.inject({ method: 'GET', url: `/__test/sleep?m=${m}&s=1` });
    await waitFor(async () => (await running(m)) === 1, 5000);
    expect((await slow).statusCode).toBe(200);
  });

  it('stops a statement past the timeout with 503 QUERY_TIMEOUT in both languages', async () => {
    const vi = await timedApp.inject({ method: 'GET', url: '/__test/sleep?m=t&s=2' });
    expect(vi.statusCode).toBe(503);
    expect(vi.json().error.code).toBe('QUERY_TIMEOUT');
    expect(vi.json().error.message).toContain('quá thời gian');
    expect(vi.headers['retry-after']).toBe('30');
    const en = await timedApp.inject({
      method: 'GET',
      url: '/__test/sleep?m=t&s=2',
      headers: { 'x-dtbd-lang': 'en' },
    });
    expect(en.json().error.message).toContain('time limit');
    // Under the limit the same route answers.
    expect((await timedApp.inject({ method: 'GET', url: '/__test/sleep?m=t&s=0.05' })).statusCode).toBe(200);
  });

  it('gives bulk transactions (imports) the bulk limit instead', async () => {
    const shown = await timed.transactionWithCopy(async (t) => {
      const r = (await t.db.execute(sql`show statement_timeout`)) as unknown as Shown;
      await t.db.execute(sql`select pg_sleep(0.5)`);
      return r.rows[0].statement_timeout;
    });
    expect(shown).toBe('4s');
    const outside = (await timed.db.execute(sql`show statement_timeout`)) as unknown as Shown;
    expect(outside.rows[0].statement_timeout).toBe('300ms');
  });

  it('opens as many connections side by side as DB_POOL_MAX allows (ADR 046)', async () => {
    const wide = await openPostgres(url, { poolMax: 12 });
    try {
      const backends = async (h: DbHandle, n: number) => {
        const pids = await Promise.all(
          Array.from({ length: n }, async () => {
            const r = (await h.db.execute(sql`select pg_backend_pid() as pid, pg_sleep(0.3)`)) as unknown as {
              rows: { pid: number }[];
            };
            return r.rows[0].pid;
          }),
        );
        return new Set(pids).size;
      };
      expect(await backends(wide, 12)).toBe(12);
      expect(await backends(handle, 12)).toBe(10);
    } finally {
      await wide.close();
    }
  });
});
