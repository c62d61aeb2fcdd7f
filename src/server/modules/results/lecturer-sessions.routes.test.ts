/**
 * A lecturer's login takes attendance of the sessions it teaches only (ADR 063): a class shared
 * by two lecturers, each session its own. Refused writes change nothing (whole rows compared);
 * the training officer keeps every session.
 */

import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';
import { seatLearners } from '../../test/fixtures/nominations';
import { makeUnit } from '../../test/fixtures/org';

describe.each(testBackends())('a lecturer marks its own sessions only (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2026-11-30T03:00:00Z') });
  let officer: Session;
  let teacher: Session;
  let classId: number;
  let mine: number;
  let theirs: number;
  let learners: number[];
  const call = (s: Session, opts: InjectOptions) => t.call(s, opts);
  const post = (s: Session, url: string, payload: object) => call(s, { method: 'POST', url, payload });
  const get = (s: Session, url: string) => call(s, { method: 'GET', url });
  const putMarks = (s: Session, marks: object[], lang = 'vi') =>
    call(s, {
      method: 'PUT',
      url: `/api/classes/${classId}/attendance`,
      payload: { marks },
      headers: { 'x-dtbd-lang': lang },
    });
  const mark = (sessionId: number, status: string | null) =>
    learners.map((nominationId) => ({ sessionId, nominationId, status }));
  /** Every attendance row of the class, whole, in a stable order. */
  const rowsNow = async () =>
    rowsOf(
      await t.handle.db.execute(sql`select a.* from class_attendance a
        join class_sessions s on s.id = a.session_id where s.class_id = ${classId}
        order by a.session_id, a.nomination_id`),
    );

  async function lecturer(fullName: string) {
    const res = await post(officer, '/api/lecturers', { kind: 'invited', fullName });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as number;
  }
  async function session(startsAt: string, endsAt: string, lecturerId: number) {
    const res = await post(officer, `/api/classes/${classId}/sessions`, {
      day: '2026-11-02',
      startsAt,
      endsAt,
      lecturerId,
    });
    expect(res.statusCode, res.body).toBe(200);
    // The class comes back with its sessions.
    const added = res.json().sessions.find((x: { startsAt: string }) => x.startsAt === startsAt);
    return added.id as number;
  }

  beforeAll(async () => {
    const school = await makeUnit(t.handle.db, { parent: t.root, name: 'Trường Chính trị', level: 'agency' });
    officer = await t.as('training_officer', t.root);
    const admin = await t.as('admin', t.root);
    const me = await lecturer('Phạm Thị Mời');
    const other = await lecturer('Lê Văn Khác');
    const programme = await createProgramme(t, officer, { code: 'P-GV4' });
    const cls = await post(officer, '/api/classes', {
      code: 'GV4/2026',
      name: 'Lớp hai giảng viên',
      programmeId: programme.id,
      organiserUnitId: t.communeA.id,
      startsOn: '2026-11-02',
      endsOn: '2026-11-20',
      mode: 'in_person',
      capacity: 10,
    });
    expect(cls.statusCode, cls.body).toBe(200);
    classId = cls.json().id;
    mine = await session('07:30', '11:00', me);
    theirs = await session('13:30', '17:00', other);
    for (const to of ['open_for_nomination', 'running'])
      expect((await post(officer, `/api/classes/${classId}/status`, { to })).statusCode).toBe(200);
    await seatLearners(t.handle.db, classId, t.communeA, 2);
    const made = await post(admin, '/api/users', {
      username: 'gv.moi',
      displayName: 'Phạm Thị Mời',
      role: 'lecturer',
      scopeUnitId: school.id,
      lecturerId: me,
      password: 'Hoa-Sen-Do-2026!',
    });
    expect(made.statusCode, made.body).toBe(200);
    teacher = await t.login('gv.moi', 'Hoa-Sen-Do-2026!');
    const sheet = (await get(officer, `/api/classes/${classId}/attendance`)).json();
    learners = sheet.learners.map((l: { nominationId: number }) => l.nominationId);
    // The other lecturer's session already has its marks, entered by the officer.
    expect((await putMarks(officer, mark(theirs, 'present'))).statusCode).toBe(200);
  });

  it('shows every session, editable only where the login teaches', async () => {
    const sheet = (await get(teacher, `/api/classes/${classId}/attendance`)).json();
    expect(sheet.sessions.map((s: { id: number; canEdit: boolean }) => [s.id, s.canEdit])).toEqual([
      [mine, true],
      [theirs, false],
    ]);
    const asOfficer = (await get(officer, `/api/classes/${classId}/attendance`)).json();
    expect(asOfficer.sessions.every((s: { canEdit: boolean }) => s.canEdit)).toBe(true);
    const teaching = (await get(teacher, '/api/me/teaching')).json();
    expect(teaching.classes[0].sessions.map((s: { id: number }) => s.id)).toEqual([mine]);
  });

  it("refuses marks on another lecturer's session with a 403 naming it, and changes nothing", async () => {
    const before = await rowsNow();
    expect(before).toHaveLength(2);
    const changed = await putMarks(teacher, mark(theirs, 'absent'));
    expect(changed.statusCode).toBe(403);
    expect(changed.json().error.message).toContain('buổi 13:30 ngày 02/11/2026');
    const en = await putMarks(teacher, mark(theirs, null), 'en');
    expect(en.statusCode).toBe(403);
    expect(en.json().error.message).toContain('the session at 13:30 on 02/11/2026');
    // A mixed request is refused whole: its own session is not written either.
    const mixed = await putMarks(teacher, [...mark(mine, 'present'), ...mark(theirs, 'late')]);
    expect(mixed.statusCode).toBe(403);
    expect(await rowsNow()).toEqual(before);
  });

  it('refuses the cells of a sheet in sessions it does not teach, and offers its own columns', async () => {
    const template = await get(teacher, `/api/classes/${classId}/sheets/attendance/template.csv`);
    expect(template.statusCode, template.body).toBe(200);
    expect(template.body).toContain('02/11/2026 07:30');
    expect(template.body).not.toContain('02/11/2026 13:30');
    const names = (await get(teacher, `/api/classes/${classId}/attendance`)).json().learners as {
      fullName: string;
    }[];
    const before = await rowsNow();
    const text = [
      'STT;Họ và tên;02/11/2026 07:30;02/11/2026 13:30',
      `1;${names[0].fullName};C;K`,
      `2;${names[1].fullName};C;`,
    ].join('\n');
    const res = await post(teacher, `/api/classes/${classId}/sheets/attendance/import`, {
      text,
      dryRun: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ written: 0 });
    expect(res.json().errors).toEqual([
      // Row 2 of the sheet (the header is row 1).
      expect.objectContaining({ row: 2, column: '02/11/2026 13:30', value: 'K' }),
    ]);
    expect(res.json().errors[0].message).toContain('Giảng viên khác dạy buổi 13:30 ngày 02/11/2026');
    expect(await rowsNow()).toEqual(before);
  });

  it('marks its own session; the officer keeps every session; another subtree is out', async () => {
    const own = await putMarks(teacher, mark(mine, 'present'));
    expect(own.statusCode, own.body).toBe(200);
    const after = await rowsNow();
    expect(after.filter((r) => Number(r.session_id) === mine)).toHaveLength(2);
    const byOfficer = await putMarks(officer, [...mark(mine, 'late'), ...mark(theirs, 'excused')]);
    expect(byOfficer.statusCode, byOfficer.body).toBe(200);
    const statuses = (await rowsNow()).map((r) => [Number(r.session_id), r.status]);
    expect(statuses).toEqual([
      [mine, 'late'],
      [mine, 'late'],
      [theirs, 'excused'],
      [theirs, 'excused'],
    ]);
    const before = await rowsNow();
    const stranger = await t.as('training_officer', t.communeB);
    expect((await get(stranger, `/api/classes/${classId}/attendance`)).statusCode).toBe(404);
    expect((await putMarks(stranger, mark(mine, 'absent'))).statusCode).toBe(404);
    expect(await rowsNow()).toEqual(before);
  });
});
