import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makeUser, PASSWORD } from '../../test/fixtures/org';

describe.each(testBackends())('login slow-down with backoff (%s)', (kind) => {
  let now = Date.parse('2026-11-20T08:00:00Z');
  const t = useTestApp(kind, { env: { LOGIN_MAX_FAILURES: '3' }, clock: { now: () => new Date(now) } });
  const wait = (seconds: number) => {
    now += seconds * 1000;
  };
  const login = (username: string, password: string, client = '198.51.100.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: client,
      payload: { username, password },
    });
  const failuresOf = async (key: string) =>
    Number(
      rowsOf<{ failures: number }>(
        await t.handle.db.execute(sql`select failures from login_throttle where key = ${key}`),
      )[0]?.failures ?? 0,
    );

  it('slows down 1 s, 2 s, 4 s after the free attempts; the right password after the wait works', async () => {
    const u = await makeUser(t.handle.db, 'admin', t.root);
    for (let i = 0; i < 3; i++) expect((await login(u.username, 'wrong-pass')).statusCode).toBe(401);
    const blocked = await login(u.username, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('1');
    expect(blocked.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 1 } });
    expect(blocked.json().error.message).toContain('1 giây');
    wait(1);
    expect((await login(u.username, 'wrong-pass')).statusCode).toBe(401);
    const longer = await login(u.username, 'wrong-pass');
    expect(longer.statusCode).toBe(429);
    // Five attempts counted (the refused one too): the next wait is 2^(5-3) s.
    expect(longer.headers['retry-after']).toBe('4');
    wait(4);
    expect((await login(u.username, PASSWORD)).statusCode).toBe(200);
    // The right password started the username afresh.
    expect(await failuresOf(`user:${u.username}`)).toBe(0);
    for (let i = 0; i < 2; i++) expect((await login(u.username, 'wrong-pass')).statusCode).toBe(401);
  });

  it('counts 30 parallel attempts as 30; only the free ones reach the password check', async () => {
    const u = await makeUser(t.handle.db, 'viewer', t.root);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(u.username, 'wrong-pass', `203.0.113.${i + 1}`)),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(27);
    expect(await failuresOf(`user:${u.username}`)).toBe(30);
    expect((await login(u.username, PASSWORD)).statusCode).toBe(429);
    wait(15 * 60);
    expect((await login(u.username, PASSWORD)).statusCode).toBe(200);
  });

  it('slows down a client that tries many usernames; other clients and good logins are not slowed', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await login(`nobody${i}`, 'wrong-pass', '192.0.2.50');
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    expect((await login('nobody-else', 'wrong-pass', '192.0.2.50')).statusCode).toBe(429);
    expect((await login('nobody-else', 'wrong-pass', '192.0.2.51')).statusCode).toBe(401);
    // An office behind one address: its good logins give their count back.
    const u = await makeUser(t.handle.db, 'viewer', t.root);
    for (let i = 0; i < 40; i++)
      expect((await login(u.username, PASSWORD, '192.0.2.60')).statusCode).toBe(200);
    expect(await failuresOf('client:192.0.2.60')).toBe(0);
  });

  it('an admin sees the slow-downs of their subtree and can lift one; others cannot', async () => {
    const inA = await makeUser(t.handle.db, 'viewer', t.communeA);
    const inB = await makeUser(t.handle.db, 'viewer', t.communeB);
    for (const u of [inA, inB])
      for (let i = 0; i < 3; i++) await login(u.username, 'wrong-pass', '192.0.2.70');
    const root = await t.as('admin', t.root);
    const adminB = await t.as('admin', t.communeB);
    const list = async (s: typeof root) => t.call(s, { method: 'GET', url: '/api/auth/throttles' });
    const rootList = (await list(root)).json().items as {
      kind: string;
      subject: string;
      retryAfterSeconds: number;
    }[];
    expect(rootList).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'user', subject: inA.username, failures: 3, retryAfterSeconds: 1 }),
        expect.objectContaining({ kind: 'user', subject: inB.username }),
      ]),
    );
    const bList = (await list(adminB)).json().items as { subject: string; kind: string }[];
    expect(bList.map((r) => r.subject)).toContain(inB.username);
    expect(bList.map((r) => r.subject)).not.toContain(inA.username);
    expect(bList.filter((r) => r.kind === 'client')).toEqual([]);
    const viewer = await t.as('viewer', t.root);
    expect((await list(viewer)).statusCode).toBe(403);

    const other = await t.call(adminB, {
      method: 'DELETE',
      url: `/api/auth/throttles/users/${inA.username}`,
    });
    expect(other.statusCode).toBe(404);
    expect((await login(inA.username, PASSWORD, '192.0.2.71')).statusCode).toBe(429);
    const lift = await t.call(root, { method: 'DELETE', url: `/api/auth/throttles/users/${inA.username}` });
    expect(lift.statusCode).toBe(200);
    expect((await login(inA.username, PASSWORD, '192.0.2.71')).statusCode).toBe(200);
  });
});
