import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportLayout } from '../../../../contracts/report-layouts';
import { encodeCell, type ReportPeoplePage, type ReportTable } from '../../../../contracts/reports';
import { fixedClock, type Session, useTestApp } from '../../../test/app';
import { testBackends } from '../../../test/db';
import { buildAnnualFixture } from '../../../test/fixtures/reports-annual-statistics';
import { seedReportLayouts } from '../layouts/layout-pack';
import { yearTitle } from './annual-statistics.report';

/** The annual statistical report on the fixture of test/fixtures/reports-annual-statistics.ts, counted by hand. */
describe.each(testBackends())('report: annual statistics (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-02-10T02:00:00Z') });
  let officer: Session;
  let communeOfficer: Session;
  let seeded: ReportLayout;

  beforeAll(async () => {
    await seedReportLayouts(t.handle.db);
    await buildAnnualFixture(t);
    officer = await t.as('training_officer', t.root);
    communeOfficer = await t.as('unit_officer', t.communeB);
    const list = await t.call(officer, { method: 'GET', url: '/api/report-layouts' });
    expect(list.statusCode, list.body).toBe(200);
    seeded = list.json().items.find((l: ReportLayout) => l.code === 'BNV_DTBD_NAM');
  });

  const url = '/api/reports/annual-statistics';
  const get = (s: Session | null, u: string) => t.call(s, { method: 'GET', url: u });
  const table = async (s: Session, query = '') => {
    const res = await get(s, `${url}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReportTable;
  };
  const grid = (r: ReportTable, cols: string[]) =>
    Object.fromEntries(r.rows.map((x) => [x.key, cols.map((c) => x.cells[`c_${c}`])]));

  it('fills the shipped layout for last year: headcount, trained by content, abroad', async () => {
    const r = await table(officer);
    expect(r.title).toBe('Thống kê đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2026');
    expect(r.readAt).toBe('2027-02-10T02:00:00.000Z');
    const cols = [
      'so_luong',
      'llct_cc',
      'llct_tc',
      'llct_sc',
      'qlnn_cvc',
      'qlnn_cv',
      'tin_hoc',
      'nuoc_ngoai',
    ];
    // The 2026 form has no district row and no commune category (ADR 043): An, Bảo and Giang,
    // still "CBX" on their record, read as civil servants through the mapping from 1 July 2025.
    expect(grid(r, cols)).toEqual({
      tong: [6, 0, 3, 0, 0, 2, 2, 2],
      cb_tinh: [1, 0, 0, 0, 0, 0, 1, 1],
      cbcc_cap_xa: [4, 0, 3, 0, 0, 2, 1, 1],
      cc: [4, 0, 3, 0, 0, 2, 1, 1],
      cc_cvcc: [0, 0, 0, 0, 0, 0, 0, 0],
      cc_cvc: [1, 0, 0, 0, 0, 1, 0, 1],
      cc_cv: [1, 0, 0, 0, 0, 1, 0, 0],
      cc_cs: [0, 0, 0, 0, 0, 0, 0, 0],
      vc: [1, 0, 0, 0, 0, 0, 0, 0],
      lanh_dao: [2, 0, 0, 0, 0, 1, 1, 1],
    });
    expect(r.columns.find((c) => c.key === 'c_llct_tc')).toMatchObject({
      label: 'Trung cấp',
      group: 'Lý luận chính trị',
    });
    expect(r.notes[0]).toContain('cần đối chiếu');
    // 2025: only Em's class K3.
    const y2025 = await table(officer, 'year=2025');
    expect(grid(y2025, ['llct_tc'])).toMatchObject({ tong: [1], vc: [1], cbcc_cap_xa: [0] });
  });

  it('names the people of a cell, once each, with their classes', async () => {
    const r = await table(officer, 'year=2026');
    const cell = r.rows.find((x) => x.key === 'cbcc_cap_xa')!.drill!.c_llct_tc;
    const res = await get(officer, `${url}/people?year=2026&cell=${cell}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as ReportPeoplePage;
    expect(page.items.map((p) => [p.fullName, p.detail])).toEqual([
      ['Nguyễn Văn An', 'Lớp K1; Lớp K6'],
      ['Trần Thị Bảo', 'Lớp K1'],
      ['Đỗ Văn Giang', 'Lớp K1'],
    ]);
    const abroad = await get(officer, `${url}/people?year=2026&cell=${r.rows[0].drill!.c_nuoc_ngoai}`);
    expect((abroad.json() as ReportPeoplePage).items.map((p) => p.detail)).toEqual([
      'Đoàn D1 (Singapore)',
      'Đoàn D1 (Singapore)',
    ]);
    const unknown = encodeCell({ row: 'nope', col: 'so_luong' });
    expect((await get(officer, `${url}/people?cell=${unknown}`)).json().total).toBe(0);
  });

  it('builds a custom layout: a copy with its own rows and "holds" columns', async () => {
    const copy = await t.call(officer, {
      method: 'POST',
      url: `/api/report-layouts/${seeded.id}/copy`,
      payload: { code: 'TINH_2026' },
    });
    expect(copy.statusCode, copy.body).toBe(200);
    const mine = copy.json() as ReportLayout;
    expect(mine).toMatchObject({
      ownerUnitId: t.root.id,
      builtIn: false,
      editable: true,
      version: 1,
      draft: true,
    });
    // A copy is a draft: the shipped layout stays in force until the copy is published (ADR 037).
    expect((await table(officer, 'year=2026')).subtitle).toBe('Mẫu BNV_DTBD_NAM');
    const put = await t.call(officer, {
      method: 'PUT',
      url: `/api/report-layouts/${mine.id}`,
      payload: {
        ...mine,
        effectiveFrom: '2026-01-01',
        rows: [
          {
            key: 'xa',
            label: { vi: 'Cấp xã', en: 'Commune level' },
            depth: 0,
            selector: { level: ['commune'] },
          },
          {
            key: 'cc_vc',
            label: { vi: 'Công chức, viên chức', en: 'CC, VC' },
            depth: 1,
            selector: { category: ['CC', 'VC'] },
          },
        ],
        columns: [
          { key: 'staff', label: { vi: 'Số người', en: 'Staff' }, measure: { measure: 'staff' } },
          {
            key: 'dh',
            label: { vi: 'Đại học trở lên', en: 'University+' },
            measure: { measure: 'holds', kind: 'EDUCATION', minLevel: 'DAI_HOC' },
          },
          {
            key: 'tc',
            label: { vi: 'LLCT trung cấp trở lên', en: 'PT intermediate+' },
            measure: { measure: 'holds', kind: 'POLITICAL_THEORY', minLevel: 'TRUNG_CAP' },
          },
          {
            key: 'llct',
            label: { vi: 'Học LLCT trong năm', en: 'PT trained' },
            measure: { measure: 'trained', programmeKind: 'POLITICAL_THEORY' },
          },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().version).toBe(2);
    expect((await table(officer, 'year=2026')).subtitle).toBe('Mẫu BNV_DTBD_NAM');
    expect((await table(officer, `year=2026&layout=${mine.id}`)).subtitle).toBe('Mẫu TINH_2026');
    const publish = (s: typeof officer, version: number) =>
      t.call(s, { method: 'POST', url: `/api/report-layouts/${mine.id}/publish`, payload: { version } });
    // The commune sees the province's layout but may not publish it.
    expect((await publish(communeOfficer, 2)).statusCode).toBe(403);
    expect((await publish(officer, 1)).statusCode).toBe(409);
    const published = await publish(officer, 2);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ draft: false, version: 3 });
    expect((await publish(officer, 3)).statusCode).toBe(409);
    // Published: the province's own layout in force on 31/12/2026 wins over the shipped one.
    const r = await table(officer, 'year=2026');
    expect(r.subtitle).toBe('Mẫu TINH_2026');
    expect(grid(r, ['staff', 'dh', 'tc', 'llct'])).toEqual({ xa: [5, 2, 2, 3], cc_vc: [5, 2, 2, 3] });
    const dh = await get(officer, `${url}/people?year=2026&cell=${r.rows[0].drill!.c_dh}`);
    expect((dh.json() as ReportPeoplePage).items.map((p) => [p.fullName, p.detail])).toEqual([
      ['Nguyễn Văn An', 'Đại học'],
      ['Phạm Minh Chi', 'Thạc sĩ'],
    ]);
    // 2025 is before the copy starts: the shipped layout; and any layout by id.
    expect((await table(officer, 'year=2025')).subtitle).toBe('Mẫu BNV_DTBD_NAM');
    expect((await table(officer, `year=2026&layout=${seeded.id}`)).subtitle).toBe('Mẫu BNV_DTBD_NAM');
    // The commune officer sees the province's layout, on their own people only.
    const local = await table(communeOfficer, `year=2026&layout=${mine.id}`);
    expect(grid(local, ['staff', 'dh', 'tc', 'llct'])).toEqual({ xa: [2, 0, 1, 0], cc_vc: [2, 0, 1, 0] });
  });

  it('keeps a unit officer in their subtree', async () => {
    const r = await table(communeOfficer, `year=2026&layout=${seeded.id}`);
    expect(grid(r, ['so_luong', 'qlnn_cv', 'nuoc_ngoai'])).toMatchObject({
      tong: [2, 1, 1],
      cc: [1, 1, 1],
      vc: [1, 0, 0],
    });
    expect((await get(communeOfficer, `${url}?unitId=${t.communeA.id}`)).statusCode).toBe(404);
    const cell = encodeCell({ row: 'cbcc_cap_xa', col: 'llct_tc' });
    const people = await get(communeOfficer, `${url}/people?year=2026&layout=${seeded.id}&cell=${cell}`);
    expect(people.json().total).toBe(0);
  });

  it('refuses without login (401), without the permission (403), an unknown layout (404)', async () => {
    expect((await get(null, url)).statusCode).toBe(401);
    const learner = await t.as('learner', t.communeA);
    expect((await get(learner, url)).statusCode).toBe(403);
    expect((await get(officer, `${url}?layout=999999`)).statusCode).toBe(404);
  });

  it('exports the layout as a workbook with its two header rows', async () => {
    const res = await get(officer, `${url}/export.xlsx?year=2026&layout=${seeded.id}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    wb.worksheets[0].eachRow((x) => {
      values.push((x.values as unknown[]).slice(1));
    });
    expect(values.some((v) => v.includes('Lý luận chính trị'))).toBe(true);
    const total = values.find((v) => v[0] === 'Tổng số');
    expect(total?.slice(0, 4)).toEqual(['Tổng số', 6, 0, 3]);
  });
});

describe('yearTitle', () => {
  it.each([
    ['Thống kê đào tạo hằng năm', 'vi', 'Thống kê đào tạo năm 2025'],
    ['Thống kê đào tạo hàng năm', 'vi', 'Thống kê đào tạo năm 2025'],
    ['Thống kê đào tạo năm', 'vi', 'Thống kê đào tạo năm 2025'],
    ['Biểu 01  thống kê', 'vi', 'Biểu 01 thống kê năm 2025'],
    ['Yearly statistics', 'en', 'Yearly statistics 2025'],
  ] as const)('%s (%s) -> %s', (name, lang, title) => {
    expect(yearTitle(name, 2025, lang)).toBe(title);
  });
});
