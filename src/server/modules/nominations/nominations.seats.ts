/**
 * Seats in the database (ADR 012). Every change runs in a transaction that first locks the class
 * row (`for update`), so two officers taking the last seat queue one behind the other; the
 * counters then move by conditional updates (`seats_taken < capacity`, `taken < seats`) and the
 * check constraints `classes_seats_ck` and `class_quotas_taken_ck` refuse anything past them,
 * whatever code path writes.
 */
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { classNominations, nominationEvents } from '../../db/schema/index';
import { readTogether } from '../../db/together';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { AppError } from '../../lib/errors';
import { notifyNominationEvent } from './nominations.notify';
import { seatStateOf, waitlistOf } from './nominations.queries';
import { classTakesChanges, promotions } from './nominations.rules';

const SEAT_GONE = new AppError('CONFLICT', {
  message: { vi: 'Chỗ vừa được người khác nhận; hãy tải lại.', en: 'The seat was just taken; reload.' },
});

/** Lock the class row for the rest of the transaction. */
export async function lockClassRow(q: Queryable, classId: number): Promise<void> {
  await q.execute(sql`select id from classes where id = ${classId} for update`);
}

export async function takeSeat(q: Queryable, classId: number, quotaUnitId: number | null): Promise<void> {
  const c = rowsOf(
    await q.execute(sql`update classes set seats_taken = seats_taken + 1
      where id = ${classId} and seats_taken < capacity returning id`),
  );
  if (c.length === 0) throw SEAT_GONE;
  if (quotaUnitId === null) return;
  const qq = rowsOf(
    await q.execute(sql`update class_quotas set taken = taken + 1
      where class_id = ${classId} and unit_id = ${quotaUnitId} and taken < seats returning id`),
  );
  if (qq.length === 0) throw SEAT_GONE;
}

export async function releaseSeat(q: Queryable, classId: number, quotaUnitId: number | null): Promise<void> {
  await q.execute(sql`update classes set seats_taken = seats_taken - 1 where id = ${classId}`);
  if (quotaUnitId !== null)
    await q.execute(sql`update class_quotas set taken = taken - 1
      where class_id = ${classId} and unit_id = ${quotaUnitId}`);
}

export interface EventInput {
  /** nominate, approve, reject, withdraw, substitute, promote, waitlist: some notify (ADR 042). */
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  comment?: string | null;
}

export async function addEvent(
  q: Queryable,
  actor: Actor | null,
  clock: Clock,
  nominationId: number,
  e: EventInput,
): Promise<void> {
  await q.insert(nominationEvents).values({
    nominationId,
    action: e.action,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    comment: e.comment ?? null,
    userId: actor?.userId || null,
    at: clock.now(),
  });
  await notifyNominationEvent(q, actor, nominationId, e.action, e.comment ?? null);
}

/**
 * Give freed seats to the waitlist, in order (the pure `promotions` decides), while the class
 * has not finished. Each promoted nomination becomes `pending` again with an event and an audit
 * row. Returns the ids promoted.
 */
export async function promoteWaitlist(
  q: Queryable,
  actor: Actor,
  clock: Clock,
  c: { id: number; code: string; status: Parameters<typeof classTakesChanges>[0]; organiserPath: string },
): Promise<number[]> {
  if (!classTakesChanges(c.status)) return [];
  const [state, waitlist] = await readTogether(
    q,
    () => seatStateOf(q, c.id),
    () => waitlistOf(q, c.id),
  );
  const ids = promotions(state, waitlist);
  for (const id of ids) {
    const w = waitlist.find((x) => x.id === id)!;
    await takeSeat(q, c.id, w.quotaUnitId);
    await q
      .update(classNominations)
      .set({ status: 'pending', queuedAt: null, updatedAt: clock.now() })
      .where(eq(classNominations.id, id));
    await addEvent(q, actor, clock, id, {
      action: 'promote',
      fromStatus: 'waitlisted',
      toStatus: 'pending',
      comment: 'Tự động nhận chỗ vừa trống / promoted to a freed seat',
    });
    await audit(q, actor, {
      action: 'nomination.promote',
      entity: 'nomination',
      entityId: id,
      summary: `${c.code}: #${id} waitlisted -> pending`,
      scopePath: c.organiserPath,
    });
  }
  return ids;
}
