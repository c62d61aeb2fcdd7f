/** SQL of annual plans: rows with their unit, lines live and frozen, events, lists. */
import { type SQL, sql } from 'drizzle-orm';
import type { PLAN_SORT_KEYS, PlanStatus } from '../../../contracts/plans';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Budget } from '../../db/schema/index';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';

export interface PlanRow {
  id: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  year: number;
  title: string;
  multiyearId: number | null;
  multiyearName: string | null;
  status: PlanStatus;
  version: number;
  approvedVersion: number | null;
  note: string | null;
  reviewComment: string | null;
  sourceCampaignId: number | null;
  updatedAt: string;
}

const iso = (v: unknown) => new Date(v as string).toISOString();

const PLAN_COLUMNS = sql`p.id, p.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", p.year,
  p.title, p.multiyear_id as "multiyearId", m.name as "multiyearName", p.status, p.version,
  (select max(v.version) from annual_plan_versions v where v.plan_id = p.id)::int as "approvedVersion",
  p.note, p.review_comment as "reviewComment", p.source_campaign_id as "sourceCampaignId",
  p.updated_at as "updatedAt"`;

const PLAN_FROM = sql`from annual_plans p join org_units u on u.id = p.unit_id
  left join multiyear_programmes m on m.id = p.multiyear_id`;

export async function findPlan(q: Queryable, id: number): Promise<PlanRow | undefined> {
  const [row] = rowsOf<PlanRow>(await q.execute(sql`select ${PLAN_COLUMNS} ${PLAN_FROM} where p.id = ${id}`));
  return row && { ...row, updatedAt: iso(row.updatedAt) };
}

export async function findPlanOf(q: Queryable, unitId: number, year: number) {
  const [row] = rowsOf<{ id: number }>(
    await q.execute(sql`select id from annual_plans where unit_id = ${unitId} and year = ${year}`),
  );
  return row?.id ?? null;
}

type PlanSortKey = (typeof PLAN_SORT_KEYS)[number];

/** The plan list's sort keys over the selected row `x` (texts in Vietnamese order). */
const SORT_EXPRS: Record<PlanSortKey, SQL> = {
  unitName: viOrder(sql`x."unitName"`),
  year: sql`x.year`,
  title: viOrder(sql`x.title`),
  lines: sql`x.lines`,
  classes: sql`x.classes`,
  trainees: sql`x.trainees`,
  budget: sql`x.budget`,
  updatedAt: sql`x."updatedAt"`,
};

/** Plans of a subtree with their working totals, newest year first, then by unit path (or by `sort`). */
export async function listPlans(
  q: Queryable,
  scopePath: string,
  f: {
    year?: number;
    unitPath?: string;
    status?: PlanStatus;
    page: number;
    pageSize: number;
    sort?: PlanSortKey | `-${PlanSortKey}`;
  },
) {
  const where: SQL[] = [sql`u.path <@ ${scopePath}::ltree`];
  if (f.unitPath) where.push(sql`u.path <@ ${f.unitPath}::ltree`);
  if (f.year) where.push(sql`p.year = ${f.year}`);
  if (f.status) where.push(sql`p.status = ${f.status}`);
  const cond = sql.join(where, sql` and `);
  const rows = rowsOf<
    PlanRow & { lines: number; classes: number; trainees: number; budget: number; unit_order: string }
  >(
    await q.execute(sql`select * from (select ${PLAN_COLUMNS}, u.path as unit_order,
        coalesce(t.lines, 0)::int as lines, coalesce(t.classes, 0)::int as classes,
        coalesce(t.trainees, 0)::int as trainees, coalesce(t.budget, 0)::float8 as budget
      ${PLAN_FROM}
      left join lateral (
        select count(*) as lines, sum(l.classes) as classes, sum(l.trainees) as trainees,
          sum((select coalesce(sum(value::numeric), 0) from jsonb_each_text(l.budget))) as budget
        from plan_lines l where l.plan_id = p.id and l.removed_at is null) t on true
      where ${cond}) x
      order by ${sortedBy(f.sort, SORT_EXPRS, sql`x.year desc, x.unit_order, x.id`)}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
  );
  const [{ n }] = rowsOf<{ n: number }>(
    await q.execute(sql`select count(*)::int as n ${PLAN_FROM} where ${cond}`),
  );
  return {
    items: rows.map(({ unit_order: _, ...r }) => ({ ...r, updatedAt: iso(r.updatedAt) })),
    total: n,
  };
}

export interface LineRow {
  id: number;
  programmeKind: string;
  targetList: 'category' | 'leadership_tier' | 'rank' | null;
  targetCode: string | null;
  level: string | null;
  classes: number;
  trainees: number;
  periods: number | null;
  budget: Budget;
  note: string | null;
  source: 'manual' | 'needs';
  sourceRef: Record<string, unknown> | null;
}

// Lines in the order of the programme-kind code list, then of its level list, then as added.
const LINE_ORDER = sql`order by coalesce(k.sort, 9999), lv.sort nulls first, l.level nulls first, l.line_id`;
const KIND_JOIN = sql`left join code_items k on k.list = 'programme_kind' and k.code = l.programme_kind
  left join code_items lv on lv.code = l.level
    and lv.list = case when l.programme_kind = 'POSTGRADUATE' then 'level_EDUCATION' else 'level_' || l.programme_kind end`;

/** The working lines of a plan (not removed). */
export async function liveLines(q: Queryable, planId: number): Promise<LineRow[]> {
  return rowsOf<LineRow>(
    await q.execute(sql`select l.line_id as id, l.programme_kind as "programmeKind", l.target_list as "targetList",
        l.target_code as "targetCode", l.level, l.classes, l.trainees, l.periods, l.budget, l.note, l.source,
        l.source_ref as "sourceRef"
      from (select *, id as line_id from plan_lines where plan_id = ${planId} and removed_at is null) l
      ${KIND_JOIN} ${LINE_ORDER}`),
  );
}

/** The lines of a frozen version, with the live line's origin. */
export async function frozenLines(q: Queryable, versionId: number): Promise<LineRow[]> {
  return rowsOf<LineRow>(
    await q.execute(sql`select l.line_id as id, l.programme_kind as "programmeKind", l.target_list as "targetList",
        l.target_code as "targetCode", l.level, l.classes, l.trainees, l.periods, l.budget, l.note, l.source,
        pl.source_ref as "sourceRef"
      from annual_plan_version_lines l join plan_lines pl on pl.id = l.line_id
      ${KIND_JOIN} where l.version_id = ${versionId} ${LINE_ORDER}`),
  );
}

export async function findLine(q: Queryable, planId: number, lineId: number): Promise<LineRow | undefined> {
  return (await liveLines(q, planId)).find((l) => l.id === lineId);
}

export async function planVersions(q: Queryable, planId: number) {
  const rows = rowsOf<{
    id: number;
    version: number;
    title: string;
    approvedAt: string;
    approvedByName: string | null;
    decisionNo: string | null;
    decisionDate: string | null;
    signerName: string | null;
    signerTitle: string | null;
    comment: string | null;
  }>(
    await q.execute(sql`select id, version, title, approved_at as "approvedAt", approved_by_name as "approvedByName",
        decision_no as "decisionNo", decision_date::text as "decisionDate", signer_name as "signerName",
        signer_title as "signerTitle", comment from annual_plan_versions where plan_id = ${planId} order by version desc`),
  );
  return rows.map((r) => ({ ...r, approvedAt: iso(r.approvedAt) }));
}

export async function planEvents(q: Queryable, planId: number) {
  const rows = rowsOf<{
    id: number;
    version: number;
    action: string;
    actorName: string | null;
    comment: string | null;
    at: string;
  }>(
    await q.execute(sql`select id, version, action, actor_name as "actorName", comment, at
      from annual_plan_events where plan_id = ${planId} order by at desc, id desc limit 200`),
  );
  return rows.map((r) => ({ ...r, at: iso(r.at) }));
}

/** Freeze the working lines into a version row (one INSERT ... SELECT). */
export async function freezeLines(q: Queryable, planId: number, versionId: number) {
  await q.execute(sql`insert into annual_plan_version_lines
      (version_id, line_id, programme_kind, target_list, target_code, level, classes, trainees, periods, budget,
       note, source)
    select ${versionId}, id, programme_kind, target_list, target_code, level, classes, trainees, periods, budget,
       note, source
    from plan_lines where plan_id = ${planId} and removed_at is null`);
}

/** Move a plan from one status to another only if it is still in it (two reviewers at once: one wins). */
export async function moveStatus(
  q: Queryable,
  id: number,
  from: PlanStatus[],
  set: { status: PlanStatus; version?: SQL; reviewComment?: string | null },
): Promise<boolean> {
  const rows = rowsOf(
    await q.execute(sql`update annual_plans set status = ${set.status}, updated_at = now(),
        version = ${set.version ?? sql`version`},
        review_comment = ${set.reviewComment === undefined ? sql`review_comment` : set.reviewComment}
      where id = ${id} and status in (${sql.join(
        from.map((s) => sql`${s}`),
        sql`, `,
      )}) returning id`),
  );
  return rows.length === 1;
}
