import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { annualRatings, qualifications } from '../../db/schema/index';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { csvOf, rowErrors, upload, xlsxOf } from '../../test/fixtures/imports';
import { makePerson, type PersonRow } from '../../test/fixtures/org';

const P1 = '022081000001';
const P2 = '022081000002';

describe.each(testBackends())('imports: code aliases (%s)', (backend) => {
  const t = useTestApp(backend);
  let p1: PersonRow;
  let p2: PersonRow;

  beforeAll(async () => {
    p1 = await makePerson(t.handle.db, t.communeA, { personalId: P1 });
    p2 = await makePerson(t.handle.db, t.communeA, { personalId: P2 });
  });

  const errorsOf = (s: Session, id: number, lang = 'vi') => rowErrors(t, s, id, lang);

  it('levels written the way offices write them import; what stays unknown names the accepted labels', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const sheet = [
      ['Số định danh', 'Loại', 'Trình độ'],
      [P1, 'LLCT', 'Cao cấp LLCT'],
      [P1, 'Trình độ chuyên môn', 'Cử nhân'],
      [P1, 'Ngoại ngữ', 'B1'],
      [P2, 'llct', 'tc  llct'.normalize('NFD')],
      [P2, 'Ngoại ngữ', 'Cao cấp LLCT'],
      [P2, 'LLCT', 'Cao cap x'],
      [P2, 'Lý luận', 'Cao cấp'],
    ];
    const b = (await upload(t, s, 'qualifications', await xlsxOf(sheet))).json();
    expect(b).toMatchObject({ totalRows: 7, validRows: 4, errorRows: 3 });
    const errors = await errorsOf(s, b.id);
    expect(errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '6 Trình độ UNKNOWN_CODE',
      '7 Trình độ UNKNOWN_CODE',
      '8 Loại UNKNOWN_CODE',
    ]);
    // A level of another kind is not accepted: the message names the kind and its levels.
    expect(errors[0].details).toMatchObject({
      typed: 'Cao cấp LLCT',
      column: 'Trình độ',
      of: 'Ngoại ngữ',
      accepted: ['Bậc 1 (A1)', 'Bậc 2 (A2)', 'Bậc 3 (B1)', 'Bậc 4 (B2)', 'Bậc 5 (C1)', 'Bậc 6 (C2)'],
    });
    expect(errors[1].message).toBe(
      'Không hiểu "Cao cap x" ở cột "Trình độ" (Lý luận chính trị). Có thể ý bạn là: "Cao cấp". ' +
        'Các giá trị được nhận: "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân chính trị". ' +
        'Có thể ghi mã, tên hoặc một từ đồng nghĩa quản trị viên đã khai báo.',
    );
    expect(errors[2].message).toContain('Có thể ý bạn là: "Lý luận chính trị"');
    expect(errors[2].message).toContain('Các giá trị được nhận: "Trình độ chuyên môn", "Lý luận chính trị"');
    expect((await errorsOf(s, b.id, 'en'))[1].message).toContain(
      '"Cao cap x" is not understood in column "Trình độ" (Lý luận chính trị). Did you mean: "Cao cấp"?',
    );

    await t.call(s, { method: 'POST', url: `/api/imports/${b.id}/commit`, payload: { mode: 'valid' } });
    const rows = await t.handle.db.select().from(qualifications).where(eq(qualifications.importId, b.id));
    expect(rows.map((q) => `${q.personId} ${q.kind} ${q.level}`).sort()).toEqual(
      [
        `${p1.id} POLITICAL_THEORY CAO_CAP`,
        `${p1.id} EDUCATION DAI_HOC`,
        `${p1.id} FOREIGN_LANGUAGE BAC_3`,
        `${p2.id} POLITICAL_THEORY TRUNG_CAP`,
      ].sort(),
    );
  });

  it('ratings written as "Tốt" import; an alias the admin adds is used by the next upload', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const admin = await t.as('admin', t.root);
    const sheet = [
      ['Số định danh', 'Năm', 'Xếp loại'],
      [P1, '2024', 'Tốt'],
      [P1, '2023', 'htxsnv'],
      [P2, '2024', 'Hoàn thành tốt'],
    ];
    const first = (await upload(t, s, 'ratings', csvOf(sheet))).json();
    expect(first).toMatchObject({ totalRows: 3, validRows: 2, errorRows: 1 });
    const [e] = await errorsOf(s, first.id);
    expect(e).toMatchObject({ row: 4, column: 'Xếp loại', code: 'UNKNOWN_CODE', value: 'Hoàn thành tốt' });
    expect(e.details).toMatchObject({ suggestions: ['Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ'] });

    const add = await t.call(admin, {
      method: 'POST',
      url: '/api/codes/annual_rating/aliases',
      payload: { alias: 'Hoàn thành tốt', code: 'GOOD' },
    });
    expect(add.statusCode).toBe(200);
    const second = (await upload(t, s, 'ratings', csvOf(sheet))).json();
    expect(second).toMatchObject({ totalRows: 3, validRows: 3, errorRows: 0 });
    await t.call(s, { method: 'POST', url: `/api/imports/${second.id}/commit`, payload: { mode: 'all' } });
    const rows = await t.handle.db.select().from(annualRatings).where(eq(annualRatings.importId, second.id));
    expect(rows.map((r) => `${r.personId} ${r.year} ${r.rating}`).sort()).toEqual(
      [`${p1.id} 2024 GOOD`, `${p1.id} 2023 EXCELLENT`, `${p2.id} 2024 GOOD`].sort(),
    );

    // Deleted, the alias no longer reads.
    await t.call(admin, { method: 'DELETE', url: `/api/codes/annual_rating/aliases/${add.json().id}` });
    const third = (await upload(t, s, 'ratings', csvOf([sheet[0], [P2, '2022', 'Hoàn thành tốt']]))).json();
    expect(third).toMatchObject({ validRows: 0, errorRows: 1 });
  });

  it('the template guide lists each code with the other ways it may be written', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const res = await t.call(s, { method: 'GET', url: '/api/imports/templates/ratings' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('Hướng dẫn')!.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows).toContainEqual(['Danh mục', 'Mã', 'Tên', 'Cách ghi khác được nhận']);
    expect(rows).toContainEqual(['Xếp loại', 'GOOD', 'Hoàn thành tốt nhiệm vụ', 'Tốt, HTTNV, HTT']);
  });
});
