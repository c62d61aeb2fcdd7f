import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orgUnits, personHistory, users } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson, makeUnit, makeUser } from '../../test/fixtures/org';

describe.each(testBackends())('org routes (%s)', (kind) => {
  const t = useTestApp(kind);

  it('returns only the actor subtree; historical units on request', async () => {
    const old = await makeUnit(t.handle.db, {
      parent: t.root,
      name: 'Huyện Cũ',
      level: 'district',
      validFrom: '2000-01-01',
    });
    await t.handle.db
      .update(orgUnits)
      .set({ validTo: '2025-07-01', successorId: t.communeA.id })
      .where(eq(orgUnits.id, old.id));
    const province = await t.as('viewer', t.root);
    const now = (await t.call(province, { method: 'GET', url: '/api/org/tree' })).json();
    expect(now.rootIds).toEqual([t.root.id]);
    expect(now.units.map((u: { id: number }) => u.id)).not.toContain(old.id);
    const past = (await t.call(province, { method: 'GET', url: '/api/org/tree?asOf=2024-12-31' })).json();
    expect(past.units.map((u: { id: number }) => u.id)).toContain(old.id);
    const hist = (
      await t.call(province, { method: 'GET', url: '/api/org/tree?includeHistorical=true' })
    ).json();
    expect(hist.units.find((u: { id: number }) => u.id === old.id)).toMatchObject({
      validTo: '2025-07-01',
      successorId: t.communeA.id,
    });

    const commune = await t.as('unit_officer', t.communeA);
    const mine = (await t.call(commune, { method: 'GET', url: '/api/org/tree' })).json();
    expect(mine.rootIds).toEqual([t.communeA.id]);
    expect(mine.units.map((u: { id: number }) => u.id)).not.toContain(t.communeB.id);
    expect(
      (await t.call(commune, { method: 'GET', url: `/api/org/units/${t.communeB.id}` })).statusCode,
    ).toBe(404);
    expect((await t.call(null, { method: 'GET', url: '/api/org/tree' })).statusCode).toBe(401);
    const learner = await t.as('learner', t.communeA, {
      personId: (await makePerson(t.handle.db, t.communeA)).id,
    });
    expect((await t.call(learner, { method: 'GET', url: '/api/org/tree' })).statusCode).toBe(403);
  });

  it('adds and renames a unit from a date; the old name stays in history', async () => {
    const s = await t.as('training_officer', t.root);
    const created = await t.call(s, {
      method: 'POST',
      url: '/api/org/units',
      payload: {
        parentId: t.root.id,
        name: 'Sở Nội vụ',
        level: 'agency',
        kind: 'STATE_AGENCY',
        validFrom: '2025-03-01',
      },
    });
    expect(created.statusCode).toBe(200);
    const unit = created.json();
    expect(unit.path).toBe(`${t.root.path}.${unit.id}`);
    const renamed = await t.call(s, {
      method: 'POST',
      url: `/api/org/units/${unit.id}/rename`,
      payload: { name: 'Sở Nội vụ và Lao động', effectiveDate: '2026-01-01' },
    });
    expect(renamed.statusCode).toBe(200);
    const detail = (await t.call(s, { method: 'GET', url: `/api/org/units/${unit.id}` })).json();
    expect(detail.name).toBe('Sở Nội vụ và Lao động');
    expect(detail.versions.map((v: { name: string; validTo: string | null }) => [v.name, v.validTo])).toEqual(
      [
        ['Sở Nội vụ', '2026-01-01'],
        ['Sở Nội vụ và Lao động', null],
      ],
    );
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['rename', 'create']);
    const asOf = (await t.call(s, { method: 'GET', url: '/api/org/tree?asOf=2025-06-01' })).json();
    expect(asOf.units.find((u: { id: number }) => u.id === unit.id).name).toBe('Sở Nội vụ');
  });

  it('validates units: unknown kind, empty name, date before parent', async () => {
    const s = await t.as('training_officer', t.root);
    const bad = await t.call(s, {
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: t.root.id, name: 'X', level: 'agency', kind: 'NOPE', validFrom: '2025-03-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('kind');
    const empty = await t.call(s, {
      method: 'POST',
      url: '/api/org/units',
      payload: {
        parentId: t.root.id,
        name: '   ',
        level: 'agency',
        kind: 'STATE_AGENCY',
        validFrom: '2025-03-01',
      },
    });
    expect(empty.statusCode).toBe(400);
    const early = await t.call(s, {
      method: 'POST',
      url: '/api/org/units',
      payload: {
        parentId: t.communeA.id,
        name: 'Y',
        level: 'agency',
        kind: 'PARTY',
        validFrom: '2020-01-01',
      },
    });
    expect(early.statusCode).toBe(400);
  });

  it('forbids structure changes to unit officers and viewers, and outside the subtree', async () => {
    const commune = await t.as('unit_officer', t.communeA);
    expect(
      (
        await t.call(commune, {
          method: 'POST',
          url: `/api/org/units/${t.communeA.id}/rename`,
          payload: { name: 'Z', effectiveDate: '2026-01-01' },
        })
      ).statusCode,
    ).toBe(403);
    const viewer = await t.as('viewer', t.root);
    expect(
      (
        await t.call(viewer, {
          method: 'POST',
          url: '/api/org/units',
          payload: {
            parentId: t.root.id,
            name: 'Z',
            level: 'agency',
            kind: 'PARTY',
            validFrom: '2026-01-01',
          },
        })
      ).statusCode,
    ).toBe(403);
    const officerA = await t.as('training_officer', t.communeA);
    expect(
      (
        await t.call(officerA, {
          method: 'POST',
          url: `/api/org/units/${t.communeB.id}/rename`,
          payload: { name: 'Z', effectiveDate: '2026-01-01' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.call(officerA, {
          method: 'POST',
          url: `/api/org/units/${t.communeA.id}/move`,
          payload: { parentId: t.communeA.id, effectiveDate: '2026-01-01' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('moves a unit with its subtree and refuses a move under itself', async () => {
    const s = await t.as('training_officer', t.root);
    const a = await makeUnit(t.handle.db, { parent: t.root, name: 'Khối A', level: 'agency' });
    const a1 = await makeUnit(t.handle.db, { parent: a, name: 'Phòng A1', level: 'agency' });
    const b = await makeUnit(t.handle.db, { parent: t.root, name: 'Khối B', level: 'agency' });
    const res = await t.call(s, {
      method: 'POST',
      url: `/api/org/units/${a.id}/move`,
      payload: { parentId: b.id, effectiveDate: '2026-02-01' },
    });
    expect(res.statusCode).toBe(200);
    const [moved] = await t.handle.db.select().from(orgUnits).where(eq(orgUnits.id, a1.id));
    expect(moved.path).toBe(`${b.path}.${a.id}.${a1.id}`);
    const loop = await t.call(s, {
      method: 'POST',
      url: `/api/org/units/${b.id}/move`,
      payload: { parentId: a1.id, effectiveDate: '2026-03-01' },
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.code).toBe('INVALID_MOVE');
  });

  it('merges communes into a new one: people, sub-units and users follow, history keeps the old units', async () => {
    const s = await t.as('training_officer', t.root);
    const x = await makeUnit(t.handle.db, { parent: t.root, name: 'Xã Hải Xuân', validFrom: '2000-01-01' });
    const y = await makeUnit(t.handle.db, { parent: t.root, name: 'Xã Hải Yên', validFrom: '2000-01-01' });
    const party = await makeUnit(t.handle.db, {
      parent: x,
      name: 'Đảng ủy xã Hải Xuân',
      level: 'agency',
      kind: 'PARTY',
      validFrom: '2000-01-01',
    });
    const px = await makePerson(t.handle.db, x);
    const py = await makePerson(t.handle.db, y);
    const officer = await makeUser(t.handle.db, 'unit_officer', x);
    const res = await t.call(s, {
      method: 'POST',
      url: '/api/org/merge',
      payload: {
        sourceIds: [x.id, y.id],
        newUnit: { parentId: t.root.id, name: 'Xã Hải Hòa', level: 'commune', kind: 'ADMIN_AREA' },
        effectiveDate: '2025-07-01',
      },
    });
    expect(res.statusCode).toBe(200);
    const { target, movedPeople } = res.json();
    expect(movedPeople).toBe(2);
    expect(target.peopleCount).toBe(2);
    const oldX = (await t.call(s, { method: 'GET', url: `/api/org/units/${x.id}` })).json();
    expect(oldX).toMatchObject({
      validTo: '2025-07-01',
      successorId: target.id,
      successorName: 'Xã Hải Hòa',
    });
    const [partyNow] = await t.handle.db.select().from(orgUnits).where(eq(orgUnits.id, party.id));
    expect(partyNow.parentId).toBe(target.id);
    expect(partyNow.path).toBe(`${target.path}.${party.id}`);
    const [u] = await t.handle.db.select().from(users).where(eq(users.id, officer.id));
    expect(u.scopeUnitId).toBe(target.id);
    const hist = await t.handle.db.select().from(personHistory).where(eq(personHistory.personId, py.id));
    expect(hist.map((h) => [h.unitId, h.validTo]).sort()).toEqual(
      [
        [y.id, '2025-07-01'],
        [target.id, null],
      ].sort(),
    );
    const again = await t.call(s, {
      method: 'POST',
      url: '/api/org/merge',
      payload: { sourceIds: [x.id], targetId: target.id, effectiveDate: '2026-01-01' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('UNIT_DISSOLVED');
    void px;
  });

  it('splits a unit, sending the chosen people to each part', async () => {
    const s = await t.as('admin', t.root);
    const big = await makeUnit(t.handle.db, { parent: t.root, name: 'Phường Lớn', validFrom: '2000-01-01' });
    const p1 = await makePerson(t.handle.db, big);
    const p2 = await makePerson(t.handle.db, big);
    const p3 = await makePerson(t.handle.db, big);
    const outsider = await makePerson(t.handle.db, t.communeB);
    const wrong = await t.call(s, {
      method: 'POST',
      url: `/api/org/units/${big.id}/split`,
      payload: {
        effectiveDate: '2026-01-01',
        parts: [{ name: 'Phường Bắc' }, { name: 'Phường Nam', personIds: [outsider.id] }],
      },
    });
    expect(wrong.statusCode).toBe(400);
    const res = await t.call(s, {
      method: 'POST',
      url: `/api/org/units/${big.id}/split`,
      payload: {
        effectiveDate: '2026-01-01',
        parts: [
          { name: 'Phường Bắc', personIds: [p1.id] },
          { name: 'Phường Nam', personIds: [p2.id] },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const { parts, movedPeople } = res.json();
    expect(movedPeople).toBe(3);
    expect(parts.map((p: { name: string; peopleCount: number }) => [p.name, p.peopleCount])).toEqual([
      ['Phường Bắc', 2],
      ['Phường Nam', 1],
    ]);
    const [third] = await t.handle.db
      .select()
      .from(personHistory)
      .where(eq(personHistory.personId, p3.id))
      .orderBy(personHistory.validFrom);
    expect(third.unitId).toBe(big.id);
  });
});
