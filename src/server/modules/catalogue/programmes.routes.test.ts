import { and, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme, fieldsOf, programmeBody } from '../../test/fixtures/catalogue';
import { makeUnit } from '../../test/fixtures/org';
import { seedRulePack } from '../standards/rule-pack';

describe.each(testBackends())('programme catalogue routes (%s)', (kind) => {
  const t = useTestApp(kind);

  it('answers 401 on every route without a session', async () => {
    const routes: InjectOptions[] = [
      { method: 'GET', url: '/api/programmes' },
      { method: 'POST', url: '/api/programmes', payload: programmeBody() },
      { method: 'POST', url: '/api/programmes/overlap-check', payload: { topics: [] } },
      { method: 'GET', url: '/api/programmes/overlaps' },
      { method: 'GET', url: '/api/programmes/1' },
      { method: 'PATCH', url: '/api/programmes/1', payload: { nameVi: 'x' } },
      { method: 'GET', url: '/api/programmes/1/overlap?personId=1' },
    ];
    for (const r of routes) expect((await t.call(null, r)).statusCode, `${r.method} ${r.url}`).toBe(401);
  });

  it('creates a programme with ordered topics, audits it, and shows it to the units below', async () => {
    const officer = await t.as('training_officer', t.root);
    const created = await createProgramme(t, officer, {
      code: 'llct-tc-01',
      nameVi: 'Trung cấp lý luận chính trị - hành chính',
      topics: [
        { topicCode: 'LLCT-KTCT', name: 'Kinh tế chính trị', periods: 30 },
        { topicCode: 'LLCT-TRIET', name: 'Triết học', periods: 40 },
      ],
    });
    expect(created.code).toBe('LLCT-TC-01');
    expect(created.topics.map((x: { topicCode: string }) => x.topicCode)).toEqual([
      'LLCT-KTCT',
      'LLCT-TRIET',
    ]);
    expect(created).toMatchObject({ ownerUnitId: t.root.id, editable: true, active: true, topicCount: 2 });
    const [row] = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'programme'), eq(auditLog.entityId, String(created.id))));
    expect(row).toMatchObject({ action: 'programme.create', scopePath: t.root.path });

    // A commune officer reads the province's catalogue but may not change it.
    const commune = await t.as('unit_officer', t.communeA);
    const seen = await t.call(commune, { method: 'GET', url: `/api/programmes/${created.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().editable).toBe(false);
    const list = await t.call(commune, { method: 'GET', url: '/api/programmes?q=trung cap ly luan' });
    expect(list.json().items.map((p: { id: number }) => p.id)).toContain(created.id);
  });

  it('searches without accents and filters by kind, level, mode and organising level', async () => {
    const officer = await t.as('training_officer', t.root);
    const it1 = await createProgramme(t, officer, {
      code: 'TH-CB',
      nameVi: 'Ứng dụng công nghệ thông tin cơ bản',
      nameEn: 'Basic IT',
      kind: 'IT',
      level: 'CO_BAN',
      mode: 'online',
      grantsKind: 'IT',
      grantsLevel: 'CO_BAN',
      organiserLevels: ['commune', 'province'],
      topics: [{ topicCode: 'CNTT-01', name: 'Máy tính', periods: 20 }],
      periods: 40,
    });
    const ids = async (qs: string) =>
      (await t.call(officer, { method: 'GET', url: `/api/programmes?${qs}` }))
        .json()
        .items.map((p: { id: number }) => p.id);
    expect(await ids('q=UNG DUNG CONG NGHE')).toEqual([it1.id]);
    expect(await ids('q=th-cb')).toEqual([it1.id]);
    expect(await ids('kind=IT&level=CO_BAN')).toEqual([it1.id]);
    expect(await ids('mode=online')).toEqual([it1.id]);
    expect(await ids('organiserLevel=commune')).toEqual([it1.id]);
    expect(await ids('kind=IT&mode=in_person')).toEqual([]);
    const page = (await t.call(officer, { method: 'GET', url: '/api/programmes?pageSize=1&page=1' })).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
  });

  it('sorts the list by a whitelisted key, names in Vietnamese order; other keys are a 400', async () => {
    const officer = await t.as('training_officer', t.root);
    const made = [
      { code: 'SX-1', nameVi: 'Lớp Sắp Đức', periods: 100 },
      { code: 'SX-2', nameVi: 'Lớp Sắp Dũng', periods: 90 },
      { code: 'SX-3', nameVi: 'Lớp Sắp Bình', periods: 120 },
      { code: 'SX-4', nameVi: 'Lớp Sắp Bản', periods: 110 },
    ];
    for (const m of made) await createProgramme(t, officer, m);
    const list = async (sort: string) => {
      const res = await t.call(officer, { method: 'GET', url: `/api/programmes?q=lop%20sap&sort=${sort}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { code: string }[]).map((p) => p.code);
    };
    expect(await list('name')).toEqual(['SX-4', 'SX-3', 'SX-2', 'SX-1']);
    expect(await list('-name')).toEqual(['SX-1', 'SX-2', 'SX-3', 'SX-4']);
    expect(await list('periods')).toEqual(['SX-2', 'SX-1', 'SX-4', 'SX-3']);
    expect(await list('-code')).toEqual(['SX-4', 'SX-3', 'SX-2', 'SX-1']);
    for (const bad of ['bogus', '-kind', 'name desc', 'nameVi']) {
      const res = await t.call(officer, {
        method: 'GET',
        url: `/api/programmes?sort=${encodeURIComponent(bad)}`,
      });
      expect(res.statusCode, bad).toBe(400);
    }
    const stranger = await t.as('training_officer', await makeUnit(t.handle.db, { name: 'Tỉnh Khác Sắp' }));
    const other = await t.call(stranger, { method: 'GET', url: '/api/programmes?q=lop%20sap&sort=name' });
    expect(other.json().items).toEqual([]);
  });

  it('refuses roles without the permission (403) and entries owned above (403)', async () => {
    const officer = await t.as('training_officer', t.root);
    const p = await createProgramme(t, officer);
    const learner = await t.as('learner', t.communeA);
    expect((await t.call(learner, { method: 'GET', url: '/api/programmes' })).statusCode).toBe(403);
    expect((await t.call(learner, { method: 'GET', url: `/api/programmes/${p.id}` })).statusCode).toBe(403);
    const unitOfficer = await t.as('unit_officer', t.communeA);
    expect(
      (await t.call(unitOfficer, { method: 'POST', url: '/api/programmes', payload: programmeBody() }))
        .statusCode,
    ).toBe(403);
    const viewer = await t.as('viewer', t.root);
    expect(
      (await t.call(viewer, { method: 'PATCH', url: `/api/programmes/${p.id}`, payload: { nameVi: 'x' } }))
        .statusCode,
    ).toBe(403);
    // A commune's training officer sees the province programme but does not own it.
    const communeOfficer = await t.as('training_officer', t.communeA);
    const res = await t.call(communeOfficer, {
      method: 'PATCH',
      url: `/api/programmes/${p.id}`,
      payload: { nameVi: 'Đổi tên' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('hides another province (404) and its entries from lists', async () => {
    const officer = await t.as('training_officer', t.root);
    const p = await createProgramme(t, officer, { code: 'KHAC-TINH-HIDDEN' });
    const other = await makeUnit(t.handle.db, { name: 'Tỉnh Khác' });
    const stranger = await t.as('training_officer', other);
    for (const r of [
      { method: 'GET', url: `/api/programmes/${p.id}` },
      { method: 'PATCH', url: `/api/programmes/${p.id}`, payload: { nameVi: 'x' } },
      { method: 'GET', url: `/api/programmes/${p.id}/overlap?personId=1` },
    ] as InjectOptions[])
      expect((await t.call(stranger, r)).statusCode, `${r.method} ${r.url}`).toBe(404);
    const list = (await t.call(stranger, { method: 'GET', url: '/api/programmes?active=all' })).json();
    expect(list.items.map((x: { code: string }) => x.code)).not.toContain('KHAC-TINH-HIDDEN');
    expect((await t.call(officer, { method: 'GET', url: '/api/programmes/999999' })).statusCode).toBe(404);
  });

  it.each([
    { name: 'missing Vietnamese name', over: { nameVi: '' }, field: 'nameVi' },
    { name: 'unknown kind', over: { kind: 'NOPE', level: null }, field: 'kind' },
    { name: 'level outside the kind', over: { level: 'CO_BAN' }, field: 'level' },
    { name: 'granted level outside its kind', over: { grantsLevel: 'BAC_3' }, field: 'grantsLevel' },
    { name: 'granted kind without level', over: { grantsLevel: null }, field: 'grantsLevel' },
    { name: 'bad mode', over: { mode: 'radio' }, field: 'mode' },
    { name: 'no organising level', over: { organiserLevels: [] }, field: 'organiserLevels' },
    { name: 'end before start', over: { effectiveTo: '2025-01-01' }, field: 'effectiveTo' },
    {
      name: 'accented topic code',
      over: { topics: [{ topicCode: 'TRIẾT', name: 'x', periods: 1 }] },
      field: 'topics[0].topicCode',
    },
    {
      name: 'repeated topic code',
      over: {
        topics: [
          { topicCode: 'A', name: 'a', periods: 1 },
          { topicCode: 'a', name: 'b', periods: 1 },
        ],
      },
      field: 'topics[1].topicCode',
    },
    {
      name: 'topics longer than the programme',
      over: { periods: 10, topics: [{ topicCode: 'A', name: 'a', periods: 11 }] },
      field: 'topics',
    },
    { name: 'unknown field', over: { colour: 'red' }, field: 'body' },
  ])('answers 400 naming the field: $name', async ({ over, field }) => {
    const officer = await t.as('training_officer', t.root);
    const res = await t.call(officer, {
      method: 'POST',
      url: '/api/programmes',
      payload: programmeBody(over),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain(field);
  });

  it('keeps codes unique per owner (400 on code), also on rename', async () => {
    const officer = await t.as('training_officer', t.root);
    await createProgramme(t, officer, { code: 'DUP-1' });
    const again = await t.call(officer, {
      method: 'POST',
      url: '/api/programmes',
      payload: programmeBody({ code: 'dup-1' }),
    });
    expect(again.statusCode).toBe(400);
    expect(fieldsOf(again)).toBe('code');
    const second = await createProgramme(t, officer, { code: 'DUP-2' });
    const rename = await t.call(officer, {
      method: 'PATCH',
      url: `/api/programmes/${second.id}`,
      payload: { code: 'DUP-1' },
    });
    expect(rename.statusCode).toBe(400);
    expect(fieldsOf(rename)).toBe('code');
    // Another owner may use the same code.
    const commune = await t.as('training_officer', t.communeB);
    await createProgramme(t, commune, { code: 'DUP-1' });
  });

  it('changes fields and topics with an audit of what changed; retired entries leave the default list', async () => {
    const officer = await t.as('training_officer', t.root);
    const p = await createProgramme(t, officer, { code: 'EDIT-1' });
    const res = await t.call(officer, {
      method: 'PATCH',
      url: `/api/programmes/${p.id}`,
      payload: { nameVi: 'Tên mới', topics: [{ topicCode: 'MOI', name: 'Chuyên đề mới', periods: 8 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nameVi: 'Tên mới', topicCount: 1, topics: [{ topicCode: 'MOI' }] });
    const rows = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'programme.update'), eq(auditLog.entityId, String(p.id))));
    expect(rows).toHaveLength(1);
    expect(rows[0].before).toMatchObject({ nameVi: p.nameVi });
    expect(rows[0].after).toMatchObject({ nameVi: 'Tên mới' });
    expect(Object.keys(rows[0].after as object).sort()).toEqual(['nameVi', 'topics']);

    const periods = await t.call(officer, {
      method: 'PATCH',
      url: `/api/programmes/${p.id}`,
      payload: { periods: 4 },
    });
    expect(periods.statusCode).toBe(400);
    expect(fieldsOf(periods)).toBe('topics');

    await t.call(officer, { method: 'PATCH', url: `/api/programmes/${p.id}`, payload: { active: false } });
    const codes = async (qs: string) =>
      (await t.call(officer, { method: 'GET', url: `/api/programmes?q=EDIT-1${qs}` })).json().items.length;
    expect(await codes('')).toBe(0);
    expect(await codes('&active=all')).toBe(1);
    expect(await codes('&active=false')).toBe(1);
  });

  it('derives the standards a programme satisfies from the qualification it grants', async () => {
    await seedRulePack(t.handle.db);
    const officer = await t.as('training_officer', t.root);
    const p = await createProgramme(t, officer, {
      code: 'QLNN-CVC',
      kind: 'STATE_MANAGEMENT',
      level: 'CVC',
      grantsKind: 'STATE_MANAGEMENT',
      grantsLevel: 'CVC',
      periods: 240,
      topics: [],
    });
    expect(p.standardsSatisfied.map((s: { code: string }) => s.code).sort()).toEqual(['SM_CV', 'SM_CVC']);
    const none = await createProgramme(t, officer, {
      code: 'KN-MEM',
      kind: 'SOFT_SKILLS',
      level: null,
      grantsKind: null,
      grantsLevel: null,
      topics: [],
    });
    expect(none.standardsSatisfied).toEqual([]);
  });
});
