/**
 * The seeds' figures (issue 16, ADR 037): the Dai Tu article's commune civil servants (../shared/seeds
 * 004: 29 communes and towns; 209 of 255 with university or higher, 163 of 255 with intermediate
 * political theory or higher; 90% rated good or better) built as sheets, imported through the
 * product's own imports (org units, people, qualifications, ratings) and read back from the
 * shipped reports: no copied layout, no hand sum.
 * Front and mass-organisation leaders and deputies (144 of 144 leaders and 88 of 138 deputies with
 * intermediate political theory, 132 of 144 leaders with a degree; "96 of 138 deputies" read as
 * degree holders: the German text repeats "political theory" there) by post group (ADR 036),
 * their posts imported by words, read from the shipped qualification structure filtered by post
 * group (ADR 048): no layout, no sum. Đầm Hà's 101% of plan: dam-ha.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../../../contracts/reports';
import { type Session, type TestContext, useTestApp } from '../../../test/app';
import { testBackends } from '../../../test/db';
import { importSheet as importAny, readReport, unitByCode } from '../../../test/fixtures/reports-seeds';
import { seedReportLayouts } from '../layouts/layout-pack';

const UNITS = 29;
const STAFF = 255;
const UNIVERSITY = 209;
const PT_INTERMEDIATE = 163;
const GOOD_OR_BETTER = 230; // 90.2%: "90%"

/** A Dai Tu sheet imported into the district (or the province for the units). */
const importSheet = (t: TestContext, s: Session, kind: string, rows: unknown[][], unitId: number) =>
  importAny(t, s, kind, rows, { unitId }, 'dai-tu');

const pid = (i: number) => `019${i % 2}85${String(i).padStart(6, '0')}`;
const FRONT_HEADS = 144;
const FRONT_DEPUTIES = 138;
const HEADS_PT = 144;
const DEPUTIES_PT = 88;
const HEADS_DEGREE = 132;
const DEPUTIES_DEGREE = 96;
/** The five Front and mass organisations of a commune: their heads' and deputies' posts. */
const HEAD_POSTS = ['Chủ tịch Ủy ban MTTQ cấp xã', 'CT_HPN_XA', 'CT_HND_XA', 'CT_HCCB_XA', 'BT_DTN_XA'];
const DEPUTY_POSTS = [
  'Phó Chủ tịch Ủy ban MTTQ cấp xã',
  'PCT_HPN_XA',
  'PCT_HND_XA',
  'PCT_HCCB_XA',
  'PBT_DTN_XA',
];
const frontPid = (i: number) => `019${i % 2}75${String(i).padStart(6, '0')}`;

describe.each(testBackends())('the Dai Tu figures through imports and shipped reports (%s)', (kind) => {
  const t = useTestApp(kind);

  it('reads 209/255 university+, 163/255 intermediate political theory+, 90% good or better', {
    timeout: 180_000,
  }, async () => {
    const s = await t.as('training_officer', t.root);
    const communes = Array.from({ length: UNITS }, (_, i) =>
      i < 2 ? `Thị trấn Đại Từ ${i + 1}` : `Xã Đại Từ ${String(i - 1).padStart(2, '0')}`,
    );
    await importSheet(
      t,
      s,
      'units',
      [
        ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Loại đơn vị', 'Đơn vị cấp trên', 'Ngày thành lập'],
        ['DT', 'Huyện Đại Từ', 'district', 'ADMIN_AREA', '', '01/01/2000'],
        ...communes.map((n, i) => [`DT-${i}`, n, 'commune', 'ADMIN_AREA', 'DT', '01/01/2000']),
      ],
      t.root.id,
    );
    const district = await unitByCode(t, s, 'DT');

    await importSheet(
      t,
      s,
      'people',
      [
        [
          'Họ và tên',
          'Ngày sinh',
          'Giới tính',
          'Số định danh',
          'Đối tượng',
          'Mã đơn vị',
          'Ngày vào công tác',
        ],
        ...Array.from({ length: STAFF }, (_, i) => [
          `Nguyễn Văn Công ${i}`,
          '04/03/1985',
          i % 2 ? 'F' : 'M',
          pid(i),
          'CC',
          `DT-${i % UNITS}`,
          '01/08/2010',
        ]),
      ],
      district.id,
    );
    await importSheet(
      t,
      s,
      'qualifications',
      [
        ['Số định danh', 'Loại', 'Trình độ', 'Ngày cấp'],
        ...Array.from({ length: UNIVERSITY }, (_, i) => [pid(i), 'EDUCATION', 'DAI_HOC', '01/06/2008']),
        ...Array.from({ length: PT_INTERMEDIATE }, (_, i) => [
          pid(STAFF - 1 - i),
          'POLITICAL_THEORY',
          'TRUNG_CAP',
          '01/06/2015',
        ]),
      ],
      district.id,
    );
    await importSheet(
      t,
      s,
      'ratings',
      [
        ['Số định danh', 'Năm', 'Xếp loại'],
        ...Array.from({ length: STAFF }, (_, i) => [
          pid(i),
          '2025',
          i < 30 ? 'EXCELLENT' : i < GOOD_OR_BETTER ? 'GOOD' : 'COMPLETED',
        ]),
      ],
      district.id,
    );

    const report = (url: string) => readReport(t, s, url);
    const qs = await report(`/api/reports/qualification-structure?unitId=${district.id}`);
    const cc = qs.rows.find((r) => r.key === 'category:CC')!;
    expect(cc.cells).toMatchObject({
      staff: STAFF,
      edu_uni: UNIVERSITY,
      edu_cd: UNIVERSITY,
      pt_tc: PT_INTERMEDIATE,
      edu_uni_pct: 82,
      pt_tc_pct: 63.9,
    });
    expect(qs.rows.find((r) => r.key === 'level:commune')!.cells).toMatchObject({
      staff: STAFF,
      edu_uni: UNIVERSITY,
    });
    // Unit rows in Vietnamese order: "Thị trấn" before "Xã".
    const unitRows = qs.rows.filter((r) => r.key.startsWith('unit:')).map((r) => String(r.cells.label));
    expect(unitRows.slice(0, 3)).toEqual(['Thị trấn Đại Từ 1', 'Thị trấn Đại Từ 2', 'Xã Đại Từ 01']);

    const ratings = await report(`/api/reports/ratings-distribution?year=2025&unitId=${district.id}`);
    expect(ratings.totals!.cells).toMatchObject({ total: STAFF, good_up: GOOD_OR_BETTER, good_up_pct: 90.2 });
  });

  it('gives the same figures through a draft layout with the new measures, without making it the default', async () => {
    const s = await t.as('training_officer', t.root);
    const district = await unitByCode(t, s, 'DT');
    await seedReportLayouts(t.handle.db);
    const shipped = (await t.call(s, { method: 'GET', url: '/api/report-layouts' })).json().items[0];
    const copy = (
      await t.call(s, {
        method: 'POST',
        url: `/api/report-layouts/${shipped.id}/copy`,
        payload: { code: 'DAI_TU' },
      })
    ).json();
    expect(copy.draft).toBe(true);
    const bad = await t.call(s, {
      method: 'PUT',
      url: `/api/report-layouts/${copy.id}`,
      payload: {
        version: copy.version,
        columns: [
          { key: 'x', label: { vi: 'X', en: 'X' }, measure: { measure: 'rated', minRating: 'NOPE' } },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    const put = await t.call(s, {
      method: 'PUT',
      url: `/api/report-layouts/${copy.id}`,
      payload: {
        version: copy.version,
        effectiveFrom: '2025-01-01',
        rows: [
          {
            key: 'cc',
            label: { vi: 'Công chức', en: 'Civil servants' },
            depth: 0,
            selector: { category: ['CC'] },
          },
        ],
        columns: [
          { key: 'staff', label: { vi: 'Số người', en: 'Staff' }, measure: { measure: 'staff' } },
          {
            key: 'cd',
            label: { vi: 'Cao đẳng trở lên', en: 'College+' },
            measure: { measure: 'holds', kind: 'EDUCATION', minLevel: 'CAO_DANG' },
          },
          {
            key: 'tot',
            label: { vi: 'Tốt trở lên', en: 'Good+' },
            measure: { measure: 'rated', minRating: 'GOOD' },
          },
          {
            key: 'xs',
            label: { vi: 'Xuất sắc', en: 'Excellent' },
            measure: { measure: 'rated', minRating: 'EXCELLENT' },
          },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const read = async (q: string) =>
      (
        await t.call(s, {
          method: 'GET',
          url: `/api/reports/annual-statistics?year=2025&unitId=${district.id}${q}`,
        })
      ).json() as ReportTable;
    expect((await read('')).subtitle).toBe('Mẫu BNV_DTBD_NAM');
    const mine = await read(`&layout=${copy.id}`);
    expect(mine.rows[0].cells).toMatchObject({
      c_staff: STAFF,
      c_cd: UNIVERSITY,
      c_tot: GOOD_OR_BETTER,
      c_xs: 30,
    });
  });

  it('reads the Front and mass organisations by post group: 144/144 and 88/138 political theory, 132/144 degrees', {
    timeout: 180_000,
  }, async () => {
    const s = await t.as('training_officer', t.root);
    const district = await unitByCode(t, s, 'DT');
    const front = [
      ...Array.from({ length: FRONT_HEADS }, (_, i) => ({ i, post: HEAD_POSTS[Math.floor(i / UNITS)] })),
      ...Array.from({ length: FRONT_DEPUTIES }, (_, k) => ({
        i: FRONT_HEADS + k,
        post: DEPUTY_POSTS[Math.floor(k / UNITS)],
      })),
    ];
    await importSheet(
      t,
      s,
      'people',
      [
        ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Đối tượng', 'Chức vụ', 'Mã đơn vị'],
        ...front.map(({ i, post }) => [
          `Hoàng Thị Mặt Trận ${i}`,
          '04/03/1975',
          i % 2 ? 'F' : 'M',
          frontPid(i),
          'CB',
          post,
          `DT-${i % UNITS}`,
        ]),
      ],
      district.id,
    );
    const deputy = (k: number) => frontPid(FRONT_HEADS + k);
    await importSheet(
      t,
      s,
      'qualifications',
      [
        ['Số định danh', 'Loại', 'Trình độ', 'Ngày cấp'],
        ...Array.from({ length: HEADS_PT }, (_, i) => [
          frontPid(i),
          'POLITICAL_THEORY',
          'Trung cấp',
          '01/06/2012',
        ]),
        ...Array.from({ length: HEADS_DEGREE }, (_, i) => [
          frontPid(i),
          'EDUCATION',
          'Đại học',
          '01/06/1998',
        ]),
        ...Array.from({ length: DEPUTIES_PT }, (_, k) => [
          deputy(k),
          'POLITICAL_THEORY',
          'TRUNG_CAP',
          '01/06/2014',
        ]),
        ...Array.from({ length: DEPUTIES_DEGREE }, (_, k) => [
          deputy(FRONT_DEPUTIES - 1 - k),
          'EDUCATION',
          'DAI_HOC',
          '01/06/2000',
        ]),
      ],
      district.id,
    );

    // The shipped qualification structure, filtered by post group: its total row is the figure.
    const figures = async (group: string) => {
      const table = await readReport(
        t,
        s,
        `/api/reports/qualification-structure?unitId=${district.id}&postGroup=${group}`,
      );
      expect(table.filters).toContainEqual({ label: 'Nhóm chức danh', value: expect.any(String) });
      const c = table.totals!.cells;
      return [c.staff, c.edu_uni, c.pt_tc];
    };
    expect(await figures('FRONT_MASS_HEAD')).toEqual([FRONT_HEADS, HEADS_DEGREE, HEADS_PT]);
    expect(await figures('FRONT_MASS_DEPUTY')).toEqual([FRONT_DEPUTIES, DEPUTIES_DEGREE, DEPUTIES_PT]);
    // The commune civil servants of the first test hold no Front post: the filter leaves them out.
    const all = await readReport(t, s, `/api/reports/qualification-structure?unitId=${district.id}`);
    expect(all.totals!.cells.staff).toBe(STAFF + FRONT_HEADS + FRONT_DEPUTIES);
  });
});
