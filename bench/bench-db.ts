/** What the benchmarks share: a database of their own, and median/p95 of timed runs. */
import crypto from 'node:crypto';
import pg from 'pg';
import { type DbHandle, openPglite, openPostgres } from '../src/server/db/client';

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
