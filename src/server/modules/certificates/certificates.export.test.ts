import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import {
  enrolWithResult,
  makeClass,
  makeSchool,
  openRegister,
  type School,
} from '../../test/fixtures/certificates';
import { makePerson, makeUnit } from '../../test/fixtures/org';
import { downloadName, sheetRows } from '../../test/xlsx';

describe.each(testBackends())('certificates export (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-07-05T08:00:00Z') });
  let s: School;
  let classId: number;
  let registerId: number;
  let communeB: Session;
  let elsewhere: Session;
  const get = (who: Session | null, url: string) => t.call(who, { method: 'GET', url });

  beforeAll(async () => {
    s = await makeSchool(t);
    registerId = (await openRegister(t, s)).id;
    classId = await makeClass(t, s);
    const anh = await makePerson(t.handle.db, t.communeA, {
      fullName: 'Nguyễn Thị Ngọc Ánh',
      birthDate: '1985-04-12',
    });
    const binh = await makePerson(t.handle.db, t.communeB, { fullName: 'Lê Văn Bình' });
    const truot = await makePerson(t.handle.db, t.communeB, { fullName: 'Vũ Văn Trượt' });
    await enrolWithResult(t.handle.db, classId, anh, { passed: true, grade: 'GIOI' });
    await enrolWithResult(t.handle.db, classId, binh, { passed: true, grade: 'KHA' });
    await enrolWithResult(t.handle.db, classId, truot, { passed: false, grade: 'KHONG_DAT' });
    const issued = await t.call(s.staff, {
      method: 'POST',
      url: `/api/classes/${classId}/certificates/issue`,
      payload: { issuedOn: '2027-07-02' },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const b = issued.json().items.find((c: { holderName: string }) => c.holderName === 'Lê Văn Bình');
    const revoked = await t.call(s.staff, {
      method: 'POST',
      url: `/api/certificates/${b.id}/revoke`,
      payload: { reason: 'Cấp nhầm người' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    communeB = await t.as('unit_officer', t.communeB);
    elsewhere = await t.as('training_officer', await makeUnit(t.handle.db, { name: 'Tỉnh Bên Kia' }));
  });

  it("writes a class's certificates with Vietnamese headers, labels and dates", async () => {
    const res = await get(s.staff, `/api/classes/${classId}/certificates/export.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(downloadName(res)).toBe('Chứng chỉ của lớp 05-07-2027.xlsx');
    const [header, ...rows] = await sheetRows(res);
    expect(header.slice(0, 4)).toEqual(['STT', 'Số chứng chỉ', 'Họ và tên', 'Ngày sinh']);
    // Two passed learners; the one who failed has none. By name (Ánh before Bình).
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, 'NVC/2027/0001', 'Nguyễn Thị Ngọc Ánh'],
      [2, 'NVC/2027/0002', 'Lê Văn Bình'],
    ]);
    expect(rows[0][3]).toEqual(new Date('1985-04-12T00:00:00Z'));
    expect(rows[0][8]).toBe('Giỏi');
    expect(rows[0][9]).toEqual(new Date('2027-07-02T00:00:00Z'));
    expect(rows[0][11]).toBe('Còn hiệu lực');
    expect(rows[1][11]).toBe('Đã thu hồi');
    expect(rows[1][13]).toBe('Cấp nhầm người');
  });

  it("gives a unit officer only their people's certificates, as the list does; 401, 403, 404", async () => {
    const rows = (
      await sheetRows(await get(communeB, `/api/classes/${classId}/certificates/export.xlsx`))
    ).slice(1);
    expect(rows.map((r) => r[2])).toEqual(['Lê Văn Bình']);
    expect((await get(null, `/api/classes/${classId}/certificates/export.xlsx`)).statusCode).toBe(401);
    expect((await get(elsewhere, `/api/classes/${classId}/certificates/export.xlsx`)).statusCode).toBe(404);
  });

  it("writes a register's book, filtered by status and year, for its keepers only", async () => {
    const url = `/api/certificate-registers/${registerId}/certificates/export.xlsx`;
    const all = await get(s.staff, url);
    expect(all.statusCode, all.body).toBe(200);
    expect(downloadName(all)).toBe('Sổ cấp chứng chỉ 05-07-2027.xlsx');
    expect((await sheetRows(all)).slice(1).map((r) => r[1])).toEqual(['NVC/2027/0001', 'NVC/2027/0002']);
    const valid = (await sheetRows(await get(s.staff, `${url}?status=valid`))).slice(1);
    expect(valid.map((r) => r[1])).toEqual(['NVC/2027/0001']);
    expect((await sheetRows(await get(s.staff, `${url}?year=2026`))).slice(1)).toEqual([]);
    expect((await get(null, url)).statusCode).toBe(401);
    expect((await get(communeB, url)).statusCode).toBe(403);
    expect((await get(elsewhere, url)).statusCode).toBe(404);
    expect((await get(s.staff, `${url}?status=lost`)).statusCode).toBe(400);
  });

  it("sorts a register's book by a whitelisted key, names by given name; other keys are a 400", async () => {
    const url = `/api/certificate-registers/${registerId}/certificates/export.xlsx`;
    const col = async (sort: string, i: number) => {
      const res = await get(s.staff, `${url}?sort=${sort}`);
      expect(res.statusCode, res.body).toBe(200);
      return (await sheetRows(res)).slice(1).map((r) => r[i]);
    };
    expect(await col('-number', 1)).toEqual(['NVC/2027/0002', 'NVC/2027/0001']);
    // Ánh before Bình by given name, though Lê comes before Nguyễn.
    expect(await col('holderName', 2)).toEqual(['Nguyễn Thị Ngọc Ánh', 'Lê Văn Bình']);
    expect(await col('-holderName', 2)).toEqual(['Lê Văn Bình', 'Nguyễn Thị Ngọc Ánh']);
    for (const bad of ['bogus', 'status', 'number desc'])
      expect((await get(s.staff, `${url}?sort=${encodeURIComponent(bad)}`)).statusCode, bad).toBe(400);
    expect((await get(elsewhere, `${url}?sort=holderName`)).statusCode).toBe(404);
  });
});
