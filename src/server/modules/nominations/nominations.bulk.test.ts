import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BulkResult } from '../../../contracts/nominations-bulk';
import { auditLog, classNominations, notifications, people } from '../../db/schema/index';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { buildNominationWorld, type NominationWorld } from '../../test/fixtures/nominations';
import { makePerson, type UnitRow } from '../../test/fixtures/org';

describe.each(testBackends())('bulk nominations and their notifications (%s)', (kind) => {
  const t = useTestApp(kind);
  let world: NominationWorld;
  let w: NominationWorld['gap'];
  let staff: Session;
  let district: Session;
  let otherDistrict: UnitRow;
  const call = (s: Session | null, opts: InjectOptions) => t.call(s, opts);
  const post = (s: Session | null, url: string, payload: object) => call(s, { method: 'POST', url, payload });
  const kindsOf = async (userId: number) =>
    (
      await t.handle.db
        .select({ kind: notifications.kind, params: notifications.params })
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(notifications.id)
    ).map((n) => `${n.kind}:${n.params.personName}`);
  const openClass = (capacity: number) => world.openClass({ capacity });

  beforeAll(async () => {
    world = await buildNominationWorld(t, { code: 'B', name: 'Lớp bồi dưỡng kỹ năng' });
    ({ gap: w, staff, district, otherDistrict } = world);
  });

  it('checks and sends several people at once, each on its own, an outsider refused unnamed', async () => {
    const id = await openClass(2);
    const a = await makePerson(t.handle.db, w.commune, { fullName: 'Phạm Văn Một', birthDate: '1985-04-02' });
    const b = await makePerson(t.handle.db, w.commune, { fullName: 'Vũ Thị Hai' });
    const c = await makePerson(t.handle.db, w.commune, { fullName: 'Hoàng Văn Ba' });
    const far = await makePerson(t.handle.db, otherDistrict, { fullName: 'Ngô Văn Xa' });
    const farBefore = await t.handle.db.select().from(people).where(eq(people.id, far.id));

    const check = await post(district, `/api/classes/${id}/nominations/bulk/check`, {
      personIds: [a.id, far.id],
    });
    expect(check.statusCode, check.body).toBe(200);
    const [ca, cfar] = check.json().items;
    expect(ca).toMatchObject({
      personId: a.id,
      fullName: 'Phạm Văn Một',
      birthDate: '1985-04-02',
      unitName: 'Xã Yên Lập',
      check: { outcome: 'seat', warnings: [] },
      error: null,
    });
    expect(cfar).toMatchObject({ personId: far.id, fullName: null, unitName: null, check: null });
    expect(cfar.error.code).toBe('NOT_FOUND');

    const res = await post(district, `/api/classes/${id}/nominations/bulk`, {
      personIds: [a.id, b.id, far.id, c.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as BulkResult;
    expect(out).toMatchObject({ done: 3, failed: 1 });
    expect(out.results.map((r) => [r.id, r.ok, r.status, r.error?.code ?? null])).toEqual([
      [a.id, true, 'pending', null],
      [b.id, true, 'pending', null],
      [far.id, false, null, 'NOT_FOUND'],
      [c.id, true, 'waitlisted', null],
    ]);
    expect(out.view).toMatchObject({ taken: 2, pending: 2, waitlisted: 1 });
    // Nothing of the outsider changed or leaked; one audit row per person sent.
    expect(await t.handle.db.select().from(people).where(eq(people.id, far.id))).toEqual(farBefore);
    expect(JSON.stringify(out)).not.toContain('Ngô Văn Xa');
    const audits = await t.handle.db
      .select({ entityId: auditLog.entityId })
      .from(auditLog)
      .where(eq(auditLog.action, 'nomination.create'));
    const mine = await t.handle.db
      .select({ id: classNominations.id })
      .from(classNominations)
      .where(eq(classNominations.classId, id));
    expect(mine).toHaveLength(3);
    for (const n of mine) expect(audits.map((x) => x.entityId)).toContain(String(n.id));

    // The same again: each person is refused on its own (already nominated), nothing changes.
    const again = (
      await post(district, `/api/classes/${id}/nominations/bulk`, { personIds: [a.id, b.id] })
    ).json();
    expect(again).toMatchObject({ done: 0, failed: 2 });
    expect(again.results.map((r: { error: { code: string } }) => r.error.code)).toEqual([
      'CONFLICT',
      'CONFLICT',
    ]);
    expect(again.view.items).toEqual(out.view.items);
  });

  it('approves, waitlists and rejects many at once, telling the sender and summoning the learner', async () => {
    const id = await openClass(3);
    const a = await makePerson(t.handle.db, w.commune, { fullName: 'Đinh Văn Bốn' });
    const b = await makePerson(t.handle.db, w.commune, { fullName: 'Lý Thị Năm' });
    const c = await makePerson(t.handle.db, w.commune, { fullName: 'Trịnh Văn Sáu' });
    const learner = await t.as('learner', w.commune, { personId: a.id });
    const sent = (
      await post(district, `/api/classes/${id}/nominations/bulk`, { personIds: [a.id, b.id, c.id] })
    ).json() as BulkResult;
    const nid = (personId: number) => sent.view.items.find((i) => i.personId === personId)!.id;
    const otherClass = await openClass(1);
    const foreign = (
      await post(district, `/api/classes/${otherClass}/nominations`, { personId: w.cuong.id, confirm: true })
    ).json().items[0].id as number;

    // The unit officer may not decide: each item 403, nothing moves.
    const refused = (
      await post(district, `/api/classes/${id}/nominations/bulk/decision`, {
        decision: 'approve',
        nominationIds: [nid(a.id)],
      })
    ).json();
    expect(refused.results[0].error.code).toBe('FORBIDDEN');
    expect(refused.view.items).toEqual(sent.view.items);

    const approved = await post(staff, `/api/classes/${id}/nominations/bulk/decision`, {
      decision: 'approve',
      nominationIds: [nid(a.id), nid(b.id), foreign],
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().results.map((r: { status: string | null }) => r.status)).toEqual([
      'approved',
      'approved',
      null,
    ]);
    expect(approved.json().results[2].error.code).toBe('NOT_FOUND');
    // The nomination of the other class did not move.
    const [still] = await t.handle.db.select().from(classNominations).where(eq(classNominations.id, foreign));
    expect(still.status).toBe('pending');

    const parked = await post(staff, `/api/classes/${id}/nominations/bulk/waitlist`, {
      nominationIds: [nid(c.id), nid(a.id)],
      reason: 'Ưu tiên đợt sau',
    });
    expect(parked.json().results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
    const parkedView = parked.json().view;
    expect(parkedView.items.find((i: { id: number }) => i.id === nid(c.id))).toMatchObject({
      status: 'waitlisted',
      reason: 'Ưu tiên đợt sau',
      waitlistPosition: 1,
    });
    expect(parkedView).toMatchObject({ taken: 2, approved: 2, waitlisted: 1 });

    const noReason = (
      await post(staff, `/api/classes/${id}/nominations/bulk/decision`, {
        decision: 'reject',
        nominationIds: [nid(c.id)],
      })
    ).json();
    expect(noReason.results[0].error.code).toBe('VALIDATION_FAILED');
    const rejected = (
      await post(staff, `/api/classes/${id}/nominations/bulk/decision`, {
        decision: 'reject',
        reason: 'Không đủ điều kiện',
        nominationIds: [nid(c.id)],
      })
    ).json();
    expect(rejected.results[0]).toMatchObject({ ok: true, status: 'rejected' });

    expect(await kindsOf(district.userId)).toEqual(
      expect.arrayContaining([
        'nomination.approved:Đinh Văn Bốn',
        'nomination.approved:Lý Thị Năm',
        'nomination.waitlisted:Trịnh Văn Sáu',
        'nomination.rejected:Trịnh Văn Sáu',
      ]),
    );
    expect(await kindsOf(learner.userId)).toEqual(['nomination.summoned:Đinh Văn Bốn']);
    // The one who acted is not told of their own action.
    expect(await kindsOf(staff.userId)).toEqual([]);

    // The learner reads it in the bell, in Vietnamese, with the class's link.
    const list = await call(learner, { method: 'GET', url: '/api/notifications' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, unread: 1 });
    expect(list.json().items[0]).toMatchObject({
      kind: 'nomination.summoned',
      title: `Triệu tập học lớp B${world.seq - 1}/2027`,
      link: `/classes/${id}`,
      readAt: null,
    });
  });

  it('needs a session and refuses a malformed bulk body', async () => {
    expect((await post(null, '/api/classes/1/nominations/bulk', { personIds: [1] })).statusCode).toBe(401);
    const dup = await post(district, '/api/classes/1/nominations/bulk', { personIds: [5, 5] });
    expect(dup.statusCode).toBe(400);
    const empty = await post(district, '/api/classes/1/nominations/bulk/decision', {
      decision: 'approve',
      nominationIds: [],
    });
    expect(empty.statusCode).toBe(400);
  });
});
