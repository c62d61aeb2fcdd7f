import { eq, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NominationsView } from '../../../contracts/nominations';
import { rowsOf } from '../../db/rows';
import { auditLog, classNominations } from '../../db/schema/index';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { fieldsOf } from '../../test/fixtures/catalogue';
import { buildNominationWorld, type NominationWorld } from '../../test/fixtures/nominations';
import { makePerson, type PersonRow, type UnitRow } from '../../test/fixtures/org';

describe.each(testBackends())('nominations routes (%s)', (kind) => {
  const t = useTestApp(kind);
  let world: NominationWorld;
  let w: NominationWorld['gap'];
  let officer: Session;
  let staff: Session;
  let district: Session;
  let outsider: Session;
  let otherDistrict: UnitRow;
  let programmeId: number;
  const call = (s: Session | null, opts: InjectOptions) => t.call(s, opts);
  const post = (s: Session | null, url: string, payload: object) => call(s, { method: 'POST', url, payload });
  const viewOf = async (s: Session, id: number) => {
    const res = await call(s, { method: 'GET', url: `/api/classes/${id}/nominations` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as NominationsView;
  };

  /** A class of the programme at the school, open for nomination. */
  const openClass = (over: Record<string, unknown> = {}) => world.openClass(over);
  const nominate = (s: Session, classId: number, personId: number, confirm = false) =>
    post(s, `/api/classes/${classId}/nominations`, { personId, confirm });
  const itemOf = (v: NominationsView, personId: number) => v.items.find((i) => i.personId === personId)!;

  beforeAll(async () => {
    world = await buildNominationWorld(t, { code: 'N', name: 'Lớp trung cấp lý luận chính trị' });
    ({ gap: w, officer, staff, district, otherDistrict, programmeId } = world);
    outsider = await t.as('unit_officer', otherDistrict);
  });

  it('takes seats, waits in line when the quota is used up, and promotes when a seat frees', async () => {
    const id = await openClass({ capacity: 3 });
    const quotas = await call(officer, {
      method: 'PUT',
      url: `/api/classes/${id}/quotas`,
      payload: { quotas: [{ unitId: w.commune.id, seats: 1 }] },
    });
    expect(quotas.statusCode, quotas.body).toBe(200);
    const second = await makePerson(t.handle.db, w.commune, { fullName: 'Đỗ Thị Hai' });

    // The assistant proposes Cường (commune chair without political theory).
    const hints = await call(district, { method: 'GET', url: `/api/classes/${id}/nominations/suggestions` });
    expect(hints.statusCode, hints.body).toBe(200);
    expect(hints.json().ruleCodes.length).toBeGreaterThan(0);
    const cuongHint = hints.json().items.find((i: { personId: number }) => i.personId === w.cuong.id);
    expect(cuongHint.gaps[0]).toMatchObject({ status: 'missing' });
    expect(hints.json().items.some((i: { personId: number }) => i.personId === w.binh.id)).toBe(false);

    const check = await post(district, `/api/classes/${id}/nominations/check`, { personId: w.cuong.id });
    expect(check.json()).toMatchObject({ warnings: [], outcome: 'seat', outcomeReason: null });
    const first = await nominate(district, id, w.cuong.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(itemOf(first.json(), w.cuong.id)).toMatchObject({ status: 'pending', quotaUnitId: w.commune.id });
    const again = await nominate(district, id, w.cuong.id);
    expect(again.statusCode).toBe(409);

    const waitCheck = await post(district, `/api/classes/${id}/nominations/check`, { personId: second.id });
    expect(waitCheck.json()).toMatchObject({ outcome: 'waitlist', outcomeReason: 'QUOTA_FULL' });
    const waiting = (await nominate(district, id, second.id)).json() as NominationsView;
    expect(itemOf(waiting, second.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(waiting).toMatchObject({ taken: 1, pending: 1, waitlisted: 1, pool: { seats: 2, taken: 0 } });
    const hints2 = await call(district, { method: 'GET', url: `/api/classes/${id}/nominations/suggestions` });
    expect(hints2.json().items.some((i: { personId: number }) => i.personId === w.cuong.id)).toBe(false);

    // The school approves; rejecting needs a reason.
    const cuong = itemOf(waiting, w.cuong.id);
    const noReason = await post(staff, `/api/classes/${id}/nominations/${cuong.id}/decision`, {
      decision: 'reject',
    });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toBe('reason');
    const byDistrict = await post(district, `/api/classes/${id}/nominations/${cuong.id}/decision`, {
      decision: 'approve',
    });
    expect(byDistrict.statusCode).toBe(403);
    const approved = await post(staff, `/api/classes/${id}/nominations/${cuong.id}/decision`, {
      decision: 'approve',
    });
    expect(itemOf(approved.json(), w.cuong.id).status).toBe('approved');
    const waitingItem = itemOf(approved.json(), second.id);
    const early = await post(staff, `/api/classes/${id}/nominations/${waitingItem.id}/decision`, {
      decision: 'approve',
    });
    expect(early.statusCode).toBe(409);

    // Cường withdraws: Hai takes the quota seat at once.
    const out = await post(district, `/api/classes/${id}/nominations/${cuong.id}/withdraw`, {
      reason: 'Ốm dài ngày',
    });
    expect(out.statusCode, out.body).toBe(200);
    const after = out.json() as NominationsView;
    expect(itemOf(after, w.cuong.id)).toMatchObject({ status: 'withdrawn', reason: 'Ốm dài ngày' });
    expect(itemOf(after, second.id)).toMatchObject({ status: 'pending', waitlistPosition: null });
    expect(itemOf(after, second.id).events.map((e) => e.action)).toEqual(['nominate', 'promote']);
    expect(after.quotas).toEqual([
      { unitId: w.commune.id, unitName: w.commune.name, seats: 1, taken: 1, waitlisted: 0 },
    ]);
    const actions = (await t.handle.db.select().from(auditLog).where(eq(auditLog.entity, 'nomination'))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'nomination.create',
        'nomination.approve',
        'nomination.withdraw',
        'nomination.promote',
      ]),
    );
  });

  it('warns before sending someone who holds the qualification or is in another class then', async () => {
    const id = await openClass();
    const check = await post(district, `/api/classes/${id}/nominations/check`, { personId: w.binh.id });
    expect(check.json().warnings.map((x: { code: string }) => x.code)).toEqual([
      'HOLDS_QUALIFICATION',
      'TOPICS_COVERED',
    ]);
    const unconfirmed = await nominate(district, id, w.binh.id);
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error).toMatchObject({ code: 'NEEDS_CONFIRMATION' });
    expect(unconfirmed.json().error.details.warnings[0].vi).toContain('Đã có');
    const sent = await nominate(district, id, w.binh.id, true);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(itemOf(sent.json(), w.binh.id).warnings.map((x) => x.code)).toContain('HOLDS_QUALIFICATION');

    const same = await openClass({ startsOn: '2027-05-01', endsOn: '2027-05-10' });
    const clash = await post(district, `/api/classes/${same}/nominations/check`, { personId: w.binh.id });
    const codes = clash.json().warnings.map((x: { code: string }) => x.code);
    expect(codes).toContain('LEARNER_CLASH');
    expect(clash.json().warnings.find((x: { code: string }) => x.code === 'LEARNER_CLASH').vi).toContain('N');
  });

  it('counts a class completed before as content covered', async () => {
    const done = await openClass({ startsOn: '2026-01-05', endsOn: '2026-02-27' });
    await t.handle.db.insert(classNominations).values({
      classId: done,
      personId: w.an.id,
      unitId: w.agency.id,
      status: 'approved',
    });
    await t.handle.db.execute(sql`update classes set status = 'finished' where id = ${done}`);
    const id = await openClass({ startsOn: '2027-09-01', endsOn: '2027-09-30' });
    const check = await post(district, `/api/classes/${id}/nominations/check`, { personId: w.an.id });
    expect(check.json().warnings.map((x: { code: string }) => x.code)).toEqual(['TOPICS_COVERED']);
    const overlap = await call(district, {
      method: 'GET',
      url: `/api/programmes/${programmeId}/overlap?personId=${w.an.id}`,
    });
    expect(overlap.statusCode, overlap.body).toBe(200);
    expect(overlap.json().coveredTopics[0].via).toEqual([{ source: 'class', id: done }]);
  });

  it('takes nominations only while open and before the deadline', async () => {
    const id = await openClass({ nominationDeadline: '2026-11-19' });
    const late = await nominate(district, id, w.an.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('19/11/2026');
    const v = await viewOf(district, id);
    expect(v).toMatchObject({ open: false, canNominate: false, deadline: '2026-11-19' });
    const back = await post(officer, `/api/classes/${id}/status`, { to: 'planned' });
    expect(back.statusCode).toBe(200);
    const planned = await nominate(officer, id, w.an.id);
    expect(planned.statusCode).toBe(409);
  });

  it('substitutes within the same quota unit and keeps both records', async () => {
    const id = await openClass({ capacity: 5 });
    await call(officer, {
      method: 'PUT',
      url: `/api/classes/${id}/quotas`,
      payload: { quotas: [{ unitId: w.commune.id, seats: 2 }] },
    });
    const sub = await makePerson(t.handle.db, w.commune, { fullName: 'Vũ Văn Thay' });
    const sent = (await nominate(district, id, w.cuong.id)).json() as NominationsView;
    const n = itemOf(sent, w.cuong.id);
    const wrongUnit = await post(district, `/api/classes/${id}/nominations/${n.id}/substitute`, {
      personId: w.an.id,
      reason: 'Đổi người',
    });
    expect(wrongUnit.statusCode).toBe(400);
    expect(fieldsOf(wrongUnit)).toBe('personId');
    const res = await post(district, `/api/classes/${id}/nominations/${n.id}/substitute`, {
      personId: sub.id,
      reason: 'Phân công công tác khác',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as NominationsView;
    const old = itemOf(v, w.cuong.id);
    const fresh = itemOf(v, sub.id);
    expect(old).toMatchObject({
      status: 'substituted',
      replacedById: fresh.id,
      reason: 'Phân công công tác khác',
    });
    expect(fresh).toMatchObject({ status: 'pending', replacesId: old.id });
    expect(v).toMatchObject({ taken: 1, quotas: [{ taken: 1 }] });
  });

  it('keeps quotas within the capacity and the seats held, and the capacity above them', async () => {
    const id = await openClass({ capacity: 3 });
    const put = (s: Session, quotas: object[]) =>
      call(s, { method: 'PUT', url: `/api/classes/${id}/quotas`, payload: { quotas } });
    expect((await put(officer, [{ unitId: w.commune.id, seats: 4 }])).statusCode).toBe(400);
    expect((await put(district, [{ unitId: w.commune.id, seats: 1 }])).statusCode).toBe(403);
    expect((await put(staff, [{ unitId: w.commune.id, seats: 1 }])).statusCode).toBe(404);
    // Confirmed: by now both have warnings from the classes before.
    expect((await nominate(district, id, w.cuong.id, true)).statusCode).toBe(200);
    expect((await nominate(district, id, w.an.id, true)).statusCode).toBe(200);
    const squeezed = await put(officer, [{ unitId: w.agency.id, seats: 3 }]);
    expect(squeezed.statusCode).toBe(400);
    expect(squeezed.json().error.message).toContain('chỗ chung');
    const ok = await put(officer, [{ unitId: w.district.id, seats: 2 }]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ quotas: [{ seats: 2, taken: 2 }], pool: { seats: 1, taken: 0 } });
    const c = (await call(officer, { method: 'GET', url: `/api/classes/${id}` })).json();
    const shrink = await call(officer, {
      method: 'PATCH',
      url: `/api/classes/${id}`,
      payload: { capacity: 1, version: c.version },
    });
    expect(shrink.statusCode).toBe(400);
    expect(fieldsOf(shrink)).toBe('capacity');
  });

  it('shows a unit officer only their subtree, and hides the class and people of others', async () => {
    const id = await openClass({ capacity: 10 });
    const elsewhere = await makePerson(t.handle.db, otherDistrict, { fullName: 'Người Huyện Khác' });
    expect((await nominate(outsider, id, elsewhere.id)).statusCode).toBe(200);
    expect((await nominate(outsider, id, w.cuong.id)).statusCode).toBe(404);
    await nominate(district, id, w.cuong.id, true);
    const mine = await viewOf(district, id);
    expect(mine.items.map((i) => i.personId)).toEqual([w.cuong.id]);
    expect(mine.hiddenCount).toBe(1);
    const all = await viewOf(staff, id);
    expect(all.items).toHaveLength(2);
    const theirs = itemOf(all, elsewhere.id);
    const peek = await post(district, `/api/classes/${id}/nominations/${theirs.id}/withdraw`, {
      reason: 'x',
    });
    expect(peek.statusCode).toBe(404);
    expect((await call(null, { method: 'GET', url: `/api/classes/${id}/nominations` })).statusCode).toBe(401);
    const lecturer = await t.as('lecturer', t.root);
    expect((await nominate(lecturer, id, w.cuong.id)).statusCode).toBe(403);
    // A class organised by the other district is out of this district's sight.
    const theirsClass = await post(await t.as('training_officer', otherDistrict), '/api/classes', {
      code: 'BK1/2027',
      name: 'Lớp của huyện bên kia',
      programmeId,
      startsOn: '2027-03-01',
      endsOn: '2027-03-05',
      mode: 'in_person',
      capacity: 5,
    });
    const hidden = theirsClass.json().id;
    expect(
      (await call(district, { method: 'GET', url: `/api/classes/${hidden}/nominations` })).statusCode,
    ).toBe(404);
    expect(
      (await call(district, { method: 'GET', url: `/api/classes/${hidden}/nominations/suggestions` }))
        .statusCode,
    ).toBe(404);
  });

  it("sorts a class's nominations by a whitelisted key, names in Vietnamese order, in scope; other keys are a 400", async () => {
    const id = await openClass({ capacity: 10 });
    const names = ['Nguyễn Văn Đức', 'Nguyễn Văn Dũng', 'Nguyễn Văn Bình', 'Nguyễn Văn Bản'];
    for (const fullName of names) {
      const p = await makePerson(t.handle.db, w.commune, { fullName });
      const res = await nominate(officer, id, p.id, true);
      expect(res.statusCode, res.body).toBe(200);
    }
    const elsewhere = await makePerson(t.handle.db, otherDistrict, { fullName: 'Nguyễn Văn An' });
    expect((await nominate(outsider, id, elsewhere.id)).statusCode).toBe(200);
    const list = async (s: Session, sort: string) => {
      const res = await call(s, { method: 'GET', url: `/api/classes/${id}/nominations?sort=${sort}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as NominationsView).items.map((i) => i.personName);
    };
    const byName = ['Nguyễn Văn Bản', 'Nguyễn Văn Bình', 'Nguyễn Văn Dũng', 'Nguyễn Văn Đức'];
    expect(await list(district, 'personName')).toEqual(byName);
    expect(await list(district, '-personName')).toEqual([...byName].reverse());
    expect(await list(district, 'nominatedAt')).toEqual(names);
    expect(await list(staff, 'personName')).toEqual(['Nguyễn Văn An', ...byName]);
    expect(await list(outsider, '-personName')).toEqual(['Nguyễn Văn An']);
    for (const bad of ['bogus', 'reason', 'personName desc', '+personName']) {
      const res = await call(officer, {
        method: 'GET',
        url: `/api/classes/${id}/nominations?sort=${encodeURIComponent(bad)}`,
      });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('withdraws everyone when the class is cancelled', async () => {
    const id = await openClass({ capacity: 1 });
    // Both are sent to other classes at the same time by now: confirmed.
    await nominate(district, id, w.cuong.id, true);
    await nominate(district, id, w.an.id, true);
    const cancel = await post(officer, `/api/classes/${id}/status`, {
      to: 'cancelled',
      comment: 'Thiếu kinh phí',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const v = await viewOf(officer, id);
    expect(v.items.map((i) => i.status)).toEqual(['withdrawn', 'withdrawn']);
    expect(v).toMatchObject({ taken: 0, pending: 0, waitlisted: 0 });
    expect(v.items[0].reason).toContain('Thiếu kinh phí');
  });

  it('gives the last seat to one of many officers sending at once', async () => {
    const id = await openClass({ capacity: 1 });
    const crowd: PersonRow[] = [];
    for (let i = 0; i < 8; i++)
      crowd.push(await makePerson(t.handle.db, w.agency, { fullName: `Người Thứ ${i}` }));
    const officers = await Promise.all(crowd.map(() => t.as('unit_officer', w.district)));
    const results = await Promise.all(crowd.map((p, i) => nominate(officers[i], id, p.id)));
    expect(results.map((r) => r.statusCode)).toEqual(crowd.map(() => 200));
    const v = await viewOf(officer, id);
    expect(v.items.filter((i) => i.status === 'pending')).toHaveLength(1);
    expect(v.items.filter((i) => i.status === 'waitlisted')).toHaveLength(7);
    const [row] = rowsOf<{ seats_taken: number }>(
      await t.handle.db.execute(sql`select seats_taken from classes where id = ${id}`),
    );
    expect(Number(row.seats_taken)).toBe(1);
    // The database itself refuses a second seat, whatever code path tries.
    await expect(
      t.handle.db.execute(sql`update classes set seats_taken = seats_taken + 1 where id = ${id}`),
    ).rejects.toThrow();
  });
});
