import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson } from '../../test/fixtures/org';

describe.each(testBackends())('audit log (%s)', (kind) => {
  const t = useTestApp(kind);

  it('records who changed what with before/after, filterable, scoped to the admin subtree', async () => {
    const p = await makePerson(t.handle.db, t.communeA, { post: 'Chuyên viên' });
    const officer = await t.as('unit_officer', t.communeA);
    await t.call(officer, {
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { version: p.version, post: 'Phó Chủ tịch UBND xã' },
    });
    const admin = await t.as('admin', t.root);
    const res = await t.call(admin, {
      method: 'GET',
      url: `/api/audit?entity=person&entityId=${p.id}&action=person.update`,
    });
    expect(res.statusCode).toBe(200);
    const [entry] = res.json().items;
    expect(entry).toMatchObject({
      action: 'person.update',
      before: { post: 'Chuyên viên' },
      after: { post: 'Phó Chủ tịch UBND xã' },
      // What the request named, so a reader can tell a change asked for from one that was not.
      request: { fields: ['post', 'version'] },
    });
    expect(entry.username).toMatch(/^unitofficer/);
    expect(entry.requestId).toBeTruthy();

    const adminB = await t.as('admin', t.communeB);
    const hidden = (
      await t.call(adminB, { method: 'GET', url: `/api/audit?entity=person&entityId=${p.id}` })
    ).json();
    expect(hidden.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const byDate = (
      await t.call(admin, { method: 'GET', url: `/api/audit?from=${today}&to=${today}&entity=person` })
    ).json();
    expect(byDate.total).toBeGreaterThan(0);
    expect((await t.call(admin, { method: 'GET', url: '/api/audit?from=31-12-2025' })).statusCode).toBe(400);
  });

  it('is for admins only', async () => {
    expect(
      (await t.call(await t.as('training_officer', t.root), { method: 'GET', url: '/api/audit' })).statusCode,
    ).toBe(403);
    expect(
      (await t.call(await t.as('viewer', t.root), { method: 'GET', url: '/api/audit' })).statusCode,
    ).toBe(403);
    expect((await t.call(null, { method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });
});
