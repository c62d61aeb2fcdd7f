import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme, fieldsOf } from '../../test/fixtures/catalogue';
import { seatLearners } from '../../test/fixtures/nominations';
import { makeUnit, type UnitRow } from '../../test/fixtures/org';

interface Detail {
  id: number;
  code: string;
  status: string;
  version: number;
  nextStatuses: string[];
  canManage: boolean;
  sessions: { id: number; topicName: string | null; lecturerName: string | null }[];
  clashes: { kind: string; other: { classCode: string }; message: { vi: string } }[];
  events: { action: string; toStatus: string | null }[];
  planLine: { id: number; plan: { id: number } | null } | null;
}

describe.each(testBackends())('classes routes (%s)', (kind) => {
  // After every class below has ended: finishing waits for the end of the teaching (ADR 025).
  const t = useTestApp(kind, { clock: fixedClock('2027-06-10T03:00:00Z') });
  let officer: Session;
  let school: UnitRow;
  let programme: { id: number; kind: string };
  let institutionId: number;
  let lecturerId: number;
  let planLineId: number;
  const call = (s: Session | null, opts: InjectOptions) => t.call(s, opts);
  const post = (s: Session | null, url: string, payload: object) => call(s, { method: 'POST', url, payload });

  const classBody = (over: Record<string, unknown> = {}) => ({
    code: 'K1/2026',
    name: 'Lớp trung cấp lý luận chính trị khóa 1',
    programmeId: programme.id,
    institutionId,
    startsOn: '2026-03-02',
    endsOn: '2026-06-30',
    venue: 'Trường Chính trị tỉnh',
    mode: 'in_person',
    capacity: 60,
    budget: { NST: 450_000_000 },
    ...over,
  });
  const session = (over: Record<string, unknown> = {}) => ({
    day: '2026-03-02',
    startsAt: '07:30',
    endsAt: '11:00',
    topicCode: 'LLCT-TRIET',
    lecturerId,
    room: 'Phòng 201',
    ...over,
  });
  const open = async (over: Record<string, unknown> = {}) => {
    const res = await post(officer, '/api/classes', classBody(over));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Detail;
  };

  beforeAll(async () => {
    school = await makeUnit(t.handle.db, { parent: t.root, name: 'Trường Chính trị tỉnh', level: 'agency' });
    officer = await t.as('training_officer', t.root);
    programme = await createProgramme(t, officer);
    const inst = await post(officer, '/api/institutions', {
      kind: 'PROVINCIAL_SCHOOL',
      name: 'Trường Chính trị tỉnh',
      orgUnitId: school.id,
    });
    expect(inst.statusCode, inst.body).toBe(200);
    institutionId = inst.json().id;
    const lect = await post(officer, '/api/lecturers', { kind: 'invited', fullName: 'TS. Nguyễn Văn Giảng' });
    lecturerId = lect.json().id;
    const plan = await post(officer, '/api/plans', { year: 2026, title: 'Kế hoạch 2026' });
    expect(plan.statusCode, plan.body).toBe(200);
    const line = await post(officer, `/api/plans/${plan.json().id}/lines`, {
      programmeKind: 'POLITICAL_THEORY',
      level: 'TRUNG_CAP',
      classes: 2,
      trainees: 120,
    });
    expect(line.statusCode, line.body).toBe(200);
    planLineId = line.json().id;
  });

  it('opens a class from a plan line, suggests the next code and refuses a used one', async () => {
    const c = await open({ planLineId });
    expect(c).toMatchObject({ code: 'K1/2026', status: 'planned', canManage: true, version: 1 });
    expect(c.nextStatuses).toEqual(['open_for_nomination', 'cancelled']);
    expect(c.events.map((e) => e.action)).toEqual(['create']);
    const next = await call(officer, { method: 'GET', url: '/api/classes/next-code?year=2026' });
    expect(next.json()).toEqual({ code: 'K2/2026' });
    const dup = await post(officer, '/api/classes', classBody());
    expect(dup.statusCode).toBe(409);
    expect(fieldsOf(dup)).toBe('code');
    const list = await call(officer, {
      method: 'GET',
      url: `/api/classes?planLineId=${planLineId}&q=trung cap`,
    });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: c.id, budgetTotal: 450_000_000 }] });
    const [row] = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'class.create'));
    expect(row.summary).toContain('K1/2026');
  });

  it('names the plan a class carries out to those who may open it, only the line to others', async () => {
    const c = await open({ code: 'K31/2026', planLineId });
    const byOfficer = await call(officer, { method: 'GET', url: `/api/classes/${c.id}` });
    expect(byOfficer.json().planLine).toEqual({
      id: planLineId,
      level: 'TRUNG_CAP',
      plan: { id: expect.any(Number), title: 'Kế hoạch 2026', year: 2026 },
    });
    // A commune reads the province's class but not the province's plan.
    const commune = await t.as('unit_officer', t.communeA);
    const byCommune = await call(commune, { method: 'GET', url: `/api/classes/${c.id}` });
    expect(byCommune.json().planLine).toEqual({ id: planLineId, level: 'TRUNG_CAP', plan: null });
    expect((await open({ code: 'K32/2026' })).planLine).toBeNull();
  });

  it('names every bad field: dates, programme, plan line of another kind, funding source, code', async () => {
    const other = await createProgramme(t, officer, {
      kind: 'IT',
      level: null,
      grantsKind: null,
      grantsLevel: null,
    });
    const res = await post(
      officer,
      '/api/classes',
      classBody({
        code: 'K/ /?',
        programmeId: other.id,
        planLineId,
        endsOn: '2026-01-01',
        budget: { NOPE: 1 },
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toBe('code,endsOn');
    const refs = await post(
      officer,
      '/api/classes',
      classBody({ code: 'K9/2026', programmeId: other.id, planLineId, budget: { NOPE: 1 } }),
    );
    expect(refs.statusCode).toBe(400);
    expect(fieldsOf(refs)).toBe('planLineId,budget.NOPE');
    const missing = await post(officer, '/api/classes', classBody({ code: 'K9/2026', programmeId: 999999 }));
    expect(fieldsOf(missing)).toBe('programmeId');
  });

  it('moves through the life cycle, refuses other moves (409) and needs a reason to cancel', async () => {
    const c = await open({ code: 'K3/2026' });
    const move = (to: string, comment?: string) =>
      post(officer, `/api/classes/${c.id}/status`, { to, comment });
    expect((await move('finished')).statusCode).toBe(409);
    expect((await move('open_for_nomination')).json().nextStatuses).toEqual([
      'planned',
      'running',
      'cancelled',
    ]);
    expect((await move('running')).statusCode).toBe(200);
    expect((await move('finished')).json().status).toBe('finished');
    // A finished class no longer takes sessions or edits.
    expect((await post(officer, `/api/classes/${c.id}/sessions`, session())).statusCode).toBe(409);
    const edit = await call(officer, {
      method: 'PATCH',
      url: `/api/classes/${c.id}`,
      payload: { name: 'x', version: 5 },
    });
    expect(edit.statusCode).toBe(409);
    const closed = (await move('closed')).json() as Detail;
    expect(closed.events.map((e) => e.toStatus)).toEqual([
      'closed',
      'finished',
      'running',
      'open_for_nomination',
      'planned',
    ]);

    const d = await open({ code: 'K4/2026' });
    const cancel = await post(officer, `/api/classes/${d.id}/status`, { to: 'cancelled' });
    expect(fieldsOf(cancel)).toBe('comment');
    const ok = await post(officer, `/api/classes/${d.id}/status`, {
      to: 'cancelled',
      comment: 'Không đủ học viên',
    });
    expect(ok.json().status).toBe('cancelled');
  });

  it('edits with the version read; a stale version is a 409', async () => {
    const c = await open({ code: 'K5/2026' });
    const patch = (payload: object) =>
      call(officer, { method: 'PATCH', url: `/api/classes/${c.id}`, payload });
    const ok = await patch({ capacity: 45, venue: 'Hội trường A', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ capacity: 45, venue: 'Hội trường A', version: 2 });
    expect((await patch({ capacity: 50, version: 1 })).statusCode).toBe(409);
    expect(fieldsOf(await patch({ endsOn: '2026-01-01', version: 2 }))).toBe('endsOn');
  });

  it('schedules sessions and warns of lecturer and room clashes with other classes', async () => {
    const a = await open({ code: 'K6/2026' });
    const b = await open({ code: 'K7/2026' });
    const first = await post(officer, `/api/classes/${a.id}/sessions`, session());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().sessions[0]).toMatchObject({
      topicName: 'Triết học Mác - Lênin',
      lecturerName: 'TS. Nguyễn Văn Giảng',
    });
    expect(first.json().clashes).toEqual([]);
    // Same lecturer, same room (typed differently), overlapping hours in another class.
    const clash = await post(
      officer,
      `/api/classes/${b.id}/sessions`,
      session({ startsAt: '09:00', endsAt: '10:30', room: ' phòng 201' }),
    );
    expect(clash.statusCode).toBe(200);
    const warnings = (clash.json() as Detail).clashes;
    expect(warnings.map((w) => [w.kind, w.other.classCode])).toEqual([
      ['lecturer', 'K6/2026'],
      ['room', 'K6/2026'],
    ]);
    expect(warnings[0].message.vi).toContain('Giảng viên cũng dạy lớp K6/2026');
    // Back to back is no clash; moving the session clears the warning.
    const sid = (clash.json() as Detail).sessions[0].id;
    const moved = await call(officer, {
      method: 'PUT',
      url: `/api/classes/${b.id}/sessions/${sid}`,
      payload: session({ startsAt: '11:00', endsAt: '12:00' }),
    });
    expect(moved.json().clashes).toEqual([]);
    // A cancelled class clashes with nobody.
    expect(
      (await post(officer, `/api/classes/${a.id}/sessions`, session({ day: '2026-03-03' }))).statusCode,
    ).toBe(200);
    const c2 = await post(officer, `/api/classes/${b.id}/sessions`, session({ day: '2026-03-03' }));
    expect(c2.json().clashes).toHaveLength(2);
    await post(officer, `/api/classes/${a.id}/status`, { to: 'cancelled', comment: 'Gộp lớp' });
    expect((await call(officer, { method: 'GET', url: `/api/classes/${b.id}` })).json().clashes).toEqual([]);

    const bad = await post(
      officer,
      `/api/classes/${b.id}/sessions`,
      session({ day: '2027-01-01', topicCode: 'NOPE', lecturerId: 999999, endsAt: '07:00' }),
    );
    expect(fieldsOf(bad)).toBe('endsAt');
    const bad2 = await post(
      officer,
      `/api/classes/${b.id}/sessions`,
      session({ day: '2027-01-01', topicCode: 'NOPE', lecturerId: 999999 }),
    );
    expect(fieldsOf(bad2)).toBe('day,topicCode,lecturerId');
    const del = await call(officer, { method: 'DELETE', url: `/api/classes/${b.id}/sessions/${sid}` });
    expect(del.json().sessions.map((s: { id: number }) => s.id)).not.toContain(sid);
    expect(
      (await call(officer, { method: 'DELETE', url: `/api/classes/${b.id}/sessions/${sid}` })).statusCode,
    ).toBe(404);
  });

  it("lets the institution's staff manage its classes, units below read them, others get 403/404/401", async () => {
    const c = await open({ code: 'K8/2026' });
    const staff = await t.as('institution_staff', school);
    expect((await call(staff, { method: 'GET', url: `/api/classes/${c.id}` })).json().canManage).toBe(true);
    expect(
      (await post(staff, `/api/classes/${c.id}/sessions`, session({ lecturerId: null }))).statusCode,
    ).toBe(200);

    const commune = await t.as('unit_officer', t.communeA);
    const seen = await call(commune, { method: 'GET', url: `/api/classes/${c.id}` });
    expect(seen.json()).toMatchObject({ canManage: false, nextStatuses: [] });
    expect(
      (await post(commune, `/api/classes/${c.id}/status`, { to: 'open_for_nomination' })).statusCode,
    ).toBe(403);
    expect((await post(commune, '/api/classes', classBody({ code: 'K99/2026' }))).statusCode).toBe(403);

    const stranger = await t.as('training_officer', await makeUnit(t.handle.db, { name: 'Tỉnh Khác' }));
    for (const r of [
      { method: 'GET', url: `/api/classes/${c.id}` },
      { method: 'PATCH', url: `/api/classes/${c.id}`, payload: { name: 'x', version: 1 } },
      { method: 'POST', url: `/api/classes/${c.id}/status`, payload: { to: 'cancelled', comment: 'x' } },
      { method: 'POST', url: `/api/classes/${c.id}/sessions`, payload: session({ lecturerId: null }) },
    ] as InjectOptions[])
      expect((await call(stranger, r)).statusCode, `${r.method} ${r.url}`).toBe(404);
    expect((await call(stranger, { method: 'GET', url: '/api/classes' })).json().total).toBe(0);
    // Their own plan line and programme are not the stranger's to use.
    const foreign = await post(stranger, '/api/classes', classBody({ code: 'K1/2026', planLineId }));
    expect(fieldsOf(foreign)).toBe('programmeId,institutionId,planLineId');

    const learner = await t.as('learner', t.root);
    expect((await call(learner, { method: 'GET', url: '/api/classes' })).statusCode).toBe(403);
    expect((await call(null, { method: 'GET', url: '/api/classes' })).statusCode).toBe(401);
  });

  it('shows plan vs actual per line, per kind and in total; cancelled classes do not count', async () => {
    const plan = await post(officer, '/api/plans', { year: 2027, title: 'Kế hoạch 2027' });
    const line = await post(officer, `/api/plans/${plan.json().id}/lines`, {
      programmeKind: 'POLITICAL_THEORY',
      level: 'TRUNG_CAP',
      classes: 4,
      trainees: 200,
      budget: { NST: 1_000_000_000 },
    });
    const lineId = line.json().id;
    const y27 = { startsOn: '2027-03-01', endsOn: '2027-05-30', planLineId: lineId };
    const a = await open({ ...y27, code: 'K1/2027', capacity: 60, budget: { NST: 300_000_000 } });
    await open({ ...y27, code: 'K2/2027', capacity: 50, budget: { NST: 150_000_000, NSDV: 50_000_000 } });
    const c = await open({ ...y27, code: 'K3/2027', capacity: 40, budget: { NST: 100_000_000 } });
    await open({ code: 'K4/2027', startsOn: '2027-03-01', endsOn: '2027-03-05' });
    for (const to of ['open_for_nomination', 'running', 'finished'])
      expect((await post(officer, `/api/classes/${a.id}/status`, { to })).statusCode).toBe(200);
    // Trainees are the approved learners (12), not the seats (60); the withdrawn one does not count.
    await seatLearners(t.handle.db, a.id, school, 12);
    await seatLearners(t.handle.db, a.id, school, 1, 'withdrawn');
    await seatLearners(t.handle.db, c.id, school, 3);
    await post(officer, `/api/classes/${c.id}/status`, { to: 'cancelled', comment: 'Gộp lớp' });

    const res = await call(officer, { method: 'GET', url: `/api/plans/${plan.json().id}/actual` });
    expect(res.statusCode, res.body).toBe(200);
    const expected = {
      plannedClasses: 4,
      plannedTrainees: 200,
      plannedBudget: 1_000_000_000,
      openedClasses: 1,
      finishedClasses: 1,
      actualTrainees: 12,
      committedBudget: 500_000_000,
      classesPct: 25,
      traineesPct: 6,
    };
    expect(res.json().lines).toEqual([
      { lineId, programmeKind: 'POLITICAL_THEORY', level: 'TRUNG_CAP', ...expected },
    ]);
    expect(res.json().byKind).toEqual([{ programmeKind: 'POLITICAL_THEORY', ...expected }]);
    expect(res.json()).toMatchObject({ total: expected, unplannedClasses: 1 });

    const stranger = await t.as('training_officer', await makeUnit(t.handle.db, { name: 'Tỉnh Xa' }));
    expect(
      (await call(stranger, { method: 'GET', url: `/api/plans/${plan.json().id}/actual` })).statusCode,
    ).toBe(404);
    const learner = await t.as('learner', t.root);
    expect(
      (await call(learner, { method: 'GET', url: `/api/plans/${plan.json().id}/actual` })).statusCode,
    ).toBe(403);
  });

  it('sorts the list by a whitelisted key, Vietnamese names in reading order; other keys are a 400', async () => {
    const made = [
      { code: 'S1/2029', name: 'Lớp Đào tạo nguồn', startsOn: '2029-03-02', endsOn: '2029-03-20' },
      { code: 'S2/2029', name: 'Lớp Dân vận', startsOn: '2029-05-04', endsOn: '2029-05-30' },
      { code: 'S3/2029', name: 'Lớp Ánh sáng', startsOn: '2029-04-01', endsOn: '2029-04-20' },
    ];
    for (const c of made) await open({ ...c, planLineId: undefined });
    const list = async (s: Session, sort: string) => {
      const res = await call(s, { method: 'GET', url: `/api/classes?year=2029&sort=${sort}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { code: string }[]).map((c) => c.code);
    };
    expect(await list(officer, 'name')).toEqual(['S3/2029', 'S2/2029', 'S1/2029']);
    expect(await list(officer, '-name')).toEqual(['S1/2029', 'S2/2029', 'S3/2029']);
    expect(await list(officer, 'startsOn')).toEqual(['S1/2029', 'S3/2029', 'S2/2029']);
    expect(await list(officer, '-code')).toEqual(['S3/2029', 'S2/2029', 'S1/2029']);
    for (const bad of ['bogus', '-bogus', 'name;drop', 'status']) {
      const res = await call(officer, { method: 'GET', url: `/api/classes?sort=${encodeURIComponent(bad)}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    // Sorting never widens what a reader sees.
    const stranger = await t.as('training_officer', await makeUnit(t.handle.db, { name: 'Tỉnh Khác' }));
    expect(await list(stranger, 'name')).toEqual([]);
  });
});
