/**
 * Two app processes on one PostgreSQL database behave as one (issue 15, ADR 034): each has its own
 * pool and its own in-memory read cache, as two `npm start` behind a load balancer would. PostgreSQL
 * only: PGlite has one owner per directory (ADR 005).
 */
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { type Session, useTestApp } from '../test/app';
import { commit, csvOf, upload } from '../test/fixtures/imports';
import { makeUser, PASSWORD } from '../test/fixtures/org';
import { type DbHandle, openPostgres } from './client';
import { rowsOf } from './rows';
import { importBatches } from './schema/index';

const ENV = { LOGIN_MAX_FAILURES: '3' };

describe.skipIf(!process.env.TEST_DATABASE_URL)('two app processes on one database', () => {
  const a = useTestApp('postgres', { env: ENV });
  let handleB: DbHandle;
  let b: FastifyInstance;
  const callB = (s: Session | null, o: InjectOptions) =>
    b.inject({ ...o, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...o.headers } });
  const login = (app: FastifyInstance, username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  beforeAll(async () => {
    const [{ name }] = rowsOf<{ name: string }>(
      await a.handle.db.execute(sql`select current_database() as name`),
    );
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    handleB = await openPostgres(url.toString());
    const config = loadConfig({ DTBD_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...ENV });
    b = await buildApp({ handle: handleB, config, logger: false });
  });
  afterAll(async () => {
    await b?.close();
    await handleB?.close();
  });

  it('login attempts counted by A slow down the same username at B', async () => {
    const u = await makeUser(a.handle.db, 'viewer', a.root);
    expect((await login(a.app, u.username, 'sai-mat-khau')).statusCode).toBe(401);
    expect((await login(b, u.username, 'sai-mat-khau')).statusCode).toBe(401);
    expect((await login(a.app, u.username, 'sai-mat-khau')).statusCode).toBe(401);
    // The fourth attempt, at B and with the right password, waits like it would at A.
    const blocked = await login(b, u.username, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('1');
  });

  it('a session made at A works at B, and logging out at A ends it at B', async () => {
    const s = await a.as('viewer', a.root);
    const me = await callB(s, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(s.userId);
    expect((await a.call(s, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await callB(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it("a write through A shows on B's cached dashboard at once", async () => {
    const s = await a.as('training_officer', a.root);
    const staff = async () => {
      const res = await callB(s, { method: 'GET', url: '/api/dashboard' });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const first = await staff();
    // Unchanged data: B answers from its cache (same reading, same time read).
    expect(await staff()).toEqual(first);
    const created = await a.call(s, {
      method: 'POST',
      url: '/api/people',
      payload: {
        fullName: 'Lý Thị Hai Nơi',
        birthDate: '1991-02-03',
        gender: 'F',
        category: 'CC',
        rank: 'CV',
        unitId: a.communeA.id,
      },
    });
    expect(created.statusCode).toBe(200);
    const after = await staff();
    expect(after.staff).toBe(first.staff + 1);
    expect(after.readAt).not.toBe(first.readAt);
  });

  it('an import lease held by A refuses a commit at B, and B does not call it interrupted', async () => {
    const s = await a.as('unit_officer', a.communeA);
    const up = await upload(
      a,
      s,
      'people',
      csvOf([
        ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Đối tượng'],
        ['Ngô Văn Giữ Chỗ', '01/02/1980', 'M', 'CC'],
      ]),
    );
    expect(up.statusCode).toBe(200);
    const id = up.json().id as number;
    // A is committing: the batch is running and A's heartbeat keeps its lease alive.
    await a.handle.db
      .update(importBatches)
      .set({ status: 'running', startedAt: new Date(), leaseUntil: sql`now() + interval '60 seconds'` })
      .where(eq(importBatches.id, id));
    const before = await a.handle.db.select().from(importBatches).where(eq(importBatches.id, id));
    const refused = await callB(s, {
      method: 'POST',
      url: `/api/imports/${id}/commit`,
      payload: { mode: 'all' },
    });
    expect(refused.statusCode).toBe(409);
    const seen = await callB(s, { method: 'GET', url: `/api/imports/${id}` });
    expect(seen.json().status).toBe('running');
    // B changed nothing of A's batch.
    expect(await a.handle.db.select().from(importBatches).where(eq(importBatches.id, id))).toEqual(before);
    // A dies: the lease runs out, and B takes over.
    await a.handle.db
      .update(importBatches)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(importBatches.id, id));
    expect((await callB(s, { method: 'GET', url: `/api/imports/${id}` })).json().status).toBe('interrupted');
    const taken = await callB(s, {
      method: 'POST',
      url: `/api/imports/${id}/commit`,
      payload: { mode: 'all' },
    });
    expect(taken.json()).toMatchObject({ status: 'committed', writtenRows: 1 });
    // ... and A, were it alive, could not commit it twice.
    expect((await commit(a, s, id, 'all')).statusCode).toBe(409);
  });
});
