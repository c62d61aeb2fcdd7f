/**
 * Gaps of a province of N people (default 100,000) on a date, set-based SQL, as a province-wide
 * training officer asks for them (HTTP through app.inject) and as the needs campaign reads them
 * (listGapsForUnits). Prints median/p95 per request; not pass/fail. Figures: bench/RESULTS-gaps.md.
 *   npx tsx bench/gaps.bench.ts [N]                                  PGlite (in memory)
 *   DATABASE_URL=postgres://... npx tsx bench/gaps.bench.ts [N]      PostgreSQL (a new database)
 */
import { eq } from 'drizzle-orm';
import { migrate } from '../src/server/db/migrate';
import { orgUnits } from '../src/server/db/schema/index';
import { generatePeople } from '../src/server/demo/generate';
import { buildDemoOrgTree } from '../src/server/demo/org-tree';
import { seedCodeLists } from '../src/server/modules/codes/seed-codes';
import { listGapsForUnits } from '../src/server/modules/standards/gaps.service';
import { seedRulePack } from '../src/server/modules/standards/rule-pack';
import { benchApp, openBenchDb, stats, time } from './bench-db';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 5);
const AS_OF = '2026-11-20';

async function main() {
  const { handle, drop } = await openBenchDb();
  await migrate(handle);
  await seedCodeLists(handle.db);
  await seedRulePack(handle.db);
  await buildDemoOrgTree(handle);
  const g0 = Date.now();
  await generatePeople(handle, { people: N, seed: 7 });
  console.log(`${handle.kind}: generated ${N} people in ${((Date.now() - g0) / 1000).toFixed(1)} s`);
  await handle.exec('VACUUM ANALYZE');
  const [root] = await handle.db.select().from(orgUnits).where(eq(orgUnits.level, 'province'));
  const { app, get } = await benchApp(handle, root);

  const [, rows] = await time(() => listGapsForUnits(handle.db, { scopePath: root.path, asOf: AS_OF }));
  const people = new Set(rows.map((r) => r.personId)).size;
  console.log(`${rows.length} gaps of ${people} people on ${AS_OF}`);

  const cases: [string, () => Promise<number>][] = [
    [
      'listGapsForUnits, whole province (rows to the caller)',
      async () => (await time(() => listGapsForUnits(handle.db, { scopePath: root.path, asOf: AS_OF })))[0],
    ],
    [
      'GET gaps/summary, province by unit',
      async () => (await get(`/api/standards/gaps/summary?asOf=${AS_OF}&groupBy=unit`)).ms,
    ],
    [
      'GET gaps/summary, province by rule',
      async () => (await get(`/api/standards/gaps/summary?asOf=${AS_OF}&groupBy=rule`)).ms,
    ],
    [
      'GET gaps/summary, province by category',
      async () => (await get(`/api/standards/gaps/summary?asOf=${AS_OF}&groupBy=category`)).ms,
    ],
    [
      'GET gaps/summary, province on 2020-06-30 (old rules)',
      async () => (await get('/api/standards/gaps/summary?asOf=2020-06-30')).ms,
    ],
    [
      'GET gaps/people, first page of 50',
      async () => (await get(`/api/standards/gaps/people?asOf=${AS_OF}`)).ms,
    ],
    [
      'GET gaps/people, one rule, page 20',
      async () => (await get(`/api/standards/gaps/people?asOf=${AS_OF}&ruleCode=SM_CV&page=20`)).ms,
    ],
    [
      'GET eligibility/POSTGRADUATE/people, first page',
      async () => (await get(`/api/eligibility/POSTGRADUATE/people?asOf=${AS_OF}`)).ms,
    ],
  ];
  console.log(`| request (${handle.kind}, ${N.toLocaleString('en')} people) | median ms | p95 ms |`);
  console.log('| --- | --- | --- |');
  for (const [label, run] of cases) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await run());
    const s = stats(times);
    console.log(`| ${label} | ${s.median} | ${s.p95} |`);
  }
  const csv = await get(`/api/standards/gaps/export.csv?asOf=${AS_OF}`);
  const mem = process.memoryUsage().rss / 1024 / 1024;
  console.log(
    `| GET gaps/export.csv, whole province (${(csv.res.rawPayload.length / 1024 / 1024).toFixed(1)} MB, ${csv.res.body.split('\r\n').length - 2} rows) | ${csv.ms.toFixed(0)} | (one run; RSS ${mem.toFixed(0)} MB) |`,
  );
  await app.close();
  await handle.close();
  await drop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
