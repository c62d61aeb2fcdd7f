import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { annualRatings, orgUnits, people, personHistory, qualifications } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { allErrors, csvOf, upload } from '../../test/fixtures/imports';
import { makePerson, makeUnit, type PersonRow } from '../../test/fixtures/org';

const P1 = '022080000001';
const P2 = '022080000002';
const P3 = '022080000003';

describe.each(testBackends())('imports: qualifications, ratings, round trip (%s)', (backend) => {
  const t = useTestApp(backend);
  let p1: PersonRow;
  let p3: PersonRow;

  beforeAll(async () => {
    p1 = await makePerson(t.handle.db, t.communeA, { personalId: P1 });
    await makePerson(t.handle.db, t.communeB, { personalId: P2 });
    p3 = await makePerson(t.handle.db, t.communeA, { personalId: P3 });
    await t.handle.db
      .insert(qualifications)
      .values({ personId: p1.id, kind: 'POLITICAL_THEORY', level: 'SO_CAP' });
    await t.handle.db
      .insert(annualRatings)
      .values({ personId: p3.id, year: 2024, rating: 'GOOD', unitId: t.communeA.id });
  });

  it('qualifications: every error named; only valid rows written; undo removes them', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const sheet = [
      ['Số định danh', 'Loại', 'Trình độ', 'Nơi cấp', 'Ngày cấp', 'Số tiết'],
      [P1, 'Lý luận chính trị', 'trung cap', 'Trường Chính trị tỉnh', '20/06/2019', ''],
      [P1, 'POLITICAL_THEORY', 'SO_CAP', '', '', ''],
      ['099999999999', 'POLITICAL_THEORY', 'CAO_CAP', '', '', ''],
      [P2, 'POLITICAL_THEORY', 'CAO_CAP', '', '', ''],
      [P1, 'POLITICAL_THEORY', 'BOGUS', '', '', ''],
      [P1, 'XX', 'SO_CAP', '', '', ''],
      [P1, 'POLITICAL_THEORY', 'TRUNG_CAP', '', '', ''],
      [P1, 'POLITICAL_THEORY', 'CAO_CAP', '', '', 'abc'],
      [P1, 'POLITICAL_THEORY', 'CU_NHAN_CT', '', '01/01/2099', ''],
    ];
    const b = (await upload(t, s, 'qualifications', csvOf(sheet))).json();
    expect(b).toMatchObject({ totalRows: 9, validRows: 1, errorRows: 8 });
    expect((await allErrors(t, s, b.id)).sort()).toEqual(
      [
        '3 Trình độ QUALIFICATION_EXISTS',
        '4 Số định danh UNKNOWN_PERSON',
        '5 Số định danh PERSON_OUT_OF_SCOPE',
        '6 Trình độ UNKNOWN_CODE',
        '7 Loại UNKNOWN_CODE',
        '8 Trình độ DUPLICATE_IN_FILE',
        '9 Số tiết BAD_NUMBER',
        '10 Ngày cấp FUTURE_DATE',
      ].sort(),
    );
    const c = await t.call(s, {
      method: 'POST',
      url: `/api/imports/${b.id}/commit`,
      payload: { mode: 'valid' },
    });
    expect(c.json()).toMatchObject({ status: 'committed', writtenRows: 1 });
    const rows = await t.handle.db.select().from(qualifications).where(eq(qualifications.importId, b.id));
    expect(rows.map((q) => [q.personId, q.kind, q.level, q.issuer, q.issuedOn, q.source])).toEqual([
      [p1.id, 'POLITICAL_THEORY', 'TRUNG_CAP', 'Trường Chính trị tỉnh', '2019-06-20', 'imported'],
    ]);
    const u = await t.call(s, {
      method: 'POST',
      url: `/api/imports/${b.id}/undo`,
      payload: { reason: 'Sai' },
    });
    expect(u.json().status).toBe('undone');
    expect(
      await t.handle.db.select().from(qualifications).where(eq(qualifications.importId, b.id)),
    ).toHaveLength(0);
    expect(
      await t.handle.db.select().from(qualifications).where(eq(qualifications.personId, p1.id)),
    ).toHaveLength(1);
  });

  it('ratings: every error named; only valid rows written, in the person unit; undo removes them', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const sheet = [
      ['Số định danh', 'Năm', 'Xếp loại', 'Điểm'],
      [P1, '2024', 'GOOD', ''],
      [P1, '2023', 'Hoàn thành xuất sắc nhiệm vụ', ''],
      [P1, '2022', 'X', ''],
      [P1, '2024', 'GOOD', ''],
      [P1, '1980', 'GOOD', ''],
      [P1, '2021', 'GOOD', '120'],
      [P3, '2024', 'GOOD', ''],
      [P2, '2024', 'GOOD', ''],
    ];
    const b = (await upload(t, s, 'ratings', csvOf(sheet))).json();
    expect(b).toMatchObject({ totalRows: 8, validRows: 2, errorRows: 6 });
    expect((await allErrors(t, s, b.id)).sort()).toEqual(
      [
        '4 Xếp loại UNKNOWN_CODE',
        '5 Năm DUPLICATE_IN_FILE',
        '6 Năm BAD_YEAR',
        '7 Điểm BAD_POINTS',
        '8 Năm ALREADY_RATED',
        '9 Số định danh PERSON_OUT_OF_SCOPE',
      ].sort(),
    );
    const all = await t.call(s, {
      method: 'POST',
      url: `/api/imports/${b.id}/commit`,
      payload: { mode: 'all' },
    });
    expect(all.json().status).toBe('failed');
    await t.call(s, { method: 'POST', url: `/api/imports/${b.id}/commit`, payload: { mode: 'valid' } });
    const rows = await t.handle.db.select().from(annualRatings).where(eq(annualRatings.importId, b.id));
    expect(rows.map((r) => [r.personId, r.year, r.rating, r.points, r.unitId]).sort()).toEqual([
      [p1.id, 2023, 'EXCELLENT', null, t.communeA.id],
      [p1.id, 2024, 'GOOD', null, t.communeA.id],
    ]);
    await t.call(s, { method: 'POST', url: `/api/imports/${b.id}/undo`, payload: { reason: 'Sai năm' } });
    expect(
      await t.handle.db.select().from(annualRatings).where(eq(annualRatings.importId, b.id)),
    ).toHaveLength(0);
  });

  it.each([
    ['qualifications', ['Số định danh', 'Họ và tên', 'Loại', 'Trình độ'], ['SO_CAP', 'TRUNG_CAP', 'CAO_CAP']],
    ['ratings', ['Số định danh', 'Họ và tên', 'Xếp loại', 'Năm'], ['2019', '2020', '2021']],
  ])(
    '%s: a row must name the person of its ID (NAME_MISMATCH with the name on record)',
    async (kind, head, last) => {
      const s = await t.as('unit_officer', t.communeA);
      const third = kind === 'ratings' ? 'GOOD' : 'POLITICAL_THEORY';
      const sheet = [
        head,
        [P3, 'Trần Thị Khác', third, last[0]],
        [P3, p3.fullName.toUpperCase().normalize('NFD'), third, last[1]],
        [P3, '', third, last[2]],
      ];
      const b = (await upload(t, s, kind, csvOf(sheet))).json();
      expect(b).toMatchObject({ totalRows: 3, errorRows: 1, errorCounts: { NAME_MISMATCH: 1 } });
      const res = await t.call(s, { method: 'GET', url: `/api/imports/${b.id}/errors` });
      expect(res.json().items).toMatchObject([
        {
          row: 2,
          column: 'Họ và tên',
          value: 'Trần Thị Khác',
          code: 'NAME_MISMATCH',
          message: `Họ tên không khớp hồ sơ: số định danh này là của ${p3.fullName}.`,
        },
      ]);
    },
  );

  it('round trip: export a unit to .xlsx, remove its people, import the file: the same data', async () => {
    const unit = await makeUnit(t.handle.db, { parent: t.communeA, name: 'Phòng Khứ Hồi', level: 'agency' });
    await t.handle.db.update(orgUnits).set({ code: 'KH' }).where(eq(orgUnits.id, unit.id));
    await makePerson(t.handle.db, unit, {
      fullName: 'Hoàng Thị Thu Hà',
      gender: 'F',
      ethnicity: 'KINH',
      personalId: '001190000777',
      partyMember: true,
      partyJoinDate: '2015-05-19',
      post: 'Trưởng phòng',
      leadershipTier: 'NONE',
      appointedOn: '2022-01-01',
      managementAuthority: 'XA',
      planningTitle: 'Phó Chủ tịch UBND xã',
      serviceStart: '2012-09-01',
    });
    await makePerson(t.handle.db, unit, {
      fullName: 'Ông Văn Ất',
      birthDate: null,
      rank: null,
      ethnicity: 'TAY',
      status: 'RETIRED',
    });
    const s = await t.as('unit_officer', t.communeA);
    const res = await t.call(s, {
      method: 'GET',
      url: `/api/people/export.xlsx?unitId=${unit.id}&subtree=false`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    // The sheet speaks words, not codes (issue 17).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const head = Array.from(ws.getRow(1).values as unknown[], (x) => String(x ?? ''));
    const sheet = new Map<string, Record<string, string>>();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      const rec = Object.fromEntries(head.map((h, i) => [h, v[i] == null ? '' : String(v[i])]));
      sheet.set(rec['Họ và tên'], rec);
    });
    expect(sheet.get('Hoàng Thị Thu Hà')).toMatchObject({
      'Giới tính': 'Nữ',
      'Dân tộc': 'Kinh',
      'Đảng viên': 'Có',
      'Đối tượng': 'Công chức',
      Ngạch: 'Chuyên viên và tương đương',
      'Cấp lãnh đạo': 'Không giữ chức vụ lãnh đạo',
      'Thẩm quyền quản lý': 'Cấp xã quản lý',
      'Trạng thái': 'Đang công tác',
    });
    expect(sheet.get('Ông Văn Ất')).toMatchObject({
      'Giới tính': 'Nam',
      'Dân tộc': 'Tày',
      Ngạch: '',
      'Trạng thái': 'Đã nghỉ hưu',
    });
    const fields = (p: PersonRow) => {
      const { id, searchName, sortKey, createdAt, updatedAt, version, importId, ...rest } = p;
      return rest;
    };
    const before = (await t.handle.db.select().from(people).where(eq(people.unitId, unit.id))).map(fields);
    for (const p of await t.handle.db.select().from(people).where(eq(people.unitId, unit.id)))
      await t.handle.db.delete(personHistory).where(eq(personHistory.personId, p.id));
    await t.handle.db.delete(people).where(eq(people.unitId, unit.id));

    const b = (await upload(t, s, 'people', res.rawPayload, { fileName: 'danh-sach.xlsx' })).json();
    expect(b).toMatchObject({ totalRows: 2, errorRows: 0 });
    await t.call(s, { method: 'POST', url: `/api/imports/${b.id}/commit`, payload: { mode: 'all' } });
    const after = (await t.handle.db.select().from(people).where(eq(people.unitId, unit.id))).map(fields);
    const byName = (a: { fullName: string }, z: { fullName: string }) => a.fullName.localeCompare(z.fullName);
    expect(after.sort(byName)).toEqual(before.sort(byName));
  });

  it('export.xlsx: 401, 403 for a role without people.read, 404 for a unit of another subtree', async () => {
    const url = `/api/people/export.xlsx?unitId=${t.communeB.id}`;
    expect((await t.call(null, { method: 'GET', url })).statusCode).toBe(401);
    expect((await t.call(await t.as('lecturer', t.root), { method: 'GET', url })).statusCode).toBe(403);
    expect((await t.call(await t.as('unit_officer', t.communeA), { method: 'GET', url })).statusCode).toBe(
      404,
    );
  });
});
