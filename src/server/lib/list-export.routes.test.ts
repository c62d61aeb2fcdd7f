import { describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/roles';
import { useTestApp } from '../test/app';
import { testBackends } from '../test/db';
import { makePerson } from '../test/fixtures/org';
import { sheetRows } from '../test/xlsx';

/** Every list export answers as its list: 401, 403 for a role without the list's permission, a sheet. */
describe.each(testBackends())('list exports (%s)', (kind) => {
  const t = useTestApp(kind);
  const cases: { url: string; allowed: Role; refused: Role; header: string[] }[] = [
    {
      url: '/api/programmes/export.xlsx?active=all',
      allowed: 'training_officer',
      refused: 'learner',
      header: ['STT', 'Mã', 'Tên chương trình'],
    },
    {
      url: '/api/institutions/export.xlsx',
      allowed: 'unit_officer',
      refused: 'learner',
      header: ['STT', 'Tên cơ sở'],
    },
    {
      url: '/api/lecturers/export.xlsx?kind=invited',
      allowed: 'viewer',
      refused: 'learner',
      header: ['STT', 'Họ và tên', 'Loại'],
    },
    {
      url: '/api/abroad/delegations/export.xlsx',
      allowed: 'unit_officer',
      refused: 'learner',
      header: ['STT', 'Mã đoàn'],
    },
    {
      url: '/api/postgraduate/export.xlsx',
      allowed: 'viewer',
      refused: 'learner',
      header: ['STT', 'Họ và tên', 'Đơn vị'],
    },
    {
      url: '/api/users/export.xlsx',
      allowed: 'admin',
      refused: 'training_officer',
      header: ['STT', 'Tên đăng nhập'],
    },
    {
      url: '/api/plans/export.xlsx?year=2026',
      allowed: 'unit_officer',
      refused: 'learner',
      header: ['STT', 'Năm', 'Đơn vị'],
    },
    {
      url: '/api/ratings/distribution/export.xlsx?year=2025',
      allowed: 'viewer',
      refused: 'learner',
      header: ['STT', 'Đơn vị', 'Số người được xếp loại'],
    },
    {
      url: '/api/reports/duplicated-training/export.xlsx?year=2026',
      allowed: 'training_officer',
      refused: 'learner',
      header: ['STT', 'Mã lớp', 'Tên lớp'],
    },
    {
      url: '/api/standards/gaps/export.xlsx',
      allowed: 'unit_officer',
      refused: 'learner',
      header: ['STT', 'Họ và tên'],
    },
  ];

  it.each(cases)('$url', async ({ url, allowed, refused, header }) => {
    expect((await t.call(null, { method: 'GET', url })).statusCode).toBe(401);
    expect((await t.call(await t.as(refused, t.communeA), { method: 'GET', url })).statusCode).toBe(403);
    const res = await t.call(await t.as(allowed, t.communeA), { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    expect((await sheetRows(res))[0].slice(0, header.length)).toEqual(header);
  });

  it('lists users of the admin subtree only, filtered by role', async () => {
    await t.as('viewer', t.communeA);
    await t.as('viewer', t.communeB);
    const admin = await t.as('admin', t.communeB);
    const rows = (
      await sheetRows(await t.call(admin, { method: 'GET', url: '/api/users/export.xlsx?role=viewer' }))
    ).slice(1);
    expect(rows.map((r) => [r[3], r[4]])).toEqual([['Người xem (lãnh đạo, thanh tra)', 'Phường Tây Sơn']]);
  });

  it('a subtree out of reach is a 404, as for the list', async () => {
    await makePerson(t.handle.db, t.communeA);
    const officer = await t.as('unit_officer', t.communeB);
    const url = `/api/standards/gaps/export.xlsx?unitId=${t.communeA.id}`;
    expect((await t.call(officer, { method: 'GET', url })).statusCode).toBe(404);
    const elig = `/api/eligibility/NO_SUCH_PURPOSE/people/export.xlsx`;
    expect((await t.call(officer, { method: 'GET', url: elig })).statusCode).toBe(404);
  });
});
