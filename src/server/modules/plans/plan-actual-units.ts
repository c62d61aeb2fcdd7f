/**
 * Plan vs actual of one year across the actor's subtree (ADR 011): every unit's plan, and every
 * programme kind and level over all of them, in one grouped query (grouping sets) over the
 * working lines of the year's plans and the classes that carry them out.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlanActualByUnit } from '../../../contracts/classes';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { requirePermission } from '../../lib/scope';
import { type Counts, carriedOut, withPct, ZERO } from './plan-actual';

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

/**
 * SQL: every working line of the year's plans of units under `path`, one row per line (a plan
 * without lines gives one row with a null line), with its targets and what carried it out:
 * opened and finished classes, approved learners (`seats`), passed learners (`completed`, results
 * stored when a class finishes) and the classes' budgets (`cost`, cancelled classes left out),
 * with the delegations abroad and postgraduate sponsorships tied to the line (`carriedOut`).
 * The one computation of plan vs actual over a subtree: `/plans/actual` groups it, the
 * plan-actual report lists it.
 */
export function planLineActuals(
  year: number,
  path: string,
  only: { status?: string; level?: string } = {},
): SQL {
  return sql`with p as (
        select a.id, a.unit_id, a.status, a.title, u.name, u.path, u.level as unit_level
        from annual_plans a join org_units u on u.id = a.unit_id
        where a.year = ${year} and u.path <@ ${path}::ltree
          ${only.status ? sql`and a.status = ${only.status}` : sql``}
          ${only.level ? sql`and u.level = ${only.level}` : sql``}),
      l as (
        select l.id, l.plan_id, l.programme_kind, l.target_list, l.target_code, l.level, l.classes, l.trainees,
          (select coalesce(sum(v::bigint), 0) from jsonb_each_text(l.budget) as b(k, v)) as budget
        from plan_lines l join p on p.id = l.plan_id where l.removed_at is null),
      c as (${carriedOut(sql`select id from l`)})
      select p.id as plan_id, p.unit_id, p.name as unit_name, p.path, p.status as plan_status, p.title,
        l.id as line_id, l.programme_kind, l.target_list, l.target_code, l.level,
        l.classes as planned_classes, l.trainees as planned_trainees, l.budget as planned_budget,
        coalesce(c.opened, 0) as opened, coalesce(c.finished, 0) as finished, coalesce(c.seats, 0) as seats,
        coalesce(c.completed, 0) as completed, coalesce(c.budget, 0) as cost
      from p left join l on l.plan_id = p.id left join c on c.plan_line_id = l.id`;
}

export async function planActualByUnit(
  db: Db,
  actor: Actor,
  year: number,
): Promise<z.infer<typeof PlanActualByUnit>> {
  requirePermission(actor, 'classes.read');
  requirePermission(actor, 'plans.read');
  // g: 1 = one unit's plan, 2 = one kind and level over all plans, 3 = the grand total.
  const rows = rowsOf<Row>(
    await db.execute(sql`select
        case when grouping(x.plan_id) = 0 then 1 when grouping(x.programme_kind) = 0 then 2 else 3 end as g,
        x.plan_id as "planId", x.unit_id as "unitId", x.unit_name as "unitName", x.plan_status as "planStatus",
        x.programme_kind as "programmeKind", x.level,
        coalesce(sum(x.planned_classes), 0)::int as "plannedClasses",
        coalesce(sum(x.planned_trainees), 0)::int as "plannedTrainees",
        coalesce(sum(x.planned_budget), 0)::bigint as "plannedBudget",
        coalesce(sum(x.opened), 0)::int as "openedClasses", coalesce(sum(x.finished), 0)::int as "finishedClasses",
        coalesce(sum(x.seats), 0)::int as "actualTrainees", coalesce(sum(x.cost), 0)::bigint as "committedBudget"
      from (${planLineActuals(year, actor.scopePath)}) x
      group by grouping sets ((x.plan_id, x.unit_id, x.unit_name, x.plan_status, x.path), (x.programme_kind, x.level), ())
      order by g, min(x.path::text), x.programme_kind, x.level nulls first`),
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
