/**
 * The case through HTTP (ADR 025): a class scheduled 14-18 December 2026, read on
 * 5 December and on the days after. Every refused step answers 409 TOO_EARLY (or 400 for a
 * printed day) with when it becomes possible, and leaves every row of the class as it was.
 */
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { classNominations } from '../../db/schema/index';
import type { Clock } from '../../lib/dates';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makeSchool, openRegister, type School } from '../../test/fixtures/certificates';
import { commit, csvOf, upload } from '../../test/fixtures/imports';
import { makePerson } from '../../test/fixtures/org';

/** A clock the test moves: "now" as a UTC instant. */
function movableClock() {
  let now = '2026-12-05T02:00:00Z';
  const clock: Clock = { now: () => new Date(now) };
  const set = (iso: string) => {
    now = iso;
  };
  return { clock, set };
}

const PID = (i: number) => `02208700001${i}`;

describe.each(testBackends())('class calendar routes (%s)', (kind) => {
  const time = movableClock();
  // Sessions live 30 days on this clock: the logins of 5 December still hold on the 19th.
  const t = useTestApp(kind, { clock: time.clock, env: { SESSION_HOURS: '720' } });
  let s: School;
  let classId: number;
  let sessions: { id: number; day: string; startsAt: string }[];
  let nominations: number[];
  let test: number;
  let essay: number;
  const call = (who: Session | null, opts: InjectOptions) => t.call(who, opts);
  const post = (who: Session, url: string, payload: object = {}) =>
    call(who, { method: 'POST', url, payload });
  const put = (who: Session, url: string, payload: object) => call(who, { method: 'PUT', url, payload });
  const get = (who: Session, url: string) => call(who, { method: 'GET', url });
  const move = (to: string) => post(s.officer, `/api/classes/${classId}/status`, { to });

  /** Every row of the class and what hangs on it: what a refused request must not change. */
  async function snapshot() {
    const q = async (query: ReturnType<typeof sql>) => rowsOf(await t.handle.db.execute(query));
    return {
      cls: await q(sql`select * from classes where id = ${classId}`),
      sessions: await q(sql`select * from class_sessions where class_id = ${classId} order by id`),
      nominations: await q(sql`select * from class_nominations where class_id = ${classId} order by id`),
      attendance: await q(sql`select a.* from class_attendance a join class_sessions s on s.id = a.session_id
        where s.class_id = ${classId} order by a.session_id, a.nomination_id`),
      assessments: await q(sql`select * from class_assessments where class_id = ${classId} order by id`),
      scores: await q(sql`select s.* from class_scores s join class_assessments a on a.id = s.assessment_id
        where a.class_id = ${classId} order by s.assessment_id, s.nomination_id`),
      results: await q(sql`select * from class_results where class_id = ${classId} order by nomination_id`),
      certificates: await q(sql`select * from certificates where class_id = ${classId} order by id`),
      qualifications: await q(sql`select count(*)::int as n from qualifications where source = 'class'`),
      events: await q(sql`select * from class_events where class_id = ${classId} order by id`),
    };
  }

  /** The request is refused with `status`, `code` and the message, and nothing of the class changed. */
  async function refused(
    request: () => Promise<{
      statusCode: number;
      json(): { error: { code: string; message: string; details?: unknown } };
    }>,
    status: number,
    code: string,
    message: string | RegExp,
  ) {
    const before = await snapshot();
    const res = await request();
    expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
    expect(res.json().error.code).toBe(code);
    if (typeof message === 'string') expect(res.json().error.message).toBe(message);
    else expect(res.json().error.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
    return res.json().error;
  }

  const allMarks = (sessionIds: number[]) =>
    nominations.flatMap((nominationId) =>
      sessionIds.map((sessionId) => ({ sessionId, nominationId, status: 'present' })),
    );
  const scores = (assessmentId: number, score: number) =>
    nominations.map((nominationId) => ({ assessmentId, nominationId, score }));

  beforeAll(async () => {
    s = await makeSchool(t);
    await openRegister(t, s);
    const cls = await post(s.officer, '/api/classes', {
      code: 'K14/2026',
      name: 'Lớp 14-18 tháng 12',
      programmeId: s.programmeId,
      institutionId: s.institutionId,
      startsOn: '2026-12-14',
      endsOn: '2026-12-18',
      mode: 'in_person',
      capacity: 10,
    });
    expect(cls.statusCode, cls.body).toBe(200);
    classId = cls.json().id;
    for (const [day, startsAt, endsAt] of [
      ['2026-12-14', '07:30', '11:00'],
      ['2026-12-18', '07:30', '11:00'],
      ['2026-12-18', '13:30', '17:00'],
    ]) {
      const res = await post(s.officer, `/api/classes/${classId}/sessions`, { day, startsAt, endsAt });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Starting is not held back (offices open the register a few days ahead).
    for (const to of ['open_for_nomination', 'running']) expect((await move(to)).statusCode).toBe(200);
    nominations = [];
    for (let i = 1; i <= 2; i++) {
      const p = await makePerson(t.handle.db, t.communeA, {
        personalId: PID(i),
        fullName: `Lê Thị Lịch ${i}`,
      });
      const [n] = await t.handle.db
        .insert(classNominations)
        .values({ classId, personId: p.id, unitId: t.communeA.id, status: 'approved' })
        .returning();
      nominations.push(n.id);
    }
    const a1 = await post(s.staff, `/api/classes/${classId}/assessments`, { name: 'Kiểm tra', kind: 'test' });
    const a2 = await post(s.staff, `/api/classes/${classId}/assessments`, {
      name: 'Tiểu luận',
      kind: 'essay',
      heldOn: '2026-12-17',
    });
    expect(a2.statusCode, a2.body).toBe(200);
    [test, essay] = [a1.json().id, a2.json().id];
    sessions = (await get(s.staff, `/api/classes/${classId}/attendance`)).json().sessions;
  });

  it('on 5 December: shows what waits and refuses to finish, mark attendance or enter scores', async () => {
    const detail = (await get(s.officer, `/api/classes/${classId}`)).json();
    expect(detail.nextStatuses).toEqual(['finished']);
    expect(detail.notYet.finished).toEqual({
      possibleFrom: '2026-12-18T17:00:00+07:00',
      message: {
        vi: 'Lớp chưa thể kết thúc: buổi học cuối kết thúc lúc 17:00 ngày 18/12/2026.',
        en: 'The class cannot finish yet: its last session ends at 17:00 on 18/12/2026.',
      },
    });
    expect(detail.notYet.closed.possibleFrom).toBe('2026-12-18T17:00:00+07:00');
    expect(detail.notYet.certificates.possibleFrom).toBe('2026-12-18T17:00:00+07:00');

    const finish = await refused(
      () => move('finished'),
      409,
      'TOO_EARLY',
      'Lớp chưa thể kết thúc: buổi học cuối kết thúc lúc 17:00 ngày 18/12/2026.',
    );
    expect(finish.details).toEqual({ possibleFrom: '2026-12-18T17:00:00+07:00' });
    const english = await call(s.officer, {
      method: 'POST',
      url: `/api/classes/${classId}/status`,
      payload: { to: 'finished' },
      headers: { 'x-dtbd-lang': 'en' },
    });
    expect(english.json().error.message).toBe(
      'The class cannot finish yet: its last session ends at 17:00 on 18/12/2026.',
    );

    const sheet = (await get(s.staff, `/api/classes/${classId}/attendance`)).json();
    expect(sheet.sessions.map((x: { notYet: { possibleFrom: string } }) => x.notYet.possibleFrom)).toEqual([
      '2026-12-14T07:30:00+07:00',
      '2026-12-18T07:30:00+07:00',
      '2026-12-18T13:30:00+07:00',
    ]);
    await refused(
      () => put(s.staff, `/api/classes/${classId}/attendance`, { marks: allMarks([sessions[0].id]) }),
      409,
      'TOO_EARLY',
      'Chưa thể điểm danh buổi 14/12/2026 07:30–11:00: buổi học chưa bắt đầu; có thể từ 07:30 ngày 14/12/2026.',
    );
    // The grade book's sheet names the cell, with the same reason, and writes nothing.
    const beforeSheet = await snapshot();
    const sheetImport = await post(s.staff, `/api/classes/${classId}/sheets/attendance/import`, {
      text: `STT;Số định danh;14/12/2026 07:30\n1;${PID(1)};C`,
      dryRun: false,
    });
    expect(await snapshot()).toEqual(beforeSheet);
    expect(sheetImport.json()).toMatchObject({
      written: 0,
      errors: [
        {
          row: 2,
          column: '14/12/2026 07:30',
          message:
            'Chưa thể điểm danh buổi 14/12/2026 07:30–11:00: buổi học chưa bắt đầu; có thể từ 07:30 ngày 14/12/2026.',
        },
      ],
    });

    const grid = (await get(s.staff, `/api/classes/${classId}/scores`)).json();
    expect(grid.assessments.map((a: { heldOn: string | null }) => a.heldOn)).toEqual([null, '2026-12-17']);
    await refused(
      () => put(s.staff, `/api/classes/${classId}/scores`, { scores: scores(test, 8) }),
      409,
      'TOO_EARLY',
      'Chưa thể nhập điểm “Kiểm tra”: lớp chưa bắt đầu, buổi học đầu tiên lúc 07:30 ngày 14/12/2026.',
    );
    await refused(
      () => put(s.staff, `/api/classes/${classId}/scores`, { scores: scores(essay, 8) }),
      409,
      'TOO_EARLY',
      'Chưa thể nhập điểm “Tiểu luận”: bài diễn ra ngày 17/12/2026; có thể từ 00:00 ngày 17/12/2026.',
    );
  });

  it('the results import refuses the same cells, naming the assessment column', async () => {
    const sheet = csvOf([
      ['Số định danh', 'Họ và tên', 'Kiểm tra', 'Tiểu luận'],
      [PID(1), 'Lê Thị Lịch 1', '8', ''],
      [PID(2), 'Lê Thị Lịch 2', '', '7'],
    ]);
    const before = await snapshot();
    const b = (await upload(t, s.officer, 'results', sheet, { classId })).json();
    expect(b).toMatchObject({ totalRows: 2, errorRows: 2 });
    const errors = (await get(s.officer, `/api/imports/${b.id}/errors`)).json().items;
    expect(
      errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [2, 'Kiểm tra', 'TOO_EARLY'],
      [3, 'Tiểu luận', 'TOO_EARLY'],
    ]);
    expect((await commit(t, s.officer, b.id, 'valid')).json()).toMatchObject({ writtenRows: 0 });
    const after = await snapshot();
    expect(after.scores).toEqual(before.scores);
    expect(after.cls).toEqual(before.cls);
  });

  it('assessment days stay within the class; a scored one does not move to a day to come', async () => {
    await refused(
      () =>
        put(s.staff, `/api/classes/${classId}/assessments/${essay}`, {
          name: 'Tiểu luận',
          kind: 'essay',
          heldOn: '2026-12-20',
        }),
      400,
      'VALIDATION_FAILED',
      /heldOn \(phải trong thời gian của lớp \(14\/12\/2026 – 18\/12\/2026\)\)/,
    );
  });

  it('once the first session starts: its attendance and undated scores, nothing ahead', async () => {
    time.set('2026-12-14T01:00:00Z'); // 08:00 in Vietnam
    const first = await put(s.staff, `/api/classes/${classId}/attendance`, {
      marks: allMarks([sessions[0].id]),
    });
    expect(first.statusCode, first.body).toBe(200);
    await refused(
      () => put(s.staff, `/api/classes/${classId}/attendance`, { marks: allMarks([sessions[1].id]) }),
      409,
      'TOO_EARLY',
      'Chưa thể điểm danh buổi 18/12/2026 07:30–11:00: buổi học chưa bắt đầu; có thể từ 07:30 ngày 18/12/2026.',
    );
    const scored = await put(s.staff, `/api/classes/${classId}/scores`, { scores: scores(test, 7) });
    expect(scored.statusCode, scored.body).toBe(200);
    // Clearing a mark stays possible whatever the day (it records nothing).
    const cleared = await put(s.staff, `/api/classes/${classId}/attendance`, {
      marks: [{ sessionId: sessions[1].id, nominationId: nominations[0], status: null }],
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    // A scored assessment does not move to a day that has not come.
    await refused(
      () =>
        put(s.staff, `/api/classes/${classId}/assessments/${test}`, {
          name: 'Kiểm tra',
          kind: 'test',
          heldOn: '2026-12-16',
        }),
      400,
      'VALIDATION_FAILED',
      /heldOn \(bài đã có điểm: không dời sang ngày chưa tới được\)/,
    );
  });

  it('on the last day: attendance of held sessions, scores, and finishing at 17:00, not at 16:59', async () => {
    time.set('2026-12-18T09:59:00Z'); // 16:59 in Vietnam
    const ok = await put(s.staff, `/api/classes/${classId}/attendance`, {
      marks: allMarks(sessions.map((x) => x.id)),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    for (const a of [test, essay]) {
      const res = await put(s.staff, `/api/classes/${classId}/scores`, { scores: scores(a, 8) });
      expect(res.statusCode, res.body).toBe(200);
    }
    // A session with attendance does not move to a time that has not come.
    await refused(
      () =>
        put(s.officer, `/api/classes/${classId}/sessions/${sessions[2].id}`, {
          day: '2026-12-18',
          startsAt: '17:30',
          endsAt: '19:00',
        }),
      409,
      'TOO_EARLY',
      /^Buổi học đã có điểm danh: không dời sang 18\/12\/2026 17:30/,
    );
    await refused(() => move('finished'), 409, 'TOO_EARLY', /17:00 ngày 18\/12\/2026/);
    time.set('2026-12-18T10:00:00Z'); // 17:00
    const finished = await move('finished');
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().notYet).toEqual({ finished: null, closed: null, certificates: null });
  });

  it("a province's days after the last session hold back certificates and closing until midnight (UTC+7)", async () => {
    const policy = await post(s.officer, '/api/policies/class.calendar', {
      value: { attendanceLeadMinutes: 0, closeAfterDays: 0, certificatesAfterDays: 1 },
      effectiveFrom: '2026-12-01',
      legalSource: 'Quyết định thử nghiệm của tỉnh',
    });
    expect(policy.statusCode, policy.body).toBe(200);
    time.set('2026-12-18T16:59:00Z'); // 23:59 on the 18th in Vietnam
    const wait =
      'Chưa thể cấp chứng chỉ: buổi học cuối kết thúc lúc 17:00 ngày 18/12/2026, và theo quy định của tỉnh phải sau ngày học cuối 1 ngày; có thể từ 00:00 ngày 19/12/2026.';
    expect((await get(s.staff, `/api/classes/${classId}/certificates`)).json().notYet).toEqual({
      possibleFrom: '2026-12-19T00:00:00+07:00',
      message: { vi: wait, en: expect.stringContaining('possible from 00:00 on 19/12/2026') },
    });
    await refused(() => post(s.staff, `/api/classes/${classId}/certificates/issue`), 409, 'TOO_EARLY', wait);
    await refused(() => move('closed'), 409, 'TOO_EARLY', /^Lớp chưa thể đóng: .*00:00 ngày 19\/12\/2026\.$/);

    time.set('2026-12-18T17:00:00Z'); // 00:00 on the 19th in Vietnam, still the 18th in UTC
    await refused(
      () => post(s.staff, `/api/classes/${classId}/certificates/issue`, { issuedOn: '2026-12-20' }),
      400,
      'VALIDATION_FAILED',
      'Dữ liệu không hợp lệ: issuedOn (không được sau hôm nay (19/12/2026))',
    );
    await refused(
      () => post(s.staff, `/api/classes/${classId}/certificates/issue`, { issuedOn: '2026-12-18' }),
      400,
      'VALIDATION_FAILED',
      /issuedOn \(không được trước ngày 19\/12\/2026/,
    );
    const issued = await post(s.staff, `/api/classes/${classId}/certificates/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().issued).toBe(2);
    expect(issued.json().items.map((c: { issuedOn: string }) => c.issuedOn)).toEqual([
      '2026-12-19',
      '2026-12-19',
    ]);
    // A paper replacing one is dated between the certificate and today, never ahead.
    const certId = issued.json().items[0].id;
    await refused(
      () => post(s.staff, `/api/certificates/${certId}/replace`, { reason: 'Mất', issuedOn: '2026-12-25' }),
      400,
      'VALIDATION_FAILED',
      /issuedOn \(phải từ ngày cấp chứng chỉ \(19\/12\/2026\) đến hôm nay \(19\/12\/2026\)\)/,
    );
    expect((await move('closed')).statusCode).toBe(200);
  });
});
