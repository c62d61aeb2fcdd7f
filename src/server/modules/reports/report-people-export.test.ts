import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCell } from '../../../contracts/reports';
import { annualRatings } from '../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson, type UnitRow } from '../../test/fixtures/org';
import { downloadName, sheetRows } from '../../test/xlsx';

/**
 * The people behind a report's number as .xlsx, through the ratings distribution. 2025 by hand:
 * Xã Đông Hòa: An EXCELLENT, Bảo GOOD, Chi GOOD; Phường Tây Sơn: Em GOOD. Bảo's 2024 rating
 * (EXCELLENT) must not count.
 */
describe.each(testBackends())('report people export (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-03-10T02:00:00Z') });
  let officer: Session;
  const get = (s: Session | null, url: string) => t.call(s, { method: 'GET', url });
  const url = (unit: UnitRow, rating: string | null, extra = '') =>
    `/api/reports/ratings-distribution/people/export.xlsx?year=2025&cell=${encodeCell({ unit: unit.id, rating })}${extra}`;

  beforeAll(async () => {
    const db = t.handle.db;
    const rate = async (unit: UnitRow, fullName: string, rating: string, over: object = {}) => {
      const p = await makePerson(db, unit, { fullName, ...over });
      await db.insert(annualRatings).values({ personId: p.id, year: 2025, rating, unitId: unit.id });
      return p;
    };
    await rate(t.communeA, 'Nguyễn Văn An', 'EXCELLENT', { birthDate: '1980-05-20' });
    const bao = await rate(t.communeA, 'Trần Thị Bảo', 'GOOD');
    await db
      .insert(annualRatings)
      .values({ personId: bao.id, year: 2024, rating: 'EXCELLENT', unitId: t.communeA.id });
    await rate(t.communeA, 'Phạm Minh Chi', 'GOOD');
    await rate(t.communeB, 'Vũ Thị Em', 'GOOD');
    officer = await t.as('training_officer', t.root);
  });

  it('writes every person behind the number, with Vietnamese headers and dates', async () => {
    const res = await get(officer, url(t.communeA, 'GOOD'));
    expect(res.statusCode, res.body).toBe(200);
    expect(downloadName(res)).toBe('Danh sách người 10-03-2027.xlsx');
    const [header, ...rows] = await sheetRows(res);
    expect(header).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Đơn vị',
      'Đối tượng',
      'Ngạch',
      'Chức vụ',
      'Chi tiết',
    ]);
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      [1, 'Trần Thị Bảo', 'Xã Đông Hòa'],
      [2, 'Phạm Minh Chi', 'Xã Đông Hòa'],
    ]);
    expect(rows[0][7]).toBe('Hoàn thành tốt nhiệm vụ');
    const all = (await sheetRows(await get(officer, url(t.communeA, null)))).slice(1);
    expect(all.map((r) => r[1])).toEqual(['Nguyễn Văn An', 'Trần Thị Bảo', 'Phạm Minh Chi']);
    expect(all[0][2]).toEqual(new Date('1980-05-20T00:00:00Z'));
    // Another year: nobody.
    const y2024 = await get(officer, url(t.communeA, 'GOOD').replace('year=2025', 'year=2024'));
    expect((await sheetRows(y2024)).slice(1)).toEqual([]);
  });

  it('keeps the report’s checks: 401, 403, another subtree 404 or nobody, a bad cell 400', async () => {
    expect((await get(null, url(t.communeA, 'GOOD'))).statusCode).toBe(401);
    expect((await get(await t.as('learner', t.communeA), url(t.communeA, 'GOOD'))).statusCode).toBe(403);
    const communeB = await t.as('unit_officer', t.communeB);
    expect((await sheetRows(await get(communeB, url(t.communeA, 'GOOD')))).slice(1)).toEqual([]);
    expect((await get(communeB, url(t.communeA, 'GOOD', `&unitId=${t.communeA.id}`))).statusCode).toBe(404);
    const own = (await sheetRows(await get(communeB, url(t.communeB, 'GOOD')))).slice(1);
    expect(own.map((r) => r[1])).toEqual(['Vũ Thị Em']);
    const bad = await get(officer, '/api/reports/ratings-distribution/people/export.xlsx?year=2025&cell=abc');
    expect(bad.statusCode).toBe(400);
  });
});
