import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCell, type ReportPeoplePage, type ReportTable } from '../../../../contracts/reports';
import type { Grace, RuleRequirement, RuleSelector } from '../../../../contracts/rules';
import { qualifications, standardRules } from '../../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../../test/app';
import { testBackends } from '../../../test/db';
import { makePerson } from '../../../test/fixtures/org';

/**
 * Standards compliance on 20/11/2026, counted by hand. Standards (province-wide from 2020):
 *   T_SM_CVC  rank CVC needs QLNN CVC;  T_LLCT_XA  CBX need LLCT trung cấp;
 *   T_LEAD    tier PHONG needs the division leadership programme, 12 months after appointment.
 * Xã Đông Hòa: An (CBX, LLCT trung cấp) meets all; Bảo (CBX, LLCT sơ cấp) misses T_LLCT_XA;
 *   Chi (CVC, PHONG appointed 31/03/2026, QLNN CVCC) meets T_SM_CVC, T_LEAD due by 31/03/2027;
 *   Giang (CBX, retired) not counted.
 * Phường Tây Sơn: Dũng (CVC, nothing) misses T_SM_CVC; Em (VC) no standard applies.
 * Province: Rạng (CV) no standard applies.
 * Đông Hòa: assessed 3, meeting all 1 (33.3 %), missing 1, due 1; Tây Sơn: 1, 0 (0 %), 1, 0;
 * total 4, 1 (25 %), 2, 1. By standard: T_SM_CVC 2 / 1 / 1 / 0; T_LLCT_XA 2 / 1 / 1 / 0; T_LEAD 1 / 0 / 0 / 1.
 */
describe.each(testBackends())('report: standards compliance (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-01-15T02:00:00Z') });
  let officer: Session;
  let communeOfficer: Session;

  beforeAll(async () => {
    const db = t.handle.db;
    const rule = (
      code: string,
      titleVi: string,
      appliesTo: RuleSelector,
      requirement: RuleRequirement,
      grace?: Grace,
    ) =>
      db.insert(standardRules).values({
        code,
        titleVi,
        titleEn: code,
        appliesTo,
        requirement,
        grace,
        effectiveFrom: '2020-01-01',
        legalSource: { document: 'Thử nghiệm' },
        ownerUnitId: t.root.id,
      });
    await rule(
      'T_SM_CVC',
      'Chuyên viên chính cần chương trình CVC',
      { rank: ['CVC'] },
      {
        type: 'qualification',
        kind: 'STATE_MANAGEMENT',
        minLevel: 'CVC',
      },
    );
    await rule(
      'T_LLCT_XA',
      'LLCT trung cấp cho cán bộ xã',
      { category: ['CBX'] },
      {
        type: 'qualification',
        kind: 'POLITICAL_THEORY',
        minLevel: 'TRUNG_CAP',
      },
    );
    await rule(
      'T_LEAD',
      'Lãnh đạo phòng',
      { leadershipTier: ['PHONG'] },
      { type: 'qualification', kind: 'LEADERSHIP', minLevel: 'PHONG' },
      { from: 'appointedOn', months: 12 },
    );
    const held = async (p: { id: number }, k: string, level: string) =>
      db.insert(qualifications).values({ personId: p.id, kind: k, level, issuedOn: '2021-01-01' });
    const cbx = { category: 'CBX', rank: null };
    await held(
      await makePerson(db, t.communeA, { fullName: 'Nguyễn Văn An', ...cbx }),
      'POLITICAL_THEORY',
      'TRUNG_CAP',
    );
    await held(
      await makePerson(db, t.communeA, { fullName: 'Trần Thị Bảo', ...cbx }),
      'POLITICAL_THEORY',
      'SO_CAP',
    );
    const chi = await makePerson(db, t.communeA, {
      fullName: 'Phạm Minh Chi',
      rank: 'CVC',
      leadershipTier: 'PHONG',
      appointedOn: '2026-03-31',
    });
    await held(chi, 'STATE_MANAGEMENT', 'CVCC');
    await makePerson(db, t.communeA, { fullName: 'Đỗ Văn Giang', ...cbx, status: 'RETIRED' });
    await makePerson(db, t.communeB, { fullName: 'Hoàng Văn Dũng', rank: 'CVC' });
    await makePerson(db, t.communeB, { fullName: 'Vũ Thị Em', category: 'VC', rank: null });
    await makePerson(db, t.root, { fullName: 'Lê Văn Rạng', rank: 'CV' });
    officer = await t.as('training_officer', t.root);
    communeOfficer = await t.as('unit_officer', t.communeB);
  });

  const url = '/api/reports/compliance';
  const get = (s: Session | null, u: string) => t.call(s, { method: 'GET', url: u });
  const table = async (s: Session, query: string) => {
    const res = await get(s, `${url}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReportTable;
  };
  const counts = (r: { cells: Record<string, unknown> }) =>
    ['assessed', 'compliant', 'compliant_pct', 'missing', 'due'].map((k) => r.cells[k]);
  const row = (r: ReportTable, key: string) => r.rows.find((x) => x.key === key)!;
  const people = async (s: Session, cell: string) => {
    const res = await get(s, `${url}/people?asOf=2026-11-20&cell=${cell}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as ReportPeoplePage).items.map((p) => [p.fullName, p.detail]);
  };

  it('counts people assessed, meeting all, missing and due by unit and by standard', async () => {
    const r = await table(officer, 'asOf=2026-11-20');
    expect(r.rows.map((x) => x.cells.label)).toEqual([
      'I. Theo đơn vị',
      'Phường Tây Sơn',
      'Xã Đông Hòa',
      'II. Theo tiêu chuẩn',
      'Chuyên viên chính cần chương trình CVC',
      'Lãnh đạo phòng',
      'LLCT trung cấp cho cán bộ xã',
    ]);
    expect(counts(row(r, `unit:${t.communeA.id}`))).toEqual([3, 1, 33.3, 1, 1]);
    expect(counts(row(r, `unit:${t.communeB.id}`))).toEqual([1, 0, 0, 1, 0]);
    expect(counts(row(r, 'rule:T_SM_CVC'))).toEqual([2, 1, 50, 1, 0]);
    expect(counts(row(r, 'rule:T_LLCT_XA'))).toEqual([2, 1, 50, 1, 0]);
    expect(counts(row(r, 'rule:T_LEAD'))).toEqual([1, 0, 0, 0, 1]);
    expect(counts(r.totals!)).toEqual([4, 1, 25, 2, 1]);
    expect(r.filters.at(-1)).toEqual({ label: 'Tính đến ngày', value: '20/11/2026' });
    // Before the standards, nobody is assessed.
    expect(counts((await table(officer, 'asOf=2019-06-01')).totals!)).toEqual([0, 0, null, 0, 0]);
    expect(counts((await table(officer, 'asOf=2026-11-20&category=CBX')).totals!)).toEqual([2, 1, 50, 1, 0]);
  });

  it('names the people with a gap (the standard as detail) and those meeting all', async () => {
    const r = await table(officer, 'asOf=2026-11-20');
    expect(await people(officer, row(r, `unit:${t.communeA.id}`).drill!.missing)).toEqual([
      ['Trần Thị Bảo', 'LLCT trung cấp cho cán bộ xã'],
    ]);
    expect(await people(officer, r.totals!.drill!.due)).toEqual([['Phạm Minh Chi', 'Lãnh đạo phòng']]);
    expect(await people(officer, r.totals!.drill!.compliant)).toEqual([['Nguyễn Văn An', null]]);
    expect(await people(officer, row(r, 'rule:T_SM_CVC').drill!.compliant)).toEqual([
      ['Phạm Minh Chi', null],
    ]);
    expect((await people(officer, r.totals!.drill!.assessed)).map((p) => p[0])).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bảo',
      'Phạm Minh Chi',
      'Hoàng Văn Dũng',
    ]);
  });

  it('keeps a unit officer in their subtree', async () => {
    const r = await table(communeOfficer, 'asOf=2026-11-20');
    expect(counts(r.totals!)).toEqual([1, 0, 0, 1, 0]);
    expect((await get(communeOfficer, `${url}?unitId=${t.communeA.id}`)).statusCode).toBe(404);
    const cell = encodeCell({ dim: 'unit', key: String(t.communeA.id), col: 'missing' });
    expect(await people(communeOfficer, cell)).toEqual([]);
  });

  it('refuses without login (401) and without the permission (403)', async () => {
    expect((await get(null, url)).statusCode).toBe(401);
    const learner = await t.as('learner', t.communeA);
    expect((await get(learner, url)).statusCode).toBe(403);
    expect((await get(learner, `${url}/export.xlsx`)).statusCode).toBe(403);
  });
});
