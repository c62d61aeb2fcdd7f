import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { people, personHistory } from '../../db/schema/index';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { rowErrors, upload, xlsxOf } from '../../test/fixtures/imports';

const HEAD = ['Họ và tên', 'Giới tính', 'Đối tượng', 'Chức vụ', 'Ghi chú chức vụ'];

describe.each(testBackends())('imports: staff list posts (issue 16) (%s)', (backend) => {
  const t = useTestApp(backend);

  const errorsOf = (s: Session, id: number, lang = 'vi') => rowErrors(t, s, id, lang);

  it('reads the post from its words or its code, keeps the note, and refuses an unknown post per row', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const sheet = [
      HEAD,
      ['Lê Văn Một', 'M', 'CB', 'Phó Chủ tịch UBND cấp xã', 'Phó Chủ tịch UBND xã, phụ trách kinh tế'],
      ['Lê Văn Hai', 'M', 'CB', 'chu tich ubnd cap xa'.normalize('NFD'), ''],
      ['Lê Thị Ba', 'F', 'CC', 'CHUYEN_VIEN', ''],
      ['Lê Văn Bốn', 'M', 'CC', '', 'Văn thư'],
      ['Lê Văn Năm', 'M', 'CC', 'Trưởng ban vui chơi', ''],
    ];
    const b = (await upload(t, s, 'people', await xlsxOf(sheet))).json();
    expect(b).toMatchObject({ status: 'previewed', totalRows: 5, validRows: 4, errorRows: 1 });
    const errors = await errorsOf(s, b.id);
    expect(errors.map((e) => `${e.row} ${e.column} ${e.code} ${e.value}`)).toEqual([
      '6 Chức vụ UNKNOWN_CODE Trưởng ban vui chơi',
    ]);
    expect(errors[0].message).toContain('Không hiểu "Trưởng ban vui chơi" ở cột "Chức vụ"');
    expect((await errorsOf(s, b.id, 'en'))[0].message).toContain(
      '"Trưởng ban vui chơi" is not understood in column "Chức vụ"',
    );

    // The API refuses the same unknown post (one validation for every writing path).
    const api = await t.call(s, {
      method: 'POST',
      url: '/api/people',
      payload: {
        fullName: 'Lê Văn Sáu',
        gender: 'M',
        category: 'CC',
        unitId: t.communeA.id,
        postCode: 'Trưởng ban vui chơi',
      },
    });
    expect(api.statusCode).toBe(400);

    const done = await t.call(s, {
      method: 'POST',
      url: `/api/imports/${b.id}/commit`,
      payload: { mode: 'valid' },
    });
    expect(done.json()).toMatchObject({ status: 'committed', writtenRows: 4 });
    const rows = await t.handle.db.select().from(people).where(eq(people.importId, b.id));
    const byName = Object.fromEntries(rows.map((p) => [p.fullName, [p.postCode, p.post]]));
    expect(byName).toEqual({
      'Lê Văn Một': ['PCT_UBND_XA', 'Phó Chủ tịch UBND xã, phụ trách kinh tế'],
      'Lê Văn Hai': ['CT_UBND_XA', null],
      'Lê Thị Ba': ['CHUYEN_VIEN', null],
      'Lê Văn Bốn': [null, 'Văn thư'],
    });
    // The first dated period carries the post code too (rules read it from the history).
    const history = await t.handle.db.select().from(personHistory).where(eq(personHistory.importId, b.id));
    expect(Object.fromEntries(history.map((h) => [h.personId, h.postCode]))).toEqual(
      Object.fromEntries(rows.map((p) => [p.id, p.postCode])),
    );
  });

  it('the template shows the post in words, and its guide lists the posts', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const res = await t.call(s, { method: 'GET', url: '/api/imports/templates/people' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheetRows = (name: string) => {
      const rows: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((r) => {
        rows.push((r.values as unknown[]).slice(1));
      });
      return rows;
    };
    const [head, example] = sheetRows(wb.worksheets[0].name);
    const at = (h: string) => example[head.indexOf(h)];
    expect(at('Chức vụ')).toBe('Phó Chủ tịch UBND cấp xã');
    expect(head).toContain('Ghi chú chức vụ');
    expect(sheetRows('Hướng dẫn')).toContainEqual(
      expect.arrayContaining(['Chức vụ', 'PCT_UBND_XA', 'Phó Chủ tịch UBND cấp xã']),
    );
  });
});
