/**
 * Import of N generated staff rows (default 100,000) from an .xlsx, through the imports service
 * (the path of the web and the CLI): parse only, check (preview: read, stage with COPY, set-based
 * checks), write (commit: the same again plus insert ... select, one transaction). Not pass/fail.
 * Figures: bench/RESULTS-import.md.
 *   npx tsx bench/import.bench.ts [N]                                PGlite (in memory)
 *   DATABASE_URL=postgres://... npx tsx bench/import.bench.ts [N]    PostgreSQL (a new database)
 * The sheet is left at /tmp/dtbd-import-<N>.xlsx for timing the CLI on it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type DbHandle, openPglite, openPostgres } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { rowsOf } from '../src/server/db/rows';
import { buildDemoOrgTree } from '../src/server/demo/org-tree';
import { systemActor } from '../src/server/lib/actor';
import { systemClock } from '../src/server/lib/dates';
import { openSheet } from '../src/server/lib/sheets/read';
import { seedCodeLists } from '../src/server/modules/codes/seed-codes';
import { createImportsService } from '../src/server/modules/imports/imports.service';
import { psqlCopy, psqlExport } from './national-raw';
import { writeStaffSheet } from './staff-sheet';

const N = Number(process.argv[2] ?? 100_000);
async function open(): Promise<{ handle: DbHandle; drop: () => Promise<void>; url?: string }> {
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
    url: u.toString(),
    drop: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function main() {
  const { handle, drop, url } = await open();
  try {
    await migrate(handle);
    await seedCodeLists(handle.db);
    await buildDemoOrgTree(handle);
    const units = rowsOf<{ code: string; id: number; path: string; parent_id: number | null }>(
      await handle.db.execute(
        sql`select id, code, path::text as path, parent_id from org_units where valid_to is null order by id`,
      ),
    );
    const root = units.find((u) => u.parent_id === null)!;
    const codes = units.filter((u) => u.code).map((u) => u.code);
    const file = `/tmp/dtbd-import-${N}.xlsx`;
    let t = Date.now();
    await writeStaffSheet(file, N, codes);
    const bytes = fs.readFileSync(file);
    console.log(`sheet: ${N} rows, ${(bytes.length / 1e6).toFixed(1)} MB, written in ${Date.now() - t} ms`);

    t = Date.now();
    let rows = 0;
    const sheet = await openSheet(bytes);
    for await (const _ of sheet.rows) rows++;
    const parseMs = Date.now() - t;

    const service = createImportsService({ handle, clock: systemClock });
    const actor = systemActor(root.id, root.path);
    t = Date.now();
    const b = await service.upload(actor, { kind: 'people', fileName: 'bench.xlsx' }, bytes);
    const checkMs = Date.now() - t;
    t = Date.now();
    const done = await service.commit(actor, b.id, 'all');
    const commitMs = Date.now() - t;
    const ms = (n: number) => `${(n / 1000).toFixed(1)} s`;
    console.log(
      `${handle.kind}: ${rows} rows parsed; valid ${b.validRows}, errors ${b.errorRows}; written ${done.writtenRows}`,
    );
    console.log(
      `| ${handle.kind} | ${ms(parseMs)} | ${ms(checkMs)} | ${ms(commitMs)} | ${Math.round(N / (commitMs / 1000))} rows/s |`,
    );
    if (url) {
      // Raw PostgreSQL: COPY of the written people rows into a table like people (its indexes too).
      const csv = `/tmp/dtbd-import-${N}-people.csv`;
      await psqlExport(url, `(select * from people where import_id = ${b.id} order by id)`, csv);
      await handle.exec('create table people_raw (like people including all)');
      const rawMs = await psqlCopy(url, [['people_raw', csv]]);
      fs.rmSync(csv, { force: true });
      console.log(
        `raw COPY of the ${done.writtenRows} people rows: ${ms(rawMs)}; ratio raw/(check + commit) ${(rawMs / (checkMs + commitMs)).toFixed(2)}, raw/commit ${(rawMs / commitMs).toFixed(2)}; load ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      );
    }
  } finally {
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
