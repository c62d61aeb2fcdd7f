/**
 * What a change to the class itself does to its nominations (ADR 012), run by the class life
 * cycle (workflows/class-lifecycle.ts, ADR 031) inside the change's transaction: the capacity may
 * not fall under the seats held or the quotas given, a larger one promotes the waitlist, and a
 * cancelled class withdraws every live nomination with the cancellation's reason.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/dates';
import { fieldError, invalid } from '../../lib/errors';
import type { ClassRow } from '../classes/classes.queries';
import { addEvent, promoteWaitlist } from './nominations.seats';

/** Refuse a capacity under the seats held or the quotas given (400 on `capacity`). */
export async function checkCapacity(q: Queryable, c: ClassRow, capacity: number): Promise<void> {
  const [r] = rowsOf<{ given: number }>(
    await q.execute(
      sql`select coalesce(sum(seats), 0)::int as given from class_quotas where class_id = ${c.id}`,
    ),
  );
  const floor = Math.max(c.seatsTaken, Number(r.given));
  if (capacity < floor)
    throw invalid([
      fieldError(
        'capacity',
        `không được nhỏ hơn ${floor} (số chỗ đã có người giữ hoặc đã giao chỉ tiêu)`,
        `must not be below ${floor} (seats already held or given as quotas)`,
      ),
    ]);
}

export async function afterClassChange(q: Queryable, actor: Actor, clock: Clock, c: ClassRow): Promise<void> {
  await promoteWaitlist(q, actor, clock, c);
}

/** Every live nomination of a cancelled class is withdrawn with the reason; seats return to zero. */
export async function withdrawAllOfCancelled(
  q: Queryable,
  actor: Actor,
  clock: Clock,
  classId: number,
  reason: string,
): Promise<void> {
  const rows = rowsOf<{ id: number; status: string }>(
    await q.execute(sql`update class_nominations n set status = 'withdrawn', queued_at = null,
        reason = ${`Lớp bị hủy: ${reason}`}, updated_at = ${clock.now()}
      from class_nominations old where old.id = n.id and n.class_id = ${classId}
        and n.status in ('pending', 'approved', 'waitlisted')
      returning n.id, old.status`),
  );
  for (const r of rows)
    await addEvent(q, actor, clock, Number(r.id), {
      action: 'withdraw',
      fromStatus: r.status,
      toStatus: 'withdrawn',
      comment: `Lớp bị hủy / class cancelled: ${reason}`,
    });
  await q.execute(sql`update classes set seats_taken = 0 where id = ${classId}`);
  await q.execute(sql`update class_quotas set taken = 0 where class_id = ${classId}`);
}
