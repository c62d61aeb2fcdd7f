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
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { type DbHandle, openPglite, openPostgres } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { rowsOf } from '../src/server/db/rows';
import { systemActor } from '../src/server/lib/actor';
import { systemClock } from '../src/server/lib/dates';
import { openSheet } from '../src/server/lib/sheets/read';
import { buildDemoOrgTree } from '../src/server/modules/demo/org-tree';
import { seedCodeLists } from '../src/server/modules/demo/seed-codes';
import { createImportsService } from '../src/server/modules/imports/imports.service';
import { PEOPLE_COLUMNS } from '../src/server/modules/imports/kinds/people';

const N = Number(process.argv[2] ?? 100_000);
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phương', 'Sơn', 'Tâm'];

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
      await handle.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function writeSheet(file: string, unitCodes: string[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(PEOPLE_COLUMNS.map((c) => c.vi)).commit();
  for (let i = 0; i < N; i++) {
    const name = `${FAMILY[i % 10]} ${MIDDLE[(i >> 3) % 7]} ${GIVEN[(i >> 5) % 12]}`;
    const birth = new Date(Date.UTC(1965 + (i % 35), i % 12, 1 + (i % 28)));
    ws.addRow([
      name,
      birth,
      i % 2 ? 'F' : 'M',
      'KINH',
      String(10_000_000_000 + i).padStart(12, '0'),
      i % 3 ? 'Không' : 'Có',
      null,
      'CC',
      'CV',
      'Chuyên viên',
      'NONE',
      null,
      unitCodes[i % unitCodes.length],
      null,
      null,
      'WORKING',
      new Date(Date.UTC(2000 + (i % 20), 0, 15)),
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

async function main() {
  const { handle, drop } = await open();
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
    await writeSheet(file, codes);
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
  } finally {
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
