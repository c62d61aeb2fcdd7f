import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme, fieldsOf } from '../../test/fixtures/catalogue';
import { seatLearners } from '../../test/fixtures/nominations';
import { makePerson, makeUnit } from '../../test/fixtures/org';

interface Results {
  stored: boolean;
  items: {
    fullName: string;
    passed: boolean;
    borderline: boolean;
    grade: string;
    average: number | null;
    reasons: { code: string }[];
  }[];
  counts: { passed: number; failed: number; borderline: number };
}

describe.each(testBackends())('attendance, scores and results (%s)', (kind) => {
  // After the sessions below (2-4 November) and the classes' last days: attendance, scores,
  // finishing and closing all wait for the schedule (ADR 025).
  const t = useTestApp(kind, { clock: fixedClock('2026-11-30T03:00:00Z') });
  let officer: Session;
  let staff: Session;
  let teacher: Session;
  let classId: number;
  let sessions: number[];
  let learners: { nominationId: number; fullName: string }[];
  const call = (s: Session | null, opts: InjectOptions) => t.call(s, opts);
  const post = (s: Session | null, url: string, payload: object) => call(s, { method: 'POST', url, payload });
  const put = (s: Session | null, url: string, payload: object) => call(s, { method: 'PUT', url, payload });
  const get = (s: Session | null, url: string) => call(s, { method: 'GET', url });
  const results = async () => (await get(staff, `/api/classes/${classId}/results`)).json() as Results;
  const byName = (r: Results, i: number) => r.items.find((x) => x.fullName === learners[i].fullName)!;

  beforeAll(async () => {
    const db = t.handle.db;
    const school = await makeUnit(db, { parent: t.root, name: 'Trường Chính trị', level: 'agency' });
    officer = await t.as('training_officer', t.root);
    staff = await t.as('institution_staff', school);
    const programme = await createProgramme(t, officer);
    const inst = await post(officer, '/api/institutions', {
      kind: 'PROVINCIAL_SCHOOL',
      name: 'Trường Chính trị',
      orgUnitId: school.id,
    });
    const who = await makePerson(db, school, { fullName: 'Trần Văn Giảng' });
    const lect = await post(officer, '/api/lecturers', {
      kind: 'internal',
      fullName: 'Trần Văn Giảng',
      personId: who.id,
    });
    expect(lect.statusCode, lect.body).toBe(200);
    teacher = await t.as('lecturer', school, { personId: who.id });
    const cls = await post(officer, '/api/classes', {
      code: 'K1/2026',
      name: 'Lớp bồi dưỡng',
      programmeId: programme.id,
      institutionId: inst.json().id,
      startsOn: '2026-11-02',
      endsOn: '2026-11-20',
      mode: 'in_person',
      capacity: 10,
    });
    classId = cls.json().id;
    for (const [i, day] of ['2026-11-02', '2026-11-03', '2026-11-04'].entries())
      await post(officer, `/api/classes/${classId}/sessions`, {
        day,
        startsAt: '07:30',
        endsAt: '11:00',
        lecturerId: i === 0 ? lect.json().id : null,
      });
    for (const to of ['open_for_nomination', 'running'])
      expect((await post(officer, `/api/classes/${classId}/status`, { to })).statusCode).toBe(200);
    await seatLearners(db, classId, t.communeA, 3);
    const sheet = (await get(staff, `/api/classes/${classId}/attendance`)).json();
    sessions = sheet.sessions.map((s: { id: number }) => s.id);
    learners = sheet.learners;
    const names = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from class_nominations where class_id = ${classId}`),
    );
    expect(Number(names[0].n)).toBe(3);
  });

  it('lets the lecturer of a session and the school mark attendance; others are refused', async () => {
    const marks = learners.flatMap((l, i) =>
      sessions.map((sessionId, j) => ({
        sessionId,
        nominationId: l.nominationId,
        status: i === 2 && j === 2 ? 'absent' : j === 1 && i === 0 ? 'late' : 'present',
      })),
    );
    // The lecturer marks the session it teaches (the first); the school marks the others (ADR 063).
    const own = marks.filter((m) => m.sessionId === sessions[0]);
    const res = await put(teacher, `/api/classes/${classId}/attendance`, { marks: own });
    expect(res.statusCode, res.body).toBe(200);
    const rest = marks.filter((m) => m.sessionId !== sessions[0]);
    expect((await put(teacher, `/api/classes/${classId}/attendance`, { marks: rest })).statusCode).toBe(403);
    const byStaff = await put(staff, `/api/classes/${classId}/attendance`, { marks: rest });
    expect(byStaff.statusCode, byStaff.body).toBe(200);
    const sheet = (await get(staff, `/api/classes/${classId}/attendance`)).json();
    expect(sheet.marks).toHaveLength(9);
    expect(sheet.canEdit).toBe(true);
    const other = await t.as('lecturer', t.root);
    expect((await get(other, `/api/classes/${classId}/attendance`)).statusCode).toBe(403);
    const viewer = await t.as('viewer', t.root);
    expect((await put(viewer, `/api/classes/${classId}/attendance`, { marks })).statusCode).toBe(403);
    const stranger = await t.as('training_officer', await makeUnit(t.handle.db, { name: 'Tỉnh Khác' }));
    expect((await get(stranger, `/api/classes/${classId}/attendance`)).statusCode).toBe(404);
    expect((await get(null, `/api/classes/${classId}/attendance`)).statusCode).toBe(401);
    const wrong = await put(staff, `/api/classes/${classId}/attendance`, {
      marks: [{ sessionId: sessions[0], nominationId: 999_999, status: 'present' }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong)).toBe('nominationId');
  });

  it('computes each result by the pass rule and bands, with the reasons', async () => {
    const test = (
      await post(staff, `/api/classes/${classId}/assessments`, { name: 'Kiểm tra', kind: 'test' })
    ).json();
    const essay = (
      await post(teacher, `/api/classes/${classId}/assessments`, {
        name: 'Tiểu luận',
        kind: 'essay',
        weight: 2,
      })
    ).json();
    const score = (i: number, a: { id: number }, s: number | null) => ({
      assessmentId: a.id,
      nominationId: learners[i].nominationId,
      score: s,
    });
    const bad = await put(staff, `/api/classes/${classId}/scores`, { scores: [score(0, test, 10.5)] });
    expect(bad.statusCode).toBe(400);
    const ok = await put(teacher, `/api/classes/${classId}/scores`, {
      scores: [
        score(0, test, 8),
        score(0, essay, 9),
        score(1, test, 5),
        score(1, essay, 5.2),
        score(2, test, 9),
        score(2, essay, 9),
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const r = await results();
    expect(r.stored).toBe(false);
    expect(byName(r, 0)).toMatchObject({ passed: true, grade: 'GIOI', average: 8.67 });
    expect(byName(r, 1)).toMatchObject({ passed: true, borderline: true, grade: 'TRUNG_BINH' });
    expect(byName(r, 2)).toMatchObject({
      passed: false,
      grade: 'KHONG_DAT',
      reasons: [{ code: 'ATTENDANCE' }],
    });
    const noNote = await put(staff, `/api/classes/${classId}/learners/${learners[1].nominationId}/conduct`, {
      rulesKept: false,
    });
    expect(noNote.statusCode).toBe(400);
    await put(staff, `/api/classes/${classId}/learners/${learners[1].nominationId}/conduct`, {
      rulesKept: false,
      disciplineNote: 'Sử dụng tài liệu khi kiểm tra',
    });
    expect(byName(await results(), 1)).toMatchObject({ passed: false, reasons: [{ code: 'RULES' }] });
  });

  it('stores results when the class finishes, follows corrections, and freezes them when closed', async () => {
    expect((await post(officer, `/api/classes/${classId}/status`, { to: 'finished' })).statusCode).toBe(200);
    const stored = await results();
    expect(stored).toMatchObject({ stored: true, counts: { passed: 1, failed: 2 } });
    // A wrong absence corrected after the end: the stored result follows.
    await put(staff, `/api/classes/${classId}/attendance`, {
      marks: [{ sessionId: sessions[2], nominationId: learners[2].nominationId, status: 'present' }],
    });
    expect(byName(await results(), 2)).toMatchObject({ passed: true, grade: 'XUAT_SAC' });
    const [row] = rowsOf<{ passed: boolean }>(
      await t.handle.db.execute(
        sql`select passed from class_results where nomination_id = ${learners[2].nominationId}`,
      ),
    );
    expect(row.passed).toBe(true);
    // Closing issues the certificates of the passed: the school's register must exist (ADR 014).
    const [{ institutionId }] = rowsOf<{ institutionId: number }>(
      await t.handle.db.execute(
        sql`select institution_id as "institutionId" from classes where id = ${classId}`,
      ),
    );
    const register = await post(staff, '/api/certificate-registers', {
      institutionId,
      schoolCode: 'TCT',
      issuerName: 'Trường Chính trị',
      place: 'Hạ Long',
      signerName: 'Nguyễn Văn Ký',
      signerTitle: 'Hiệu trưởng',
    });
    expect(register.statusCode, register.body).toBe(200);
    expect((await post(officer, `/api/classes/${classId}/status`, { to: 'closed' })).statusCode).toBe(200);
    const late = await put(staff, `/api/classes/${classId}/attendance`, {
      marks: [{ sessionId: sessions[2], nominationId: learners[2].nominationId, status: 'absent' }],
    });
    expect(late.statusCode).toBe(409);
  });

  it('gives a sheet to fill and reads it back, naming every error', async () => {
    const db = t.handle.db;
    const school = await makeUnit(db, { parent: t.root, name: 'Trung tâm Chính trị', level: 'agency' });
    const programme = await createProgramme(t, officer);
    const cls = await post(officer, '/api/classes', {
      code: 'K2/2026',
      name: 'Lớp thứ hai',
      programmeId: programme.id,
      startsOn: '2026-11-02',
      endsOn: '2026-11-27',
      mode: 'in_person',
      capacity: 10,
    });
    const id = cls.json().id;
    await post(officer, `/api/classes/${id}/sessions`, {
      day: '2026-11-02',
      startsAt: '07:30',
      endsAt: '11:00',
    });
    for (const to of ['open_for_nomination', 'running'])
      await post(officer, `/api/classes/${id}/status`, { to });
    await seatLearners(db, id, school, 2);
    const names = (await get(officer, `/api/classes/${id}/attendance`)).json().learners as {
      fullName: string;
    }[];
    const template = await get(officer, `/api/classes/${id}/sheets/attendance/template.csv`);
    expect(template.headers['content-type']).toContain('text/csv');
    expect(template.body).toContain('STT,Họ và tên,Ngày sinh,Số định danh,02/11/2026 07:30');
    expect(template.body).toContain(names[0].fullName);
    const sheet = [
      'STT;Họ và tên;Ngày sinh;02/11/2026 07:30;03/11/2026 07:30',
      `1;${names[0].fullName};04/03/1985;C;`,
      `2;${names[1].fullName.normalize('NFD')};;x;`,
      '3;Người Lạ;;C;',
    ].join('\n');
    const check = await post(officer, `/api/classes/${id}/sheets/attendance/import`, {
      text: sheet,
      dryRun: true,
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().errors).toEqual([
      expect.objectContaining({ row: 1, column: '03/11/2026 07:30' }),
      expect.objectContaining({
        row: 4,
        column: 'Họ và tên',
        value: 'Người Lạ',
        message: 'Không có học viên này trong lớp.',
      }),
      expect.objectContaining({ row: 3, column: '02/11/2026 07:30', value: 'x' }),
    ]);
    const refused = await post(officer, `/api/classes/${id}/sheets/attendance/import`, {
      text: sheet,
      dryRun: false,
    });
    expect(refused.json()).toMatchObject({ written: 0 });
    const fixed = [
      'STT;Họ và tên;Ngày sinh;02/11/2026 07:30',
      `1;${names[0].fullName};04/03/1985;C`,
      `2;${names[1].fullName};;vắng có phép`,
    ].join('\n');
    const done = await post(officer, `/api/classes/${id}/sheets/attendance/import`, {
      text: fixed,
      dryRun: false,
    });
    expect(done.json()).toEqual({ rows: 2, written: 2, errors: [], dryRun: false });
    const marks = (await get(officer, `/api/classes/${id}/attendance`))
      .json()
      .marks.map((m: { status: string }) => m.status);
    expect(marks.sort()).toEqual(['excused', 'present']);
  });
});
