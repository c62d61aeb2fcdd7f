import { beforeAll, describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';
import { makePerson, makeUnit } from '../../test/fixtures/org';
import { sheetRows } from '../../test/xlsx';

describe.each(testBackends())('nominations export (%s)', (kind) => {
  const t = useTestApp(kind);
  let officer: Session;
  let classId: number;
  const get = (s: Session | null, url: string) => t.call(s, { method: 'GET', url });

  beforeAll(async () => {
    officer = await t.as('training_officer', t.root);
    const programmeId = (await createProgramme(t, officer)).id;
    const res = await t.call(officer, {
      method: 'POST',
      url: '/api/classes',
      payload: {
        code: 'N1/2027',
        name: 'Lớp trung cấp',
        programmeId,
        startsOn: '2027-03-01',
        endsOn: '2027-06-30',
        mode: 'in_person',
        capacity: 1,
      },
    });
    classId = res.json().id;
    await t.call(officer, {
      method: 'POST',
      url: `/api/classes/${classId}/status`,
      payload: { to: 'open_for_nomination' },
    });
    const a = await makePerson(t.handle.db, t.communeA, { fullName: 'Trần Thị An', birthDate: '1990-01-31' });
    const b = await makePerson(t.handle.db, t.communeB, { fullName: 'Hoàng Văn Bảo' });
    for (const p of [a, b]) {
      const n = await t.call(officer, {
        method: 'POST',
        url: `/api/classes/${classId}/nominations`,
        payload: { personId: p.id, confirm: true },
      });
      expect(n.statusCode, n.body).toBe(200);
    }
  });

  it('writes the nominations the actor sees, filtered by status', async () => {
    const url = `/api/classes/${classId}/nominations/export.xlsx`;
    const res = await get(officer, url);
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = await sheetRows(res);
    expect(header.slice(0, 5)).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Trạng thái']);
    // One seat: the first holds it (awaiting approval), the second waits first in line.
    expect(rows.map((r) => [r[1], r[3], r[4], r[5] ?? null])).toEqual([
      ['Trần Thị An', 'Xã Đông Hòa', 'Chờ duyệt', null],
      ['Hoàng Văn Bảo', 'Phường Tây Sơn', 'Danh sách chờ', 1],
    ]);
    expect(rows[0][2]).toEqual(new Date('1990-01-31T00:00:00Z'));
    expect(rows[0][9]).toBeInstanceOf(Date);
    const waiting = (await sheetRows(await get(officer, `${url}?status=waitlisted`))).slice(1);
    expect(waiting.map((r) => r[1])).toEqual(['Hoàng Văn Bảo']);
  });

  it('keeps a unit officer to their people; 401, 403, 404 as the list', async () => {
    const url = `/api/classes/${classId}/nominations/export.xlsx`;
    const communeB = await t.as('unit_officer', t.communeB);
    expect((await sheetRows(await get(communeB, url))).slice(1).map((r) => r[1])).toEqual(['Hoàng Văn Bảo']);
    expect((await get(null, url)).statusCode).toBe(401);
    expect((await get(await t.as('learner', t.communeA), url)).statusCode).toBe(403);
    const elsewhere = await t.as('training_officer', await makeUnit(t.handle.db, { name: 'Tỉnh Khác' }));
    expect((await get(elsewhere, url)).statusCode).toBe(404);
  });
});
