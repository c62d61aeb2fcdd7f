/**
 * Plan vs actual of one year across the actor's subtree (ADR 011): every unit's plan, and every
 * programme kind and level over all of them, in one grouped query (grouping sets) over the
 * working lines of the year's plans and the classes that carry them out.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlanActualByUnit } from '../../../contracts/classes';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { requirePermission } from '../../lib/scope';
import { APPROVED, type Counts, OPENED, withPct, ZERO } from './plan-actual';

interface Row extends Record<keyof Counts, number | string> {
  g: number;
  planId: number | null;
  unitId: number | null;
  unitName: string | null;
  planStatus: string | null;
  programmeKind: string | null;
  level: string | null;
}

const counts = (r: Row): Counts => ({
  plannedClasses: Number(r.plannedClasses),
  plannedTrainees: Number(r.plannedTrainees),
  plannedBudget: Number(r.plannedBudget),
  openedClasses: Number(r.openedClasses),
  finishedClasses: Number(r.finishedClasses),
  actualTrainees: Number(r.actualTrainees),
  committedBudget: Number(r.committedBudget),
});

export async function planActualByUnit(
  db: Db,
  actor: Actor,
  year: number,
): Promise<z.infer<typeof PlanActualByUnit>> {
  requirePermission(actor, 'classes.read');
  requirePermission(actor, 'plans.read');
  const opened = sql.raw(OPENED);
  // g: 1 = one unit's plan, 2 = one kind and level over all plans, 3 = the grand total.
  const rows = rowsOf<Row>(
    await db.execute(sql`with p as (
        select a.id, a.unit_id, a.status, u.name, u.path from annual_plans a join org_units u on u.id = a.unit_id
        where a.year = ${year} and u.path <@ ${actor.scopePath}::ltree),
      l as (
        select l.id, l.plan_id, l.programme_kind, l.level, l.classes, l.trainees,
          (select coalesce(sum(v::bigint), 0) from jsonb_each_text(l.budget) as b(k, v)) as budget
        from plan_lines l join p on p.id = l.plan_id where l.removed_at is null),
      c as (
        select c.plan_line_id,
          count(*) filter (where c.status in (${opened})) as opened,
          count(*) filter (where c.status in ('finished', 'closed')) as finished,
          coalesce(sum(ap.n) filter (where c.status in (${opened})), 0) as seats,
          sum((select coalesce(sum(v::bigint), 0) from jsonb_each_text(c.budget) as b(k, v))) as budget
        from classes c join l on l.id = c.plan_line_id ${APPROVED}
        where c.status <> 'cancelled' group by c.plan_line_id)
      select case when grouping(p.id) = 0 then 1 when grouping(l.programme_kind) = 0 then 2 else 3 end as g,
        p.id as "planId", p.unit_id as "unitId", p.name as "unitName", p.status as "planStatus",
        l.programme_kind as "programmeKind", l.level,
        coalesce(sum(l.classes), 0)::int as "plannedClasses", coalesce(sum(l.trainees), 0)::int as "plannedTrainees",
        coalesce(sum(l.budget), 0)::bigint as "plannedBudget", coalesce(sum(c.opened), 0)::int as "openedClasses",
        coalesce(sum(c.finished), 0)::int as "finishedClasses", coalesce(sum(c.seats), 0)::int as "actualTrainees",
        coalesce(sum(c.budget), 0)::bigint as "committedBudget"
      from p left join l on l.plan_id = p.id left join c on c.plan_line_id = l.id
      group by grouping sets ((p.id, p.unit_id, p.name, p.status, p.path), (l.programme_kind, l.level), ())
      order by g, min(p.path::text), l.programme_kind, l.level nulls first`),
  );
  const units = rows
    .filter((r) => Number(r.g) === 1)
    .map((r) => ({
      planId: Number(r.planId),
      unitId: Number(r.unitId),
      unitName: String(r.unitName),
      planStatus: String(r.planStatus),
      ...withPct(counts(r)),
    }));
  // A plan with no lines leaves a kind-less group: nothing to show per kind.
  const byKindLevel = rows
    .filter((r) => Number(r.g) === 2 && r.programmeKind !== null)
    .map((r) => ({ programmeKind: String(r.programmeKind), level: r.level, ...withPct(counts(r)) }));
  const total = rows.find((r) => Number(r.g) === 3);
  return { year, units, byKindLevel, total: withPct(total ? counts(total) : ZERO) };
}
