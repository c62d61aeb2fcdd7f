/** What the benchmarks share: a database of their own, and median/p95 of timed runs. */
import crypto from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type DbHandle, openPglite, openPostgres } from '../src/server/db/client';
import { makeUser, PASSWORD, type UnitRow } from '../src/server/test/fixtures/org';

/**
 * PGlite in memory, or with DATABASE_URL a new PostgreSQL database (`name`, or a random
 * dtbd_bench_ name) created on that server and dropped by `drop`.
 */
export async function openBenchDb(name?: string): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { handle: await openPglite(undefined), drop: async () => {} };
  const db = name ?? `dtbd_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = async (query: string) => {
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(query);
    await a.end();
  };
  await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${db}`);
  const u = new URL(url);
  u.pathname = `/${db}`;
  return {
    handle: await openPostgres(u.toString()),
    drop: () => admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`),
  };
}

export function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)].toFixed(0),
    p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))].toFixed(0),
  };
}

export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

/**
 * The app logged in as a training officer over `scope`, a timed GET that fails on a non-200, and
 * a POST with the session's CSRF token.
 */
export async function benchApp(handle: DbHandle, scope: UnitRow) {
  const user = await makeUser(handle.db, 'training_officer', scope);
  const app = await buildApp({ handle, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: PASSWORD },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const csrf = login.json().csrfToken as string;
  const post = (url: string, payload: Buffer | object, contentType = 'application/json') =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': contentType },
      payload: payload as never,
    });
  const get = async (url: string) => {
    const [ms, res] = await time(() => app.inject({ method: 'GET', url, headers: { cookie } }));
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { ms, res };
  };
  return { app, get, post };
}
