/**
 * .xlsx readers compared on the proof sheet (ADR 022): N rows of Vietnamese names and labels
 * (every diacritic letter, NFC and NFD, long cells across inflated chunks), once with shared
 * strings and once with inline strings, written by exceljs' streaming writer. Each reader runs
 * in a child process of its own (peak RSS is its own): rows read, cells that differ from the NFC
 * of what was written, U+FFFD found, time. Not pass/fail. Figures: BENCHMARKS.md, ADR 022.
 *   npx tsx bench/xlsx-read.bench.ts [N=200000]
 *   XLSX_EVAL_DIR=/tmp/xlsx-eval npx tsx bench/xlsx-read.bench.ts   also SheetJS (@e965/xlsx) and
 *     excelts (@cj-tech-master/excelts) when installed there (`npm install` in that folder; they
 *     are not dependencies of dtbd)
 * Also times the readers on /tmp/dtbd-import-100000.xlsx (bench/import.bench.ts) when it exists.
 * Sheets are kept in /tmp/dtbd-xlsx-bench (reused when present; delete it to write them again).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { openSheet } from '../src/server/lib/sheets/read';
import { expectedRow, writeVietnameseSheet } from '../src/server/test/vietnamese-sheet';

const READERS = [
  'dtbd (yauzl + saxes)',
  'exceljs 4.4 WorkbookReader',
  'SheetJS 0.20.3',
  'excelts 10.2 WorkbookReader',
];
const DIR = '/tmp/dtbd-xlsx-bench';

/** Any library's cell as text (rich text runs joined, formula results, dates as ISO). */
function textOf(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.normalize('NFC').trim() || null;
  if (typeof v === 'boolean') return v ? '1' : '0';
  const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
  if (o.richText) return textOf(o.richText.map((r) => r.text).join(''));
  if ('result' in o) return textOf(o.result);
  if (o.text !== undefined) return textOf(o.text);
  return null;
}

async function* rowsOf(reader: number, bytes: Buffer): AsyncGenerator<unknown[]> {
  const evalRequire = process.env.XLSX_EVAL_DIR
    ? createRequire(path.join(process.env.XLSX_EVAL_DIR, 'package.json'))
    : undefined;
  if (reader === 0) {
    const sheet = await openSheet(bytes);
    for await (const r of sheet.rows) yield Object.values(r.values);
  } else if (reader === 1 || reader === 3) {
    const lib = reader === 1 ? ExcelJS : evalRequire!('@cj-tech-master/excelts');
    const Reader = reader === 1 ? ExcelJS.stream.xlsx.WorkbookReader : lib.WorkbookReader;
    const wb = new Reader(Readable.from([bytes]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let first = true;
    for await (const sheet of wb) {
      for await (const row of sheet) {
        if (first) first = false;
        else yield (row.values as unknown[]).slice(1);
      }
      return;
    }
  } else {
    const XLSX = evalRequire!('@e965/xlsx');
    const wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: true });
    const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true });
    for (const r of rows.slice(1)) yield r;
  }
}

/** In the child: read one file with one reader, print one JSON line. */
async function child(reader: number, file: string, check: boolean) {
  const t0 = performance.now();
  const bytes = fs.readFileSync(file);
  let rows = 0;
  let differ = 0;
  let replacement = 0;
  for await (const raw of rowsOf(reader, bytes)) {
    const cells = raw.map(textOf);
    for (const c of cells) if (typeof c === 'string' && c.includes('\uFFFD')) replacement++;
    if (check) {
      const want = expectedRow(rows);
      want.forEach((w, i) => {
        if (w !== cells[i]) differ++;
      });
    }
    rows++;
  }
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({ rows, differ, replacement, ms, rssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

function run(reader: number, file: string, check: boolean) {
  try {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(reader), file, check ? '1' : '0'],
      { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return JSON.parse(out.trim().split('\n').at(-1)!);
  } catch (err) {
    const msg = String((err as { stderr?: string }).stderr ?? err)
      .split('\n')
      .find((l) => /Error/.test(l));
    return { error: msg?.slice(0, 120) ?? 'failed' };
  }
}

async function main() {
  const N = Number(process.argv[2] ?? 200_000);
  fs.mkdirSync(DIR, { recursive: true });
  const readers = process.env.XLSX_EVAL_DIR ? [0, 1, 2, 3] : [0, 1];
  const files: { label: string; file: string; check: boolean }[] = [];
  for (const shared of [true, false]) {
    const file = path.join(DIR, `vietnamese-${N}-${shared ? 'shared' : 'inline'}.xlsx`);
    if (!fs.existsSync(file)) {
      const t0 = performance.now();
      await writeVietnameseSheet(file, N, shared);
      console.log(`written ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const mb = (fs.statSync(file).size / 1e6).toFixed(1);
    files.push({
      label: `${N} Vietnamese rows, ${shared ? 'shared' : 'inline'} strings, ${mb} MB`,
      file,
      check: true,
    });
  }
  const staff = '/tmp/dtbd-import-100000.xlsx';
  if (fs.existsSync(staff))
    files.push({
      label: `100,000 staff rows (import bench), ${(fs.statSync(staff).size / 1e6).toFixed(1)} MB`,
      file: staff,
      check: false,
    });
  console.log(`load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log('| sheet | reader | rows | cells differing | U+FFFD | time | peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const f of files)
    for (const r of readers) {
      const x = run(r, f.file, f.check);
      if (x.error) console.log(`| ${f.label} | ${READERS[r]} | failed: ${x.error} | | | | |`);
      else
        console.log(
          `| ${f.label} | ${READERS[r]} | ${x.rows} | ${f.check ? x.differ : '-'} | ${x.replacement} | ${(x.ms / 1000).toFixed(1)} s | ${x.rssMb.toFixed(0)} MB |`,
        );
    }
}

if (process.argv[2] === '--child')
  child(Number(process.argv[3]), process.argv[4], process.argv[5] === '1').catch((err) => {
    console.error(err);
    process.exit(1);
  });
else
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
