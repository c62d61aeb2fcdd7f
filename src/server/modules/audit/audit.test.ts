import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index';
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

  it('sorts by a whitelisted key, names in Vietnamese order, within the subtree; other keys are a 400', async () => {
    const names = ['Nguyễn Văn Đức', 'Nguyễn Văn Dũng', 'Nguyễn Văn Bình', 'Nguyễn Văn Bản'];
    const actions = ['sort.c', 'sort.a', 'sort.d', 'sort.b'];
    for (const [i, username] of names.entries())
      await t.handle.db
        .insert(auditLog)
        .values({ username, action: actions[i], entity: 'sort_test', scopePath: t.communeA.path });
    const list = async (s: Parameters<typeof t.call>[0], sort: string) => {
      const res = await t.call(s, { method: 'GET', url: `/api/audit?entity=sort_test&sort=${sort}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { username: string }[]).map((e) => e.username);
    };
    const admin = await t.as('admin', t.communeA);
    const byName = ['Nguyễn Văn Bản', 'Nguyễn Văn Bình', 'Nguyễn Văn Dũng', 'Nguyễn Văn Đức'];
    expect(await list(admin, 'username')).toEqual(byName);
    expect(await list(admin, '-username')).toEqual([...byName].reverse());
    expect(await list(admin, 'action')).toEqual([names[1], names[3], names[0], names[2]]);
    expect(await list(admin, 'at')).toEqual(names);
    expect(await list(admin, '-at')).toEqual([...names].reverse());
    for (const bad of ['bogus', 'summary', 'username desc', '-ip']) {
      const res = await t.call(admin, { method: 'GET', url: `/api/audit?sort=${encodeURIComponent(bad)}` });
      expect(res.statusCode, bad).toBe(400);
    }
    expect(await list(await t.as('admin', t.communeB), 'username')).toEqual([]);
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
