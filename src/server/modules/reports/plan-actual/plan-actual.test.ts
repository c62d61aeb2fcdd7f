import { describe, expect, it } from 'vitest';
import { encodeCell } from '../../../../contracts/reports';
import { testBackends } from '../../../test/db';
import { useClassReport } from '../../../test/fixtures/reports-classes';

/**
 * Plan vs actual 2026 on the hand-built province of `test/fixtures/reports-classes.ts`. By hand:
 * line A planned 2 classes / 4 trainees / 100 000 000; opened K1 + K2 = 2, approved 2 + 2 = 4,
 * passed 1 (An in K1), cost 40 + 45 = 85 000 000 (K3 cancelled); 100 / 100 / 85 %.
 * Line B planned 1 / 2 / 30 000 000; K4 only planned: 0 opened, 0 trainees, cost 25 000 000
 * (recorded on a class not cancelled); 0 / 0 / 83.3 %. Province plan: 3 / 6 / 130 000 000 vs
 * 2 / 4 / 1 / 110 000 000; 66.7 / 66.7 / 84.6 %. Commune A's line C: 1 / 3 / 6 000 000 vs 1 / 2 /
 * 2 / 5 000 000; 100 / 66.7 / 83.3 %. Commune B's plan is a draft: left out. Total 4 / 9 /
 * 136 000 000 vs 3 / 6 / 3 / 115 000 000; 75 / 66.7 / 84.6 %.
 */
describe.each(testBackends())('report: plan vs actual (%s)', (kind) => {
  const rep = useClassReport(kind, 'plan-actual');
  const { t, get, table } = rep;

  const nums = (r: { cells: Record<string, unknown> }) =>
    [
      'planned_classes',
      'opened',
      'classes_pct',
      'planned_trainees',
      'seats',
      'completed',
      'trainees_pct',
      'planned_budget',
      'cost',
      'budget_pct',
    ].map((k) => r.cells[k]);

  it('lists every line of the approved plans with a subtotal per plan and a total', async () => {
    const r = await table(rep.officer, 'year=2026');
    expect(r.title).toBe('Kết quả thực hiện kế hoạch đào tạo, bồi dưỡng năm 2026');
    expect(r.rows.map((x) => [x.cells.item, x.cells.target ?? null, x.cells.level ?? null])).toEqual([
      ['1. Tỉnh Thử Nghiệm: Kế hoạch ĐTBD năm 2026', null, null],
      ['Lý luận chính trị', 'Công chức', 'Trung cấp'],
      ['Quản lý nhà nước theo ngạch', 'Mọi đối tượng', 'Chương trình chuyên viên'],
      ['2. Xã Đông Hòa: Kế hoạch của xã năm 2026', null, null],
      ['Tin học, kỹ năng số', 'Mọi đối tượng', null],
    ]);
    expect(r.rows.map(nums)).toEqual([
      [3, 2, 66.7, 6, 4, 1, 66.7, 130_000_000, 110_000_000, 84.6],
      [2, 2, 100, 4, 4, 1, 100, 100_000_000, 85_000_000, 85],
      [1, 0, 0, 2, 0, 0, 0, 30_000_000, 25_000_000, 83.3],
      [1, 1, 100, 3, 2, 2, 66.7, 6_000_000, 5_000_000, 83.3],
      [1, 1, 100, 3, 2, 2, 66.7, 6_000_000, 5_000_000, 83.3],
    ]);
    expect(r.rows.map((x) => Boolean(x.subtotal))).toEqual([true, false, false, true, false]);
    expect(nums(r.totals!)).toEqual([4, 3, 75, 9, 6, 3, 66.7, 136_000_000, 115_000_000, 84.6]);
    expect(r.columns.find((c) => c.key === 'seats')?.group).toBe('Học viên');
  });

  it('narrows to the level of the planning unit and to the year', async () => {
    const communes = await table(rep.officer, 'year=2026&level=commune');
    expect(communes.rows.map((x) => x.cells.item)).toEqual([
      '1. Xã Đông Hòa: Kế hoạch của xã năm 2026',
      'Tin học, kỹ năng số',
    ]);
    const other = await table(rep.officer, 'year=2025');
    expect(other.rows).toEqual([]);
    expect(nums(other.totals!)).toEqual([0, 0, null, 0, 0, 0, null, 0, 0, null]);
  });

  it('names the approved learners behind a line, a plan and the passed', async () => {
    const r = await table(rep.officer, 'year=2026');
    const people = (cell: string) => rep.people(rep.officer, cell, 'year=2026');
    const lineA = await people(r.rows[1].drill!.seats);
    expect(lineA.total).toBe(4);
    expect(lineA.items.map((p) => [p.fullName, p.detail])).toEqual([
      ['Nguyễn Văn An', 'K1 - Lớp K1'],
      ['Trần Thị Bảo', 'K1 - Lớp K1'],
      ['Phạm Minh Chi', 'K2 - Lớp K2'],
      ['Hoàng Văn Dũng', 'K2 - Lớp K2'],
    ]);
    expect((await people(r.rows[2].drill!.seats)).total).toBe(0);
    const passed = await people(r.totals!.drill!.completed);
    expect(passed.items.map((p) => [p.fullName, p.detail])).toEqual([
      ['Nguyễn Văn An', 'K1 - Lớp K1'],
      ['Nguyễn Văn An', 'K5 - Lớp K5'],
      ['Vũ Thị Em', 'K5 - Lớp K5'],
    ]);
    expect((await people(r.totals!.drill!.seats)).total).toBe(6);
  });

  it('keeps a unit officer in their subtree', async () => {
    const communeA = await t.as('unit_officer', t.communeA);
    const mine = await table(communeA, 'year=2026');
    expect(mine.rows.map((x) => x.cells.item)).toEqual([
      '1. Xã Đông Hòa: Kế hoạch của xã năm 2026',
      'Tin học, kỹ năng số',
    ]);
    const communeB = await t.as('unit_officer', t.communeB);
    const draft = await table(communeB, 'year=2026');
    expect(draft.rows).toEqual([]);
    expect(
      (await get(communeB, `/api/reports/plan-actual?year=2026&unitId=${t.communeA.id}`)).statusCode,
    ).toBe(404);
    const cell = encodeCell({ plan: rep.fx.plans.province, line: null, m: 'seats' });
    const res = await get(communeB, `/api/reports/plan-actual/people?year=2026&cell=${cell}`);
    expect(res.json().total).toBe(0);
  });

  it('refuses without login (401) and without the permission (403)', async () => {
    expect((await get(null, '/api/reports/plan-actual')).statusCode).toBe(401);
    const learner = await t.as('learner', t.communeA);
    expect((await get(learner, '/api/reports/plan-actual')).statusCode).toBe(403);
    expect((await get(learner, '/api/reports/plan-actual/people?cell=x')).statusCode).toBe(403);
  });

  it('exports the table with its totals', async () => {
    const values = await rep.sheet('year=2026');
    const total = values.find((v) => v[0] === 'Tổng cộng');
    expect(total?.slice(3)).toEqual([4, 3, 0.75, 9, 6, 3, 0.667, 136_000_000, 115_000_000, 0.846]);
  });
});
