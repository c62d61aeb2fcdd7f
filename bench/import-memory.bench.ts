/**
 * Server memory of a staff-list check (the upload's preview: read, stage with COPY, set-based
 * checks) of N rows (default 100,000) through HTTP. The database (schema, code lists, the demo
 * tree) is made first; then a fresh process opens it as a started server would, and reports its
 * RSS before the upload, and its peak during the upload (sampled every 10 ms, and the process's peak
 * when that rose during the upload). With
 * PGlite the database lives in the process, so its memory counts (a data dir on disk, as
 * `npm start` runs); with PostgreSQL it is the server's. Not pass/fail; figures in BENCHMARKS.md.
 *   npx tsx bench/import-memory.bench.ts [N]                                PGlite (a temp data dir)
 *   DATABASE_URL=postgres://... npx tsx bench/import-memory.bench.ts [N]    PostgreSQL (a new database)
 * The sheet (shared strings, as Excel saves) is kept at /tmp/dtbd-import-memory-<N>.xlsx.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { rowsOf } from '../src/server/db/rows';
import { buildDemoOrgTree } from '../src/server/demo/org-tree';
import { seedCodeLists } from '../src/server/modules/codes/seed-codes';
import type { UnitRow } from '../src/server/test/fixtures/org';
import { benchApp, openBenchDb } from './bench-db';
import { writeStaffSheet } from './staff-sheet';

const N = Number(process.argv[2] ?? 100_000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const PG_NAME = 'dtbd_bench_import_memory';

/** The made database: a PGlite data dir, or a PostgreSQL database URL. */
function target(): { pgliteDir?: string; url?: string } {
  const url = process.env.DATABASE_URL;
  if (!url) return { pgliteDir: path.join(os.tmpdir(), 'dtbd-import-memory-db') };
  const u = new URL(url);
  u.pathname = `/${PG_NAME}`;
  return { url: u.toString() };
}

/** Make the database (schema, code lists, the demo tree) and the sheet, then let the server go. */
async function prepare() {
  const where = target();
  if (where.pgliteDir) fs.rmSync(where.pgliteDir, { recursive: true, force: true });
  const { handle } = where.pgliteDir
    ? { handle: await openPglite(where.pgliteDir) }
    : await openBenchDb(PG_NAME);
  await migrate(handle);
  await seedCodeLists(handle.db);
  await buildDemoOrgTree(handle);
  const units = rowsOf<{ code: string | null }>(
    await handle.db.execute(sql`select code from org_units where valid_to is null and code is not null`),
  );
  const file = `/tmp/dtbd-import-memory-${N}.xlsx`;
  if (!fs.existsSync(file))
    await writeStaffSheet(
      file,
      N,
      units.map((u) => u.code!),
      true,
    );
  await handle.db.execute(sql`checkpoint`); // as after any bulk work: the next start replays no WAL
  await handle.close();
  return file;
}

/** In a fresh process, as a server just started on that database: one check through HTTP. */
async function check(file: string) {
  const where = target();
  const handle = where.pgliteDir ? await openPglite(where.pgliteDir) : await openPostgres(where.url!);
  const [root] = rowsOf<UnitRow>(
    await handle.db.execute(
      sql`select id, code, path::text as path from org_units where parent_id is null and valid_to is null`,
    ),
  );
  const { app, post } = await benchApp(handle, root);
  const bytes = fs.readFileSync(file);
  global.gc?.();
  const before = process.memoryUsage.rss();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  let peak = before;
  // PGlite runs synchronously in WASM, where a sampler cannot look: the process peak says the rest.
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const t0 = performance.now();
  const res = await post(
    '/api/imports?kind=people&fileName=staff.xlsx',
    bytes,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const processPeak = process.resourceUsage().maxRSS * 1024;
  if (processPeak > peakBefore) peak = Math.max(peak, processPeak);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
  const b = res.json();
  console.log(
    `${handle.kind}: ${N} rows (${(bytes.length / 1e6).toFixed(1)} MB .xlsx), valid ${b.validRows}, errors ${b.errorRows}; load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`,
  );
  console.log('| backend | check time | RSS before | peak RSS during the check | process peak before it |');
  console.log(
    `| ${handle.kind} | ${(ms / 1000).toFixed(1)} s | ${mb(before)} | ${mb(peak)} | ${mb(peakBefore)} |`,
  );
  await app.close();
  await handle.close();
}

async function main() {
  const file = await prepare();
  execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), String(N), '--check', file],
    {
      stdio: 'inherit',
    },
  );
  const where = target();
  if (where.pgliteDir) fs.rmSync(where.pgliteDir, { recursive: true, force: true });
  else {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${PG_NAME} WITH (FORCE)`);
    await admin.end();
  }
}

(process.argv[3] === '--check' ? check(process.argv[4]) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
