/**
 * Proof that text read from .xlsx is what the sheet holds (issue 12, ADR 022): a sheet of
 * Vietnamese names and labels (every diacritic letter, NFC and NFD, long cells across inflated
 * chunks), with shared strings and with inline strings, written by exceljs' streaming writer and
 * read back: no U+FFFD and every cell equal to the NFC of what was written. A control decodes
 * each inflated chunk on its own (what the old reader did) and must find U+FFFD in the same
 * file, so the file really splits characters across chunks.
 * 10,000 rows a variant here; the 200,000-row run: `DTBD_XLSX_PROOF_ROWS=200000 npx vitest run
 * src/server/lib/sheets/vietnamese.test.ts` or bench/xlsx-read.bench.ts (BENCHMARKS.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import {
  expectedRow,
  VIETNAMESE_HEADERS,
  VIETNAMESE_LETTERS,
  writeVietnameseSheet,
} from '../../test/vietnamese-sheet';
import { openSheet } from './read';

const ROWS = Number(process.env.DTBD_XLSX_PROOF_ROWS ?? 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtbd-proof-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** U+FFFD found when each inflated chunk of the text parts is decoded on its own. */
async function naiveReplacements(file: string): Promise<number> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  let found = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (!/sheet1\.xml$|sharedStrings\.xml$/.test(entry.fileName)) continue;
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>)
        found += chunk.toString('utf8').split('\uFFFD').length - 1;
    }
  } finally {
    zip.close();
  }
  return found;
}

describe(`Vietnamese text round trip through .xlsx (${ROWS.toLocaleString('en-US')} rows)`, () => {
  it('the letters cover every Vietnamese diacritic letter, upper and lower case', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(146);
    for (const l of ['ỹ', 'Ỹ', 'đ', 'Đ', 'ặ', 'Ặ', 'ự', 'Ự', 'ờ', 'Ờ', 'ẩ', 'Ẩ'])
      expect(VIETNAMESE_LETTERS).toContain(l);
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(146);
  });

  for (const shared of [true, false])
    it(
      `${shared ? 'shared' : 'inline'} strings: no U+FFFD, every cell the NFC of what was written`,
      async () => {
        const file = path.join(dir, `vi-${shared}.xlsx`);
        const t0 = performance.now();
        await writeVietnameseSheet(file, ROWS, shared);
        const t1 = performance.now();
        expect(await naiveReplacements(file)).toBeGreaterThan(0);
        const sheet = await openSheet(fs.readFileSync(file));
        expect(sheet.headers).toEqual(VIETNAMESE_HEADERS);
        let n = 0;
        let replacements = 0;
        const differing: string[] = [];
        for await (const row of sheet.rows) {
          const got = Object.values(row.values);
          const want = expectedRow(n);
          for (const c of got) if (typeof c === 'string' && c.includes('\uFFFD')) replacements++;
          if (row.rowNumber !== n + 2 || got.some((c, i) => c !== want[i]))
            differing.push(`row ${row.rowNumber}: ${JSON.stringify(got).slice(0, 200)}`);
          n++;
        }
        const t2 = performance.now();
        console.log(
          `${ROWS} rows, ${shared ? 'shared' : 'inline'}: written ${((t1 - t0) / 1000).toFixed(1)} s, read ${((t2 - t1) / 1000).toFixed(1)} s`,
        );
        expect(n).toBe(ROWS);
        expect(replacements).toBe(0);
        expect(differing.slice(0, 5)).toEqual([]);
      },
      Math.max(120_000, ROWS * 2),
    );
});
