/**
 * A class's quotas replaced as a whole (ADR 012): every live nomination is re-charged to its
 * nearest quota unit, the seats each quota already holds are checked against the new numbers
 * (`quotaErrors`), the counters recounted, and the waitlist promoted into any seat that freed.
 * Runs inside the caller's transaction, after the class row is locked.
 */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { QuotasBody } from '../../../contracts/nominations';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { classQuotas } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, namedIn } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { conflict, fieldError, invalid } from '../../lib/errors';
import { getUnitInScope } from '../../lib/scope';
import type { ClassRow } from '../classes/classes.queries';
import { seatStateOf } from './nominations.queries';
import { classTakesChanges, quotaErrors } from './nominations.rules';
import { promoteWaitlist } from './nominations.seats';

/** 409 once a class has finished: its learners no longer change. */
export function refuseClosedClass(c: Pick<ClassRow, 'code' | 'status'>) {
  if (!classTakesChanges(c.status))
    throw conflict(
      `Lớp ${c.code} đã kết thúc: danh sách học viên không đổi được nữa.`,
      `Class ${c.code} has finished: its learners can no longer change.`,
    );
}

export async function replaceQuotas(
  tx: Queryable,
  actor: Actor,
  clock: Clock,
  c: ClassRow,
  body: z.infer<typeof QuotasBody>,
): Promise<void> {
  refuseClosedClass(c);
  const id = c.id;
  const units = [];
  for (const q of body.quotas) units.push({ ...q, unit: await getUnitInScope(tx, actor, q.unitId) });
  const before = await seatStateOf(tx, id);
  await tx.delete(classQuotas).where(eq(classQuotas.classId, id));
  if (units.length)
    await tx
      .insert(classQuotas)
      .values(units.map((u) => ({ classId: id, unitId: u.unitId, seats: u.seats })));
  // Re-charge every live nomination to its nearest quota now, then recount.
  await tx.execute(sql`update class_nominations n set quota_unit_id = (
      select cq.unit_id from class_quotas cq join org_units qu on qu.id = cq.unit_id
      where cq.class_id = n.class_id and nu.path <@ qu.path order by nlevel(qu.path) desc limit 1)
    from org_units nu where nu.id = n.unit_id and n.class_id = ${id}
      and n.status in ('pending', 'approved', 'waitlisted')`);
  const held = rowsOf<{ unitId: number; held: number }>(
    await tx.execute(sql`select cq.unit_id as "unitId", count(n.id)::int as held
    from class_quotas cq left join class_nominations n on n.class_id = cq.class_id
      and n.quota_unit_id = cq.unit_id and n.status in ('pending', 'approved')
    where cq.class_id = ${id} group by cq.unit_id`),
  );
  const heldBy = new Map(held.map((r) => [Number(r.unitId), Number(r.held)]));
  const quotaHeld = [...heldBy.values()].reduce((a, b) => a + b, 0);
  const errors = quotaErrors(
    c.capacity,
    units.map((u) => ({
      unitId: u.unitId,
      seats: u.seats,
      held: heldBy.get(u.unitId) ?? 0,
      name: u.unit.name,
    })),
    c.seatsTaken - quotaHeld,
  );
  if (errors.length) throw invalid(errors.map((e) => fieldError('quotas', e.vi, e.en)));
  await tx.execute(sql`update class_quotas cq set taken = coalesce((select count(*) from class_nominations n
      where n.class_id = cq.class_id and n.quota_unit_id = cq.unit_id and n.status in ('pending', 'approved')), 0)
    where cq.class_id = ${id}`);
  await audit(tx, actor, {
    action: 'class.quotas',
    entity: 'class',
    entityId: id,
    summary: `${c.code}: ${units.map((u) => `${u.unit.name} ${u.seats}`).join(', ') || '-'}`,
    scopePath: c.organiserPath,
    before: before.quotas.map((q) => ({ unitId: q.unitId, seats: q.seats })),
    after: body.quotas,
    request: namedIn(body),
  });
  await promoteWaitlist(tx, actor, clock, c);
}
