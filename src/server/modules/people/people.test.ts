import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { people, personHistory } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson, makeUnit } from '../../test/fixtures/org';

const valid = (unitId: number) => ({
  fullName: 'Trần Thị Ánh Tuyết',
  birthDate: '1990-05-17',
  gender: 'F',
  category: 'CC',
  rank: 'CV',
  unitId,
  personalId: '022190123456',
});

describe.each(testBackends())('people routes (%s)', (kind) => {
  const t = useTestApp(kind);

  it('finds a person without accents or case, only inside the actor scope', async () => {
    const a = await makePerson(t.handle.db, t.communeA, { fullName: 'Nguyễn Văn Hùng' });
    const b = await makePerson(t.handle.db, t.communeB, { fullName: 'Nguyễn Văn Hùng' });
    const province = await t.as('training_officer', t.root);
    const res = await t.call(province, { method: 'GET', url: '/api/people?q=nguyen%20van%20hung' });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((p: { id: number }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(res.json().items[0].fullName).toBe('Nguyễn Văn Hùng');

    const commune = await t.as('unit_officer', t.communeA);
    const scoped = await t.call(commune, { method: 'GET', url: '/api/people?q=NGUYEN VAN HUNG' });
    const scopedIds = scoped.json().items.map((p: { id: number }) => p.id);
    expect(scopedIds).toContain(a.id);
    expect(scopedIds).not.toContain(b.id);
  });

  it('filters by unit subtree, category and rank, and pages in roster order (given name first)', async () => {
    const unit = await makeUnit(t.handle.db, { parent: t.root, name: 'Sở Thử Phân Trang' });
    const child = await makeUnit(t.handle.db, { parent: unit, name: 'Phòng con', level: 'agency' });
    await makePerson(t.handle.db, unit, { fullName: 'Lê Văn Bình', category: 'VC', rank: 'HANG_III' });
    await makePerson(t.handle.db, child, { fullName: 'Trần An' });
    await makePerson(t.handle.db, unit, { fullName: 'Phạm Thị Ánh' });
    const s = await t.as('viewer', t.root);
    const all = await t.call(s, { method: 'GET', url: `/api/people?unitId=${unit.id}` });
    expect(all.json().items.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Trần An',
      'Phạm Thị Ánh',
      'Lê Văn Bình',
    ]);
    const own = await t.call(s, { method: 'GET', url: `/api/people?unitId=${unit.id}&subtree=false` });
    expect(own.json().total).toBe(2);
    const vc = await t.call(s, {
      method: 'GET',
      url: `/api/people?unitId=${unit.id}&category=VC&rank=HANG_III`,
    });
    expect(vc.json().items.map((p: { fullName: string }) => p.fullName)).toEqual(['Lê Văn Bình']);
    const page2 = await t.call(s, { method: 'GET', url: `/api/people?unitId=${unit.id}&page=2&pageSize=2` });
    expect(page2.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.json().items).toHaveLength(1);
  });

  it('pages give the same order forwards and from the end (deep pages are read in reverse)', async () => {
    const unit = await makeUnit(t.handle.db, { parent: t.root, name: 'Sở Thử Thứ Tự' });
    const names = ['Lê Văn Bình', 'Trần An', 'Phạm Thị Ánh', 'Đỗ Ân', 'Vũ Ăn', 'Hồ Đức', 'Ngô Dung'];
    for (const fullName of names) await makePerson(t.handle.db, unit, { fullName });
    const s = await t.as('viewer', t.root);
    const full = (await t.call(s, { method: 'GET', url: `/api/people?unitId=${unit.id}&pageSize=50` }))
      .json()
      .items.map((p: { fullName: string }) => p.fullName);
    expect(full).toEqual(['Trần An', 'Phạm Thị Ánh', 'Vũ Ăn', 'Đỗ Ân', 'Lê Văn Bình', 'Ngô Dung', 'Hồ Đức']);
    for (const size of [1, 2, 3]) {
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(names.length / size); page++) {
        const res = (
          await t.call(s, {
            method: 'GET',
            url: `/api/people?unitId=${unit.id}&pageSize=${size}&page=${page}`,
          })
        ).json();
        paged.push(...res.items.map((p: { fullName: string }) => p.fullName));
      }
      expect(paged).toEqual(full);
    }
    const beyond = (
      await t.call(s, { method: 'GET', url: `/api/people?unitId=${unit.id}&pageSize=5&page=9` })
    ).json();
    expect(beyond).toMatchObject({ items: [], total: 7 });
  });

  it('sorts by name (Vietnamese order), birth date or unit; other keys are a 400; roster order by default', async () => {
    const unit = await makeUnit(t.handle.db, { parent: t.root, name: 'Sở Thử Sắp Xếp' });
    const early = await makeUnit(t.handle.db, { parent: unit, name: 'Ấp Đông', level: 'agency' });
    const late = await makeUnit(t.handle.db, { parent: unit, name: 'Ấp Bắc', level: 'agency' });
    await makePerson(t.handle.db, early, { fullName: 'Lê Văn Đức', birthDate: '1980-01-02' });
    await makePerson(t.handle.db, late, { fullName: 'Hà Thị Bình', birthDate: '1975-06-30' });
    await makePerson(t.handle.db, early, { fullName: 'Ngô Dũng', birthDate: '1992-11-11' });
    await makePerson(t.handle.db, late, { fullName: 'Trần Văn Bản', birthDate: '1988-03-15' });
    const s = await t.as('viewer', t.root);
    const list = async (sort?: string, more = '') => {
      const url = `/api/people?unitId=${unit.id}${sort ? `&sort=${sort}` : ''}${more}`;
      const res = await t.call(s, { method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { fullName: string }[]).map((p) => p.fullName);
    };
    const roster = ['Trần Văn Bản', 'Hà Thị Bình', 'Ngô Dũng', 'Lê Văn Đức'];
    expect(await list()).toEqual(roster);
    expect(await list('fullName')).toEqual(roster);
    expect(await list('-fullName')).toEqual([...roster].reverse());
    expect(await list('birthDate')).toEqual(['Hà Thị Bình', 'Lê Văn Đức', 'Trần Văn Bản', 'Ngô Dũng']);
    expect(await list('-birthDate')).toEqual(['Ngô Dũng', 'Trần Văn Bản', 'Lê Văn Đức', 'Hà Thị Bình']);
    // "Ấp Bắc" before "Ấp Đông"; inside a unit, roster order.
    expect(await list('unitName')).toEqual(['Trần Văn Bản', 'Hà Thị Bình', 'Ngô Dũng', 'Lê Văn Đức']);
    expect(await list('-unitName')).toEqual(['Ngô Dũng', 'Lê Văn Đức', 'Trần Văn Bản', 'Hà Thị Bình']);
    // Pages of a sorted list join up; the total is the same bounded count.
    const second = await t.call(s, {
      method: 'GET',
      url: `/api/people?unitId=${unit.id}&sort=birthDate&pageSize=3&page=2`,
    });
    expect(second.json()).toMatchObject({
      total: 4,
      totalIsLowerBound: false,
      items: [{ fullName: 'Ngô Dũng' }],
    });
    for (const bad of ['bogus', '-personalId', 'fullName desc', 'birthDate;drop']) {
      const res = await t.call(s, { method: 'GET', url: `/api/people?sort=${encodeURIComponent(bad)}` });
      expect(res.statusCode, bad).toBe(400);
    }
    // Sorting never widens what a reader sees.
    const commune = await t.as('unit_officer', t.communeA);
    const other = await t.call(commune, { method: 'GET', url: `/api/people?sort=-birthDate&q=Bản` });
    expect(other.json().items.map((p: { fullName: string }) => p.fullName)).not.toContain('Trần Văn Bản');
  });

  it('hides people of another subtree (404) and a unit filter outside scope (404)', async () => {
    const other = await makePerson(t.handle.db, t.communeB);
    const s = await t.as('unit_officer', t.communeA);
    expect((await t.call(s, { method: 'GET', url: `/api/people/${other.id}` })).statusCode).toBe(404);
    expect((await t.call(s, { method: 'GET', url: `/api/people/${other.id}/history` })).statusCode).toBe(404);
    expect((await t.call(s, { method: 'GET', url: `/api/people?unitId=${t.communeB.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (
        await t.call(s, {
          method: 'PATCH',
          url: `/api/people/${other.id}`,
          payload: { version: 1, post: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.call(null, { method: 'GET', url: `/api/people/${other.id}` })).statusCode).toBe(401);
  });

  it('keeps the post code on the person and its history, filters by post group inside the scope only (issue 16)', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const make = async (fullName: string, post: string, postCode: string, personalId: string) =>
      (
        await t.call(s, {
          method: 'POST',
          url: '/api/people',
          payload: {
            ...valid(t.communeA.id),
            fullName,
            post,
            postCode,
            personalId,
            category: 'CB',
            rank: null,
          },
        })
      ).json();
    const chair = await make('Lê Văn Chủ', 'Chủ tịch UBND xã', 'CT_UBND_XA', '022190000101');
    const women = await make('Lê Thị Hội', 'Chủ tịch Hội Liên hiệp Phụ nữ xã', 'CT_HPN_XA', '022190000102');
    expect(chair.postCode).toBe('CT_UBND_XA');
    const [h] = await t.handle.db.select().from(personHistory).where(eq(personHistory.personId, women.id));
    expect(h).toMatchObject({ post: 'Chủ tịch Hội Liên hiệp Phụ nữ xã', postCode: 'CT_HPN_XA' });
    const ids = async (sess: typeof s, group: string) =>
      (await t.call(sess, { method: 'GET', url: `/api/people?postGroup=${group}` }))
        .json()
        .items.map((p: { id: number }) => p.id);
    expect(await ids(s, 'COMMUNE_LEADER')).toEqual([chair.id]);
    expect(await ids(s, 'FRONT_MASS_HEAD')).toEqual([women.id]);
    // An officer of another subtree sees neither.
    const other = await t.as('unit_officer', t.communeB);
    expect(await ids(other, 'COMMUNE_LEADER')).toEqual([]);
    // An unknown post code is refused like any unknown code.
    const bad = await t.call(s, {
      method: 'POST',
      url: '/api/people',
      payload: { ...valid(t.communeA.id), postCode: 'NO_SUCH_POST', personalId: '022190000103' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('creates a person with NFC text, a history row and an audit entry', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const nfd = 'Trần Thị Ánh Tuyết'.normalize('NFD');
    const res = await t.call(s, {
      method: 'POST',
      url: '/api/people',
      payload: { ...valid(t.communeA.id), fullName: `  ${nfd} `, personalId: '022190000001' },
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.fullName).toBe('Trần Thị Ánh Tuyết');
    expect(p.fullName).toBe(p.fullName.normalize('NFC'));
    expect(p.warnings).toEqual([]);
    const [h] = await t.handle.db.select().from(personHistory).where(eq(personHistory.personId, p.id));
    expect(h).toMatchObject({ unitId: t.communeA.id, category: 'CC' });
    const admin = await t.as('admin', t.root);
    const audit = await t.call(admin, { method: 'GET', url: `/api/audit?entity=person&entityId=${p.id}` });
    expect(audit.json().items[0]).toMatchObject({ action: 'person.create' });
  });

  it('warns when personal ID digits disagree with birth year or gender', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const res = await t.call(s, {
      method: 'POST',
      url: '/api/people',
      payload: { ...valid(t.communeA.id), personalId: '022085000002' },
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .warnings.map((w: { code: string }) => w.code)
        .sort(),
    ).toEqual(['ID_GENDER_MISMATCH', 'ID_YEAR_MISMATCH']);
  });

  it.each([
    ['wrong type', { birthDate: 19900517 }, 'birthDate'],
    ['unknown code', { category: 'XYZ' }, 'category'],
    ['future date', { birthDate: '2099-01-01' }, 'birthDate'],
    ['bad personal id', { personalId: '12345' }, 'personalId'],
    ['oversize name', { fullName: 'A'.repeat(500) }, 'fullName'],
    ['missing name', { fullName: undefined }, 'fullName'],
    ['impossible date', { birthDate: '1990-02-30' }, 'birthDate'],
    ['service before birth', { serviceStart: '1980-01-01' }, 'serviceStart'],
  ])('rejects %s with a 400 naming the field, and writes nothing', async (_label, patch, field) => {
    const s = await t.as('unit_officer', t.communeA);
    const [{ n: before }] = await t.handle.db.select({ n: count() }).from(people);
    const res = await t.call(s, {
      method: 'POST',
      url: '/api/people',
      payload: { ...valid(t.communeA.id), personalId: null, ...patch },
      headers: { 'x-dtbd-lang': 'en' },
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(err.message).toContain(field);
    const [{ n: after }] = await t.handle.db.select({ n: count() }).from(people);
    expect(after).toBe(before);
  });

  it('rejects a duplicate personal ID (400, in Vietnamese by default)', async () => {
    const s = await t.as('unit_officer', t.communeA);
    await makePerson(t.handle.db, t.communeB, { personalId: '022190777777' });
    const res = await t.call(s, {
      method: 'POST',
      url: '/api/people',
      payload: { ...valid(t.communeA.id), personalId: '022190777777' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('DUPLICATE_PERSONAL_ID');
    expect(res.json().error.message).toMatch(/định danh/);
  });

  it('refuses writes to viewers (403) and into another subtree (404)', async () => {
    const viewer = await t.as('viewer', t.root);
    expect(
      (await t.call(viewer, { method: 'POST', url: '/api/people', payload: valid(t.communeA.id) }))
        .statusCode,
    ).toBe(403);
    const commune = await t.as('unit_officer', t.communeA);
    const res = await t.call(commune, {
      method: 'POST',
      url: '/api/people',
      payload: { ...valid(t.communeB.id), personalId: null },
    });
    expect(res.statusCode).toBe(404);
  });

  it('updates from a date, keeps the dated history, and rejects a stale version', async () => {
    const p = await makePerson(t.handle.db, t.communeA);
    const s = await t.as('training_officer', t.root);
    const res = await t.call(s, {
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: {
        version: p.version,
        rank: 'CVC',
        unitId: t.communeB.id,
        effectiveDate: '2026-01-15',
        reason: 'Nâng ngạch, điều động',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rank: 'CVC', unitId: t.communeB.id, version: p.version + 1 });
    const hist = (await t.call(s, { method: 'GET', url: `/api/people/${p.id}/history` })).json().items;
    expect(hist).toHaveLength(2);
    expect(hist[0]).toMatchObject({
      validFrom: '2026-01-15',
      validTo: null,
      rank: 'CVC',
      unitName: 'Phường Tây Sơn',
    });
    expect(hist[1]).toMatchObject({ validTo: '2026-01-15', rank: 'CV', unitName: 'Xã Đông Hòa' });
    const stale = await t.call(s, {
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { version: p.version, post: 'Chuyên viên' },
    });
    expect(stale.statusCode).toBe(409);
    const early = await t.call(s, {
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { version: p.version + 1, status: 'RETIRED', effectiveDate: '2025-01-01' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields[0].field).toBe('effectiveDate');
  });

  it('lets a learner read only their own record', async () => {
    const me = await makePerson(t.handle.db, t.communeA);
    const other = await makePerson(t.handle.db, t.communeA);
    const s = await t.as('learner', t.communeA, { personId: me.id });
    expect((await t.call(s, { method: 'GET', url: '/api/me/person' })).json().id).toBe(me.id);
    expect((await t.call(s, { method: 'GET', url: `/api/people/${me.id}` })).statusCode).toBe(200);
    expect((await t.call(s, { method: 'GET', url: `/api/people/${other.id}` })).statusCode).toBe(404);
    expect((await t.call(s, { method: 'GET', url: '/api/people' })).statusCode).toBe(403);
  });
});
