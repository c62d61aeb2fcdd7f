/**
 * The dashboard of a province of N people (default 100,000) with ~400 classes and ~60,000
 * nominations over 2021-2026, asked as a province-wide training officer through HTTP
 * (app.inject): the tiles request, the gaps tile apart, a commune's dashboard, the people and
 * classes behind numbers, and each tile's statement alone. Not pass/fail. Figures:
 * bench/RESULTS-dashboard.md.
 *   npx tsx bench/dashboard.bench.ts [N]                                             PGlite (in memory)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/dashboard.bench.ts [N]
 *     PostgreSQL: database dtbd_bench_dash (BENCH_DB=name for another), dropped at the end (KEEP=1 keeps it)
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { migrate } from '../src/server/db/migrate';
import { orgUnits } from '../src/server/db/schema/index';
import { seedDemoCatalogue } from '../src/server/demo/catalogue';
import { generateClassHistory } from '../src/server/demo/class-history';
import { seedDemoPlans } from '../src/server/demo/demo-plans';
import { createDemoUsers } from '../src/server/demo/demo-users';
import { generatePeople } from '../src/server/demo/generate';
import { buildDemoOrgTree } from '../src/server/demo/org-tree';
import { systemActor } from '../src/server/lib/actor';
import { seedCodeLists } from '../src/server/modules/codes/seed-codes';
import {
  classesAndCosts,
  pagePeople,
  staffStructure,
  traineesByYear,
  trendFrom,
  trends,
} from '../src/server/modules/dashboard/dashboard.queries';
import { storedTrendPeople } from '../src/server/modules/dashboard/dashboard.trend-people';
import { ensureTrends, storedTrends } from '../src/server/modules/dashboard/dashboard.trends';
import { planActualByUnit } from '../src/server/modules/plans/plan-actual-units';
import { seedRulePack } from '../src/server/modules/standards/rule-pack';
import { benchApp, openBenchDb, stats, time } from './bench-db';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 5);
const TODAY = '2026-11-20';
const YEAR = 2026;

async function main() {
  const { handle, drop } = await openBenchDb(process.env.BENCH_DB ?? 'dtbd_bench_dash');
  await migrate(handle);
  await seedCodeLists(handle.db);
  await seedRulePack(handle.db);
  await buildDemoOrgTree(handle);
  let t0 = Date.now();
  await generatePeople(handle, { people: N, seed: 7 });
  console.log(`${handle.kind}: generated ${N} people in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await seedDemoCatalogue(handle.db, { today: new Date(`${TODAY}T00:00:00Z`) });
  await createDemoUsers(handle.db);
  await seedDemoPlans(handle.db);
  t0 = Date.now();
  const made = await generateClassHistory(handle.db, {
    classes: 400,
    nominations: 60_000,
    fromYear: 2021,
    toYear: 2026,
    today: TODAY,
  });
  console.log(
    `generated ${made.classes} classes and ${made.nominations} nominations in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  await handle.exec('VACUUM ANALYZE');
  const [root] = await handle.db.select().from(orgUnits).where(eq(orgUnits.level, 'province'));
  const [commune] = await handle.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.level, 'commune'), isNull(orgUnits.validTo)))
    .limit(1);
  const { app, get: timed } = await benchApp(handle, root);
  const get = async (url: string) => {
    const { ms, res } = await timed(url);
    return { ms, body: res.json() };
  };
  const d = (await get(`/api/dashboard?year=${YEAR}`)).body;
  console.log(
    `province ${YEAR}: staff ${d.staff}, trainees ${d.trainees}, classes ${d.classes.total}, plan ${d.plan.pct}%, cost ${d.costs.total}`,
  );
  const g = (await get(`/api/dashboard/gaps?asOf=${TODAY}`)).body;
  console.log(`gaps: ${g.peopleWithGaps} of ${g.headcount} people`);

  const actor = systemActor(root.id, root.path);
  // A change of the data (an audit row, as every change writes one) makes the next request count anew.
  const change = async () => {
    await handle.db.execute(sql`insert into audit_log (action, entity) values ('bench', 'bench')`);
  };
  const cases: [string, () => Promise<unknown>, (() => Promise<void>)?][] = [
    ['GET /dashboard, province, data unchanged (read cache)', () => get(`/api/dashboard?year=${YEAR}`)],
    ['GET /dashboard, province, after a change (counted)', () => get(`/api/dashboard?year=${YEAR}`), change],
    [
      'GET /dashboard, one commune, after a change',
      () => get(`/api/dashboard?year=${YEAR}&unitId=${commune.id}`),
      change,
    ],
    ['GET /dashboard/gaps, province, data unchanged', () => get(`/api/dashboard/gaps?asOf=${TODAY}`)],
    ['GET /dashboard/gaps, province, after a change', () => get(`/api/dashboard/gaps?asOf=${TODAY}`), change],
    [
      'GET /dashboard/gaps, one commune, after a change',
      () => get(`/api/dashboard/gaps?asOf=${TODAY}&unitId=${commune.id}`),
      change,
    ],
    [
      'GET /dashboard/people trainees, first page',
      () => get(`/api/dashboard/people?metric=trainees&year=${YEAR}`),
    ],
    [
      'GET /dashboard/people structure university, first page',
      () => get('/api/dashboard/people?metric=structure&measure=university'),
    ],
    [
      'GET /dashboard/people trend 2020-2025, first page',
      () => get('/api/dashboard/people?metric=trend&period=2020-2025'),
    ],
    ['GET /dashboard/classes, province', () => get(`/api/dashboard/classes?year=${YEAR}`)],
    ['  statement: staff and structure (rollups, ADR 035)', () => staffStructure(handle.db, root.path)],
    [
      '  statement: trainees by year (grouping sets)',
      () => traineesByYear(handle.db, root.path, YEAR - 4, YEAR),
    ],
    [
      '  statements: classes by status, costs, their trainees',
      () => classesAndCosts(handle.db, root.path, YEAR),
    ],
    ['  statement: plan vs actual (plans module)', () => planActualByUnit(handle.db, actor, YEAR)],
    [
      '  statement: trends, live (the drill-down fragment grouped)',
      () => trends(handle.db, root.path, TODAY, true),
    ],
    ['  statement: trends, stored (ADR 047)', () => storedTrends(handle.db, root.path, TODAY)],
    [
      '  statement: trend drill-down 2020-2025, first page, live (the definition)',
      () =>
        pagePeople(
          handle.db,
          trendFrom(root.path, TODAY, true, [sql`tr.period = '2020-2025'`], true),
          sql`tr.detail`,
          {
            offset: 0,
            limit: 50,
          },
        ),
    ],
    [
      '  statement: trend drill-down 2020-2025, first page, stored (ADR 058)',
      () =>
        storedTrendPeople(
          handle.db,
          { path: root.path, today: TODAY, period: '2020-2025' },
          { offset: 0, limit: 50 },
        ),
    ],
    [
      '  trends refresh after one new qualification + stored read (ADR 047)',
      async () => {
        await ensureTrends(handle.db);
        return storedTrends(handle.db, root.path, TODAY);
      },
      () =>
        handle.exec(`insert into qualifications (person_id, kind, level, issued_on)
          select id, 'STATE_MANAGEMENT', 'BASIC', '${TODAY}' from people order by id desc limit 1`),
    ],
  ];
  console.log(`| request (${handle.kind}, ${N.toLocaleString('en')} people) | median ms | p95 ms |`);
  console.log('| --- | --- | --- |');
  for (const [label, run, before] of cases) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await before?.();
      times.push((await time(run))[0]);
    }
    const s = stats(times);
    console.log(`| ${label} | ${s.median} | ${s.p95} |`);
  }
  await app.close();
  await handle.close();
  // KEEP=1 leaves the database for EXPLAIN ANALYZE.
  if (!process.env.KEEP) await drop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
