import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCell } from '../../../../contracts/reports';
import type { Session } from '../../../test/app';
import { testBackends } from '../../../test/db';
import { useClassReport } from '../../../test/fixtures/reports-classes';

/**
 * Costs of 2026 on the hand-built province of `test/fixtures/reports-classes.ts`, plus spending
 * recorded here (ADR 039). By hand: the opened classes ending in 2026 organised in the province are
 * K1 (2 trainees, NST 40 000 000), K2 (2, NST 45 000 000), K5 (2, NSDV 5 000 000) and K6 (2,
 * NST 3 000 000 + learners 1 000 000); K3 is cancelled, K4 only planned, K7 ended in 2025. K1
 * spent lecturer fees 30 000 000 (NST) and venue 4 000 000 (NSDV), settled at 34 000 000.
 * Delegation D1 returned in August 2026: 2 members, estimate NST 200 000 000, actual NST
 * 180 000 000 (D2 is cancelled). Totals: 4 classes, 10 trainees, estimate NST 288 000 000 + NSDV
 * 5 000 000 + learners 1 000 000 = 294 000 000 (29 400 000 each), actual 214 000 000 (21 400 000
 * each), settled 34 000 000.
 */
describe.each(testBackends())('report: training costs (%s)', (kind) => {
  const rep = useClassReport(kind, 'costs');
  const { t, get, table } = rep;

  const SOURCES = ['NST', 'NSDV', 'HOC_VIEN'];
  const COLS = [
    'code',
    'name',
    'organiser',
    'classes',
    'trainees',
    ...SOURCES.map((s) => `src_${s}`),
    'total',
    ...SOURCES.map((s) => `act_${s}`),
    'actual',
    'settled',
    'per_trainee',
    'actual_per_trainee',
  ];
  const line = (r: { cells: Record<string, unknown> }) => COLS.map((k) => r.cells[k] ?? null);
  const people = (s: Session, cell: string, query = 'year=2026') => rep.people(s, cell, query);
  const M = 1_000_000;

  beforeAll(async () => {
    const k1 = rep.fx.classes.K1;
    const spend = async (payload: object) => {
      const res = await t.call(rep.officer, { method: 'POST', url: `/api/classes/${k1}/spending`, payload });
      expect(res.statusCode, res.body).toBe(200);
    };
    await spend({ item: 'LECTURER', fundingSource: 'NST', amount: 30 * M, spentOn: '2026-04-30' });
    await spend({ item: 'VENUE', fundingSource: 'NSDV', amount: 4 * M, spentOn: '2026-04-30' });
    const settled = await t.call(rep.officer, {
      method: 'POST',
      url: `/api/classes/${k1}/settlement`,
      payload: { number: '15/QT-SNV', settledOn: '2026-06-15' },
    });
    expect(settled.statusCode, settled.body).toBe(200);
    await t.handle.db.execute(
      sql`update abroad_delegations set actual_cost = '{"NST": 180000000}'::jsonb where code = 'D1'`,
    );
  });

  it('lists classes, delegations and plan lines with estimate, actual and settled by source and per trainee', async () => {
    const r = await table(rep.officer, 'year=2026');
    expect(r.title).toBe('Kinh phí đào tạo, bồi dưỡng');
    expect(r.columns.filter((c) => c.group).map((c) => [c.group, c.label])).toEqual([
      ['Dự toán theo nguồn (đồng)', 'Ngân sách tỉnh'],
      ['Dự toán theo nguồn (đồng)', 'Kinh phí của cơ quan, đơn vị'],
      ['Dự toán theo nguồn (đồng)', 'Học viên đóng góp'],
      ['Thực chi theo nguồn (đồng)', 'Ngân sách tỉnh'],
      ['Thực chi theo nguồn (đồng)', 'Kinh phí của cơ quan, đơn vị'],
      ['Thực chi theo nguồn (đồng)', 'Học viên đóng góp'],
      ['Bình quân một học viên (đồng)', 'Dự toán'],
      ['Bình quân một học viên (đồng)', 'Thực chi'],
    ]);
    const header = (label: string) => [label, ...Array(COLS.length - 1).fill(null)];
    const nothing = [0, 0, 0, 0];
    expect(r.rows.map(line)).toEqual([
      header('I. Theo lớp'),
      [
        'K1',
        'Lớp K1',
        'Tỉnh Thử Nghiệm',
        1,
        2,
        40 * M,
        0,
        0,
        40 * M,
        30 * M,
        4 * M,
        0,
        34 * M,
        34 * M,
        20 * M,
        17 * M,
      ],
      ['K2', 'Lớp K2', 'Tỉnh Thử Nghiệm', 1, 2, 45 * M, 0, 0, 45 * M, ...nothing, null, 22.5 * M, 0],
      ['K5', 'Lớp K5', 'Xã Đông Hòa', 1, 2, 0, 5 * M, 0, 5 * M, ...nothing, null, 2.5 * M, 0],
      ['K6', 'Lớp K6', 'Phường Tây Sơn', 1, 2, 3 * M, 0, 1 * M, 4 * M, ...nothing, null, 2 * M, 0],
      header('II. Đào tạo, bồi dưỡng ở nước ngoài (theo đoàn)'),
      [
        'D1',
        'Đoàn D1',
        'Tỉnh Thử Nghiệm',
        0,
        2,
        200 * M,
        0,
        0,
        200 * M,
        180 * M,
        0,
        0,
        180 * M,
        null,
        100 * M,
        90 * M,
      ],
      header('III. Theo dòng kế hoạch'),
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
        30 * M,
        4 * M,
        0,
        34 * M,
        34 * M,
        21.25 * M,
        8.5 * M,
      ],
      [null, 'Tin học, kỹ năng số', 'Xã Đông Hòa', 1, 2, 0, 5 * M, 0, 5 * M, ...nothing, 0, 2.5 * M, 0],
      [
        null,
        'Quản lý nhà nước theo ngạch',
        'Phường Tây Sơn',
        1,
        2,
        3 * M,
        0,
        1 * M,
        4 * M,
        ...nothing,
        0,
        2 * M,
        0,
      ],
      [
        null,
        'Ngoài kế hoạch',
        null,
        0,
        2,
        200 * M,
        0,
        0,
        200 * M,
        180 * M,
        0,
        0,
        180 * M,
        0,
        100 * M,
        90 * M,
      ],
    ]);
    expect(line(r.totals!)).toEqual([
      'Tổng cộng',
      null,
      null,
      4,
      10,
      288 * M,
      5 * M,
      1 * M,
      294 * M,
      210 * M,
      4 * M,
      0,
      214 * M,
      34 * M,
      29.4 * M,
      21.4 * M,
    ]);
  });

  it('filters by period and organiser level; classes outside a plan are grouped', async () => {
    const communes = await table(rep.officer, 'year=2026&level=commune&category=VC');
    expect(communes.filters.map((x) => x.label)).toEqual(['Đơn vị', 'Kỳ báo cáo', 'Cấp']);
    expect(line(communes.totals!).slice(3)).toEqual([2, 4, 3e6, 5e6, 1e6, 9e6, 0, 0, 0, 0, 0, 2.25e6, 0]);
    const spring = await table(rep.officer, 'from=2026-01-01&to=2026-05-31');
    expect(spring.rows.filter((x) => x.depth === 1 && x.cells.code).map((x) => x.cells.code)).toEqual([
      'K1',
      'K5',
    ]);
    const before = await table(rep.officer, 'year=2025');
    const outside = before.rows.find((x) => x.key === 'lnone');
    expect(outside && line(outside)).toEqual([
      null,
      'Ngoài kế hoạch',
      null,
      1,
      1,
      50e6,
      null,
      null,
      50e6,
      0,
      null,
      null,
      0,
      0,
      50e6,
      0,
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
    expect((await people(rep.officer, r.rows[8].drill!.trainees)).total).toBe(4);
    const d1 = await people(rep.officer, r.rows[6].drill!.trainees);
    expect(d1.items.map((p) => [p.fullName, p.detail])).toEqual([
      ['Nguyễn Văn An', 'D1 - Đoàn D1'],
      ['Đỗ Văn Hùng', 'D1 - Đoàn D1'],
    ]);
    expect((await people(rep.officer, r.totals!.drill!.trainees)).total).toBe(10);
  });

  it("keeps a unit officer to the subtree's classes", async () => {
    const communeA = await t.as('unit_officer', t.communeA);
    const mine = await table(communeA, 'year=2026');
    expect(line(mine.totals!).slice(3)).toEqual([1, 2, null, 5e6, null, 5e6, null, 0, null, 0, 0, 2.5e6, 0]);
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
    expect(total?.slice(3)).toEqual([
      4, 10, 288e6, 5e6, 1e6, 294e6, 210e6, 4e6, 0, 214e6, 34e6, 29.4e6, 21.4e6,
    ]);
  });
});
