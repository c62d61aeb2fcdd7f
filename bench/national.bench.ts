/**
 * The national bench (issue 15): N staff (default 2,500,000) and about RECORDS_PER_PERSON
 * training records each, loaded through the product's own bulk path (`dtbd generate` as a child
 * process, then the set-based class history), each figure printed beside raw PostgreSQL doing the
 * same work in the same run: COPY of the same rows as CSV into the same schema (a second database),
 * the SQL a request sends replayed on a plain client, pgbench with the list's and search's SQL.
 * Not pass/fail: prints `measure | dtbd | raw PostgreSQL | ratio | target met?`.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres NATIONAL_PEOPLE=200000 \
 *     npx tsx bench/national.bench.ts
 * Env: NATIONAL_PEOPLE (2500000), RECORDS_PER_PERSON (10), NATIONAL_DB (dtbd_national; the raw
 * copy is <name>_raw; both created and dropped, KEEP=1 keeps them), IMPORT_ROWS (100000),
 * NATIONAL_BASE (100000: the province loaded first, base of the growth ratio), CLIENTS (50), SECONDS (20), PORT (4170), AUTOCANNON (path of the executable),
 * DB_POOL_MAX (the app's pool, default 10).
 * NATIONAL_PHASES (all): a comma list of summary, classes, copy, dashboard, list, search, import
 * to measure only those (people are always loaded); NATIONAL_REUSE=1 measures the databases a
 * KEEP=1 run left (no load); NATIONAL_WORKERS (unset: the list and search hit the in-process app)
 * a comma list such as "1,2,1,2": for each, `src/server/main.ts` is started with WORKERS=<n> on
 * PORT+1 and the list and search run against it, alternating in the same minutes (ADR 057).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type DbHandle, openDb } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { orgUnits } from '../src/server/db/schema/index';
import { seedDemoCatalogue } from '../src/server/demo/catalogue';
import { generateClassHistory } from '../src/server/demo/class-history';
import { seedDemoResults } from '../src/server/demo/demo-results';
import { buildDemoOrgTree } from '../src/server/demo/org-tree';
import { systemActor } from '../src/server/lib/actor';
import { systemClock, vietnamMoment } from '../src/server/lib/dates';
import { seedCodeLists } from '../src/server/modules/codes/seed-codes';
import { createImportsService } from '../src/server/modules/imports/imports.service';
import { seedPolicies } from '../src/server/modules/policies/policies';
import { seedRulePack } from '../src/server/modules/standards/rule-pack';
import { makeUser, PASSWORD } from '../src/server/test/fixtures/org';
import { loadUnderClients, rawTimed, timed } from './national-load';
import { psqlCopy, psqlExport, runMeasured } from './national-raw';
import { writeStaffSheet } from './staff-sheet';

const env = process.env;
const N = Number(env.NATIONAL_PEOPLE ?? 2_500_000);
const RECORDS = Number(env.RECORDS_PER_PERSON ?? 10);
const DB = env.NATIONAL_DB ?? 'dtbd_national';
const IMPORT_ROWS = Number(env.IMPORT_ROWS ?? 100_000);
const CLIENTS = Number(env.CLIENTS ?? 50);
const SECONDS = Number(env.SECONDS ?? 20);
const PORT = Number(env.PORT ?? 4170);
const FIRST = Math.min(Number(env.NATIONAL_BASE ?? 100_000), N);
const PHASES = new Set((env.NATIONAL_PHASES ?? 'all').split(','));
const phase = (p: string) => PHASES.has('all') || PHASES.has(p);
const REUSE = env.NATIONAL_REUSE === '1';
const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'dtbd-national-'));
const f = new Intl.NumberFormat('en-US');
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

const table: string[] = [];
/** One line of the table; `higherIsBetter`: throughputs (ratio dtbd/raw), else times (raw/dtbd). */
function row(
  measure: string,
  dtbd: string,
  raw: string,
  ratio: number | null,
  target: string,
  met?: boolean,
) {
  const r = ratio === null ? '' : ratio.toFixed(2);
  const m = met === undefined ? '' : met ? 'yes' : 'no';
  table.push(`| ${measure} | ${dtbd} | ${raw} | ${r} | ${target} ${m} |`.replace(/ {2,}\|/g, ' |'));
  console.error(`  ${table[table.length - 1]}  (load ${load()})`);
}
const ms = (x: number) => `${f.format(Math.round(x))} ms`;

function dbUrl(name: string): string {
  const u = new URL(env.DATABASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}
async function admin(q: string) {
  const c = new pg.Client({ connectionString: env.DATABASE_URL });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

async function prepare(handle: DbHandle) {
  await migrate(handle);
  await seedCodeLists(handle.db);
  await seedRulePack(handle.db);
  await seedPolicies(handle.db);
  await buildDemoOrgTree(handle);
  await seedDemoCatalogue(handle.db);
}

/** What the load writes, in the order of their foreign keys. */
const TABLES = [
  'people',
  'qualifications',
  'person_history',
  'classes',
  'class_nominations',
  'class_assessments',
  'class_scores',
  'class_results',
];

async function counts(c: pg.Client, tables: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const t of tables) out.push(await count(c, t));
  return out;
}

async function count(c: pg.Client, t: string): Promise<number> {
  return Number((await c.query(`select count(*)::bigint as n from ${t}`)).rows[0].n);
}

/** `dtbd generate` as a user runs it: wall time, the CLI's own load time, peak RSS. */
async function generate(people: number, seed: number) {
  const r = await runMeasured(
    process.execPath,
    ['bin/dtbd.js', 'generate', '--people', String(people), '--seed', String(seed)],
    { DATABASE_URL: dbUrl(DB) },
    ROOT,
  );
  const loadS = Number(/trong ([\d.]+) s/.exec(r.stdout)?.[1] ?? Number.NaN);
  const standingS = Number(/standing rebuilt: ([\d.]+) s/.exec(r.stdout)?.[1] ?? Number.NaN);
  return { wallMs: r.ms, loadMs: loadS * 1000, standingMs: standingS * 1000, rssMiB: r.rssMiB };
}

async function main() {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL (a PostgreSQL server) is required');
  console.log(
    `National bench: ${f.format(N)} people, ~${RECORDS} records each, node ${process.version}, ${os.cpus().length} CPU, load ${load()}`,
  );
  const rawDb = `${DB}_raw`;
  if (!REUSE)
    for (const d of [DB, rawDb]) {
      await admin(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${d}`);
    }
  const config = loadConfig({
    DATABASE_URL: dbUrl(DB),
    LOG_LEVEL: 'silent',
    DTBD_DEMO: 'false',
    DB_POOL_MAX: env.DB_POOL_MAX,
  });
  if (!REUSE) {
    const rawHandle = await openDb({ databaseUrl: dbUrl(rawDb) });
    await prepare(rawHandle);
    // As generate does on PostgreSQL: one "everyone" mark, so the standing's triggers mark no one.
    await rawHandle.exec('insert into standing_dirty (person_id) values (null)');
    await rawHandle.close();
    const h = await openDb({ databaseUrl: dbUrl(DB) });
    await prepare(h);
    await h.close();
  }
  const raw = new pg.Client({ connectionString: dbUrl(DB) });
  await raw.connect();
  await raw.query('set jit = off');
  const today = vietnamMoment(new Date()).day;

  // 1. The first 100,000 (a province), then its summary: the base of the growth ratio.
  console.error(`generate ${FIRST}...`);
  const none = { wallMs: 0, loadMs: 0, standingMs: 0, rssMiB: 0 };
  const g1 = REUSE ? none : await generate(FIRST, 7);
  const handle = await openDb({ ...config, databaseUrl: dbUrl(DB) });
  const [root] = await handle.db.select().from(orgUnits).where(eq(orgUnits.level, 'province'));
  const user = await makeUser(handle.db, 'training_officer', root);
  const app = await buildApp({ handle, config, logger: false });
  await app.listen({ port: PORT, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${PORT}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: PASSWORD }),
  });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  const get = (u: string) => fetch(`${base}${u}`, { headers: { cookie } });
  const SUMMARY = '/api/standards/gaps/summary?groupBy=unit';
  await handle.exec('VACUUM ANALYZE');
  const s100 = phase('summary') && !REUSE ? await timed(get, SUMMARY, 5) : null;
  const s100raw = s100 ? await rawTimed(raw, s100.statements, 5) : 0;

  // 2. The rest of the N people, then classes and nominations to ~RECORDS per person.
  let g2 = none;
  if (N > FIRST && !REUSE) {
    console.error(`generate ${N - FIRST} more...`);
    g2 = await generate(N - FIRST, 8);
  }
  if (phase('classes') && !REUSE) {
    const baseRows = (await counts(raw, TABLES.slice(0, 3))).reduce((a, b) => a + b, 0);
    const wanted = Math.max(0, RECORDS * N - baseRows);
    const year = Number(today.slice(0, 4));
    const t0 = performance.now();
    // An approved nomination of a finished class brings two scores and a result: ~4 rows each.
    // Bulk work: the bulk statement timeout, as the CLI's (ADR 032).
    const bulk = await openDb({ databaseUrl: dbUrl(DB), statementTimeoutMs: config.bulkStatementTimeoutMs });
    const ch = await generateClassHistory(bulk.db, {
      classes: Math.max(10, Math.round(N / 1000)),
      nominations: Math.round(wanted / 4),
      fromYear: year - 5,
      toYear: year - 1,
      today,
    });
    const tResults = performance.now();
    await seedDemoResults(bulk.db);
    const resultsMs = performance.now() - tResults;
    const classMs = performance.now() - t0;
    await bulk.close();
    const n = await counts(raw, TABLES);
    const rows = n.reduce((a, b) => a + b, 0);
    const dtbdLoadMs = g1.loadMs + g2.loadMs + classMs;
    console.error(`rows: ${TABLES.map((t, i) => `${t} ${f.format(n[i])}`).join(', ')}`);

    // Raw: the same rows as CSV, COPY into the same schema in the second database.
    const files: [string, string][] = [];
    for (const t of TABLES) {
      const file = path.join(DIR, `${t}.csv`);
      await psqlExport(dbUrl(DB), t, file);
      files.push([t, file]);
    }
    const rawCopyMs = await psqlCopy(dbUrl(rawDb), files);
    for (const [, file] of files) fs.rmSync(file);
    row(
      `load ${f.format(N)} people + ${f.format(rows - n[0])} records (${(rows / N).toFixed(1)}/person): dtbd generate + class history vs COPY of the same CSVs`,
      `${(dtbdLoadMs / 1000).toFixed(1)} s, ${f.format(Math.round(rows / (dtbdLoadMs / 1000)))} rows/s`,
      `${(rawCopyMs / 1000).toFixed(1)} s, ${f.format(Math.round(rows / (rawCopyMs / 1000)))} rows/s`,
      rawCopyMs / dtbdLoadMs,
      '>= 0.7',
      rawCopyMs / dtbdLoadMs >= 0.7,
    );
    row(
      'generate: whole command (start, load, standing rebuild), peak RSS',
      `${((g1.wallMs + g2.wallMs) / 1000).toFixed(1)} s (standing ${((g1.standingMs + g2.standingMs) / 1000).toFixed(1)} s), ${Math.max(g1.rssMiB, g2.rssMiB).toFixed(0)} MiB`,
      '',
      null,
      'RSS < 400 MiB',
      Math.max(g1.rssMiB, g2.rssMiB) < 400,
    );
    row(
      'classes, nominations, scores and results (set-based, part of the load above)',
      `${(classMs / 1000).toFixed(1)} s (grade book and results ${(resultsMs / 1000).toFixed(1)} s): ${f.format(ch.classes)} classes, ${f.format(ch.nominations)} nominations`,
      '',
      null,
      '',
    );
  }

  // 3. The summary at N, the dashboard after a change, the growth.
  await handle.exec('VACUUM ANALYZE');
  if (s100) {
    const sN = await timed(get, SUMMARY, 5);
    const sNraw = await rawTimed(raw, sN.statements, 5);
    row(
      `province gap summary by unit, ${f.format(N)} people (HTTP; raw: its SQL replayed)`,
      ms(sN.ms),
      ms(sNraw),
      sNraw / sN.ms,
      '< 300 ms',
      sN.ms < 300,
    );
    row(
      `province gap summary, the ~100k province (measured at ${f.format(FIRST)})`,
      ms(s100.ms),
      ms(s100raw),
      s100raw / s100.ms,
      '< 150 ms',
      s100.ms < 150,
    );
    const growth = sN.ms / s100.ms;
    row(
      `growth ${f.format(FIRST)} -> ${f.format(N)} (${(N / FIRST).toFixed(1)}x people)`,
      `${growth.toFixed(2)}x`,
      `${(sNraw / s100raw).toFixed(2)}x`,
      null,
      `<= ${(N / FIRST).toFixed(1)}x`,
      growth <= N / FIRST,
    );
  }
  if (phase('dashboard')) {
    const {
      rows: [someone],
    } = await raw.query("select id from people where status = 'WORKING' order by id limit 1");
    const change = async () => {
      await raw.query(
        `insert into qualifications (person_id, kind, level, issued_on) values ($1, 'LEADERSHIP', 'PHONG', $2::date)`,
        [someone.id, today],
      );
      await raw.query("insert into audit_log (action, entity) values ('bench', 'bench')");
    };
    const dash = await timed(get, '/api/dashboard/gaps', 5, change);
    const dashRaw = await rawTimed(raw, dash.statements, 5, change);
    row(
      'dashboard counted after a change (one qualification written, then read)',
      ms(dash.ms),
      ms(dashRaw),
      dashRaw / dash.ms,
      '< 300 ms',
      dash.ms < 300,
    );
  }

  // 4. Throughput under CLIENTS connections: autocannon vs pgbench with the same SQL.
  await loadUnderClients({
    root: ROOT,
    base,
    cookie,
    get,
    dbUrl: dbUrl(DB),
    clients: CLIENTS,
    seconds: SECONDS,
    dir: DIR,
    row,
    which: ['list', 'search'].filter(phase),
    workers: env.NATIONAL_WORKERS?.split(',').map(Number),
    serverEnv: { DATABASE_URL: dbUrl(DB), PORT: String(PORT + 1), DB_POOL_MAX: env.DB_POOL_MAX },
  });

  // 5. Import of IMPORT_ROWS staff rows through the product's import vs raw COPY of the rows.
  if (phase('import')) {
    const units = (
      await raw.query('select code from org_units where valid_to is null and code is not null order by id')
    ).rows.map((u: { code: string }) => u.code);
    const sheet = path.join(DIR, 'import.xlsx');
    await writeStaffSheet(sheet, IMPORT_ROWS, units);
    const bytes = fs.readFileSync(sheet);
    const before = Number((await raw.query('select max(id) as m from people')).rows[0].m);
    const service = createImportsService({ handle, clock: systemClock });
    const actor = systemActor(root.id, root.path);
    const ti = performance.now();
    const batch = await service.upload(actor, { kind: 'people', fileName: 'national.xlsx' }, bytes);
    const done = await service.commit(actor, batch.id, 'all');
    const importMs = performance.now() - ti;
    const csv = path.join(DIR, 'imported.csv');
    await psqlExport(dbUrl(DB), `(select * from people where id > ${before} order by id)`, csv);
    const importRaw = await psqlCopy(dbUrl(rawDb), [['people', csv]]);
    row(
      `import of ${f.format(IMPORT_ROWS)} staff rows (.xlsx ${(bytes.length / 1e6).toFixed(1)} MB, check + write; ${f.format(done.writtenRows)} written) vs COPY of the written rows`,
      `${(importMs / 1000).toFixed(1)} s`,
      `${(importRaw / 1000).toFixed(1)} s`,
      importRaw / importMs,
      '>= 0.4',
      importRaw / importMs >= 0.4,
    );
  }

  console.log('');
  console.log('| measure | dtbd | raw PostgreSQL | ratio | target met? |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const l of table) console.log(l);
  console.log(
    `\nLoad average at the end: ${load()}; ${os.cpus().length} CPU. Ratio: raw/dtbd for times, so 1.00 = as fast as raw; p99: dtbd/raw.`,
  );
  await raw.end();
  await app.close();
  await handle.close();
  fs.rmSync(DIR, { recursive: true, force: true });
  if (!env.KEEP) for (const d of [DB, rawDb]) await admin(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
