import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { auditLog, importBatches, orgUnits, people, personHistory } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { allErrors, csvOf, upload, xlsxOf } from '../../test/fixtures/imports';
import { makePerson, makeUnit, type UnitRow } from '../../test/fixtures/org';

const HEAD = [
  'HO VA TEN', // no accents, upper case
  ' Ngày  sinh ', // extra spaces
  'Giới tính',
  'Số định danh',
  'Đảng viên',
  'Đối tượng',
  'Ngạch',
  'Ghi chú chức vụ',
  'Mã đơn vị',
  'Ngày vào công tác',
];
const EXISTING_PID = '022185009999';

/** The fixture sheet: rows 2 and 14 are valid, each other row carries one deliberate error. */
const SHEET = [
  HEAD,
  [
    'Nguyễn Thị Hoa'.normalize('NFD'),
    '04/03/1985',
    'Nữ',
    '022185001234',
    'Có',
    'CC',
    'CV',
    'Chuyên viên',
    'XA_A1',
    '15/08/2008',
  ],
  ['Lê Văn Bảy', '31/02/1990', 'M', '', '', 'CC', 'CV', '', 'XA_A', ''],
  ['Phạm Văn Bốn', '01/01/1980', 'M', '', '', 'CC', 'CV', '', 'XYZ', ''],
  ['Trần Thị Năm', '01/01/1981', 'F', '022185001234', '', 'CC', 'CV', '', '', ''],
  ['Vũ Văn Sáu', '01/01/1982', 'M', EXISTING_PID, '', 'CC', '', '', '', ''],
  ['Đỗ Văn Bảy', '01/01/1983', 'M', '', '', 'ZZ', '', '', '', ''],
  ['', '01/01/1984', 'M', '', '', 'CC', '', '', '', ''],
  ['Hồ Văn Chín', '', 'M', '12345', '', 'CC', '', '', '', ''],
  ['Mai Văn Mười', '', 'M', '', '', 'CC', '', '', 'XA_B', ''],
  ['Lý Văn Một', '', 'M', '', '', 'CC', '', '', '', '01/01/2099'],
  ['Tạ Văn Hai', '01/01/1990', 'M', '', '', 'CC', '', '', '', '01/01/1980'],
  ['Cao Văn Ba', '', 'M', '', 'có lẽ', 'CC', '', '', '', ''],
  ['Trần Văn Nam', '1986-07-20', 'NAM', '', 'Không', 'cc', '', '', '', ''],
  ['Kiều Văn Dài', '', 'M', '', '', 'CC', '', 'x'.repeat(201), '', ''],
];
const EXPECTED_ERRORS = [
  '3 Ngày sinh BAD_DATE',
  '4 Mã đơn vị UNKNOWN_UNIT',
  '5 Số định danh DUPLICATE_IN_FILE',
  '6 Số định danh PERSONAL_ID_EXISTS',
  // Warnings (the row is refused for its error, not for them): the ID's digits vs birth and gender.
  '5 Số định danh ID_YEAR_MISMATCH',
  '6 Số định danh ID_GENDER_MISMATCH',
  '6 Số định danh ID_YEAR_MISMATCH',
  '7 Đối tượng UNKNOWN_CODE',
  '8 Họ và tên REQUIRED',
  '9 Số định danh BAD_PERSONAL_ID',
  '10 Mã đơn vị UNKNOWN_UNIT',
  '11 Ngày vào công tác FUTURE_DATE',
  '12 Ngày vào công tác DATE_BEFORE_BIRTH',
  '13 Đảng viên BAD_YES_NO',
  '15 Ghi chú chức vụ TOO_LONG',
];

describe.each(testBackends())('imports: staff list (%s)', (backend) => {
  const t = useTestApp(backend);
  let child: UnitRow;
  const setCode = (u: UnitRow, code: string) =>
    t.handle.db.update(orgUnits).set({ code }).where(eq(orgUnits.id, u.id));
  const imported = (id: number) => t.handle.db.select().from(people).where(eq(people.importId, id));

  beforeAll(async () => {
    child = await makeUnit(t.handle.db, {
      parent: t.communeA,
      name: 'Văn phòng xã Đông Hòa',
      level: 'agency',
    });
    await setCode(t.communeA, 'XA_A');
    await setCode(child, 'XA_A1');
    await setCode(t.communeB, 'XA_B');
    await makePerson(t.handle.db, t.communeB, { personalId: EXISTING_PID });
  });

  it('names every error by row, column and code in the preview, and writes nothing', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const res = await upload(t, s, 'people', csvOf(SHEET));
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({
      status: 'previewed',
      totalRows: 14,
      validRows: 2,
      errorRows: 12,
      writtenRows: 0,
      warningCounts: { ID_YEAR_MISMATCH: 2, ID_GENDER_MISMATCH: 1 },
    });
    expect(b.errorCounts).not.toHaveProperty('ID_YEAR_MISMATCH');
    expect((await allErrors(t, s, b.id)).sort()).toEqual([...EXPECTED_ERRORS].sort());
    expect(b.sample.map((r: Record<string, string>) => r['Họ và tên'])).toEqual([
      'Nguyễn Thị Hoa',
      'Trần Văn Nam',
    ]);
    // The preview speaks the sheet's words, whatever the row wrote (codes, labels, yes/no).
    expect(b.sample[0]).toMatchObject({
      'Ngày sinh': '04/03/1985',
      'Giới tính': 'Nữ',
      'Đảng viên': 'Có',
      'Đối tượng': 'Công chức',
      Ngạch: 'Chuyên viên và tương đương',
    });
    expect(b.sample[1]).toMatchObject({
      'Ngày sinh': '20/07/1986',
      'Giới tính': 'Nam',
      'Đảng viên': 'Không',
      'Đối tượng': 'Công chức',
    });
    expect(JSON.stringify(b.sample)).not.toMatch(/"(t|f|CC|CV|M|F|WORKING)"/);
    const vi = await t.call(s, { method: 'GET', url: `/api/imports/${b.id}/errors?pageSize=1` });
    expect(vi.json()).toMatchObject({
      total: 15,
      items: [{ row: 3, value: '31/02/1990', severity: 'error' }],
    });
    expect(vi.json().items[0].message).toContain('Ngày không hợp lệ');
    const warnings = await t.call(s, {
      method: 'GET',
      url: `/api/imports/${b.id}/errors?severity=warning`,
    });
    expect(warnings.json().items.map((e: { row: number; code: string }) => `${e.row} ${e.code}`)).toEqual([
      '5 ID_YEAR_MISMATCH',
      '6 ID_GENDER_MISMATCH',
      '6 ID_YEAR_MISMATCH',
    ]);
    expect(warnings.json().items[0]).toMatchObject({ severity: 'warning', value: '022185001234' });
    expect(await imported(b.id)).toHaveLength(0);
  });

  it('refuses all-or-nothing with errors, then writes exactly the valid rows, then undoes them', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const b = (await upload(t, s, 'people', csvOf(SHEET, ';', false))).json();
    const all = await t.call(s, {
      method: 'POST',
      url: `/api/imports/${b.id}/commit`,
      payload: { mode: 'all' },
    });
    expect(all.json()).toMatchObject({ status: 'failed', writtenRows: 0, errorRows: 12 });
    expect(all.json().failure).toContain('Không có dữ liệu nào được ghi');
    expect(await imported(b.id)).toHaveLength(0);

    const valid = await t.call(s, {
      method: 'POST',
      url: `/api/imports/${b.id}/commit`,
      payload: { mode: 'valid' },
    });
    expect(valid.json()).toMatchObject({ status: 'committed', mode: 'valid', writtenRows: 2 });
    const rows = (await imported(b.id)).sort((x, y) => x.id - y.id);
    expect(
      rows.map((p) => [
        p.fullName,
        p.birthDate,
        p.gender,
        p.personalId,
        p.partyMember,
        p.category,
        p.rank,
        p.post,
        p.unitId,
        p.serviceStart,
      ]),
    ).toEqual([
      [
        'Nguyễn Thị Hoa',
        '1985-03-04',
        'F',
        '022185001234',
        true,
        'CC',
        'CV',
        'Chuyên viên',
        child.id,
        '2008-08-15',
      ],
      ['Trần Văn Nam', '1986-07-20', 'M', null, false, 'CC', null, null, t.communeA.id, null],
    ]);
    expect(rows[0].searchName).toBe('nguyen thi hoa');
    const history = await t.handle.db.select().from(personHistory).where(eq(personHistory.importId, b.id));
    expect(history.map((h) => h.validFrom).sort()[0]).toBe('2008-08-15');
    expect(history).toHaveLength(2);
    const again = await t.call(s, {
      method: 'POST',
      url: `/api/imports/${b.id}/commit`,
      payload: { mode: 'valid' },
    });
    expect(again.statusCode).toBe(409);

    const undo = await t.call(s, {
      method: 'POST',
      url: `/api/imports/${b.id}/undo`,
      payload: { reason: 'Nhập nhầm tệp' },
    });
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ status: 'undone', undoneReason: 'Nhập nhầm tệp' });
    expect(await imported(b.id)).toHaveLength(0);
    expect(
      await t.handle.db.select().from(personHistory).where(eq(personHistory.importId, b.id)),
    ).toHaveLength(0);
    const actions = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'import_batch'), eq(auditLog.entityId, String(b.id))));
    expect(actions.map((a) => a.action).sort()).toEqual(['import.commit', 'import.undo']);
  });

  it('refuses to undo when later work depends on the import, and keeps the data', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const b = (
      await upload(
        t,
        s,
        'people',
        csvOf([HEAD, ['Đinh Thị Lan', '02/02/1992', 'F', '', '', 'CC', '', '', '', '']]),
      )
    ).json();
    await t.call(s, { method: 'POST', url: `/api/imports/${b.id}/commit`, payload: {} });
    const [p] = await imported(b.id);
    const edit = await t.call(s, {
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { post: 'Văn thư', version: 1 },
    });
    expect(edit.statusCode).toBe(200);
    const undo = await t.call(s, {
      method: 'POST',
      url: `/api/imports/${b.id}/undo`,
      payload: { reason: 'Thử' },
    });
    expect(undo.statusCode).toBe(409);
    expect(undo.json().error.message).toContain('1 hồ sơ đã được sửa');
    expect(await imported(b.id)).toHaveLength(1);
  });

  it('reads .xlsx: real Excel dates, serial numbers, personal IDs that lost their leading zero, NFD text', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const bytes = await xlsxOf(
      [
        ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Đối tượng', 'Ngày vào công tác'],
        ['Bùi Văn Hùng'.normalize('NFD'), new Date(Date.UTC(1979, 11, 31)), 'Nam', 1079001234, 'CC', 36526],
      ],
      [1],
    );
    const b = (await upload(t, s, 'people', bytes)).json();
    expect(b).toMatchObject({ totalRows: 1, validRows: 1, errorRows: 0 });
    await t.call(s, { method: 'POST', url: `/api/imports/${b.id}/commit`, payload: { mode: 'all' } });
    const [p] = await imported(b.id);
    expect([p.fullName, p.birthDate, p.personalId, p.serviceStart]).toEqual([
      'Bùi Văn Hùng',
      '1979-12-31',
      '001079001234',
      '2000-01-01',
    ]);
  });

  it('names a missing required column and counts every row as refused', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const b = (
      await upload(
        t,
        s,
        'people',
        csvOf(
          [
            ['Họ và tên', 'Đối tượng'],
            ['A B', 'CC'],
            ['C D', 'CC'],
          ],
          ';',
        ),
      )
    ).json();
    expect(b).toMatchObject({ totalRows: 2, validRows: 0, errorRows: 2 });
    expect(await allErrors(t, s, b.id)).toEqual(['1 Giới tính MISSING_COLUMN']);
  });

  it('marks an import left running by a dead process as interrupted, with nothing written', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const [dead] = await t.handle.db
      .insert(importBatches)
      .values({
        kind: 'people',
        unitId: t.communeA.id,
        scopePath: t.communeA.path,
        fileName: 'chet.xlsx',
        sha256: '0',
        size: 1,
        status: 'running',
        username: 'x',
        startedAt: new Date(Date.now() - 60_000),
      })
      .returning();
    const [fresh] = await t.handle.db
      .insert(importBatches)
      .values({ ...dead, id: undefined, status: 'running', startedAt: new Date() })
      .returning();
    const list = await t.call(s, { method: 'GET', url: '/api/imports' });
    const statusOf = (id: number) => list.json().items.find((i: { id: number }) => i.id === id).status;
    expect(statusOf(dead.id)).toBe('interrupted');
    // Started seconds ago: another process may not hold its lock yet, so it is left alone.
    expect(statusOf(fresh.id)).toBe('running');
    expect(await imported(dead.id)).toHaveLength(0);
  });

  it.runIf(backend === 'postgres')('leaves a batch still being written (row locked) as running', async () => {
    const [live] = await t.handle.db
      .insert(importBatches)
      .values({
        kind: 'people',
        unitId: t.communeA.id,
        scopePath: t.communeA.path,
        fileName: 'song.xlsx',
        sha256: '0',
        size: 1,
        status: 'running',
        username: 'x',
        startedAt: new Date(Date.now() - 60_000),
      })
      .returning();
    const s = await t.as('unit_officer', t.communeA);
    await t.handle.transactionWithCopy(async (tx) => {
      await tx.db.execute(sql`select id from import_batches where id = ${live.id} for update`);
      await t.call(s, { method: 'GET', url: '/api/imports' });
      const [r] = rowsOf<{ status: string }>(
        await t.handle.db.execute(sql`select status from import_batches where id = ${live.id}`),
      );
      expect(r.status).toBe('running');
    });
  });

  it('401 without login, 403 without imports.run, 404 for another subtree', async () => {
    const a = await t.as('unit_officer', t.communeA);
    const b = (
      await upload(t, a, 'people', csvOf([HEAD, ['Lạc Văn Xa', '', 'M', '', '', 'CC', '', '', '', '']]))
    ).json();
    const routes = [
      { method: 'GET', url: '/api/imports' },
      { method: 'GET', url: `/api/imports/${b.id}` },
      { method: 'GET', url: `/api/imports/${b.id}/errors` },
      { method: 'GET', url: `/api/imports/${b.id}/progress` },
      { method: 'GET', url: `/api/imports/${b.id}/file` },
      { method: 'GET', url: '/api/imports/templates/people' },
      { method: 'POST', url: `/api/imports/${b.id}/commit`, payload: {} },
      { method: 'POST', url: `/api/imports/${b.id}/undo`, payload: { reason: 'x' } },
    ] as const;
    const viewer = await t.as('viewer', t.root);
    const other = await t.as('unit_officer', t.communeB);
    expect((await upload(t, null, 'people', csvOf(SHEET))).statusCode).toBe(401);
    expect((await upload(t, viewer, 'people', csvOf(SHEET))).statusCode).toBe(403);
    expect((await upload(t, other, 'people', csvOf(SHEET), { unitId: t.communeA.id })).statusCode).toBe(404);
    for (const r of routes) {
      expect((await t.call(null, r)).statusCode, r.url).toBe(401);
      expect((await t.call(viewer, r)).statusCode, r.url).toBe(403);
      if (r.url !== '/api/imports' && !r.url.includes('templates'))
        expect((await t.call(other, r)).statusCode, r.url).toBe(404);
    }
    const list = await t.call(other, { method: 'GET', url: '/api/imports' });
    expect(list.json().items.map((i: { id: number }) => i.id)).not.toContain(b.id);
    const file = await t.call(a, { method: 'GET', url: `/api/imports/${b.id}/file` });
    expect(file.rawPayload.equals(csvOf([HEAD, ['Lạc Văn Xa', '', 'M', '', '', 'CC', '', '', '', '']]))).toBe(
      true,
    );
  });
});
