/**
 * Plan vs actual for an annual plan, live: each line's targets next to the classes that carry it
 * out (set-based: one grouped query over the classes of the plan's lines), rolled up by
 * programme kind and for the whole plan. Trainees are the approved learners of the opened
 * classes (ADR 012).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlanActual } from '../../../contracts/classes';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/dates';
import { requirePermission } from '../../lib/scope';
import { createPlanService } from './plans.service';

export interface Counts {
  plannedClasses: number;
  plannedTrainees: number;
  plannedBudget: number;
  openedClasses: number;
  finishedClasses: number;
  actualTrainees: number;
  committedBudget: number;
}

/** Statuses of a class that has been opened (past "planned"), as SQL literals. */
export const OPENED = "'open_for_nomination', 'running', 'finished', 'closed'";

/** Joins `ap.n`, the approved learners of class `c` (ADR 012): the trainees actually sent. */
export const APPROVED = sql`cross join lateral (select count(*)::int as n from class_nominations n
  where n.class_id = c.id and n.status = 'approved') ap`;

const money = (col: string) =>
  sql.raw(`(select coalesce(sum(v::bigint), 0) from jsonb_each_text(${col}) as b(k, v))`);

/**
 * SQL: per plan line among `lineIds` (a select of ids), what carried it out (ADR 011, ADR 039):
 * `opened`, `finished`, `seats` (trainees), `completed` and `budget` (the estimate), summed over
 * - classes not cancelled: opened from nominations on, seats the approved learners, completed
 *   those with a passing result;
 * - delegations abroad not cancelled: opened once approved, finished once returned, seats the
 *   members, completed the members of a returned delegation not marked as not completed;
 * - postgraduate sponsorships: each started one is a trainee, a graduate is completed; they
 *   open no class.
 */
export function carriedOut(lineIds: SQL): SQL {
  const opened = sql.raw(OPENED);
  return sql`select x.plan_line_id, sum(x.opened) as opened, sum(x.finished) as finished,
      sum(x.seats) as seats, sum(x.completed) as completed, sum(x.budget) as budget
    from (
      select c.plan_line_id,
        (c.status in (${opened}))::int as opened, (c.status in ('finished', 'closed'))::int as finished,
        case when c.status in (${opened}) then ap.n else 0 end as seats,
        case when c.status in (${opened}) then pr.n else 0 end as completed,
        ${money('c.budget')} as budget
      from classes c ${APPROVED}
        cross join lateral (select count(*)::int as n from class_results r where r.class_id = c.id and r.passed) pr
      where c.plan_line_id in (${lineIds}) and c.status <> 'cancelled'
      union all
      select d.plan_line_id,
        (d.status <> 'planned')::int, (d.status in ('returned', 'closed'))::int,
        case when d.status <> 'planned' then m.n else 0 end,
        case when d.status in ('returned', 'closed') then m.done else 0 end,
        ${money('d.budget')}
      from abroad_delegations d
        cross join lateral (select count(*)::int as n, count(*) filter (where am.completed is not false)::int as done
          from abroad_members am where am.delegation_id = d.id) m
      where d.plan_line_id in (${lineIds}) and d.status <> 'cancelled'
      union all
      select s.plan_line_id, 0, 0, 1, (s.status = 'graduated')::int, ${money('s.funding')}
      from postgrad_sponsorships s where s.plan_line_id in (${lineIds})
    ) x group by x.plan_line_id`;
}

export const ZERO: Counts = {
  plannedClasses: 0,
  plannedTrainees: 0,
  plannedBudget: 0,
  openedClasses: 0,
  finishedClasses: 0,
  actualTrainees: 0,
  committedBudget: 0,
};

const pct = (done: number, planned: number) =>
  planned > 0 ? Math.round((done * 1000) / planned) / 10 : null;

export function withPct<T extends Counts>(c: T) {
  return {
    ...c,
    classesPct: pct(c.openedClasses, c.plannedClasses),
    traineesPct: pct(c.actualTrainees, c.plannedTrainees),
  };
}

function add(a: Counts, b: Counts): Counts {
  const out = { ...a };
  for (const k of Object.keys(ZERO) as (keyof Counts)[]) out[k] += b[k];
  return out;
}

export function createPlanActualService({ db, clock }: { db: Db; clock: Clock }) {
  const plans = createPlanService({ db, clock });
  return {
    async get(actor: Actor, planId: number): Promise<z.infer<typeof PlanActual>> {
      requirePermission(actor, 'classes.read');
      const plan = await plans.detail(actor, planId);
      const lineIds = plan.lines.map((l) => l.id);
      const actual = new Map(
        rowsOf<{ lineId: number; opened: number; finished: number; seats: number; budget: number }>(
          await db.execute(sql`select x.plan_line_id as "lineId", x.opened::int as opened,
              x.finished::int as finished, x.seats::int as seats, x.budget::bigint as budget
            from (${carriedOut(sql`select unnest(${sql.param(lineIds.length ? lineIds : [0])}::int[])`)}) x`),
        ).map((r) => [Number(r.lineId), r]),
      );
      const [unplanned] = rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from classes c join org_units o on o.id = c.organiser_unit_id
          where c.year = ${plan.year} and c.plan_line_id is null and c.status <> 'cancelled'
            and o.path <@ ${plan.unitPath}::ltree`),
      );
      const byKind = new Map<string, Counts>();
      let total = ZERO;
      const lines = plan.lines.map((l) => {
        const a = actual.get(l.id);
        const counts: Counts = {
          plannedClasses: l.classes,
          plannedTrainees: l.trainees,
          plannedBudget: l.budgetTotal,
          openedClasses: a?.opened ?? 0,
          finishedClasses: a?.finished ?? 0,
          actualTrainees: a?.seats ?? 0,
          committedBudget: Number(a?.budget ?? 0),
        };
        byKind.set(l.programmeKind, add(byKind.get(l.programmeKind) ?? ZERO, counts));
        total = add(total, counts);
        return withPct({ lineId: l.id, programmeKind: l.programmeKind, level: l.level, ...counts });
      });
      return {
        planId,
        lines,
        byKind: [...byKind.entries()].map(([programmeKind, c]) => withPct({ programmeKind, ...c })),
        total: withPct(total),
        unplannedClasses: unplanned?.n ?? 0,
      };
    },
  };
}
