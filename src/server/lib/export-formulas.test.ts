import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../contracts/imports';
import { attendanceTemplate } from '../modules/results/results.sheets';
import { useTestApp } from '../test/app';
import { testBackends } from '../test/db';
import { makePerson, makeUnit } from '../test/fixtures/org';
import { restoreCell, safeCell } from './cell-safety';
import { parseCsv } from './csv-parse';
import { csvLine } from './csv-write';
import { reportWorkbook } from './xlsx-write';

const FORMULA = "=cmd|' /C calc'!A0";
/** A cell an attacker controls must never start like this in a file we write (OWASP). */
const LIVE = /^[=+@\t\r]|^-[^\d]/;

async function xlsxCells(buf: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push(`FORMULA:${cell.formula}`);
        else if (typeof cell.value === 'string') out.push(cell.value);
        else if (cell.value && typeof cell.value === 'object' && 'richText' in cell.value)
          out.push(cell.value.richText.map((r) => r.text).join(''));
      }),
    ),
  );
  return out;
}

/** CSV fields as written (the apostrophe kept), quotes undone. */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/gm;
  for (const line of text.replace(/^\uFEFF/, '').split('\r\n')) {
    for (const m of line.matchAll(re)) fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
  }
  return fields;
}

describe('neutralising cells', () => {
  it('prefixes = + - @ tab and CR with an apostrophe, leaves the rest', () => {
    for (const s of ['=1+1', '+84912', '-x', '@SUM(A1)', '\t=1', '\r=1']) expect(safeCell(s)).toBe(`'${s}`);
    for (const v of ['Nguyễn Văn A', "'quoted", '', 12, -5, null]) expect(safeCell(v)).toBe(v);
    expect(restoreCell(safeCell(FORMULA) as string)).toBe(FORMULA);
    expect(restoreCell("'plain")).toBe("'plain");
  });
  it('CSV: the cell is text in Excel and reads back as it was in our own reader', () => {
    const line = csvLine([FORMULA, '@x', 'ok', -3]);
    expect(line).toBe(`"'=cmd|' /C calc'!A0","'@x",ok,-3\r\n`);
    expect(parseCsv(line)[0]).toEqual([FORMULA, '@x', 'ok', '-3']);
  });
  it('the grade-book sheet neutralises a learner name', () => {
    const csv = attendanceTemplate(
      [{ day: '2026-11-20', startsAt: '08:00' }],
      [{ nominationId: 1, fullName: FORMULA, birthDate: '1990-01-01', personalId: '+123' } as never],
      new Map(),
      [1],
    );
    expect(csvFields(csv).filter((f) => LIVE.test(f))).toEqual([]);
    expect(csv).toContain(`'${FORMULA}`);
  });
  it('a report workbook neutralises its title, filters, cells and notes', async () => {
    const buf = await reportWorkbook(
      {
        title: '=title',
        filters: [{ label: 'Đơn vị', value: '@unit' }],
        readAt: '2026-11-20T08:00:00Z',
        columns: [{ key: 'name', label: 'Tên', kind: 'text' }],
        rows: [{ cells: { name: FORMULA } }],
        notes: ['+note'],
      } as never,
      'vi',
    );
    const cells = await xlsxCells(buf);
    expect(cells.filter((c) => LIVE.test(c))).toEqual([]);
    expect(cells).toContain(`'${FORMULA}`);
  });
});

describe.each(testBackends())('every export route neutralises a hostile name (%s)', (kind) => {
  const t = useTestApp(kind);

  it('no exported cell starts a formula; the hostile name comes out as text', async () => {
    const unit = await makeUnit(t.handle.db, { parent: t.root, name: '@Xã Độc Hại' });
    await makePerson(t.handle.db, unit, { fullName: FORMULA, personalId: '001085000001' });
    const admin = await t.as('admin', t.root);
    const created = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'formula.user',
        displayName: '+HYPERLINK("http://evil")',
        role: 'viewer',
        scopeUnitId: unit.id,
        password: 'Kho-doan-9-Ngua-Xanh',
      },
    });
    expect(created.statusCode).toBe(200);

    const exports = t.app.routeGuards
      .filter(
        (r) => r.method === 'GET' && /export\.(xlsx|csv)$|template\.csv$|\/templates\/:kind$/.test(r.url),
      )
      .map((r) => r.url);
    expect(exports.length).toBeGreaterThan(25);
    const urls = exports.flatMap((u) =>
      u.includes('/templates/:kind')
        ? IMPORT_KINDS.filter((k) => k !== 'roster' && k !== 'results').flatMap((k) => [
            u.replace(':kind', k),
            `${u.replace(':kind', k)}?format=csv`,
          ])
        : u.includes(':')
          ? []
          : [u],
    );
    const live: string[] = [];
    const withName: string[] = [];
    const read: string[] = [];
    for (const url of urls) {
      const res = await t.call(admin, { method: 'GET', url });
      if (res.statusCode !== 200) continue;
      read.push(url);
      const isCsv = String(res.headers['content-type']).startsWith('text/csv');
      const cells = isCsv ? csvFields(res.body) : await xlsxCells(res.rawPayload);
      for (const c of cells)
        if (LIVE.test(c) || c.startsWith('FORMULA:')) live.push(`${url}: ${JSON.stringify(c)}`);
      if (cells.some((c) => c.includes(FORMULA) || c.includes('@Xã Độc Hại') || c.includes('+HYPERLINK')))
        withName.push(url);
    }
    expect(live).toEqual([]);
    // The gaps CSV needs a rule pack to carry a name: its writer (csvLine) is covered above.
    expect(read).toContain('/api/standards/gaps/export.csv');
    expect(read.length).toBeGreaterThan(20);
    expect(withName).toEqual(
      expect.arrayContaining([
        '/api/people/export.xlsx',
        '/api/users/export.xlsx',
        '/api/audit/export.xlsx',
        '/api/reports/compliance/export.xlsx',
      ]),
    );
    console.log(
      `exports read: ${read.length}/${urls.length}; carrying the hostile names: ${withName.length}`,
    );
  });
});
