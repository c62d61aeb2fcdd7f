/**
 * The stored standing (ADR 033) at N people (default 100,000): the province gap summary by unit
 * computed from the base tables (as before) and read from the standing, each beside raw
 * PostgreSQL running the same SQL text; HTTP after a change (one qualification added: the next
 * read rebuilds that person); a full rebuild (a new day, a rule change). Not pass/fail.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/standing.bench.ts [N]
 *     PostgreSQL: database dtbd_standing (BENCH_DB=... another), dropped at the end (KEEP=1 keeps it)
 * Since ADR 035 the summary for today and the dashboard's staff and structure tiles sum per-unit
 * rollups; each line also prints the load average when it was measured (the box is shared).
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { migrate } from '../src/server/db/migrate';
import { orgUnits } from '../src/server/db/schema/index';
import { generatePeople } from '../src/server/demo/generate';
import { buildDemoOrgTree } from '../src/server/demo/org-tree';
import { addDays, vietnamMoment } from '../src/server/lib/dates';
import { seedCodeLists } from '../src/server/modules/codes/seed-codes';
import { staffStructure } from '../src/server/modules/dashboard/dashboard.queries';
import { type GapContext, loadGapContext } from '../src/server/modules/standards/gaps.queries';
import { countGaps } from '../src/server/modules/standards/gaps.report.queries';
import { seedRulePack } from '../src/server/modules/standards/rule-pack';
import { ensureStanding, markEveryone } from '../src/server/modules/standards/standing';
import { benchApp, openBenchDb, stats, time } from './bench-db';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 5);
const DB = process.env.BENCH_DB ?? 'dtbd_standing';

async function main() {
  const { handle, drop } = await openBenchDb(DB);
  const today = vietnamMoment(new Date()).day;
  await migrate(handle);
  await seedCodeLists(handle.db);
  await seedRulePack(handle.db);
  await buildDemoOrgTree(handle);
  const g = await generatePeople(handle, { people: N, seed: 7, today });
  console.log(
    `${handle.kind}: generated ${N} people in ${(g.ms / 1000).toFixed(1)} s, standing rebuilt in ${(g.standingMs / 1000).toFixed(1)} s`,
  );
  await handle.exec('VACUUM ANALYZE');
  const [root] = await handle.db.select().from(orgUnits).where(eq(orgUnits.level, 'province'));
  const { app, get } = await benchApp(handle, root);
  const scope = { asOf: today, scopePath: root.path, unitPath: root.path };

  // The same SQL text and parameters through a plain pg client (raw PostgreSQL).
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${DB}`;
  const raw = new pg.Client({ connectionString: url.toString() });
  await raw.connect();
  await raw.query('set jit = off');
  const dialect = new PgDialect();
  let captured: SQL | null = null;
  const rawRun = async (q: SQL) => {
    const { sql: text, params } = dialect.sqlToQuery(q);
    return (await time(() => raw.query(text, params as unknown[])))[0];
  };
  // The summary's statement as the service builds it (countGaps's own SQL), captured once.
  const summarySql = async (ctx: GapContext) => {
    const execute = async (q: SQL) => {
      captured = q;
      return { rows: [] };
    };
    const spy = { execute, transaction: async (fn: (tx: unknown) => Promise<unknown>) => fn({ execute }) };
    await countGaps(spy as never, ctx, scope, 'unit', root.id);
    return captured!;
  };
  const computed = await loadGapContext(handle.db, today);
  await ensureStanding(handle.db, today);
  const stored = await loadGapContext(handle.db, today, undefined, { today, refresh: true });
  if (stored.standingDay !== today) throw new Error('standing not current');
  const computedSql = await summarySql(computed);
  const storedSql = await summarySql(stored);

  const [someone] = (
    await raw.query('select id from people where status = $1 order by id limit 1', ['WORKING'])
  ).rows as { id: number }[];
  // A change as the API writes it: a qualification and its audit row (the dashboard's read cache
  // counts anew after any audited change).
  const change = async () => {
    await handle.db.execute(sql`insert into qualifications (person_id, kind, level, issued_on)
      values (${someone.id}, 'LEADERSHIP', 'PHONG', ${today}::date)`);
    await handle.db.execute(sql`insert into audit_log (action, entity) values ('bench', 'bench')`);
  };
  const cases: [string, () => Promise<unknown>, (() => Promise<void>)?][] = [
    [
      'gap summary by unit, computed from base tables (before)',
      () => countGaps(handle.db, computed, scope, 'unit', root.id),
    ],
    ['  raw PostgreSQL, same SQL', () => rawRun(computedSql)],
    [
      'gap summary by unit, read from person_standing (after)',
      () => countGaps(handle.db, stored, scope, 'unit', root.id),
    ],
    ['  raw PostgreSQL, same SQL', () => rawRun(storedSql)],
    [
      'GET gaps/summary by unit, today, data unchanged',
      () => get('/api/standards/gaps/summary?groupBy=unit'),
    ],
    [
      'GET gaps/summary by unit, today, after a change',
      () => get('/api/standards/gaps/summary?groupBy=unit'),
      change,
    ],
    ['GET dashboard/gaps, today, after a change', () => get('/api/dashboard/gaps'), change],
    ['GET dashboard (every tile but gaps), after a change', () => get('/api/dashboard'), change],
    ['  statement: staff and structure from the rollups', () => staffStructure(handle.db, root.path)],
    [
      'refresh after a change: 1 person rebuilt, rollups adjusted',
      () => ensureStanding(handle.db, today),
      change,
    ],
    [
      'GET dashboard/gaps, yesterday (computed, as before), after a change',
      () => get(`/api/dashboard/gaps?asOf=${addDays(today, -1)}`),
      change,
    ],
    [
      'full rebuild (new day, rule change): ensureStanding after everyone marked',
      () => ensureStanding(handle.db, today),
      () => markEveryone(handle.db),
    ],
  ];
  console.log(
    `| measure (${handle.kind}, ${N.toLocaleString('en')} people) | median ms | p95 ms | load average (1 min) |`,
  );
  console.log('| --- | --- | --- | --- |');
  for (const [label, run, before] of cases) {
    await before?.();
    await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await before?.();
      times.push((await time(run))[0]);
    }
    const s = stats(times);
    const load = (await import('node:os')).loadavg()[0].toFixed(1);
    console.log(`| ${label} | ${s.median} | ${s.p95} | ${load} |`);
  }
  const rows = (
    await raw.query(`select (select count(*) from person_standing)::int as people,
    (select count(*) from person_standing_gaps)::int as gaps,
    (select count(*) from standing_unit_counts)::int as counts, (select count(*) from standing_unit_held)::int as held,
    pg_size_pretty(pg_total_relation_size('person_standing') + pg_total_relation_size('person_standing_gaps')) as size`)
  ).rows[0];
  console.log(
    `standing: ${rows.people} people, ${rows.gaps} gaps, ${rows.size}; rollup rows ${rows.counts} + ${rows.held}; load average ${(
      await import('node:os')
    )
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  await raw.end();
  await app.close();
  await handle.close();
  if (!process.env.KEEP) await drop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
