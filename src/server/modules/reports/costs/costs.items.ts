/**
 * What the cost report counts (ADR 039), one row per item in the period and subtree:
 * - each opened class organised there that ended in the period: the estimate (its budget by
 *   source), what it actually spent by source (its spending lines) and its settled total;
 * - each delegation abroad organised there, approved or later, that returned in the period: its
 *   budget (the estimate) and its actual cost by source; members are its trainees;
 * - each postgraduate sponsorship of a unit there that started in the period: its funding F is
 *   both estimate and actual (what the state pays); one trainee.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { ReportFilters, ReportPostFilters } from '../../../../contracts/reports';
import { rowsOf } from '../../../db/rows';
import { andPostFilter, hasPostFilter, postAtSql } from '../../codes/post-filters';
import { APPROVED, OPENED } from '../../plans/plan-actual';
import { periodOf, type ReportContext } from '../framework';
import { labelOf } from '../numbers';

export type ItemKind = 'class' | 'abroad' | 'postgrad';
export type Money = Record<string, number>;

export interface CostItem {
  kind: ItemKind;
  id: number;
  code: string;
  name: string;
  organiser: string;
  lineId: number | null;
  lineLabel: string | null;
  planLabel: string | null;
  trainees: number;
  estimate: Money;
  actual: Money;
  /** Null: not settled (classes only settle). */
  settled: number | null;
}

const inPeriod = (ctx: ReportContext, f: ReportFilters, col: SQL, unit: SQL) => {
  const { from, to } = periodOf(f, ctx.clock);
  return sql`${col} between ${from}::date and ${to}::date and ${unit}.path <@ ${ctx.scope.path}::ltree
    ${f.level ? sql`and ${unit}.level = ${f.level}` : sql``}`;
};

/** SQL: the opened classes organised in the subtree whose end date falls in the period. */
export function classesOf(ctx: ReportContext, f: ReportFilters): SQL {
  return sql`select c.*, ou.name as organiser, ou.path as organiser_path from classes c
    join org_units ou on ou.id = c.organiser_unit_id
    where c.status in (${sql.raw(OPENED)}) and ${inPeriod(ctx, f, sql`c.ends_on`, sql`ou`)}`;
}

/** SQL: the delegations approved or later organised in the subtree that returned in the period. */
export function delegationsOf(ctx: ReportContext, f: ReportFilters): SQL {
  return sql`select d.*, ou.name as organiser, ou.path as organiser_path from abroad_delegations d
    join org_units ou on ou.id = d.organiser_unit_id
    where d.status not in ('planned', 'cancelled') and ${inPeriod(ctx, f, sql`d.returns_on`, sql`ou`)}`;
}

/** SQL: the sponsorships of units of the subtree that started in the period. */
export function sponsorshipsOf(ctx: ReportContext, f: ReportFilters): SQL {
  return sql`select s.*, ou.name as organiser, ou.path as organiser_path from postgrad_sponsorships s
    join org_units ou on ou.id = s.unit_id
    where ${inPeriod(ctx, f, sql`s.starts_on`, sql`ou`)}`;
}

const json = (v: unknown): Money => {
  const o = (typeof v === 'string' ? JSON.parse(v) : (v ?? {})) as Record<string, number | string>;
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, Number(x)]));
};

export async function costItems(ctx: ReportContext, f: ReportFilters): Promise<CostItem[]> {
  const kind = labelOf(ctx, sql`'programme_kind'`, sql`l.programme_kind`);
  const level = labelOf(ctx, sql`'level_' || l.programme_kind`, sql`l.level`);
  const target = labelOf(ctx, sql`l.target_list`, sql`l.target_code`);
  const line = sql`l.id as line_id,
    ${kind} || coalesce(' (' || coalesce(${level}, l.level) || ')', '') || coalesce(' - ' || ${target}, '') as line_label,
    pu.name as plan_label`;
  const plan = (col: SQL) => sql`left join plan_lines l on l.id = ${col}
    left join annual_plans a on a.id = l.plan_id left join org_units pu on pu.id = a.unit_id`;
  const res = await ctx.q.execute(sql`
    select * from (
      select 'class' as kind, 1 as k, c.id, c.code, c.name, c.organiser, c.organiser_path, c.starts_on,
        ap.n as trainees, c.budget as estimate,
        coalesce((select jsonb_object_agg(x.src, x.amount) from (select s.funding_source as src, sum(s.amount) as amount
          from class_spending s where s.class_id = c.id group by s.funding_source) x), '{}'::jsonb) as actual,
        st.settled_total as settled, ${line}
      from (${classesOf(ctx, f)}) c ${APPROVED}
        left join class_settlements st on st.class_id = c.id ${plan(sql`c.plan_line_id`)}
      union all
      select 'abroad', 2, d.id, d.code, d.name, d.organiser, d.organiser_path, d.departs_on,
        (select count(*)::int from abroad_members m where m.delegation_id = d.id), d.budget, d.actual_cost, null, ${line}
      from (${delegationsOf(ctx, f)}) d ${plan(sql`d.plan_line_id`)}
      union all
      select 'postgrad', 3, s.id, p.full_name, s.field, s.organiser, s.organiser_path, s.starts_on,
        1, s.funding, s.funding, null, ${line}
      from (${sponsorshipsOf(ctx, f)}) s join people p on p.id = s.person_id ${plan(sql`s.plan_line_id`)}
    ) x order by x.k, x.organiser_path, x.starts_on, x.code, x.id`);
  return rowsOf<Record<string, unknown>>(res).map((r) => ({
    kind: r.kind as ItemKind,
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    organiser: String(r.organiser),
    lineId: r.line_id === null ? null : Number(r.line_id),
    lineLabel: (r.line_label as string | null) ?? null,
    planLabel: (r.plan_label as string | null) ?? null,
    trainees: Number(r.trainees),
    estimate: json(r.estimate),
    actual: json(r.actual),
    settled: r.settled === null ? null : Number(r.settled),
  }));
}

/**
 * SQL `kind, item_id, line_id, person_id, detail`: the trainees of every item (approved learners,
 * delegation members, the person sponsored), kept to those whose post on the period's end is in
 * the post filters (ADR 061). The people behind a number, and the share of each item a post group
 * is charged with.
 */
export function learnersOf(ctx: ReportContext, f: ReportPostFilters): SQL {
  const all = sql`
    select 'class' as kind, x.id as item_id, x.plan_line_id as line_id, n.person_id, x.code || ' - ' || x.name as detail
    from (${classesOf(ctx, f)}) x join class_nominations n on n.class_id = x.id and n.status = 'approved'
    union all
    select 'abroad', x.id, x.plan_line_id, m.person_id, x.code || ' - ' || x.name
    from (${delegationsOf(ctx, f)}) x join abroad_members m on m.delegation_id = x.id
    union all
    select 'postgrad', x.id, x.plan_line_id, x.person_id, x.field from (${sponsorshipsOf(ctx, f)}) x`;
  if (!hasPostFilter(f)) return all;
  const { to } = periodOf(f, ctx.clock);
  return sql`select w.* from (${all}) w join people p on p.id = w.person_id
    where true${andPostFilter(postAtSql('p', sql`${to}::date`), f)}`;
}

/**
 * The items as charged to the trainees of the post filters (ADR 061): each item with at least one
 * of them, its trainees those people and its money (estimate, actual, settled) the item's share
 * per trainee times their number, rounded to the dong. Without a filter, the items unchanged.
 */
export async function chargedItems(ctx: ReportContext, f: ReportPostFilters): Promise<CostItem[]> {
  const items = await costItems(ctx, f);
  if (!hasPostFilter(f)) return items;
  const counted = rowsOf<{ kind: ItemKind; item_id: number; n: number }>(
    await ctx.q.execute(sql`select w.kind, w.item_id, count(*)::int as n from (${learnersOf(ctx, f)}) w
      group by w.kind, w.item_id`),
  );
  const n = new Map(counted.map((r) => [`${r.kind}:${Number(r.item_id)}`, Number(r.n)]));
  const out: CostItem[] = [];
  for (const c of items) {
    const mine = n.get(`${c.kind}:${c.id}`) ?? 0;
    if (!mine || !c.trainees) continue;
    const share = (v: number) => Math.round((v * mine) / c.trainees);
    const scale = (m: Money) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, share(v)]));
    out.push({
      ...c,
      trainees: mine,
      estimate: scale(c.estimate),
      actual: scale(c.actual),
      settled: c.settled === null ? null : share(c.settled),
    });
  }
  return out;
}
