/** The .xlsx reader on hand-made workbooks: what real sheets contain, and the limits. */
import { describe, expect, it } from 'vitest';
import { inlineXlsx, workbookParts, zipOf } from '../../test/zip';
import { AppError } from '../errors';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from './limits';
import { type CellValue, openSheet } from './read';
import { isDateFormat } from './workbook';
import { columnOf } from './xlsx';

async function readAll(bytes: Buffer, limits: SheetLimits = DEFAULT_SHEET_LIMITS) {
  const sheet = await openSheet(bytes, limits);
  const rows: { n: number; cells: CellValue[] }[] = [];
  for await (const r of sheet.rows) rows.push({ n: r.rowNumber, cells: Object.values(r.values) });
  return { headers: sheet.headers, rows };
}

async function refusal(
  p: Promise<unknown>,
): Promise<{ code: string; status: number; vi: string; en: string; details: unknown }> {
  const err = await p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw err;
  return {
    code: err.code,
    status: err.status,
    vi: err.localized.vi,
    en: err.localized.en,
    details: err.details,
  };
}

const HEAD =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>A</t></is></c><c r="B1" t="inlineStr"><is><t>B</t></is></c><c r="C1" t="inlineStr"><is><t>C</t></is></c><c r="D1" t="inlineStr"><is><t>D</t></is></c></row>';

describe('xlsx reader: cells', () => {
  it('reads shared strings stored after the sheet, rich runs joined, phonetic runs left out, _xHHHH_ unescaped', async () => {
    const bytes = zipOf(
      workbookParts({
        sheets: [
          {
            name: 'Dữ liệu',
            rows: `${HEAD}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c></row>`,
          },
        ],
        sharedXml: [
          '<t>Nguyễn Văn Thử</t>',
          '<r><t>Trần </t></r><r><rPr><b/></rPr><t xml:space="preserve">Thị  Hoa</t></r><rPh sb="0" eb="1"><t>ZZZ</t></rPh>',
          '<t>dòng 1_x000D_dòng 2 _x005F_x0041_</t>',
          '<t>  &amp; &lt;tên&gt;  </t>',
        ],
      }),
    );
    const { rows } = await readAll(bytes);
    expect(rows).toEqual([
      { n: 2, cells: ['Nguyễn Văn Thử', 'Trần Thị  Hoa', 'dòng 1\rdòng 2 _x0041_', '& <tên>'] },
    ]);
  });

  it('reads numbers, booleans, errors, cached formula results, inline strings and ISO dates; places sparse cells by reference', async () => {
    const rows = `${HEAD}
      <row r="3"><c r="A3"><v>12.5</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><f>A3&amp;"x"</f><v>12.5x</v></c></row>
      <row r="4"><c r="A4"><f>1+1</f><v>2</v></c><c r="B4" t="b"><f>TRUE()</f><v>0</v></c><c r="D4" t="inlineStr"><is><r><t>Lê </t></r><r><t>Văn</t></r></is></c></row>
      <row r="5"><c r="C5" t="d"><v>2024-03-05T00:00:00</v></c></row>
      <row r="6"><c r="A6" s="0"/><c r="B6" t="inlineStr"><is><t>   </t></is></c></row>
      <row><c t="inlineStr"><is><t>no refs</t></is></c><c><v>7</v></c></row>`;
    const { rows: got } = await readAll(zipOf(workbookParts({ sheets: [{ name: 'S', rows }] })));
    expect(got).toEqual([
      { n: 3, cells: [12.5, '1', '#N/A', '12.5x'] },
      { n: 4, cells: [2, '0', null, 'Lê Văn'] },
      { n: 5, cells: [null, null, new Date(Date.UTC(2024, 2, 5)), null] },
      // row 6 holds only an empty cell and blanks: skipped; the row after it has no `r`: 7
      { n: 7, cells: ['no refs', 7, null, null] },
    ]);
  });

  it('reads numbers in date formats as dates (built-in, custom, 1900 and 1904 systems), other formats as numbers', async () => {
    const styles = `<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00&quot; đ&quot;"/><numFmt numFmtId="166" formatCode="[$-42A]d mmmm yyyy"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>`;
    const rows = `${HEAD}<row r="2"><c r="A2" s="1"><v>29292</v></c><c r="B2" s="2"><v>45356</v></c><c r="C2" s="3"><v>45356</v></c><c r="D2" s="4"><v>45356.75</v></c></row>`;
    const y1900 = await readAll(zipOf(workbookParts({ sheets: [{ name: 'S', rows }], styles })));
    expect(y1900.rows[0].cells).toEqual([
      new Date(Date.UTC(1980, 2, 12)),
      new Date(Date.UTC(2024, 2, 5)),
      45356,
      new Date(Date.UTC(2024, 2, 5, 18)),
    ]);
    const y1904 = await readAll(
      zipOf(workbookParts({ sheets: [{ name: 'S', rows }], styles, date1904: true })),
    );
    expect(y1904.rows[0].cells[1]).toEqual(new Date(Date.UTC(2028, 2, 6)));
  });

  it('reads the first visible worksheet in tab order, whatever the order of the files in the zip', async () => {
    const sheets = [
      {
        name: 'Danh mục',
        hidden: true,
        rows: '<row r="1"><c t="inlineStr"><is><t>hidden</t></is></c></row>',
      },
      {
        name: 'Dữ liệu',
        rows: '<row r="1"><c t="inlineStr"><is><t>Tên</t></is></c></row><row r="2"><c t="inlineStr"><is><t>đúng</t></is></c></row>',
      },
      { name: 'Hướng dẫn', rows: '<row r="1"><c t="inlineStr"><is><t>guide</t></is></c></row>' },
    ];
    for (const reverseFiles of [false, true]) {
      const got = await readAll(zipOf(workbookParts({ sheets, reverseFiles })));
      expect(got.headers).toEqual(['Tên']);
      expect(got.rows).toEqual([{ n: 2, cells: ['đúng'] }]);
    }
  });

  it('reads prefixed element names and a UTF-8 BOM', async () => {
    const parts = workbookParts({ sheets: [{ name: 'S', rows: '' }] });
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    sheet.content = `\uFEFF<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>Họ tên</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Ánh</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const got = await readAll(zipOf(parts));
    expect(got.headers).toEqual(['', 'Họ tên']);
    expect(got.rows).toEqual([{ n: 2, cells: ['Ánh'] }]);
  });

  it('tells date formats from number formats', () => {
    for (const f of [
      'dd/mm/yyyy',
      'd-mmm-yy',
      'h:mm AM/PM',
      '[h]:mm:ss',
      '[$-42A]dd/mm/yyyy',
      'yyyy"年"m"月"',
    ])
      expect(isDateFormat(f), f).toBe(true);
    for (const f of [
      'General',
      '0.00',
      '#,##0 "đồng"',
      '0.00E+00',
      '[Red]#,##0;[Blue]-#,##0',
      '@',
      '0" ngày"',
    ])
      expect(isDateFormat(f), f).toBe(false);
    expect([columnOf('A1'), columnOf('Z9'), columnOf('AA10'), columnOf('XFD1'), columnOf('12')]).toEqual([
      0,
      25,
      26,
      16_383,
      undefined,
    ]);
  });
});

describe('xlsx reader: refusals', () => {
  const limits = (o: Partial<SheetLimits>): SheetLimits => ({ ...DEFAULT_SHEET_LIMITS, ...o });
  const small = inlineXlsx([
    ['Họ và tên', 'Ghi chú'],
    ['Lê Văn A', 'x'],
    ['Lê Văn B', 'y'],
    ['Lê Văn C', 'z'],
  ]);

  it('refuses a damaged zip, a zip that is not a workbook, malformed XML, invalid UTF-8 and an .xls with 400 FILE_UNREADABLE', async () => {
    const cases: [string, Buffer][] = [
      ['garbage', Buffer.from('PK\x03\x04garbage')],
      ['truncated', small.subarray(0, small.length - 30)],
      ['not a workbook', zipOf([{ name: 'word/document.xml', content: '<w/>' }])],
      ['malformed', zipOf(workbookParts({ sheets: [{ name: 'S', rows: '<row><c><v>1</v></row>' }] }))],
      [
        'invalid UTF-8',
        zipOf(
          workbookParts({ sheets: [{ name: 'S', rows: '' }] }).map((p) =>
            p.name.endsWith('sheet1.xml')
              ? {
                  ...p,
                  content: Buffer.concat([
                    Buffer.from('<worksheet><sheetData><row><c t="inlineStr"><is><t>'),
                    Buffer.from([0xc3, 0x28]),
                    Buffer.from('</t></is></c></row></sheetData></worksheet>'),
                  ]),
                }
              : p,
          ),
        ),
      ],
      [
        'xls',
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      ],
      [
        'a part inflating past its declared size',
        zipOf(
          workbookParts({ sheets: [{ name: 'S', rows: HEAD.repeat(50) }] }).map((p) =>
            p.name.endsWith('sheet1.xml') ? { ...p, declaredSize: 100 } : p,
          ),
        ),
      ],
    ];
    for (const [what, bytes] of cases) {
      const r = await refusal(readAll(bytes));
      expect([what, r.code, r.status]).toEqual([what, 'FILE_UNREADABLE', 400]);
      expect(r.vi).toMatch(/^Không đọc được tệp/);
    }
  });

  it('refuses by the central directory, before inflating: declared size (413), ratio, entries, sheets (400)', async () => {
    // 3 MB of zeros deflates to ~3 KB: ratio ~1,000.
    const bomb = zipOf([
      ...workbookParts({ sheets: [{ name: 'S', rows: HEAD }] }),
      { name: 'xl/media/zeros.bin', content: Buffer.alloc(3 * 1024 * 1024) },
    ]);
    let r = await refusal(readAll(bomb, limits({ maxInflatedBytes: 2 * 1024 * 1024 })));
    expect([r.code, r.status, r.details]).toEqual([
      'FILE_TOO_LARGE',
      413,
      { limit: 'maxInflatedBytes', max: 2 * 1024 * 1024 },
    ]);
    expect(r.vi).toContain('DTBD_IMPORT_MAX_INFLATED_MB');
    r = await refusal(readAll(bomb));
    expect([r.code, r.status, (r.details as { limit: string }).limit]).toEqual([
      'FILE_LIMIT',
      400,
      'maxRatio',
    ]);
    expect(r.en).toMatch(
      /compression ratio of a part \([\d,]{5}\): at most 200 \(setting DTBD_IMPORT_MAX_RATIO\)/,
    );
    // A central directory that lies about the sizes is caught while inflating (see above).
    r = await refusal(readAll(small, limits({ maxEntries: 3 })));
    expect([r.code, r.details]).toEqual(['FILE_LIMIT', { limit: 'maxEntries', max: 3, found: 4 }]);
    const three = zipOf(workbookParts({ sheets: [1, 2, 3].map((i) => ({ name: `S${i}`, rows: HEAD })) }));
    r = await refusal(readAll(three, limits({ maxSheets: 2 })));
    expect([r.code, r.details]).toEqual(['FILE_LIMIT', { limit: 'maxSheets', max: 2 }]);
    expect(r.vi).toBe('Tệp vượt giới hạn số trang tính: tối đa 2 (cấu hình DTBD_IMPORT_MAX_SHEETS).');
  });

  it('refuses rows, filled cells and bytes past their limits, .xlsx and CSV alike', async () => {
    const csv = Buffer.from('Họ và tên,Ghi chú\nLê Văn A,x\nLê Văn B,y\nLê Văn C,z\n');
    for (const bytes of [small, csv]) {
      expect((await readAll(bytes, limits({ maxRows: 3, maxCells: 6 }))).rows).toHaveLength(3);
      let r = await refusal(readAll(bytes, limits({ maxRows: 2 })));
      expect([r.code, r.status, r.details]).toEqual(['FILE_LIMIT', 400, { limit: 'maxRows', max: 2 }]);
      r = await refusal(readAll(bytes, limits({ maxCells: 5 })));
      expect([r.code, r.details]).toEqual(['FILE_LIMIT', { limit: 'maxCells', max: 5 }]);
      r = await refusal(readAll(bytes, limits({ maxBytes: 20 })));
      expect([r.code, r.status, r.details]).toEqual([
        'FILE_TOO_LARGE',
        413,
        { limit: 'maxBytes', max: 20, found: bytes.length },
      ]);
    }
  });
});
