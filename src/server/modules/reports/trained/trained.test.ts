import { describe, expect, it } from 'vitest';
import { encodeCell } from '../../../../contracts/reports';
import { testBackends } from '../../../test/db';
import { useClassReport } from '../../../test/fixtures/reports-classes';

/**
 * Trained in 2026 on the hand-built province of `test/fixtures/reports-classes.ts`. By hand, for the
 * province: classes ending in 2026 and opened are K1, K2, K5, K6 plus delegation D1 = 5 (K3
 * cancelled, K4 only planned, K7 ended in 2025, D2 cancelled); periods 120 + 120 + 40 + 80 = 360.
 * Enrolments: K1 An, Bảo; K2 Chi, Dũng; K5 An, Em; K6 Dũng, Giang; D1 An, Hùng = 10; passed An
 * (K1), An and Em (K5) = 3 (30 %); abroad 2 (20 %); trainee-periods 240 + 240 + 80 + 160 = 720.
 */
describe.each(testBackends())('report: trained in a period (%s)', (kind) => {
  const rep = useClassReport(kind, 'trained');
  const { t, get, table, people } = rep;
  const KEYS = ['classes', 'periods', 'trainees', 'completed', 'completed_pct', 'abroad', 'abroad_pct'];
  const line = (r: { cells: Record<string, unknown> }) => [
    r.cells.item,
    ...[...KEYS, 'person_periods'].map((k) => r.cells[k]),
  ];
  it('counts classes, periods, trainees, passed and abroad by kind, level and institution', async () => {
    const r = await table(rep.officer);
    expect(r.title).toBe('Kết quả đào tạo, bồi dưỡng trong kỳ');
    expect(r.filters).toContainEqual({ label: 'Kỳ báo cáo', value: '01/01/2026 - 31/12/2026' });
    expect(r.rows.map(line)).toEqual([
      ['I. Theo loại chương trình', ...Array(8).fill(undefined)],
      ['Lý luận chính trị', 2, 240, 4, 1, 25, 0, 0, 480],
      ['Quản lý nhà nước theo ngạch', 1, 80, 2, 0, 0, 0, 0, 160],
      ['Tin học, kỹ năng số', 1, 40, 2, 2, 100, 0, 0, 80],
      ['Đào tạo, bồi dưỡng ở nước ngoài', 1, 0, 2, 0, 0, 2, 100, 0],
      ['II. Theo cấp tổ chức lớp', ...Array(8).fill(undefined)],
      ['Cấp tỉnh', 3, 240, 6, 1, 16.7, 2, 33.3, 480],
      ['Cấp xã', 2, 120, 4, 2, 50, 0, 0, 240],
      ['III. Theo cơ sở đào tạo', ...Array(8).fill(undefined)],
      ['Đại học Quốc gia Singapore', 1, 0, 2, 0, 0, 2, 100, 0],
      ['Trung tâm chính trị Đông Hòa', 1, 40, 2, 2, 100, 0, 0, 80],
      ['Trường Chính trị tỉnh', 2, 240, 4, 1, 25, 0, 0, 480],
      ['(Không ghi cơ sở đào tạo)', 1, 80, 2, 0, 0, 0, 0, 160],
    ]);
    expect(line(r.totals!)).toEqual(['Tổng cộng', 5, 360, 10, 3, 30, 2, 20, 720]);
  });

  it('filters by period, learner category and organiser level', async () => {
    const spring = await table(rep.officer, 'from=2026-05-01&to=2026-06-30');
    expect(line(spring.totals!)).toEqual(['Tổng cộng', 2, 120, 4, 2, 50, 0, 0, 240]);
    const vc = await table(rep.officer, 'year=2026&category=VC');
    // Classes are not narrowed by the learners' category; trainees are: Em in K5 only.
    expect(line(vc.totals!)).toEqual(['Tổng cộng', 5, 360, 1, 1, 100, 0, 0, 40]);
    const communes = await table(rep.officer, 'year=2026&level=commune');
    expect(line(communes.totals!)).toEqual(['Tổng cộng', 2, 120, 4, 2, 50, 0, 0, 240]);
    const before = await table(rep.officer, 'year=2025');
    expect(line(before.totals!)).toEqual(['Tổng cộng', 1, 120, 1, 0, 0, 0, 0, 120]);
  });

  it('names the people behind a number with the class they took', async () => {
    const r = await table(rep.officer);
    const theory = await people(rep.officer, r.rows[1].drill!.trainees);
    expect(theory.items.map((p) => [p.fullName, p.detail])).toEqual([
      ['Nguyễn Văn An', 'K1 - Lớp K1'],
      ['Trần Thị Bảo', 'K1 - Lớp K1'],
      ['Phạm Minh Chi', 'K2 - Lớp K2'],
      ['Hoàng Văn Dũng', 'K2 - Lớp K2'],
    ]);
    const abroad = await people(rep.officer, r.totals!.drill!.abroad);
    expect(abroad.items.map((p) => [p.fullName, p.detail])).toEqual([
      ['Nguyễn Văn An', 'D1 - Đoàn D1'],
      ['Đỗ Văn Hùng', 'D1 - Đoàn D1'],
    ]);
    const none = await people(rep.officer, r.rows[12].drill!.trainees);
    expect(none.items.map((p) => p.fullName)).toEqual(['Hoàng Văn Dũng', 'Lê Thu Giang']);
    expect((await people(rep.officer, r.totals!.drill!.trainees)).total).toBe(10);
    expect((await people(rep.officer, r.totals!.drill!.completed)).total).toBe(3);
  });

  it("keeps a unit officer to the subtree's classes and learners", async () => {
    const communeA = await t.as('unit_officer', t.communeA);
    const mine = await table(communeA, 'year=2026');
    // K5 is the commune's own class; its learners were also in K1, K2 and D1 (organised above it).
    expect(line(mine.totals!)).toEqual(['Tổng cộng', 1, 40, 6, 3, 50, 1, 16.7, 440]);
    expect(mine.rows.slice(1, 4).map(line)).toEqual([
      ['Lý luận chính trị', 0, 0, 3, 1, 33.3, 0, 0, 360],
      ['Tin học, kỹ năng số', 1, 40, 2, 2, 100, 0, 0, 80],
      ['Đào tạo, bồi dưỡng ở nước ngoài', 0, 0, 1, 0, 0, 1, 100, 0],
    ]);
    const communeB = await t.as('unit_officer', t.communeB);
    expect((await get(communeB, `/api/reports/trained?unitId=${t.communeA.id}`)).statusCode).toBe(404);
    const theirs = encodeCell({ s: 'inst', v: rep.fx.institutions.I2, m: 'trainees' });
    expect((await people(communeB, theirs)).total).toBe(0);
    const all = await people(communeB, encodeCell({ s: 'all', v: null, m: 'trainees' }));
    expect(all.items.map((p) => [p.fullName, p.detail])).toEqual([
      ['Hoàng Văn Dũng', 'K2 - Lớp K2'],
      ['Hoàng Văn Dũng', 'K6 - Lớp K6'],
      ['Lê Thu Giang', 'K6 - Lớp K6'],
    ]);
  });

  it('refuses without login (401) and without the permission (403)', async () => {
    expect((await get(null, '/api/reports/trained')).statusCode).toBe(401);
    const learner = await t.as('learner', t.communeA);
    expect((await get(learner, '/api/reports/trained')).statusCode).toBe(403);
    expect((await get(learner, '/api/reports/trained/export.xlsx')).statusCode).toBe(403);
  });

  it('exports the sections and totals to a workbook', async () => {
    const values = await rep.sheet('year=2026');
    expect(values.find((v) => v[0] === 'Tổng cộng')).toEqual(['Tổng cộng', 5, 360, 10, 3, 0.3, 2, 0.2, 720]);
    expect(values.some((v) => v[0] === 'III. Theo cơ sở đào tạo')).toBe(true);
  });
});
