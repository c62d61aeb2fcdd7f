/**
 * Server memory of a staff-list check (the upload's preview: read, stage with COPY, set-based
 * checks) of N rows (default 100,000) through HTTP, in a process of its own per backend: RSS
 * before the upload (after the database is made and the app built), the peak sampled every 10 ms
 * during the upload, and the process's peak. With PGlite the database lives in the process, so
 * its memory counts; with PostgreSQL it is the server's. Not pass/fail; figures in BENCHMARKS.md.
 *   npx tsx bench/import-memory.bench.ts [N]                                PGlite (in memory)
 *   DATABASE_URL=postgres://... npx tsx bench/import-memory.bench.ts [N]    PostgreSQL (a new database)
 * The sheet (shared strings, as Excel saves) is kept at /tmp/dtbd-import-memory-<N>.xlsx.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { migrate } from '../src/server/db/migrate';
import { rowsOf } from '../src/server/db/rows';
import { buildDemoOrgTree } from '../src/server/modules/demo/org-tree';
import { seedCodeLists } from '../src/server/modules/demo/seed-codes';
import type { UnitRow } from '../src/server/test/fixtures';
import { benchApp, openBenchDb } from './bench-db';
import { writeStaffSheet } from './staff-sheet';

const N = Number(process.argv[2] ?? 100_000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const { handle, drop } = await openBenchDb();
  try {
    await migrate(handle);
    await seedCodeLists(handle.db);
    await buildDemoOrgTree(handle);
    const units = rowsOf<UnitRow & { parent_id: number | null }>(
      await handle.db.execute(
        sql`select id, code, path::text as path, parent_id from org_units where valid_to is null order by id`,
      ),
    );
    const root = units.find((u) => u.parent_id === null)!;
    const file = `/tmp/dtbd-import-memory-${N}.xlsx`;
    if (!fs.existsSync(file))
      await writeStaffSheet(
        file,
        N,
        units.filter((u) => u.code).map((u) => u.code!),
        true,
      );
    const { post } = await benchApp(handle, root);
    const bytes = fs.readFileSync(file);
    global.gc?.();
    const before = process.memoryUsage.rss();
    let peak = before;
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
    peak = Math.max(peak, process.memoryUsage.rss());
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
    const b = res.json();
    console.log(
      `${handle.kind}: ${N} rows (${(bytes.length / 1e6).toFixed(1)} MB .xlsx), valid ${b.validRows}, errors ${b.errorRows}; load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`,
    );
    console.log('| backend | check time | RSS before | peak RSS during the check | process peak RSS |');
    console.log(
      `| ${handle.kind} | ${(ms / 1000).toFixed(1)} s | ${mb(before)} | ${mb(peak)} | ${mb(process.resourceUsage().maxRSS * 1024)} |`,
    );
  } finally {
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
