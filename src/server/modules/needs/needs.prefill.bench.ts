/**
 * Opening a needs campaign over a province of N people (default 100,000) with the default rule
 * pack: gaps computed and every proposal pre-filled, through HTTP as the provincial training
 * officer would. Prints figures; not pass/fail.
 *   npx tsx src/server/modules/needs/needs.prefill.bench.ts [N]                         PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx src/server/modules/needs/needs.prefill.bench.ts
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { type DbHandle, openPglite, openPostgres } from '../../db/client';
import { migrate } from '../../db/migrate';
import { orgUnits } from '../../db/schema/index';
import { generatePeople } from '../../demo/generate';
import { buildDemoOrgTree } from '../../demo/org-tree';
import { makeUser, PASSWORD } from '../../test/fixtures/org';
import { seedCodeLists } from '../codes/seed-codes';
import { listGapsForUnits } from '../standards/gaps.service';
import { seedRulePack } from '../standards/rule-pack';

const N = Number(process.argv[2] ?? 100_000);

async function open(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { handle: await openPglite(undefined), drop: async () => {} };
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

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const { handle, drop } = await open();
  await migrate(handle);
  await seedCodeLists(handle.db);
  await seedRulePack(handle.db);
  await buildDemoOrgTree(handle);
  await generatePeople(handle, { people: N, seed: 7 });
  await handle.exec('VACUUM ANALYZE');
  const [root] = await handle.db.select().from(orgUnits).where(eq(orgUnits.level, 'province'));
  const today = new Date().toISOString().slice(0, 10);

  let t0 = performance.now();
  const gaps = await listGapsForUnits(handle.db, { scopePath: root.path, asOf: today });
  const gapMs = performance.now() - t0;

  const user = await makeUser(handle.db, 'training_officer', root);
  const app = await buildApp({ handle, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: PASSWORD },
  });
  const me = login.json();
  const headers = { cookie: String(login.headers['set-cookie']).split(';')[0], 'x-csrf-token': me.csrfToken };
  t0 = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/needs/campaigns',
    headers,
    payload: { year: 2027, title: 'Bench', opensOn: today, deadline: today },
  });
  const openMs = performance.now() - t0;
  if (res.statusCode !== 200) throw new Error(`open: ${res.statusCode} ${res.body}`);
  const c = res.json();
  t0 = performance.now();
  const board = await app.inject({ method: 'GET', url: `/api/needs/campaigns/${c.id}`, headers });
  const boardMs = performance.now() - t0;

  // The province's table once every proposal reviewed by the root is accepted (statuses set in SQL).
  await handle.exec(`update needs_proposals set status = 'accepted' where reviewer_unit_id = ${root.id}`);
  t0 = performance.now();
  const table = await app.inject({
    method: 'GET',
    url: `/api/needs/campaigns/${c.id}/consolidated`,
    headers,
  });
  const tableMs = performance.now() - t0;

  // A year of points ratings for everyone (civil servants on points, others by criteria).
  await handle.exec(`insert into annual_ratings (person_id, year, rating, points, unit_id)
    select id, 2026, case when pts >= 90 then 'EXCELLENT' when pts >= 70 then 'GOOD'
      when pts >= 50 then 'COMPLETED' else 'FAILED' end,
      case when category in ('CC', 'CBX') then pts end, unit_id
    from (select id, category, unit_id, round((40 + random() * 60)::numeric, 2) as pts from people) p;
    analyze annual_ratings`);
  t0 = performance.now();
  const dist = await app.inject({ method: 'GET', url: '/api/ratings/distribution?year=2026', headers });
  const distMs = performance.now() - t0;

  console.log(`| ${handle.kind}, ${N.toLocaleString('en')} people | figure |`);
  console.log('| --- | --- |');
  console.log(
    `| gaps alone (listGapsForUnits) | ${gaps.length.toLocaleString('en')} gaps in ${secs(gapMs)} |`,
  );
  console.log(`| open campaign (POST, gaps + proposals + lines + events + audit) | ${secs(openMs)} |`);
  console.log(
    `| proposals / lines written / gaps skipped | ${c.proposals.total} / ${c.prefill.lines} / ${c.prefill.skipped} |`,
  );
  console.log(`| status board (GET, ${board.json().proposals.length} rows) | ${secs(boardMs)} |`);
  console.log(`| consolidated table (GET, ${table.json().rows.length} rows) | ${secs(tableMs)} |`);
  console.log(
    `| ratings distribution with cap (GET, ${dist.json().totals.total} ratings) | ${secs(distMs)} |`,
  );
  await app.close();
  await handle.close();
  await drop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
