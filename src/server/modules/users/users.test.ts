import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson, makeUnit, makeUser } from '../../test/fixtures/org';

describe.each(testBackends())('user routes (%s)', (kind) => {
  const t = useTestApp(kind);

  it('lets an admin create users bound to a subtree; the new user sees only it', async () => {
    const admin = await t.as('admin', t.root);
    const res = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'canbo.donghoa',
        displayName: 'Cán bộ Đông Hòa',
        role: 'unit_officer',
        scopeUnitId: t.communeA.id,
        password: 'Hoa-Sen-Do-2026!',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'unit_officer', scopeUnitName: 'Xã Đông Hòa', active: true });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const s = await t.login('canbo.donghoa', 'Hoa-Sen-Do-2026!');
    const tree = (await t.call(s, { method: 'GET', url: '/api/org/tree' })).json();
    expect(tree.rootIds).toEqual([t.communeA.id]);
    const dup = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'canbo.donghoa',
        displayName: 'X',
        role: 'viewer',
        scopeUnitId: t.root.id,
        password: 'Hoa-Sen-Do-2026!',
      },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('requires a linked person for learners and a strong password', async () => {
    const admin = await t.as('admin', t.root);
    const noPerson = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'hv1',
        displayName: 'HV',
        role: 'learner',
        scopeUnitId: t.communeA.id,
        password: 'Hoa-Sen-Do-2026!',
      },
    });
    expect(noPerson.statusCode).toBe(400);
    expect(noPerson.json().error.details.fields[0].field).toBe('personId');
    const weak = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'hv2',
        displayName: 'HV',
        role: 'viewer',
        scopeUnitId: t.communeA.id,
        password: 'abc',
      },
    });
    expect(weak.json().error.details.fields[0].field).toBe('password');
    const p = await makePerson(t.handle.db, t.communeA);
    const ok = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'hv3',
        displayName: 'HV',
        role: 'learner',
        scopeUnitId: t.communeA.id,
        personId: p.id,
        password: 'Hoa-Sen-Do-2026!',
      },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('deactivating a user ends their sessions; an admin cannot lock themselves out', async () => {
    const admin = await t.as('admin', t.root);
    const u = await makeUser(t.handle.db, 'viewer', t.communeA);
    const s = await t.login(u.username);
    const res = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { active: false },
    });
    expect(res.json().active).toBe(false);
    expect((await t.call(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(
      (
        await t.call(admin, {
          method: 'PATCH',
          url: `/api/users/${admin.userId}`,
          payload: { active: false },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('scopes user management: sub-admin sees and edits only their subtree; others get 403', async () => {
    const subAdmin = await t.as('admin', t.communeA);
    const outside = await makeUser(t.handle.db, 'viewer', t.communeB);
    const list = (await t.call(subAdmin, { method: 'GET', url: '/api/users?pageSize=200' })).json();
    expect(list.items.every((u: { scopeUnitId: number }) => u.scopeUnitId === t.communeA.id)).toBe(true);
    expect(
      (
        await t.call(subAdmin, {
          method: 'PATCH',
          url: `/api/users/${outside.id}`,
          payload: { active: false },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.call(subAdmin, {
          method: 'POST',
          url: '/api/users',
          payload: {
            username: 'x.y',
            displayName: 'X',
            role: 'viewer',
            scopeUnitId: t.root.id,
            password: 'Hoa-Sen-Do-2026!',
          },
        })
      ).statusCode,
    ).toBe(404);
    const officer = await t.as('training_officer', t.root);
    expect((await t.call(officer, { method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    expect((await t.call(null, { method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('sorts the list by a whitelisted key, names in Vietnamese order; other keys are a 400', async () => {
    const unit = await makeUnit(t.handle.db, { parent: t.communeB, name: 'Tổ Sắp Xếp' });
    const admin = await t.as('admin', unit);
    const names = ['Đỗ Văn An', 'Dương Thị Bé', 'Ánh Hồng'];
    for (const n of names) {
      const u = await makeUser(t.handle.db, 'viewer', unit);
      await t.handle.db.update(users).set({ displayName: n }).where(eq(users.id, u.id));
    }
    const list = async (sort: string) => {
      const res = await t.call(admin, { method: 'GET', url: `/api/users?role=viewer&sort=${sort}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { displayName: string }[]).map((u) => u.displayName);
    };
    expect(await list('displayName')).toEqual(['Ánh Hồng', 'Dương Thị Bé', 'Đỗ Văn An']);
    expect(await list('-displayName')).toEqual(['Đỗ Văn An', 'Dương Thị Bé', 'Ánh Hồng']);
    for (const bad of ['password', '-role', 'username desc']) {
      const res = await t.call(admin, { method: 'GET', url: `/api/users?sort=${encodeURIComponent(bad)}` });
      expect(res.statusCode, bad).toBe(400);
    }
  });
});
