import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';

/**
 * Move people from one unit to another from a date, keeping their dated history: the open
 * history row of each is closed on `date` and a new one opened under `toUnitId`. Set-based: one
 * statement per step whatever the number of people. Returns how many moved.
 */
export async function transferPeople(
  q: Queryable,
  opts: {
    fromUnitId: number;
    toUnitId: number;
    date: string;
    reason: string;
    actorId: number | null;
    personIds?: number[];
  },
): Promise<number> {
  const only = opts.personIds ? sql`and p.id = any(${sql.param(opts.personIds)}::int[])` : sql``;
  await q.execute(sql`
    update person_history h set valid_to = ${opts.date}
    from people p
    where h.person_id = p.id and h.valid_to is null and p.unit_id = ${opts.fromUnitId} ${only}`);
  await q.execute(sql`
    insert into person_history (person_id, valid_from, category, rank, post, leadership_tier, unit_id,
                                management_authority, planning_title, status, reason, actor_id)
    select p.id, ${opts.date}, p.category, p.rank, p.post, p.leadership_tier, ${opts.toUnitId},
           p.management_authority, p.planning_title, p.status, ${opts.reason}, ${opts.actorId}
    from people p where p.unit_id = ${opts.fromUnitId} ${only}`);
  const moved = await q.execute(sql`
    update people p set unit_id = ${opts.toUnitId}, updated_at = now(), version = version + 1
    where p.unit_id = ${opts.fromUnitId} ${only}
    returning p.id`);
  return rowsOf(moved).length;
}
