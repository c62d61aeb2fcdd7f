import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCell, type ReportPeoplePage, type ReportTable } from '../../../../contracts/reports';
import { annualRatings } from '../../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../../test/app';
import { testBackends } from '../../../test/db';
import { makePerson, makeUnit, type UnitRow } from '../../../test/fixtures/org';
import { sheetRows } from '../../../test/xlsx';

/**
 * The ratings distribution on a hand-built province (and the report framework through it).
 * 2025: the province's own Rạng GOOD; Xã Đông Hòa: An EXCELLENT, Bảo GOOD, Chi GOOD, and Dũng
 * (in a village under the commune) FAILED; Phường Tây Sơn: Em (a public employee, VC) COMPLETED.
 * An's 2024 rating (GOOD) must not count. By hand: Đông Hòa 4 rated = 1 / 2 / 0 / 1 (25 / 50 / 0 /
 * 25 %), Tây Sơn 1 = 0 / 0 / 1 / 0, own 1 = 0 / 1 / 0 / 0; total 6 = 1 / 3 / 1 / 1 (16.7 / 50 /
 * 16.7 / 16.7 %).
 */
describe.each(testBackends())('report: ratings distribution (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-03-10T02:00:00Z') });
  let officer: Session;
  let communeOfficer: Session;
  let village: UnitRow;

  beforeAll(async () => {
    const db = t.handle.db;
    village = await makeUnit(db, { parent: t.communeA, name: 'Thôn Một', level: 'agency' });
    const rate = async (unit: UnitRow, fullName: string, rating: string, over: object = {}) => {
      const p = await makePerson(db, unit, { fullName, ...over });
      await db.insert(annualRatings).values({ personId: p.id, year: 2025, rating, unitId: unit.id });
      return p;
    };
    await rate(t.root, 'Lê Văn Rạng', 'GOOD');
    const an = await rate(t.communeA, 'Nguyễn Văn An', 'EXCELLENT');
    await db
      .insert(annualRatings)
      .values({ personId: an.id, year: 2024, rating: 'GOOD', unitId: t.communeA.id });
    await rate(t.communeA, 'Trần Thị Bảo', 'GOOD');
    await rate(t.communeA, 'Phạm Minh Chi', 'GOOD');
    await rate(village, 'Hoàng Văn Dũng', 'FAILED');
    await rate(t.communeB, 'Vũ Thị Em', 'COMPLETED', { category: 'VC', rank: null });
    officer = await t.as('training_officer', t.root);
    communeOfficer = await t.as('unit_officer', t.communeB);
  });

  const get = (s: Session | null, url: string) => t.call(s, { method: 'GET', url });
  const table = async (s: Session, query: string) => {
    const res = await get(s, `/api/reports/ratings-distribution?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReportTable;
  };
  const counts = (r: { cells: Record<string, unknown> }) =>
    ['total', 'EXCELLENT', 'GOOD', 'COMPLETED', 'FAILED'].map((k) => r.cells[k]);

  it('counts each rating by child unit, the subtree rolled up, with shares and a total', async () => {
    const r = await table(officer, 'year=2025');
    expect(r.title).toBe('Kết quả xếp loại chất lượng năm 2025');
    expect(r.readAt).toBe('2027-03-10T02:00:00.000Z');
    expect(r.rows.map((x) => x.cells.unit)).toEqual([
      'Tỉnh Thử Nghiệm (trực thuộc)',
      'Phường Tây Sơn',
      'Xã Đông Hòa',
    ]);
    expect(r.rows.map(counts)).toEqual([
      [1, 0, 1, 0, 0],
      [1, 0, 0, 1, 0],
      [4, 1, 2, 0, 1],
    ]);
    expect(r.rows[2].cells).toMatchObject({
      EXCELLENT_pct: 25,
      GOOD_pct: 50,
      COMPLETED_pct: 0,
      FAILED_pct: 25,
    });
    expect(counts(r.totals!)).toEqual([6, 1, 3, 1, 1]);
    expect(r.totals!.cells).toMatchObject({ EXCELLENT_pct: 16.7, GOOD_pct: 50, FAILED_pct: 16.7 });
    expect(r.columns.find((c) => c.key === 'GOOD')?.group).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it('filters by category and by org level', async () => {
    const cc = await table(officer, 'year=2025&category=CC');
    expect(counts(cc.totals!)).toEqual([5, 1, 3, 0, 1]);
    expect(cc.filters.map((f) => f.label)).toContain('Đối tượng');
    const communes = await table(officer, 'year=2025&level=commune');
    // Dũng's village is a unit of the commune: he counts at the commune tier. The province's own
    // staff are of the province tier.
    expect(counts(communes.totals!)).toEqual([5, 1, 2, 1, 1]);
    const province = await table(officer, 'year=2025&level=province');
    expect(counts(province.totals!)).toEqual([1, 0, 1, 0, 0]);
  });

  it('names the people behind a number', async () => {
    const r = await table(officer, 'year=2025');
    const cell = r.rows[2].drill!.GOOD;
    const res = await get(officer, `/api/reports/ratings-distribution/people?year=2025&cell=${cell}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as ReportPeoplePage;
    expect(page.total).toBe(2);
    expect(page.items.map((p) => p.fullName)).toEqual(['Trần Thị Bảo', 'Phạm Minh Chi']);
    expect(page.items[0].detail).toBe('Hoàn thành tốt nhiệm vụ');
    const all = await get(
      officer,
      `/api/reports/ratings-distribution/people?year=2025&cell=${r.totals!.drill!.total}`,
    );
    expect(all.json().total).toBe(6);
    const bad = await get(officer, '/api/reports/ratings-distribution/people?year=2025&cell=abc');
    expect(bad.statusCode).toBe(400);
  });

  it('keeps a unit officer in their subtree', async () => {
    const r = await table(communeOfficer, 'year=2025');
    expect(r.rows.map(counts)).toEqual([[1, 0, 0, 1, 0]]);
    expect(counts(r.totals!)).toEqual([1, 0, 0, 1, 0]);
    const other = await get(
      communeOfficer,
      `/api/reports/ratings-distribution?year=2025&unitId=${t.communeA.id}`,
    );
    expect(other.statusCode).toBe(404);
    const cell = encodeCell({ unit: t.communeA.id, rating: null });
    const people = await get(
      communeOfficer,
      `/api/reports/ratings-distribution/people?year=2025&cell=${cell}`,
    );
    expect(people.json().total).toBe(0);
  });

  it('refuses without login (401) and without the permission (403)', async () => {
    expect((await get(null, '/api/reports/ratings-distribution')).statusCode).toBe(401);
    const learner = await t.as('learner', t.communeA);
    expect((await get(learner, '/api/reports/ratings-distribution')).statusCode).toBe(403);
    expect((await get(learner, '/api/reports/ratings-distribution/export.xlsx')).statusCode).toBe(403);
  });

  it('exports the same table as a formatted workbook', async () => {
    const res = await get(officer, '/api/reports/ratings-distribution/export.xlsx?year=2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(
      "filename*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3",
    );
    const values = await sheetRows(res);
    expect(values[0][0]).toBe('Kết quả xếp loại chất lượng năm 2025');
    expect(values.some((v) => v[0] === 'Số liệu đọc lúc 10/03/2027 09:00')).toBe(true);
    const total = values.find((v) => v[0] === 'Tổng cộng');
    // unit, rated, then number and share of each rating (shares as fractions shown as %).
    expect(total).toEqual(['Tổng cộng', 6, 1, 0.167, 3, 0.5, 1, 0.167, 1, 0.167, 4, 0.667]);
    const header = values.find((v) => v[0] === 'Đơn vị');
    expect(header?.[2]).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });
});
