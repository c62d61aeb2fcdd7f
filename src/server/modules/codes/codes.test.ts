import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson } from '../../test/fixtures/org';

describe.each(testBackends())('code lists (%s)', (kind) => {
  const t = useTestApp(kind);

  it('lists every code list with Vietnamese and English labels', async () => {
    const s = await t.as('viewer', t.root);
    const { lists } = (await t.call(s, { method: 'GET', url: '/api/codes' })).json();
    expect(lists.category.find((c: { code: string }) => c.code === 'CC')).toMatchObject({
      labelVi: 'Công chức',
      labelEn: 'Civil servant',
    });
    expect(lists.level_FOREIGN_LANGUAGE.map((c: { code: string }) => c.code)).toContain('BAC_3');
  });

  it('lets an admin extend a list; the new code is then accepted on a person', async () => {
    const admin = await t.as('admin', t.root);
    const add = await t.call(admin, {
      method: 'POST',
      url: '/api/codes/ethnicity',
      payload: { code: 'CAO_LAN', labelVi: 'Cao Lan', labelEn: 'Cao Lan' },
    });
    expect(add.statusCode).toBe(200);
    expect(
      (
        await t.call(admin, {
          method: 'POST',
          url: '/api/codes/ethnicity',
          payload: { code: 'CAO_LAN', labelVi: 'x', labelEn: 'x' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await t.call(admin, {
          method: 'POST',
          url: '/api/codes/no_such_list',
          payload: { code: 'A', labelVi: 'x', labelEn: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    const p = await makePerson(t.handle.db, t.communeA);
    const ok = await t.call(admin, {
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { version: p.version, ethnicity: 'CAO_LAN' },
    });
    expect(ok.statusCode).toBe(200);
    await t.call(admin, { method: 'PATCH', url: '/api/codes/ethnicity/CAO_LAN', payload: { active: false } });
    const refused = await t.call(admin, {
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { version: p.version + 1, ethnicity: 'CAO_LAN', post: 'x' },
    });
    expect(refused.statusCode).toBe(400);
  });

  it('only admins change code lists', async () => {
    const officer = await t.as('training_officer', t.root);
    expect(
      (
        await t.call(officer, {
          method: 'POST',
          url: '/api/codes/ethnicity',
          payload: { code: 'X', labelVi: 'x', labelEn: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.call(officer, {
          method: 'PATCH',
          url: '/api/codes/ethnicity/KINH',
          payload: { labelVi: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.call(null, { method: 'GET', url: '/api/codes' })).statusCode).toBe(401);
  });
});
