import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JoinRequest, MyClass } from '../../../contracts/self-service';
import { rowsOf } from '../../db/rows';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';
import { makeUnit, type UnitRow } from '../../test/fixtures/org';
import { buildGapWorld } from '../../test/fixtures/standards';

type World = Awaited<ReturnType<typeof buildGapWorld>>;
interface OpenItem {
  id: number;
  code: string;
  request: { id: number; status: string } | null;
  nomination: { status: string } | null;
  canRequest: boolean;
}

describe.each(testBackends())('self-service and join requests (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-11-20T08:00:00Z') });
  let w: World;
  let officer: Session;
  let district: Session;
  let outsider: Session;
  let cuong: Session;
  let binh: Session;
  let otherDistrict: UnitRow;
  let programmeId: number;
  let seq = 0;
  const call = (s: Session | null, opts: InjectOptions) => t.call(s, opts);
  const get = (s: Session | null, url: string) => call(s, { method: 'GET', url });
  const post = (s: Session | null, url: string, payload: object = {}) =>
    call(s, { method: 'POST', url, payload });

  /** A class of the programme, organised by the officer's unit, moved to `to`. */
  const makeClass = async (by: Session, over: Record<string, unknown> = {}, to = ['open_for_nomination']) => {
    seq += 1;
    const res = await post(by, '/api/classes', {
      code: `S${seq}/2028`,
      name: `Lớp bồi dưỡng ${seq}`,
      programmeId,
      startsOn: '2028-03-01',
      endsOn: '2028-03-20',
      mode: 'in_person',
      capacity: 5,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id as number;
    for (const s of to) {
      const moved = await post(by, `/api/classes/${id}/status`, { to: s });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    return id;
  };
  const request = (s: Session, classId: number, note?: string) =>
    post(s, '/api/me/join-requests', { classId, note });
  const openOf = async (s: Session, id: number) =>
    ((await get(s, '/api/me/open-classes')).json().items as OpenItem[]).find((c) => c.id === id);

  beforeAll(async () => {
    w = await buildGapWorld(t);
    otherDistrict = await makeUnit(t.handle.db, { parent: t.root, name: 'Huyện Bên Kia', level: 'district' });
    officer = await t.as('training_officer', t.root);
    district = await t.as('unit_officer', w.district);
    outsider = await t.as('unit_officer', otherDistrict);
    cuong = await t.as('learner', w.commune, { personId: w.cuong.id });
    binh = await t.as('learner', w.agency, { personId: w.binh.id });
    programmeId = (await createProgramme(t, officer)).id;
  });

  it('keeps /me routes to learners and the officer side to those who nominate', async () => {
    for (const url of ['/api/me/classes', '/api/me/open-classes', '/api/me/join-requests']) {
      expect((await get(null, url)).statusCode).toBe(401);
      expect((await get(district, url)).statusCode).toBe(403);
      expect((await get(officer, url)).statusCode).toBe(403);
    }
    expect((await request(district, 1)).statusCode).toBe(403);
    expect((await get(cuong, '/api/join-requests')).statusCode).toBe(403);
    expect((await post(cuong, '/api/join-requests/1/decline', { reason: 'x' })).statusCode).toBe(403);
  });

  it('lists the open classes my unit sees and takes one pending request per class', async () => {
    const id = await makeClass(officer, { nominationDeadline: '2027-12-01' });
    const elsewhere = await makeClass(await t.as('training_officer', otherDistrict));
    const late = await makeClass(officer, { nominationDeadline: '2027-11-19' });
    const planned = await makeClass(officer, {}, []);
    const open = (await get(cuong, '/api/me/open-classes')).json().items as OpenItem[];
    const ids = open.map((c) => c.id);
    expect(ids).toContain(id);
    for (const hidden of [elsewhere, late, planned]) expect(ids).not.toContain(hidden);
    expect(open.find((c) => c.id === id)).toMatchObject({
      request: null,
      nomination: null,
      canRequest: true,
    });

    // Another subtree's class is not there to ask for; a class past its deadline or not open is refused.
    expect((await request(cuong, elsewhere)).statusCode).toBe(404);
    expect((await request(cuong, late)).statusCode).toBe(409);
    expect((await request(cuong, planned)).statusCode).toBe(409);

    const made = await request(cuong, id, '  Xin được đi học để đáp ứng tiêu chuẩn chức danh ');
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({
      status: 'pending',
      note: 'Xin được đi học để đáp ứng tiêu chuẩn chức danh',
      person: { id: w.cuong.id, fullName: 'Lê Văn Cường', unitName: 'Xã Yên Lập' },
      class: { id, status: 'open_for_nomination' },
      nomination: null,
      classOpen: true,
    });
    const again = await request(cuong, id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    expect(await openOf(cuong, id)).toMatchObject({ request: { status: 'pending' }, canRequest: false });

    // Only the learner's own: another learner neither lists nor cancels it.
    const mine = (await get(binh, '/api/me/join-requests')).json().items as JoinRequest[];
    expect(mine.map((r) => r.id)).not.toContain(made.json().id);
    expect((await post(binh, `/api/me/join-requests/${made.json().id}/cancel`)).statusCode).toBe(404);

    // The unit officer over the person sees it; another subtree's officer does not, and gets 404.
    const theirs = (await get(district, '/api/join-requests?status=pending')).json().items as JoinRequest[];
    expect(theirs.map((r) => r.id)).toContain(made.json().id);
    const outside = (await get(outsider, '/api/join-requests')).json().items as JoinRequest[];
    expect(outside).toHaveLength(0);
    expect((await post(outsider, `/api/join-requests/${made.json().id}/accept`, {})).statusCode).toBe(404);
    expect(
      (await post(outsider, `/api/join-requests/${made.json().id}/decline`, { reason: 'Không' })).statusCode,
    ).toBe(404);

    // Cancelling frees the learner to ask again.
    const cancelled = await post(cuong, `/api/me/join-requests/${made.json().id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect((await post(cuong, `/api/me/join-requests/${made.json().id}/cancel`)).statusCode).toBe(409);
    expect(await openOf(cuong, id)).toMatchObject({ request: { status: 'cancelled' }, canRequest: true });
    expect((await request(cuong, id)).statusCode).toBe(200);
  });

  it('declines only with a reason, which the learner reads', async () => {
    const id = await makeClass(officer);
    const r = (await request(cuong, id)).json() as JoinRequest;
    const bare = await post(district, `/api/join-requests/${r.id}/decline`, {});
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('VALIDATION_FAILED');
    expect((await post(district, `/api/join-requests/${r.id}/decline`, { reason: '  ' })).statusCode).toBe(
      400,
    );
    const declined = await post(district, `/api/join-requests/${r.id}/decline`, {
      reason: 'Đơn vị đã cử đồng chí khác đợt này',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const mine = (await get(cuong, '/api/me/join-requests')).json().items as JoinRequest[];
    expect(mine.find((x) => x.id === r.id)).toMatchObject({
      status: 'declined',
      reason: 'Đơn vị đã cử đồng chí khác đợt này',
      decidedBy: expect.any(String),
    });
    expect((await post(district, `/api/join-requests/${r.id}/accept`, {})).statusCode).toBe(409);
  });

  it('accepts by sending the nomination, asking to confirm the warnings first', async () => {
    const id = await makeClass(officer);
    // Bình holds what the programme grants: the nomination warns.
    const r = (await request(binh, id, 'Muốn học lại')).json() as JoinRequest;
    const unconfirmed = await post(district, `/api/join-requests/${r.id}/accept`, {});
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error.code).toBe('NEEDS_CONFIRMATION');
    expect(unconfirmed.json().error.details.warnings.map((x: { code: string }) => x.code)).toContain(
      'HOLDS_QUALIFICATION',
    );
    const still = (await get(binh, '/api/me/join-requests')).json().items as JoinRequest[];
    expect(still.find((x) => x.id === r.id)).toMatchObject({ status: 'pending', nomination: null });
    const none = rowsOf(
      await t.handle.db.execute(sql`select 1 from class_nominations where class_id = ${id}`),
    );
    expect(none).toHaveLength(0);

    const accepted = await post(district, `/api/join-requests/${r.id}/accept`, { confirm: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', nomination: { status: 'pending' } });
    const view = (await get(officer, `/api/classes/${id}/nominations`)).json();
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({
      personId: w.binh.id,
      status: 'pending',
      note: 'Theo đề nghị của học viên: Muốn học lại',
    });
    expect(view.taken).toBe(1);

    // The learner sees the nomination, and cannot ask again while nominated.
    const classes = (await get(binh, '/api/me/classes')).json().items as MyClass[];
    expect(classes.find((c) => c.class.id === id)).toMatchObject({ status: 'pending', result: null });
    expect(await openOf(binh, id)).toMatchObject({ nomination: { status: 'pending' }, canRequest: false });
    expect((await request(binh, id)).statusCode).toBe(409);

    const audits = rowsOf<{ action: string }>(
      await t.handle.db.execute(sql`select action from audit_log
        where (entity = 'join_request' and entity_id = ${String(r.id)})
          or (entity = 'nomination' and entity_id = ${String(view.items[0].id)}) order by id`),
    );
    expect(audits.map((a) => a.action)).toEqual([
      'join_request.create',
      'nomination.create',
      'join_request.accept',
    ]);
  });

  it('waitlists through the request when the class is full', async () => {
    const id = await makeClass(officer, { capacity: 1 });
    const first = (await request(cuong, id)).json() as JoinRequest;
    await post(district, `/api/join-requests/${first.id}/accept`, { confirm: true });
    const other = await makeClass(officer, { capacity: 1 });
    const taken = await post(district, `/api/classes/${other}/nominations`, {
      personId: w.an.id,
      confirm: true,
    });
    expect(taken.statusCode, taken.body).toBe(200);
    const second = (await request(cuong, other)).json() as JoinRequest;
    const res = await post(district, `/api/join-requests/${second.id}/accept`, { confirm: true });
    expect(res.json()).toMatchObject({ status: 'accepted', nomination: { status: 'waitlisted' } });
    const mine = (await get(cuong, '/api/me/classes')).json().items as MyClass[];
    expect(mine.find((c) => c.class.id === other)).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
  });

  it('shows my attendance per session, my scores and my result with its reasons', async () => {
    const db = t.handle.db;
    const id = await makeClass(officer, { startsOn: '2027-11-02', endsOn: '2027-11-13' }, []);
    for (const day of ['2027-11-02', '2027-11-03'])
      expect(
        (await post(officer, `/api/classes/${id}/sessions`, { day, startsAt: '07:30', endsAt: '11:00' }))
          .statusCode,
      ).toBe(200);
    for (const to of ['open_for_nomination', 'running'])
      expect((await post(officer, `/api/classes/${id}/status`, { to })).statusCode).toBe(200);
    const [nom] = rowsOf<{ id: number }>(
      await db.execute(sql`insert into class_nominations (class_id, person_id, unit_id, status)
        values (${id}, ${w.dung.id}, ${w.dung.unitId}, 'approved') returning id`),
    );
    await db.execute(sql`update classes set seats_taken = 1 where id = ${id}`);
    // Someone else's marks and scores must not show up as the learner's.
    const [other] = rowsOf<{ id: number }>(
      await db.execute(sql`insert into class_nominations (class_id, person_id, unit_id, status)
        values (${id}, ${w.an.id}, ${w.an.unitId}, 'approved') returning id`),
    );
    const sheet = (await get(officer, `/api/classes/${id}/attendance`)).json();
    const [s1, s2] = sheet.sessions.map((s: { id: number }) => s.id);
    const marks = await call(officer, {
      method: 'PUT',
      url: `/api/classes/${id}/attendance`,
      payload: {
        marks: [
          { sessionId: s1, nominationId: Number(nom.id), status: 'present' },
          { sessionId: s2, nominationId: Number(nom.id), status: 'absent', reason: 'Ốm' },
          { sessionId: s1, nominationId: Number(other.id), status: 'absent' },
        ],
      },
    });
    expect(marks.statusCode, marks.body).toBe(200);
    const test = await post(officer, `/api/classes/${id}/assessments`, {
      name: 'Bài thu hoạch',
      kind: 'essay',
    });
    expect(test.statusCode, test.body).toBe(200);
    const scores = await call(officer, {
      method: 'PUT',
      url: `/api/classes/${id}/scores`,
      payload: {
        scores: [
          { assessmentId: test.json().id, nominationId: Number(nom.id), score: 8.5 },
          { assessmentId: test.json().id, nominationId: Number(other.id), score: 3 },
        ],
      },
    });
    expect(scores.statusCode, scores.body).toBe(200);
    expect((await post(officer, `/api/classes/${id}/status`, { to: 'finished' })).statusCode).toBe(200);

    const dung = await t.as('learner', w.agency, { personId: w.dung.id });
    const mine = (await get(dung, '/api/me/classes')).json().items as MyClass[];
    expect(mine).toHaveLength(1);
    const c = mine[0];
    expect(c).toMatchObject({ status: 'approved', class: { id, status: 'finished' } });
    expect(c.attendance).toMatchObject({ sessions: 2, attended: 1 });
    expect(c.attendance.items.map((s) => [s.day, s.mark, s.reason])).toEqual([
      ['2027-11-02', 'present', null],
      ['2027-11-03', 'absent', 'Ốm'],
    ]);
    expect(c.scores).toEqual([
      { assessmentId: test.json().id, name: 'Bài thu hoạch', kind: 'essay', weight: 1, score: 8.5 },
    ]);
    expect(c.result).toMatchObject({ stored: true, passed: false, attendancePct: 50, average: 8.5 });
    expect(c.result!.reasons.map((r) => r.code)).toContain('ATTENDANCE');
    // An's learner sees An's own class only.
    const an = await t.as('learner', w.agency, { personId: w.an.id });
    const ans = (await get(an, '/api/me/classes')).json().items as MyClass[];
    const inThis = ans.find((x) => x.class.id === id)!;
    expect(inThis.scores[0].score).toBe(3);
    expect(inThis.attendance.items.map((s) => s.mark)).toEqual(['absent', null]);
  });
});
