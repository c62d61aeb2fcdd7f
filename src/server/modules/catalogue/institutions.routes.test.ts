import { and, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { fieldsOf } from '../../test/fixtures/catalogue';
import { makePerson, makeUnit } from '../../test/fixtures/org';

let n = 0;
const institutionBody = (over: Record<string, unknown> = {}) => ({
  kind: 'UNIVERSITY',
  name: `Trường Đại học Hạ Long ${++n}`,
  shortName: 'ĐHHL',
  address: 'Uông Bí, Quảng Ninh',
  email: 'daotao@uhl.edu.vn',
  ...over,
});

describe.each(testBackends())('institutions and lecturers routes (%s)', (kind) => {
  const t = useTestApp(kind);
  // Sessions run on the real clock, so "this year" is the real one.
  const Y = new Date().getFullYear();

  async function institution(over: Record<string, unknown> = {}) {
    const officer = await t.as('training_officer', t.root);
    const res = await t.call(officer, {
      method: 'POST',
      url: '/api/institutions',
      payload: institutionBody(over),
    });
    expect(res.statusCode, res.body).toBe(200);
    return { officer, inst: res.json() };
  }

  it('answers 401 on every route without a session', async () => {
    const routes: InjectOptions[] = [
      { method: 'GET', url: '/api/institutions' },
      { method: 'POST', url: '/api/institutions', payload: institutionBody() },
      { method: 'GET', url: '/api/institutions/1' },
      { method: 'PATCH', url: '/api/institutions/1', payload: { name: 'x' } },
      { method: 'GET', url: '/api/lecturers' },
      { method: 'POST', url: '/api/lecturers', payload: { kind: 'invited', fullName: 'x' } },
      { method: 'GET', url: '/api/lecturers/1' },
      { method: 'PATCH', url: '/api/lecturers/1', payload: { workplace: 'x' } },
      { method: 'PUT', url: '/api/lecturers/1/hours/2026', payload: { periods: 1 } },
    ];
    for (const r of routes) expect((await t.call(null, r)).statusCode, `${r.method} ${r.url}`).toBe(401);
  });

  it('adds an institution that is an org unit, finds it without accents, audits changes', async () => {
    const school = await makeUnit(t.handle.db, {
      parent: t.root,
      name: 'Trường Chính trị tỉnh',
      kind: 'TRAINING_INSTITUTION',
      level: 'agency',
    });
    const { officer, inst } = await institution({
      kind: 'PROVINCIAL_SCHOOL',
      name: 'Trường Chính trị Nguyễn Văn Cừ',
      shortName: 'TCT',
      orgUnitId: school.id,
    });
    expect(inst).toMatchObject({
      orgUnitId: school.id,
      orgUnitName: 'Trường Chính trị tỉnh',
      editable: true,
      lecturerCount: 0,
    });
    const found = (await t.call(officer, { method: 'GET', url: '/api/institutions?q=nguyen van cu' })).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([inst.id]);
    const byKind = (
      await t.call(officer, { method: 'GET', url: '/api/institutions?kind=PROVINCIAL_SCHOOL' })
    ).json();
    expect(byKind.items.map((i: { id: number }) => i.id)).toContain(inst.id);

    // The school's own staff (scoped to the school unit) read it but cannot change it.
    const staff = await t.as('institution_staff', school);
    const seen = await t.call(staff, { method: 'GET', url: `/api/institutions/${inst.id}` });
    expect(seen.json().editable).toBe(false);
    expect(
      (await t.call(staff, { method: 'PATCH', url: `/api/institutions/${inst.id}`, payload: { phone: '1' } }))
        .statusCode,
    ).toBe(403);

    const res = await t.call(officer, {
      method: 'PATCH',
      url: `/api/institutions/${inst.id}`,
      payload: { phone: '0203 3835 123', active: false },
    });
    expect(res.statusCode).toBe(200);
    const [row] = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'institution.update'), eq(auditLog.entityId, String(inst.id))));
    expect(row.after).toEqual({ phone: '0203 3835 123', active: false });
    const active = (
      await t.call(officer, { method: 'GET', url: '/api/institutions?q=nguyen van cu' })
    ).json();
    expect(active.items).toEqual([]);

    // One institution per org unit.
    const again = await t.call(officer, {
      method: 'POST',
      url: '/api/institutions',
      payload: institutionBody({ orgUnitId: school.id }),
    });
    expect(again.statusCode).toBe(400);
    expect(fieldsOf(again)).toBe('orgUnitId');
  });

  it.each([
    { over: { kind: 'NOPE' }, field: 'kind' },
    { over: { name: '   ' }, field: 'name' },
    { over: { email: 'not-an-email' }, field: 'email' },
    { over: { orgUnitId: 999999 }, field: 'orgUnitId' },
  ])('answers 400 on institution field $field', async ({ over, field }) => {
    const officer = await t.as('training_officer', t.root);
    const res = await t.call(officer, {
      method: 'POST',
      url: '/api/institutions',
      payload: institutionBody(over),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toContain(field);
  });

  it('sorts the institution list by a whitelisted key, names in Vietnamese order; other keys are a 400', async () => {
    const made = [
      { name: 'Trường Sắp Đức', address: 'Cẩm Phả' },
      { name: 'Trường Sắp Dũng', address: 'Ba Chẽ' },
      { name: 'Trường Sắp Bình', address: 'Đông Triều' },
      { name: 'Trường Sắp Bản', address: 'Bình Liêu' },
    ];
    let officer = await t.as('training_officer', t.root);
    for (const m of made) officer = (await institution({ ...m, shortName: null })).officer;
    const list = async (sort: string) => {
      const res = await t.call(officer, {
        method: 'GET',
        url: `/api/institutions?q=truong%20sap&sort=${sort}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { name: string }[]).map((i) => i.name);
    };
    const byName = ['Trường Sắp Bản', 'Trường Sắp Bình', 'Trường Sắp Dũng', 'Trường Sắp Đức'];
    expect(await list('name')).toEqual(byName);
    expect(await list('-name')).toEqual([...byName].reverse());
    // Ba Chẽ, Bình Liêu, Cẩm Phả, Đông Triều.
    expect(await list('address')).toEqual([
      'Trường Sắp Dũng',
      'Trường Sắp Bản',
      'Trường Sắp Đức',
      'Trường Sắp Bình',
    ]);
    for (const bad of ['bogus', '-email', 'name desc', 'kind']) {
      const res = await t.call(officer, {
        method: 'GET',
        url: `/api/institutions?sort=${encodeURIComponent(bad)}`,
      });
      expect(res.statusCode, bad).toBe(400);
    }
    const stranger = await t.as('training_officer', await makeUnit(t.handle.db, { name: 'Tỉnh Khác Sắp' }));
    const other = await t.call(stranger, {
      method: 'GET',
      url: '/api/institutions?q=truong%20sap&sort=name',
    });
    expect(other.json().items).toEqual([]);
  });

  it('keeps institutions and lecturers of another province out of sight (404) and forbids roles (403)', async () => {
    const { inst } = await institution();
    const officer = await t.as('training_officer', t.root);
    const lect = await t.call(officer, {
      method: 'POST',
      url: '/api/lecturers',
      payload: { kind: 'invited', fullName: 'PGS.TS Phạm Văn Mời' },
    });
    const other = await makeUnit(t.handle.db, { name: 'Tỉnh Bên Cạnh' });
    const stranger = await t.as('training_officer', other);
    for (const r of [
      { method: 'GET', url: `/api/institutions/${inst.id}` },
      { method: 'PATCH', url: `/api/institutions/${inst.id}`, payload: { phone: '1' } },
      { method: 'GET', url: `/api/lecturers/${lect.json().id}` },
      { method: 'PATCH', url: `/api/lecturers/${lect.json().id}`, payload: { workplace: 'x' } },
      { method: 'PUT', url: `/api/lecturers/${lect.json().id}/hours/2026`, payload: { periods: 4 } },
    ] as InjectOptions[])
      expect((await t.call(stranger, r)).statusCode, `${r.method} ${r.url}`).toBe(404);
    // Linking a lecturer to an institution one cannot see is a field error, not a leak.
    const bad = await t.call(stranger, {
      method: 'POST',
      url: '/api/lecturers',
      payload: { kind: 'invited', fullName: 'X', institutionIds: [inst.id] },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toBe('institutionIds[0]');

    const learner = await t.as('learner', t.communeA);
    expect((await t.call(learner, { method: 'GET', url: '/api/institutions' })).statusCode).toBe(403);
    expect((await t.call(learner, { method: 'GET', url: '/api/lecturers' })).statusCode).toBe(403);
    const unitOfficer = await t.as('unit_officer', t.communeA);
    expect(
      (await t.call(unitOfficer, { method: 'POST', url: '/api/institutions', payload: institutionBody() }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.call(unitOfficer, {
          method: 'POST',
          url: '/api/lecturers',
          payload: { kind: 'invited', fullName: 'Y' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('adds internal and invited lecturers with institutions, subjects and hours by year', async () => {
    const { officer, inst } = await institution();
    const person = await makePerson(t.handle.db, t.communeA, { fullName: 'Đỗ Thị Giảng' });
    const internal = await t.call(officer, {
      method: 'POST',
      url: '/api/lecturers',
      payload: {
        kind: 'internal',
        personId: person.id,
        degree: 'THAC_SI',
        subjects: ['llct-triet', 'Kỹ năng thuyết trình'],
        institutionIds: [inst.id],
      },
    });
    expect(internal.statusCode, internal.body).toBe(200);
    expect(internal.json()).toMatchObject({
      fullName: 'Đỗ Thị Giảng',
      personUnitName: t.communeA.name,
      subjects: ['LLCT-TRIET', 'Kỹ năng thuyết trình'],
      institutions: [{ id: inst.id }],
      periodsThisYear: 0,
    });
    const id = internal.json().id;
    const twice = await t.call(officer, {
      method: 'POST',
      url: '/api/lecturers',
      payload: { kind: 'internal', personId: person.id },
    });
    expect(twice.statusCode).toBe(400);
    expect(fieldsOf(twice)).toBe('personId');

    const invited = await t.call(officer, {
      method: 'POST',
      url: '/api/lecturers',
      payload: {
        kind: 'invited',
        fullName: 'Nguyễn Văn Mời',
        workplace: 'Học viện Hành chính',
        academicTitle: 'PGS',
        degree: 'TIEN_SI',
        institutionIds: [inst.id],
      },
    });
    expect(invited.statusCode, invited.body).toBe(200);

    const hours = await t.call(officer, {
      method: 'PUT',
      url: `/api/lecturers/${id}/hours/${Y}`,
      payload: { periods: 120, note: 'Năm học' },
    });
    expect(hours.statusCode, hours.body).toBe(200);
    expect(hours.json()).toMatchObject({
      periodsThisYear: 120,
      hours: [{ year: Y, source: 'manual', periods: 120 }],
    });
    await t.call(officer, {
      method: 'PUT',
      url: `/api/lecturers/${id}/hours/${Y}`,
      payload: { periods: 90 },
    });
    await t.call(officer, {
      method: 'PUT',
      url: `/api/lecturers/${id}/hours/${Y - 1}`,
      payload: { periods: 60 },
    });
    const detail = (await t.call(officer, { method: 'GET', url: `/api/lecturers/${id}` })).json();
    expect(detail.hours.map((h: { year: number; periods: number }) => `${h.year}:${h.periods}`)).toEqual([
      `${Y}:90`,
      `${Y - 1}:60`,
    ]);
    expect(detail.periodsThisYear).toBe(90);
    const audits = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'lecturer.hours'), eq(auditLog.entityId, String(id))));
    expect(audits).toHaveLength(3);

    const list = async (qs: string) =>
      (await t.call(officer, { method: 'GET', url: `/api/lecturers?${qs}` }))
        .json()
        .items.map((l: { fullName: string }) => l.fullName);
    expect(await list('q=do thi giang')).toEqual(['Đỗ Thị Giảng']);
    expect(await list('q=thuyet trinh')).toEqual(['Đỗ Thị Giảng']);
    expect(await list('subject=llct-triet')).toEqual(['Đỗ Thị Giảng']);
    // Roster order: by given name (Giảng before Mời).
    expect(await list(`institutionId=${inst.id}`)).toEqual(['Đỗ Thị Giảng', 'Nguyễn Văn Mời']);
    expect(await list(`institutionId=${inst.id}&kind=invited`)).toEqual(['Nguyễn Văn Mời']);
    const withCount = (await t.call(officer, { method: 'GET', url: `/api/institutions/${inst.id}` })).json();
    expect(withCount.lecturerCount).toBe(2);

    const moved = await t.call(officer, {
      method: 'PATCH',
      url: `/api/lecturers/${invited.json().id}`,
      payload: { institutionIds: [], workplace: 'Đại học Quốc gia' },
    });
    expect(moved.json()).toMatchObject({ institutions: [], workplace: 'Đại học Quốc gia' });
  });

  it.each([
    { body: { kind: 'internal' }, field: 'personId' },
    { body: { kind: 'invited' }, field: 'fullName' },
    { body: { kind: 'invited', fullName: 'A', personId: 1 }, field: 'personId' },
    { body: { kind: 'invited', fullName: 'A', degree: 'GIOI' }, field: 'degree' },
    { body: { kind: 'invited', fullName: 'A', academicTitle: 'TS' }, field: 'academicTitle' },
    { body: { kind: 'guest', fullName: 'A' }, field: 'kind' },
    { body: { kind: 'internal', personId: 999999 }, field: 'personId' },
  ])('answers 400 on lecturer field $field ($body.kind)', async ({ body, field }) => {
    const officer = await t.as('training_officer', t.root);
    const res = await t.call(officer, { method: 'POST', url: '/api/lecturers', payload: body });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toContain(field);
  });

  it('lets institution staff keep their own lecturers but not those of the province', async () => {
    const school = await makeUnit(t.handle.db, {
      parent: t.root,
      name: 'Trường Chính trị B',
      kind: 'TRAINING_INSTITUTION',
      level: 'agency',
    });
    const staff = await t.as('institution_staff', school);
    const own = await t.call(staff, {
      method: 'POST',
      url: '/api/lecturers',
      payload: { kind: 'invited', fullName: 'Hoàng Văn Trường' },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ ownerUnitId: school.id, editable: true });
    const officer = await t.as('training_officer', t.root);
    const provincial = (
      await t.call(officer, {
        method: 'POST',
        url: '/api/lecturers',
        payload: { kind: 'invited', fullName: 'Vũ Thị Tỉnh' },
      })
    ).json();
    const res = await t.call(staff, {
      method: 'PATCH',
      url: `/api/lecturers/${provincial.id}`,
      payload: { workplace: 'x' },
    });
    expect(res.statusCode).toBe(403);
    const bad = await t.call(staff, {
      method: 'PUT',
      url: `/api/lecturers/${own.json().id}/hours/1999`,
      payload: { periods: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toContain('year');
  });
});
