/**
 * A lecturer's login linked to its lecturer record (ADR 038): set by an admin, it lists the
 * lecturer's classes and sessions ("My classes"), takes attendance and enters scores of the
 * classes it teaches, wherever they are organised, and nothing else.
 */
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';
import { seatLearners } from '../../test/fixtures/nominations';
import { makeUnit } from '../../test/fixtures/org';

describe.each(testBackends())('a lecturer login linked to its lecturer record (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2026-11-30T03:00:00Z') });
  let officer: Session;
  let admin: Session;
  let teacher: Session;
  let lecturerId: number;
  let taught: number;
  let notTaught: number;
  let elsewhere: number;
  const call = (s: Session | null, opts: InjectOptions) => t.call(s, opts);
  const post = (s: Session | null, url: string, payload: object) => call(s, { method: 'POST', url, payload });
  const put = (s: Session | null, url: string, payload: object) => call(s, { method: 'PUT', url, payload });
  const get = (s: Session | null, url: string) => call(s, { method: 'GET', url });

  async function runningClass(code: string, organiserUnitId: number, lecturer: number | null) {
    const programme = await createProgramme(t, officer, { code: `P-${code}` });
    const cls = await post(officer, '/api/classes', {
      code,
      name: `Lớp ${code}`,
      programmeId: programme.id,
      organiserUnitId,
      startsOn: '2026-11-02',
      endsOn: '2026-11-20',
      mode: 'in_person',
      capacity: 10,
    });
    expect(cls.statusCode, cls.body).toBe(200);
    const id = cls.json().id as number;
    const s = await post(officer, `/api/classes/${id}/sessions`, {
      day: '2026-11-02',
      startsAt: '07:30',
      endsAt: '11:00',
      lecturerId: lecturer,
    });
    expect(s.statusCode, s.body).toBe(200);
    for (const to of ['open_for_nomination', 'running'])
      expect((await post(officer, `/api/classes/${id}/status`, { to })).statusCode).toBe(200);
    await seatLearners(t.handle.db, id, t.communeA, 2);
    return id;
  }

  beforeAll(async () => {
    const school = await makeUnit(t.handle.db, { parent: t.root, name: 'Trường Chính trị', level: 'agency' });
    officer = await t.as('training_officer', t.root);
    admin = await t.as('admin', t.root);
    // An invited lecturer: no person of the registry, so only the link can say who it is.
    const lect = await post(officer, '/api/lecturers', { kind: 'invited', fullName: 'Phạm Thị Mời' });
    expect(lect.statusCode, lect.body).toBe(200);
    lecturerId = lect.json().id;
    // Organised by a commune outside the lecturer's scope (the school).
    taught = await runningClass('GV1/2026', t.communeA.id, lecturerId);
    notTaught = await runningClass('GV2/2026', t.root.id, null);
    elsewhere = await runningClass('GV3/2026', t.communeB.id, null);
    const made = await post(admin, '/api/users', {
      username: 'gv.moi',
      displayName: 'Phạm Thị Mời',
      role: 'lecturer',
      scopeUnitId: school.id,
      lecturerId,
      password: 'Hoa-Sen-Do-2026!',
    });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ lecturerId, lecturerName: 'Phạm Thị Mời' });
    teacher = await t.login('gv.moi', 'Hoa-Sen-Do-2026!');
  });

  it('refuses a link on another role or to a lecturer out of scope', async () => {
    const wrongRole = await post(admin, '/api/users', {
      username: 'xem.gv',
      displayName: 'Xem',
      role: 'viewer',
      scopeUnitId: t.root.id,
      lecturerId,
      password: 'Hoa-Sen-Do-2026!',
    });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().error.details.fields[0].field).toBe('lecturerId');
    const otherAdmin = await t.as('admin', t.communeB);
    const outOfScope = await post(otherAdmin, '/api/users', {
      username: 'gv.khac',
      displayName: 'GV',
      role: 'lecturer',
      scopeUnitId: t.communeB.id,
      lecturerId,
      password: 'Hoa-Sen-Do-2026!',
    });
    expect(outOfScope.statusCode).toBe(400);
    const twice = await post(admin, '/api/users', {
      username: 'gv.moi2',
      displayName: 'GV',
      role: 'lecturer',
      scopeUnitId: t.root.id,
      lecturerId,
      password: 'Hoa-Sen-Do-2026!',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('lists its classes and sessions as "My classes"', async () => {
    const res = await get(teacher, '/api/me/teaching');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.lecturer).toEqual({ id: lecturerId, fullName: 'Phạm Thị Mời' });
    expect(body.classes.map((c: { id: number }) => c.id)).toEqual([taught]);
    expect(body.classes[0].sessions).toHaveLength(1);
    expect((await get(officer, '/api/me/teaching')).statusCode).toBe(403);
  });

  it('takes attendance and enters scores of its own class only', async () => {
    const sheet = await get(teacher, `/api/classes/${taught}/attendance`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    const { sessions, learners } = sheet.json();
    const marks = learners.map((l: { nominationId: number }) => ({
      sessionId: sessions[0].id,
      nominationId: l.nominationId,
      status: 'present',
    }));
    const saved = await put(teacher, `/api/classes/${taught}/attendance`, { marks });
    expect(saved.statusCode, saved.body).toBe(200);
    const test = await post(teacher, `/api/classes/${taught}/assessments`, {
      name: 'Kiểm tra',
      kind: 'test',
    });
    expect(test.statusCode, test.body).toBe(200);
    const scores = learners.map((l: { nominationId: number }) => ({
      assessmentId: test.json().id,
      nominationId: l.nominationId,
      score: 8,
    }));
    const scored = await put(teacher, `/api/classes/${taught}/scores`, { scores });
    expect(scored.statusCode, scored.body).toBe(200);
    const back = (await get(officer, `/api/classes/${taught}/scores`)).json();
    expect(back.scores.map((s: { score: number }) => s.score)).toEqual([8, 8]);

    // A class it can see but does not teach: 403; one out of its sight: 404.
    expect((await get(teacher, `/api/classes/${notTaught}/attendance`)).statusCode).toBe(403);
    expect((await put(teacher, `/api/classes/${notTaught}/attendance`, { marks })).statusCode).toBe(403);
    expect((await get(teacher, `/api/classes/${elsewhere}/scores`)).statusCode).toBe(404);
    // The same login unlinked loses the class.
    const me = (await get(admin, '/api/users?q=gv.moi')).json().items[0];
    const unlinked = await call(admin, {
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      payload: { lecturerId: null },
    });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    const again = await t.login('gv.moi', 'Hoa-Sen-Do-2026!');
    expect((await get(again, `/api/classes/${taught}/attendance`)).statusCode).toBe(404);
  });
});
