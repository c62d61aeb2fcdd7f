/**
 * Paging and search through a province of N people (default 100,000), through HTTP (app.inject)
 * as a province-wide training officer would. Prints median/p95 per request; not pass/fail.
 *   npx tsx bench/people-list.bench.ts [N]           PGlite (in memory)
 *   DATABASE_URL=postgres://... npx tsx bench/people-list.bench.ts [N]   PostgreSQL (a new database)
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type DbHandle, openPglite, openPostgres } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { orgUnits } from '../src/server/db/schema/index';
import { generatePeople } from '../src/server/demo/generate';
import { buildDemoOrgTree } from '../src/server/demo/org-tree';
import { seedCodeLists } from '../src/server/modules/codes/seed-codes';
import { makeUser, PASSWORD } from '../src/server/test/fixtures/org';

const N = Number(process.argv[2] ?? 100_000);

async function open(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openPglite(undefined);
    return { handle, drop: async () => {} };
  }
  const name = `dtbd_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openPostgres(u.toString());
  return {
    handle,
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)].toFixed(1), p95: s[Math.floor(s.length * 0.95)].toFixed(1) };
}

async function main() {
  const { handle, drop } = await open();
  await migrate(handle);
  await seedCodeLists(handle.db);
  await buildDemoOrgTree(handle);
  const g0 = Date.now();
  await generatePeople(handle, { people: N, seed: 7 });
  console.log(`${handle.kind}: generated ${N} people in ${((Date.now() - g0) / 1000).toFixed(1)} s`);
  await handle.exec('VACUUM ANALYZE');
  const [root] = await handle.db.select().from(orgUnits).where(eq(orgUnits.level, 'province'));
  const user = await makeUser(handle.db, 'training_officer', root);
  const app = await buildApp({ handle, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: PASSWORD },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const get = async (url: string) => {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return performance.now() - t0;
  };
  const pages = Math.ceil(N / 50);
  const cases: [string, (i: number) => string][] = [
    ['first page, 50 rows', () => '/api/people?page=1&pageSize=50'],
    ['random page of the province', (i) => `/api/people?page=${1 + ((i * 7919) % pages)}&pageSize=50`],
    ['last page', () => `/api/people?page=${pages}&pageSize=50`],
    [
      'accent-free name search',
      (i) =>
        `/api/people?q=${encodeURIComponent(['nguyen van hung', 'tran thi', 'le minh', 'hoang duc'][i % 4])}`,
    ],
    ['filter category + rank', () => '/api/people?category=CC&rank=CVC'],
  ];
  console.log(`| request (${handle.kind}, ${N.toLocaleString('en')} people) | median ms | p95 ms |`);
  console.log('| --- | --- | --- |');
  for (const [label, url] of cases) {
    await get(url(0));
    const times: number[] = [];
    for (let i = 0; i < 20; i++) times.push(await get(url(i)));
    const s = stats(times);
    console.log(`| ${label} | ${s.median} | ${s.p95} |`);
  }
  await app.close();
  await handle.close();
  await drop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
