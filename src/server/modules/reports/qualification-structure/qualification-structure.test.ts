import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCell, type ReportPeoplePage, type ReportTable } from '../../../../contracts/reports';
import { qualifications } from '../../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../../test/app';
import { testBackends } from '../../../test/db';
import { makePerson, makeUnit, type UnitRow } from '../../../test/fixtures/org';

/**
 * A hand-built province, counted by hand.
 * Province (own staff): Rạng (CC) Thạc sĩ, LLCT Cao cấp, QLNN CVC, Tin học cơ bản.
 * Xã Đông Hòa: An (CBX) Đại học, LLCT Trung cấp, Ngoại ngữ Bậc 3; Bảo (CBX) Cao đẳng, LLCT Sơ cấp
 *   and a removed Đại học (does not count); Chi (CC) Đại học, Cử nhân chính trị (ranks with Cao
 *   cấp), QLNN CV; Dũng (CBX, in a village of agency level) nothing; Giang (retired) Đại học.
 * Phường Tây Sơn: Em (VC) Tiến sĩ, Tin học nâng cao, Ngoại ngữ Bậc 1.
 * By hand:
 *   own 1: edu_uni 1, edu_pg 1, pt_sc 1, pt_tc 1, pt_cc 1, sm_cv 1, sm_cvc 1, sm_cvcc 0, it 1, fl 0
 *   Tây Sơn 1: edu_uni 1, edu_pg 1, pt 0/0/0, sm 0, it 1, fl 1, fl_b1 0
 *   Đông Hòa 4: edu_uni 2 (50 %), edu_pg 0, pt_sc 3 (75 %), pt_tc 2 (50 %), pt_cc 1 (25 %),
 *     sm_cv 1, it 0, fl 1, fl_b1 1
 *   total 6: edu_uni 4 (66.7 %), edu_pg 2, pt_sc 4 (66.7 %), pt_tc 3 (50 %), pt_cc 2 (33.3 %),
 *     sm_cv 2, sm_cvc 1, sm_cvcc 0, it 2, fl 2, fl_b1 1
 *   CBX 3 (An, Bảo, Dũng): edu_uni 1 (33.3 %), pt_sc 2 (66.7 %), pt_tc 1 (33.3 %)
 *   commune tier 5 (An, Bảo, Chi, Em, and Dũng: his village is a unit of the commune): edu_uni 3
 *     (60 %), edu_pg 1, pt_tc 2 (40 %); province tier 1 (Rạng)
 */
describe.each(testBackends())('report: qualification structure (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-05-04T03:00:00Z') });
  let officer: Session;
  let communeOfficer: Session;
  let village: UnitRow;

  beforeAll(async () => {
    const db = t.handle.db;
    village = await makeUnit(db, { parent: t.communeA, name: 'Thôn Một', level: 'agency' });
    const person = async (unit: UnitRow, fullName: string, held: [string, string][], over: object = {}) => {
      const p = await makePerson(db, unit, { fullName, ...over });
      for (const [k, level] of held)
        await db.insert(qualifications).values({ personId: p.id, kind: k, level });
      return p;
    };
    await person(t.root, 'Lê Văn Rạng', [
      ['EDUCATION', 'THAC_SI'],
      ['POLITICAL_THEORY', 'CAO_CAP'],
      ['STATE_MANAGEMENT', 'CVC'],
      ['IT', 'CO_BAN'],
    ]);
    const cbx = { category: 'CBX', rank: null };
    await person(
      t.communeA,
      'Nguyễn Văn An',
      [
        ['EDUCATION', 'DAI_HOC'],
        ['POLITICAL_THEORY', 'TRUNG_CAP'],
        ['FOREIGN_LANGUAGE', 'BAC_3'],
      ],
      cbx,
    );
    const bao = await person(
      t.communeA,
      'Trần Thị Bảo',
      [
        ['EDUCATION', 'CAO_DANG'],
        ['POLITICAL_THEORY', 'SO_CAP'],
      ],
      cbx,
    );
    await db
      .insert(qualifications)
      .values({ personId: bao.id, kind: 'EDUCATION', level: 'DAI_HOC', deletedAt: new Date('2026-01-02') });
    await person(t.communeA, 'Phạm Minh Chi', [
      ['EDUCATION', 'DAI_HOC'],
      ['POLITICAL_THEORY', 'CU_NHAN_CT'],
      ['STATE_MANAGEMENT', 'CV'],
    ]);
    await person(village, 'Hoàng Văn Dũng', [], cbx);
    await person(t.communeA, 'Đỗ Văn Giang', [['EDUCATION', 'DAI_HOC']], { status: 'RETIRED' });
    await person(
      t.communeB,
      'Vũ Thị Em',
      [
        ['EDUCATION', 'TIEN_SI'],
        ['IT', 'NANG_CAO'],
        ['FOREIGN_LANGUAGE', 'BAC_1'],
      ],
      { category: 'VC', rank: null },
    );
    officer = await t.as('training_officer', t.root);
    communeOfficer = await t.as('unit_officer', t.communeB);
  });

  const url = '/api/reports/qualification-structure';
  const get = (s: Session | null, u: string) => t.call(s, { method: 'GET', url: u });
  const table = async (s: Session, query = '') => {
    const res = await get(s, `${url}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReportTable;
  };
  const KEYS = [
    'staff',
    'edu_uni',
    'edu_pg',
    'pt_sc',
    'pt_tc',
    'pt_cc',
    'sm_cv',
    'sm_cvc',
    'sm_cvcc',
    'it',
    'fl',
    'fl_b1',
  ];
  const counts = (r: { cells: Record<string, unknown> }) => KEYS.map((k) => r.cells[k]);
  const row = (r: ReportTable, key: string) => r.rows.find((x) => x.key === key)!;

  it('counts each level or higher by unit, category and level, with shares and a total', async () => {
    const r = await table(officer);
    expect(r.title).toBe('Cơ cấu trình độ cán bộ, công chức, viên chức');
    expect(r.readAt).toBe('2027-05-04T03:00:00.000Z');
    expect(r.rows.map((x) => x.cells.label)).toEqual([
      'I. Theo đơn vị',
      'Tỉnh Thử Nghiệm (trực thuộc)',
      'Phường Tây Sơn',
      'Xã Đông Hòa',
      'II. Theo đối tượng',
      'Công chức',
      'Viên chức',
      'Cán bộ, công chức cấp xã',
      'III. Theo cấp',
      'Cấp tỉnh',
      'Cấp xã',
    ]);
    expect(counts(row(r, `unit:${t.root.id}`))).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0]);
    expect(counts(row(r, `unit:${t.communeB.id}`))).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
    const dongHoa = row(r, `unit:${t.communeA.id}`);
    expect(counts(dongHoa)).toEqual([4, 2, 0, 3, 2, 1, 1, 0, 0, 0, 1, 1]);
    expect(dongHoa.cells).toMatchObject({ edu_uni_pct: 50, pt_sc_pct: 75, pt_tc_pct: 50, pt_cc_pct: 25 });
    expect(counts(r.totals!)).toEqual([6, 4, 2, 4, 3, 2, 2, 1, 0, 2, 2, 1]);
    expect(r.totals!.cells).toMatchObject({
      edu_uni_pct: 66.7,
      pt_sc_pct: 66.7,
      pt_tc_pct: 50,
      pt_cc_pct: 33.3,
    });
    const cbx = row(r, 'category:CBX');
    expect(cbx.cells).toMatchObject({
      staff: 3,
      edu_uni: 1,
      edu_uni_pct: 33.3,
      pt_sc: 2,
      pt_sc_pct: 66.7,
      pt_tc: 1,
    });
    expect(row(r, 'category:CC').cells).toMatchObject({ staff: 2, edu_uni: 2, pt_cc: 2, sm_cv: 2 });
    const commune = row(r, 'level:commune');
    expect(commune.cells).toMatchObject({ staff: 5, edu_uni: 3, edu_uni_pct: 60, pt_tc: 2, pt_tc_pct: 40 });
    expect(row(r, 'level:province').cells).toMatchObject({ staff: 1, edu_uni: 1, pt_cc: 1 });
    expect(r.columns.find((c) => c.key === 'pt_tc')?.group).toBe('Lý luận chính trị: Trung cấp trở lên');
    expect(r.columns.find((c) => c.key === 'edu_uni')?.group).toBe('Trình độ chuyên môn: Đại học trở lên');
  });

  it('narrows to a category and to an org level', async () => {
    const cbx = await table(officer, 'category=CBX');
    expect(counts(cbx.totals!)).toEqual([3, 1, 0, 2, 1, 0, 0, 0, 0, 0, 1, 1]);
    const communes = await table(officer, 'level=commune');
    expect(communes.totals!.cells).toMatchObject({ staff: 5, edu_uni: 3, edu_pg: 1, pt_tc: 2 });
  });

  it('names the people behind a number, with the qualification held', async () => {
    const r = await table(officer);
    const cell = row(r, `unit:${t.communeA.id}`).drill!.pt_tc;
    const res = await get(officer, `${url}/people?cell=${cell}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as ReportPeoplePage;
    expect(page.total).toBe(2);
    expect(page.items.map((p) => [p.fullName, p.detail])).toEqual([
      ['Nguyễn Văn An', 'Trung cấp'],
      ['Phạm Minh Chi', 'Cử nhân chính trị'],
    ]);
    const uni = await get(officer, `${url}/people?cell=${r.totals!.drill!.edu_uni}`);
    expect((uni.json() as ReportPeoplePage).items.map((p) => p.detail).sort()).toEqual([
      'Thạc sĩ',
      'Tiến sĩ',
      'Đại học',
      'Đại học',
    ]);
    const staff = await get(officer, `${url}/people?cell=${row(r, 'category:CBX').drill!.staff}`);
    expect(staff.json().total).toBe(3);
    expect((await get(officer, `${url}/people?cell=xyz`)).statusCode).toBe(400);
  });

  it('keeps a unit officer in their subtree', async () => {
    const r = await table(communeOfficer);
    expect(counts(r.totals!)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
    expect((await get(communeOfficer, `${url}?unitId=${t.communeA.id}`)).statusCode).toBe(404);
    const cell = encodeCell({ dim: 'unit', key: String(t.communeA.id), measure: null });
    expect((await get(communeOfficer, `${url}/people?cell=${cell}`)).json().total).toBe(0);
  });

  it('refuses without login (401) and without the permission (403)', async () => {
    expect((await get(null, url)).statusCode).toBe(401);
    const learner = await t.as('learner', t.communeA);
    expect((await get(learner, url)).statusCode).toBe(403);
    expect((await get(learner, `${url}/people?cell=x`)).statusCode).toBe(403);
  });

  it('exports the same table as a workbook', async () => {
    const res = await get(officer, `${url}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    wb.worksheets[0].eachRow((x) => {
      values.push((x.values as unknown[]).slice(1));
    });
    const total = values.find((v) => v[0] === 'Tổng cộng');
    // label, staff, then number and share of each threshold: general education 12/12 (none
    // recorded), college or higher 5 of 6, university or higher 4 of 6.
    expect(total?.slice(0, 8)).toEqual(['Tổng cộng', 6, 0, 0, 5, 0.833, 4, 0.667]);
  });
});
