/**
 * Org units from a sheet (ADR 037): preview, all-or-nothing, parents by code, by path or by a row
 * above, the rules of POST /org/units per row (bilingual messages), NFC, undo, scope and permission.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { allErrors, commit, csvOf, undo, upload, xlsxOf } from '../../test/fixtures/imports';
import { makePerson } from '../../test/fixtures/org';

const HEAD = ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Loại đơn vị', 'Đơn vị cấp trên', 'Ngày thành lập'];

describe.each(testBackends())('org units import (%s)', (kind) => {
  const t = useTestApp(kind);
  const units = async () =>
    rowsOf<{
      id: number;
      name: string;
      code: string | null;
      parent: string | null;
      import_id: number | null;
    }>(
      await t.handle.db.execute(sql`select u.id, u.name, u.code, p.name as parent, u.import_id
        from org_units u left join org_units p on p.id = u.parent_id order by u.id`),
    );

  it('previews, writes a tree in one go from .xlsx (parents by code, path, row above) and undoes it', async () => {
    const s = await t.as('training_officer', t.root);
    const before = await units();
    const rows = [
      HEAD,
      ['QN-DH', 'Huyện Đầm Hà', 'Huyện (trước 01/7/2025)', 'ADMIN_AREA', '', '01/01/2000'],
      // NFD in the sheet, stored NFC; parent by code.
      ['QN-DH-QL', 'Xã Quảng Lợi'.normalize('NFD'), 'commune', 'ADMIN_AREA', 'QN-DH', '01/01/2000'],
      // Parent by a name path from the chosen unit, accents and case ignored.
      ['', 'UBND xã Quảng Lợi', 'agency', 'Ủy ban nhân dân', 'huyen dam ha / xã quảng lợi', '01/07/2025'],
      // Parent: a row above, by its name.
      ['', 'Xã Đầm Hà', 'commune', 'ADMIN_AREA', 'Huyện Đầm Hà', '01/01/2000'],
    ];
    const res = await upload(t, s, 'units', await xlsxOf(rows), { fileName: 'don-vi.xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({ status: 'previewed', totalRows: 4, errorRows: 0 });
    expect(await units()).toEqual(before);

    const done = await commit(t, s, b.id, 'all');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'committed', writtenRows: 4 });
    const added = (await units())
      .filter((u) => u.import_id === b.id)
      .map(({ name, code, parent }) => ({ name, code, parent }));
    expect(added).toEqual([
      { name: 'Huyện Đầm Hà', code: 'QN-DH', parent: t.root.name },
      { name: 'Xã Quảng Lợi', code: 'QN-DH-QL', parent: 'Huyện Đầm Hà' },
      { name: 'UBND xã Quảng Lợi', code: null, parent: 'Xã Quảng Lợi' },
      { name: 'Xã Đầm Hà', code: null, parent: 'Huyện Đầm Hà' },
    ]);
    expect(added[1].name).toBe('Xã Quảng Lợi'.normalize('NFC'));
    const tree = (await t.call(s, { method: 'GET', url: '/api/org/tree' })).json();
    expect(tree.units.map((u: { name: string }) => u.name)).toContain('UBND xã Quảng Lợi');

    const u = await undo(t, s, b.id);
    expect(u.statusCode, u.body).toBe(200);
    expect(await units()).toEqual(before);
  });

  it('refuses the whole sheet on one bad row, with the row, the column and a bilingual reason', async () => {
    const s = await t.as('training_officer', t.root);
    const before = await units();
    const rows = [
      HEAD,
      ['X1', 'Xã Một', 'commune', 'ADMIN_AREA', '', '01/01/2000'],
      ['X2', 'Xã Hai', 'commune', 'ADMIN_AREA', 'Không có đơn vị này', '01/01/2000'],
      ['X1', 'Xã Ba', 'commune', 'NOT_A_KIND', '', '01/01/2000'],
      ['X4', 'Xã Bốn', 'commune', 'ADMIN_AREA', 'X1', '01/01/1990'],
    ];
    const res = await upload(t, s, 'units', csvOf(rows));
    const b = res.json();
    expect(b.errorRows).toBe(3);
    expect(await allErrors(t, s, b.id)).toEqual([
      '3 Đơn vị cấp trên UNKNOWN_PARENT',
      '4 Loại đơn vị UNKNOWN_CODE',
      '4 Mã đơn vị DUPLICATE_IN_FILE',
      '5 Ngày thành lập BAD_DATE',
    ]);
    const errs = (
      await t.call(s, {
        method: 'GET',
        url: `/api/imports/${b.id}/errors?lang=en`,
        headers: { 'x-dtbd-lang': 'en' },
      })
    ).json().items;
    expect(errs.find((e: { code: string }) => e.code === 'UNKNOWN_PARENT').message).toMatch(
      /parent unit is not found/,
    );
    const refused = await commit(t, s, b.id, 'all');
    expect(refused.json()).toMatchObject({ status: 'failed', writtenRows: 0 });
    expect(await units()).toEqual(before);
  });

  it('keeps a commune officer in their subtree and asks for org.write', async () => {
    const officer = await t.as('unit_officer', t.communeA);
    const other = [HEAD, ['', 'Thôn Mới', 'agency', 'ADMIN_AREA', t.communeB.name, '01/01/2000']];
    const res = await upload(t, officer, 'units', csvOf(other));
    // Another subtree's unit is not a parent it can name.
    if (res.statusCode === 200)
      expect(await allErrors(t, officer, res.json().id)).toEqual(['2 Đơn vị cấp trên UNKNOWN_PARENT']);
    else expect(res.statusCode).toBe(403);
    const viewer = await t.as('viewer', t.root);
    expect((await upload(t, viewer, 'units', csvOf(other))).statusCode).toBe(403);
    const learner = await t.as('learner', t.communeA, {
      personId: (await makePerson(t.handle.db, t.communeA)).id,
    });
    expect((await upload(t, learner, 'units', csvOf(other))).statusCode).toBe(403);
  });

  it('cannot undo once people belong to an imported unit', async () => {
    const s = await t.as('training_officer', t.root);
    const b = (
      await upload(t, s, 'units', csvOf([HEAD, ['Y1', 'Xã Yên', 'commune', 'ADMIN_AREA', '', '01/01/2000']]))
    ).json();
    await commit(t, s, b.id, 'all');
    const [unit] = (await units()).filter((u) => u.import_id === b.id);
    await makePerson(t.handle.db, { id: unit.id } as never);
    expect((await undo(t, s, b.id)).statusCode).toBe(409);
  });

  it('offers the template with its columns', async () => {
    const s = await t.as('training_officer', t.root);
    const res = await t.call(s, { method: 'GET', url: '/api/imports/templates/units' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
  });
});
