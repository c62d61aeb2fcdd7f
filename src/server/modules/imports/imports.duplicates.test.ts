/**
 * People without a personal ID (ADR 024): a likely duplicate (same folded name, birth date and unit,
 * on record or earlier in the file) is an error in the preview naming the person, unless the row
 * says "Người khác (trùng tên)"; re-uploading a staff list without IDs adds nobody.
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { importIssues, orgUnits, people } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { commit, csvOf, upload } from '../../test/fixtures/imports';
import { makePerson, makeUnit, type UnitRow } from '../../test/fixtures/org';

const HEAD = [
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Đối tượng',
  'Mã đơn vị',
  'Số định danh',
  'Người khác (trùng tên)',
];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Văn An', 'Thị Bình', 'Đức Cường', 'Thu Hà', 'Minh Khôi', 'Ngọc Lan', 'Quốc Việt'];

describe.each(testBackends())('imports: likely duplicates without a personal ID (%s)', (backend) => {
  const t = useTestApp(backend);
  let unit: UnitRow;
  let other: UnitRow;
  const inUnit = async (u: UnitRow) =>
    Number((await t.handle.db.select({ n: count() }).from(people).where(eq(people.unitId, u.id)))[0].n);
  const issues = async (id: number) =>
    t.handle.db
      .select()
      .from(importIssues)
      .where(and(eq(importIssues.batchId, id), eq(importIssues.severity, 'error')))
      .orderBy(importIssues.seq);

  beforeAll(async () => {
    unit = await makeUnit(t.handle.db, { parent: t.communeA, name: 'Xã Bản Ngoại', level: 'commune' });
    other = await makeUnit(t.handle.db, { parent: t.communeA, name: 'Xã Phú Lạc', level: 'commune' });
    await t.handle.db.update(orgUnits).set({ code: 'BN' }).where(eq(orgUnits.id, unit.id));
    await t.handle.db.update(orgUnits).set({ code: 'PL' }).where(eq(orgUnits.id, other.id));
  });

  it('re-uploading a staff list without IDs adds nobody: every row is a likely duplicate', async () => {
    const s = await t.as('unit_officer', t.communeA);
    // 56 people, none with an ID; a few share a name but not a birth date.
    const rows = SURNAMES.flatMap((sn, i) =>
      GIVEN.map((g, j) => [
        `${sn} ${g}`,
        `${String(j + 1).padStart(2, '0')}/0${(i % 9) + 1}/1980`,
        'M',
        'CC',
        'BN',
        '',
        '',
      ]),
    );
    rows.push(['Nguyễn Văn An', '02/01/1980', 'M', 'CC', 'BN', '', '']); // same name, another day
    const sheet = csvOf([HEAD, ...rows]);
    const first = (await upload(t, s, 'people', sheet)).json();
    expect(first).toMatchObject({ totalRows: 57, validRows: 57, errorRows: 0 });
    expect((await commit(t, s, first.id, 'all')).json()).toMatchObject({
      status: 'committed',
      writtenRows: 57,
    });
    expect(await inUnit(unit)).toBe(57);

    const again = (await upload(t, s, 'people', sheet)).json();
    expect(again).toMatchObject({
      totalRows: 57,
      validRows: 0,
      errorRows: 57,
      errorCounts: { LIKELY_DUPLICATE: 57 },
    });
    expect((await commit(t, s, again.id, 'valid')).json()).toMatchObject({
      status: 'committed',
      writtenRows: 0,
    });
    expect(await inUnit(unit)).toBe(57);
  });

  it('names the person on record; accents and case ignored; the "different person" column lets a row in', async () => {
    const s = await t.as('unit_officer', t.communeA);
    await makePerson(t.handle.db, unit, {
      fullName: 'Đinh Văn Tùng',
      birthDate: '1980-03-12',
      personalId: null,
    });
    const before = await inUnit(unit);
    const sheet = csvOf([
      HEAD,
      ['ĐINH VAN TUNG', '12/03/1980', 'M', 'CC', 'BN', '', ''], // 2: on record
      ['Đinh Văn Tùng', '12/03/1980', 'M', 'CC', 'BN', '', 'x'], // 3: says another person
      ['Đinh Văn Tùng', '12/03/1980', 'M', 'CC', 'BN', '', 'Có'], // 4: says another person
      ['Đinh Văn Tùng', '13/03/1980', 'M', 'CC', 'BN', '', ''], // 5: another birth date
      ['Đinh Văn Tùng', '12/03/1980', 'M', 'CC', 'PL', '', ''], // 6: another unit
      ['Đinh Văn Tùng', '12/03/1980', 'M', 'CC', 'BN', '022080012345', ''], // 7: has an ID
      ['Cù Thị Mây', '', 'F', 'CC', 'BN', '', ''], // 8: first of two
      ['Cù Thị Mây'.normalize('NFD'), '', 'F', 'CC', 'BN', '', ''], // 9: twice in the file
    ]);
    const b = (await upload(t, s, 'people', sheet)).json();
    expect(b).toMatchObject({ totalRows: 8, validRows: 6, errorRows: 2 });
    const found = await issues(b.id);
    expect(found.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [2, 'Họ và tên', 'LIKELY_DUPLICATE'],
      [9, 'Họ và tên', 'LIKELY_DUPLICATE'],
    ]);
    expect(found[0].message?.vi).toMatch(
      /^Đã có Đinh Văn Tùng, sinh 12\/03\/1980, Xã Bản Ngoại\. Nếu là người khác/,
    );
    expect(found[0].message?.en).toMatch(
      /^Already on record: Đinh Văn Tùng, born 12\/03\/1980, Xã Bản Ngoại\./,
    );
    expect(found[1].message?.vi).toMatch(/^Trùng với dòng 8: Cù Thị Mây, không rõ ngày sinh, Xã Bản Ngoại\./);
    const listed = await t.call(s, { method: 'GET', url: `/api/imports/${b.id}/errors` });
    expect(listed.json().items[0].message).toContain('Đã có Đinh Văn Tùng, sinh 12/03/1980, Xã Bản Ngoại');
    expect(await inUnit(unit)).toBe(before);
  });
});
