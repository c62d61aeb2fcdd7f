import { describe, expect, it } from 'vitest';
import { encodeCell } from '../../../../contracts/reports';
import type { Session } from '../../../test/app';
import { testBackends } from '../../../test/db';
import { useClassReport } from '../../../test/fixtures/reports-classes';

/**
 * Costs of 2026 on the hand-built province of `test/fixtures/reports-classes.ts`. By hand: the opened
 * classes ending in 2026 organised in the province are K1 (2 trainees, NST 40 000 000), K2 (2,
 * NST 45 000 000), K5 (2, NSDV 5 000 000) and K6 (2, NST 3 000 000 + learners 1 000 000); K3 is
 * cancelled, K4 only planned, K7 ended in 2025. Per trainee 20 000 000, 22 500 000, 2 500 000,
 * 2 000 000. Plan line A (K1 + K2): 4 trainees, 85 000 000, 21 250 000 each. Total 4 classes, 8
 * trainees, NST 88 000 000, NSDV 5 000 000, learners 1 000 000 = 94 000 000, 11 750 000 each.
 */
describe.each(testBackends())('report: training costs (%s)', (kind) => {
  const rep = useClassReport(kind, 'costs');
  const { t, get, table } = rep;

  const SOURCES = ['src_NST', 'src_NSDV', 'src_HOC_VIEN'];
  const line = (r: { cells: Record<string, unknown> }) =>
    ['code', 'name', 'organiser', 'classes', 'trainees', ...SOURCES, 'total', 'per_trainee'].map(
      (k) => r.cells[k] ?? null,
    );
  const people = (s: Session, cell: string, query = 'year=2026') => rep.people(s, cell, query);

  it('lists each class and each plan line with its cost by source and per trainee', async () => {
    const r = await table(rep.officer, 'year=2026');
    expect(r.title).toBe('Kinh phí đào tạo, bồi dưỡng');
    expect(r.columns.filter((c) => c.group).map((c) => c.label)).toEqual([
      'Ngân sách tỉnh',
      'Kinh phí của cơ quan, đơn vị',
      'Học viên đóng góp',
    ]);
    const M = 1_000_000;
    const header = (label: string) => [label, ...Array(9).fill(null)];
    // Columns: code, name, organiser, classes, trainees, NST, NSDV, HOC_VIEN, total, per trainee.
    expect(r.rows.map(line)).toEqual([
      header('I. Theo lớp'),
      ['K1', 'Lớp K1', 'Tỉnh Thử Nghiệm', 1, 2, 40 * M, 0, 0, 40 * M, 20 * M],
      ['K2', 'Lớp K2', 'Tỉnh Thử Nghiệm', 1, 2, 45 * M, 0, 0, 45 * M, 22.5 * M],
      ['K5', 'Lớp K5', 'Xã Đông Hòa', 1, 2, 0, 5 * M, 0, 5 * M, 2.5 * M],
      ['K6', 'Lớp K6', 'Phường Tây Sơn', 1, 2, 3 * M, 0, 1 * M, 4 * M, 2 * M],
      header('II. Theo dòng kế hoạch'),
      [
        null,
        'Lý luận chính trị (Trung cấp) - Công chức',
        'Tỉnh Thử Nghiệm',
        2,
        4,
        85 * M,
        0,
        0,
        85 * M,
        21.25 * M,
      ],
      [null, 'Tin học, kỹ năng số', 'Xã Đông Hòa', 1, 2, 0, 5 * M, 0, 5 * M, 2.5 * M],
      [null, 'Quản lý nhà nước theo ngạch', 'Phường Tây Sơn', 1, 2, 3 * M, 0, 1 * M, 4 * M, 2 * M],
    ]);
    expect(line(r.totals!)).toEqual(['Tổng cộng', null, null, 4, 8, 88 * M, 5 * M, 1 * M, 94 * M, 11.75 * M]);
  });

  it('filters by period and organiser level; classes outside a plan are grouped', async () => {
    const communes = await table(rep.officer, 'year=2026&level=commune&category=VC');
    expect(communes.filters.map((x) => x.label)).toEqual(['Đơn vị', 'Kỳ báo cáo', 'Cấp']);
    expect(line(communes.totals!).slice(3)).toEqual([2, 4, 3e6, 5e6, 1e6, 9e6, 2.25e6]);
    const spring = await table(rep.officer, 'from=2026-01-01&to=2026-05-31');
    expect(spring.rows.filter((x) => x.depth === 1 && x.cells.code).map((x) => x.cells.code)).toEqual([
      'K1',
      'K5',
    ]);
    const before = await table(rep.officer, 'year=2025');
    const outside = before.rows.find((x) => x.key === 'lnone');
    expect(outside && line(outside)).toEqual([
      null,
      'Lớp ngoài kế hoạch',
      null,
      1,
      1,
      50e6,
      null,
      null,
      50e6,
      50e6,
    ]);
    expect((await people(rep.officer, outside!.drill!.trainees, 'year=2025')).items[0].fullName).toBe(
      'Trần Thị Bảo',
    );
  });

  it('names the learners of a class, of a plan line and of all classes', async () => {
    const r = await table(rep.officer, 'year=2026');
    const k1 = await people(rep.officer, r.rows[1].drill!.trainees);
    expect(k1.items.map((p) => [p.fullName, p.detail])).toEqual([
      ['Nguyễn Văn An', 'K1 - Lớp K1'],
      ['Trần Thị Bảo', 'K1 - Lớp K1'],
    ]);
    expect((await people(rep.officer, r.rows[6].drill!.trainees)).total).toBe(4);
    expect((await people(rep.officer, r.totals!.drill!.trainees)).total).toBe(8);
  });

  it("keeps a unit officer to the subtree's classes", async () => {
    const communeA = await t.as('unit_officer', t.communeA);
    const mine = await table(communeA, 'year=2026');
    expect(line(mine.totals!).slice(3)).toEqual([1, 2, null, 5e6, null, 5e6, 2.5e6]);
    expect((await get(communeA, `/api/reports/costs?unitId=${t.communeB.id}`)).statusCode).toBe(404);
    const k1 = encodeCell({ by: 'class', id: rep.fx.classes.K1 });
    expect((await people(communeA, k1)).total).toBe(0);
  });

  it('refuses without login (401) and without the permission (403)', async () => {
    expect((await get(null, '/api/reports/costs')).statusCode).toBe(401);
    const learner = await t.as('learner', t.communeA);
    expect((await get(learner, '/api/reports/costs')).statusCode).toBe(403);
    expect((await get(learner, '/api/reports/costs/export.xlsx')).statusCode).toBe(403);
  });

  it('exports money as numbers in the workbook', async () => {
    const values = await rep.sheet('year=2026');
    const total = values.find((v) => v[0] === 'Tổng cộng');
    expect(total?.slice(3)).toEqual([4, 8, 88e6, 5e6, 1e6, 94e6, 11.75e6]);
  });
});
