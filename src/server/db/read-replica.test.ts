/**
 * Reads on a real streaming replica (ADR 034). Runs only when TEST_PRIMARY_URL and TEST_REPLICA_URL
 * name a primary and its hot standby (scripts/pg-replica.sh start; .ci/run does it). Which side
 * answered is proven by the data: with replay paused, a row written on the primary is missing on
 * the replica.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LSN_COOKIE, readsFromReplica } from '../plugins/read-routing';
import { type Session, useTestApp } from '../test/app';
import { freshPostgres } from '../test/db';
import { makePerson, makeUser, PASSWORD } from '../test/fixtures/org';
import type { Queryable } from './client';
import {
  isReadOnlySql,
  newReadScope,
  openWithReadReplica,
  parseLsn,
  type ReadRouter,
  readRouterOf,
  runInReadScope,
} from './read-replica';
import { rowsOf } from './rows';

const PRIMARY = process.env.TEST_PRIMARY_URL;
const REPLICA = process.env.TEST_REPLICA_URL;
const MAX_LAG_MS = 1500;
const script = path.resolve(__dirname, '../../../scripts/pg-replica.sh');

describe('read replica helpers', () => {
  it('reads LSNs and tells reads from writes', () => {
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn('0/3000000')! < parseLsn('0/3000001')!).toBe(true);
    expect(parseLsn(null)).toBeNull();
    expect(parseLsn('nonsense')).toBeNull();
    expect(isReadOnlySql('select * from "people" where "id" = $1')).toBe(true);
    expect(isReadOnlySql('  with x as (select 1) select * from x')).toBe(true);
    expect(isReadOnlySql('insert into "people" ("x") values ($1)')).toBe(false);
    expect(isReadOnlySql('with x as (delete from t returning *) select * from x')).toBe(false);
    expect(isReadOnlySql('select * from t for update')).toBe(false);
    expect(isReadOnlySql("select nextval('s')")).toBe(false);
    expect(isReadOnlySql('begin')).toBe(false);
    // The people search asks the planner first (EXPLAIN, not run): a read; EXPLAIN of a write is not.
    expect(isReadOnlySql('explain (format json) (select "people"."id" from "people")')).toBe(true);
    expect(isReadOnlySql('explain analyze delete from t')).toBe(false);
  });
});

describe('without DATABASE_READ_URL', () => {
  const t = useTestApp('pglite');
  it('nothing is routed and no WAL position cookie is set (PGlite has no replica)', async () => {
    expect(readRouterOf(t.handle)).toBeUndefined();
    const u = await makeUser(t.handle.db, 'viewer', t.root);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).not.toContain(LSN_COOKIE);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json().replica).toEqual({ configured: false });
  });
});

describe.skipIf(!PRIMARY || !REPLICA)('read replica on a real primary and standby', () => {
  const logs: string[] = [];
  let replicaAdmin: pg.Client;
  let router: ReadRouter;
  const t = useTestApp('postgres', {
    openDb: async () => {
      const { handle, drop } = await freshPostgres(PRIMARY, (url) => {
        const replica = new URL(REPLICA!);
        replica.pathname = new URL(url).pathname;
        return openWithReadReplica(
          url,
          { url: replica.toString(), maxLagMs: MAX_LAG_MS, checkMs: 100 },
          { log: (m) => logs.push(m) },
        );
      });
      const cleanup = async () => {
        await handle.close();
        await drop();
      };
      return { handle, cleanup };
    },
  });

  const until = async (what: () => boolean | Promise<boolean>, ms = 15_000) => {
    const end = Date.now() + ms;
    while (!(await what())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const names = async (s: Session, q: string, lsn?: string) => {
    const res = await t.call(s, {
      method: 'GET',
      url: `/api/people?q=${encodeURIComponent(q)}`,
      headers: { cookie: lsn ? `${s.cookie}; ${LSN_COOKIE}=${lsn}` : s.cookie },
    });
    expect(res.statusCode).toBe(200);
    return (res.json().items as { fullName: string }[]).map((p) => p.fullName);
  };
  // The tests stop the replica: its admin connection is dropped then, not an error of the test.
  const adminOfReplica = async () => {
    const c = new pg.Client({ connectionString: REPLICA });
    c.on('error', () => {});
    await c.connect();
    return c;
  };
  const replay = (fn: 'pause' | 'resume') => replicaAdmin.query(`select pg_wal_replay_${fn}()`);
  const caughtUp = async () => {
    const lsn = rowsOf<{ lsn: string }>(
      await t.handle.db.execute(sql`select pg_current_wal_lsn()::text as lsn`),
    )[0];
    await until(() => router.status === 'up' && (router.replayLsn ?? 0n) >= parseLsn(lsn.lsn)!);
  };

  beforeAll(async () => {
    router = readRouterOf(t.handle)!;
    replicaAdmin = await adminOfReplica();
    await caughtUp();
  });
  afterAll(async () => {
    await replay('resume').catch(() => {});
    await replicaAdmin.end().catch(() => {});
  });

  it('/api/health reports the replica: configured, up, its lag', async () => {
    const health = (await t.app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health.replica).toMatchObject({ configured: true, status: router.status });
    expect(typeof health.replica.lagMs).toBe('number');
  });

  it('lists read from the replica, sessions and detail pages from the primary', async () => {
    const reader = await t.as('training_officer', t.root);
    await replay('pause');
    try {
      const p = await makePerson(t.handle.db, t.communeA, { fullName: 'Phạm Văn Phát Lại' });
      // Not replayed yet: the list (replica) does not have it; the detail page (primary) does.
      expect(await names(reader, 'Phát Lại')).toEqual([]);
      const detail = await t.call(reader, { method: 'GET', url: `/api/people/${p.id}` });
      expect(detail.statusCode).toBe(200);
      expect(detail.json().fullName).toBe('Phạm Văn Phát Lại');
    } finally {
      await replay('resume');
    }
    await caughtUp();
    const before = router.counts.replica;
    expect(await names(reader, 'Phát Lại')).toEqual(['Phạm Văn Phát Lại']);
    expect(router.counts.replica).toBeGreaterThan(before);
  });

  it('the browser that wrote reads its write (from the primary until the replica has replayed it)', async () => {
    const writer = await t.as('training_officer', t.root);
    const other = await t.as('training_officer', t.root);
    await caughtUp();
    await replay('pause');
    let lsn: string;
    try {
      const res = await t.call(writer, {
        method: 'POST',
        url: '/api/people',
        payload: {
          fullName: 'Đỗ Thị Vừa Ghi',
          birthDate: '1990-05-17',
          gender: 'F',
          category: 'CC',
          rank: 'CV',
          unitId: t.communeA.id,
        },
      });
      expect(res.statusCode).toBe(200);
      const cookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith(`${LSN_COOKIE}=`));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      lsn = String(cookie).split(';')[0].split('=')[1];
      expect(parseLsn(lsn)).not.toBeNull();
      expect(parseLsn(lsn)! > (router.replayLsn ?? 0n)).toBe(true);
      // The writer sees it at once; someone else, reading from the paused replica, not yet.
      expect(await names(writer, 'Vừa Ghi', lsn)).toEqual(['Đỗ Thị Vừa Ghi']);
      expect(await names(other, 'Vừa Ghi')).toEqual([]);
    } finally {
      await replay('resume');
    }
    await caughtUp();
    // Replayed: the writer's reads go back to the replica, and everyone sees the row.
    const before = router.counts.replica;
    expect(await names(writer, 'Vừa Ghi', lsn)).toEqual(['Đỗ Thị Vừa Ghi']);
    expect(router.counts.replica).toBeGreaterThan(before);
    expect(await names(other, 'Vừa Ghi')).toEqual(['Đỗ Thị Vừa Ghi']);
  });

  it('a replica lagging past the threshold is left for the primary, with a log line, until it catches up', async () => {
    const reader = await t.as('training_officer', t.root);
    await caughtUp();
    await replay('pause');
    try {
      await makePerson(t.handle.db, t.communeA, { fullName: 'Vũ Văn Chậm Trễ' });
      expect(await names(reader, 'Chậm Trễ')).toEqual([]);
      await until(() => router.status === 'lagging');
      expect(router.lagMs).toBeGreaterThan(MAX_LAG_MS);
      expect(logs.some((l) => l.includes('read replica lagging'))).toBe(true);
      expect(await names(reader, 'Chậm Trễ')).toEqual(['Vũ Văn Chậm Trễ']);
    } finally {
      await replay('resume');
    }
    await caughtUp();
    expect(logs.at(-1)).toMatch(/read replica back/);
  });

  it('a stopped replica is left for the primary, and used again once it is back', async () => {
    const reader = await t.as('training_officer', t.root);
    await makePerson(t.handle.db, t.communeA, { fullName: 'Hoàng Văn Mất Kết Nối' });
    await caughtUp();
    execFileSync('bash', [script, 'stop-replica'], { stdio: 'inherit' });
    try {
      // The first read may still find the old pool's connection: it fails over inside the request.
      expect(await names(reader, 'Mất Kết Nối')).toEqual(['Hoàng Văn Mất Kết Nối']);
      await until(() => router.status === 'down');
      expect(logs.some((l) => l.includes('read replica down'))).toBe(true);
      const before = router.counts.replica;
      expect(await names(reader, 'Mất Kết Nối')).toEqual(['Hoàng Văn Mất Kết Nối']);
      expect(router.counts.replica).toBe(before);
    } finally {
      execFileSync('bash', [script, 'start-replica'], { stdio: 'inherit' });
      await replicaAdmin.end().catch(() => {});
      replicaAdmin = await adminOfReplica();
    }
    await caughtUp();
    const before = router.counts.replica;
    expect(await names(reader, 'Mất Kết Nối')).toEqual(['Hoàng Văn Mất Kết Nối']);
    expect(router.counts.replica).toBeGreaterThan(before);
  }, 60_000);

  it('inside a replica request: reads go to the replica, a write and everything after it to the primary', async () => {
    await caughtUp();
    const scope = newReadScope();
    scope.replicaAllowed = true;
    const c0 = { ...router.counts };
    await runInReadScope(scope, async () => {
      expect(rowsOf(await t.handle.db.execute(sql`select pg_is_in_recovery() as standby`))[0]).toEqual({
        standby: true,
      });
      expect(router.counts.replica).toBe(c0.replica + 1);
      await t.handle.db.execute(
        sql`insert into rate_limit_hits (key, window_start, hits) values ('x', now(), 1)`,
      );
      expect(scope.wrote).toBe(true);
      expect(rowsOf(await t.handle.db.execute(sql`select pg_is_in_recovery() as standby`))[0]).toEqual({
        standby: false,
      });
    });
    expect(router.counts.fallbacks).toBe(c0.fallbacks);
    // Outside any request (start-up, CLI, tests): the primary.
    expect(rowsOf(await t.handle.db.execute(sql`select pg_is_in_recovery() as standby`))[0]).toEqual({
      standby: false,
    });
  });

  it('transactions of a replica request: read-only ones on the replica, others on the primary', async () => {
    await caughtUp();
    const standby = async (q: Queryable) =>
      rowsOf<{ standby: boolean }>(await q.execute(sql`select pg_is_in_recovery() as standby`))[0].standby;
    const inScope = <T>(fn: (s: ReturnType<typeof newReadScope>) => Promise<T>) => {
      const scope = newReadScope();
      scope.replicaAllowed = true;
      return runInReadScope(scope, () => fn(scope));
    };
    // A report: one read-only repeatable-read snapshot.
    await inScope(async (scope) => {
      const seen = await t.handle.db.transaction(async (tx) => {
        await tx.execute(sql`set transaction isolation level repeatable read, read only`);
        return standby(tx);
      });
      expect(seen).toBe(true);
      expect(scope).toMatchObject({ target: 'replica', wrote: false });
    });
    // A gap statement: `set local jit = off`, then the read.
    await inScope(async () => {
      expect(
        await t.handle.db.transaction(async (tx) => {
          await tx.execute(sql`set local jit = off`);
          return standby(tx);
        }),
      ).toBe(true);
    });
    // A transaction that starts by writing: the primary, and the request has written.
    await inScope(async (scope) => {
      const seen = await t.handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into rate_limit_hits (key, window_start, hits) values ('tx', now(), 1)`);
        return standby(tx);
      });
      expect(seen).toBe(false);
      expect(scope.wrote).toBe(true);
      expect(await standby(t.handle.db)).toBe(false);
    });
  });

  it('every report, dashboard, export and list without a path parameter answers from the replica without a 5xx', async () => {
    const admin = await t.as('admin', t.root);
    await caughtUp();
    const urls = t.app.routeGuards
      .filter((r) => r.method === 'GET' && readsFromReplica('GET', r.url) && !r.url.includes(':'))
      .map((r) => r.url);
    expect(urls.length).toBeGreaterThan(40);
    const before = { ...router.counts };
    for (const url of urls) {
      const res = await t.call(admin, { method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    }
    expect(router.counts.replica).toBeGreaterThan(before.replica + urls.length);
    expect(router.counts.fallbacks).toBe(before.fallbacks);
  }, 120_000);

  it('a process started while the replica is behind does not read from it until it has caught up', async () => {
    await caughtUp();
    const [{ name }] = rowsOf<{ name: string }>(
      await t.handle.db.execute(sql`select current_database() as name`),
    );
    const at = (base: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
    await replay('pause');
    let second: Awaited<ReturnType<typeof openWithReadReplica>> | undefined;
    try {
      await makePerson(t.handle.db, t.communeA, { fullName: 'Trịnh Văn Khởi Động' });
      const lines: string[] = [];
      second = await openWithReadReplica(
        at(PRIMARY!),
        { url: at(REPLICA!), maxLagMs: 60_000, checkMs: 100 },
        { log: (m) => lines.push(m) },
      );
      // Behind by an unknown time: lagging, whatever the threshold.
      expect(readRouterOf(second)!.status).toBe('lagging');
      expect(lines.join('\n')).toMatch(/read replica lagging/);
    } finally {
      await replay('resume');
    }
    const other = readRouterOf(second!)!;
    await until(() => other.status === 'up');
    await second!.close();
  });

  // A report reads in one read-only transaction; the dashboard through its read cache (its
  // version query too). Each statement is counted: more than one on the replica, none failed over.
  it.each(['/api/reports/qualification-structure', '/api/dashboard'])(
    '%s reads from the replica',
    async (url) => {
      const reader = await t.as('training_officer', t.root);
      await caughtUp();
      const before = { ...router.counts };
      const res = await t.call(reader, { method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(router.counts.replica).toBeGreaterThan(before.replica + 1);
      expect(router.counts.fallbacks).toBe(before.fallbacks);
    },
  );
});
