/** Gap reports over a subtree: counts by unit, rule or category; a page of rows; export chunks. */
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { readTogether } from '../../db/together';
import { hasPostFilter } from '../codes/post-filters';
import { execRows } from './gaps.exec';
import { type GapContext, type GapRow, gapsOf } from './gaps.queries';
import { arr, type GapScope } from './gaps.sql';

export type GroupBy = 'unit' | 'rule' | 'category';

export interface GroupCounts {
  key: string | null;
  headcount: number | null;
  peopleWithGaps: number;
  gaps: number;
  missing: number;
  due: number;
}

/** The child of `unitPath` a row belongs to (ltree labels are unit ids), or the unit itself. */
function unitKey(col: SQL, unitPath: string, unitId: number): SQL {
  const depth = unitPath.split('.').length;
  return sql`(case when nlevel(${col}) > ${depth}::int then subltree(${col}, ${depth}::int, ${depth + 1}::int)::text
    else ${String(unitId)}::text end)`;
}

/**
 * Counts per group plus one total row (key null), in one statement. Headcount (people working
 * in the group on the date) is given for unit and category groups.
 */
export async function countGaps(
  q: Queryable,
  ctx: GapContext,
  scope: GapScope & { unitPath: string },
  groupBy: GroupBy,
  unitId: number,
): Promise<GroupCounts[]> {
  if (
    ctx.standingDay !== undefined &&
    ctx.standingDay === scope.asOf &&
    !scope.groupPath &&
    !scope.directPath &&
    !scope.personIds &&
    // The rollups have no post dimension: a post filter reads the per-person standing (ADR 048).
    !(scope.posts && hasPostFilter(scope.posts))
  )
    return countFromRollups(q, ctx, scope, groupBy, unitId);
  const key = (alias: string) =>
    groupBy === 'unit'
      ? unitKey(sql.raw(`${alias}.unit_path`), scope.unitPath, unitId)
      : groupBy === 'category'
        ? sql.raw(`${alias}.category`)
        : sql.raw(`${alias}.rule_code`);
  const headcount =
    groupBy === 'rule'
      ? sql`, hc as (select null::text as k, count(*)::int as headcount from gap_state s)`
      : sql`, hc as (select k, count(*)::int as headcount
          from (select ${key('s')} as k from gap_state s) x group by grouping sets ((k), ()))`;
  const tail = sql`${headcount},
    gg as (select k, count(distinct person_id)::int as people_with_gaps, count(*)::int as gaps,
        (count(*) filter (where status = 'missing'))::int as missing, (count(*) filter (where status = 'due'))::int as due
      from (select ${key('g')} as k, g.person_id, g.status from gaps g) x group by grouping sets ((k), ()))
    select gg.k, hc.headcount, gg.people_with_gaps, gg.gaps, gg.missing, gg.due from gg
      left join hc on hc.k is not distinct from gg.k
    union all
    select hc.k, hc.headcount, 0, 0, 0, 0 from hc
      where hc.k is not null and not exists (select 1 from gg where gg.k = hc.k)`;
  const rows = await execRows<{
    k: string | null;
    headcount: number | null;
    people_with_gaps: number;
    gaps: number;
    missing: number;
    due: number;
  }>(q, gapsOf(ctx, scope, tail));
  return rows.map((r) => ({
    key: r.k,
    headcount: r.headcount === null ? null : Number(r.headcount),
    peopleWithGaps: Number(r.people_with_gaps),
    gaps: Number(r.gaps),
    missing: Number(r.missing),
    due: Number(r.due),
  }));
}

/**
 * `countGaps` from the per-unit rollups of the stored standing (ADR 035), which hold today:
 * the sum of the subtree's rows (a few thousand), the same numbers as the statement over
 * `person_standing` (standing.parity.test.ts compares them).
 */
async function countFromRollups(
  q: Queryable,
  ctx: GapContext,
  scope: GapScope & { unitPath: string },
  groupBy: GroupBy,
  unitId: number,
): Promise<GroupCounts[]> {
  // '' = every rule in force (what the standing holds); a code when the context was narrowed to it.
  const code = ctx.ruleCode ?? '';
  const where = [sql`r.unit_path <@ ${scope.unitPath}::ltree`];
  if (scope.scopePath) where.push(sql`r.unit_path <@ ${scope.scopePath}::ltree`);
  if (scope.category) where.push(sql`r.category = ${scope.category}`);
  const from = (codes: SQL) =>
    sql`from standing_unit_counts r where ${sql.join(where, sql` and `)} and ${codes}`;
  const measures = sql`coalesce(sum(r.people_with_gaps) filter (where r.rule_code = ${code}), 0)::int as people_with_gaps,
    coalesce(sum(r.gaps) filter (where r.rule_code = ${code}), 0)::int as gaps,
    coalesce(sum(r.missing) filter (where r.rule_code = ${code}), 0)::int as missing,
    coalesce(sum(r.due) filter (where r.rule_code = ${code}), 0)::int as due`;
  const headcount = sql`coalesce(sum(r.headcount) filter (where r.rule_code = ''), 0)::int as headcount`;
  const both = sql`r.rule_code in ('', ${code})`;
  let query: SQL;
  if (groupBy === 'rule') {
    const codes = ctx.ruleCode ? sql`r.rule_code = ${code}` : sql`r.rule_code <> ''`;
    query = sql`select r.rule_code as k, null::int as headcount, sum(r.people_with_gaps)::int as people_with_gaps,
        sum(r.gaps)::int as gaps, sum(r.missing)::int as missing, sum(r.due)::int as due
      ${from(codes)} group by r.rule_code
      union all
      select null, ${headcount}, ${measures} ${from(both)}`;
  } else {
    const key =
      groupBy === 'unit' ? unitKey(sql.raw('r.unit_path'), scope.unitPath, unitId) : sql.raw('r.category');
    // Group keys are never null (a unit id, a category): null is the total row.
    query = sql`select r.k, ${headcount}, ${measures}
      from (select ${key} as k, r.* ${from(both)}) r group by grouping sets ((r.k), ())`;
  }
  const rows = rowsOf<{
    k: string | null;
    headcount: number | null;
    people_with_gaps: number;
    gaps: number;
    missing: number;
    due: number;
  }>(await q.execute(query));
  return rows.map((r) => ({
    key: r.k,
    headcount: r.headcount === null ? null : Number(r.headcount),
    peopleWithGaps: Number(r.people_with_gaps),
    gaps: Number(r.gaps),
    missing: Number(r.missing),
    due: Number(r.due),
  }));
}

export interface GapPageRow extends GapRow {
  fullName: string;
  unitName: string;
  /** Rank and post on the date (from the state the gaps were computed on). */
  rank: string | null;
  post: string | null;
}

/** One page of gap rows in roster order (given name first), with the total. */
export async function pageGaps(
  q: Queryable,
  ctx: GapContext,
  scope: GapScope,
  filter: { status?: 'missing' | 'due' },
  page: { offset: number; limit: number },
): Promise<{ rows: GapPageRow[]; total: number }> {
  const where = filter.status ? sql`where g.status = ${filter.status}` : sql``;
  const base = sql`from gaps g join people p on p.id = g.person_id join org_units u on u.id = g.unit_id ${where}`;
  // gap_state holds each person's state on the date: rank and post as they were then.
  const withState = sql`from gaps g join people p on p.id = g.person_id join org_units u on u.id = g.unit_id
    join gap_state s on s.person_id = g.person_id ${where}`;
  const raw = await execRows<{
    person_id: number;
    full_name: string;
    unit_name: string;
    category: string;
    total: number;
  }>(
    q,
    gapsOf(
      ctx,
      scope,
      // Materialized: under LIMIT the planner otherwise walks people in roster order through a
      // nested loop over the (unindexed) CTE rows: 100,000 x 58,000 comparisons.
      sql`, rows as materialized (select g.person_id, g.unit_id, g.rule_id, g.rule_code, g.status,
            g.due_by::text as due_by, g.periods_done, p.full_name, p.sort_key, u.name as unit_name, g.category,
            s.rank, s.post ${withState})
          select *, count(*) over () as total from rows
          order by sort_key collate "C", person_id, rule_code limit ${page.limit}::int offset ${page.offset}::int`,
    ),
  );
  let total = raw.length ? Number(raw[0].total) : 0;
  if (!raw.length && page.offset > 0)
    total = Number(
      (await execRows<{ n: number }>(q, gapsOf(ctx, scope, sql`select count(*)::int as n ${base}`)))[0].n,
    );
  return {
    total,
    rows: raw.map((r) => {
      const x = r as unknown as Record<string, unknown>;
      return {
        personId: Number(x.person_id),
        unitId: Number(x.unit_id),
        ruleId: Number(x.rule_id),
        ruleCode: String(x.rule_code),
        requirement: ctx.rules.get(Number(x.rule_id))!.requirement,
        status: x.status as 'missing' | 'due',
        dueBy: (x.due_by as string | null) ?? null,
        periodsDone: x.periods_done === null ? null : Number(x.periods_done),
        fullName: r.full_name,
        unitName: r.unit_name,
        category: r.category,
        rank: (x.rank as string | null) ?? null,
        post: (x.post as string | null) ?? null,
      };
    }),
  };
}

/** Names of units and people for export rows. */
export async function namesOf(q: Queryable, personIds: number[], unitIds: number[]) {
  const [persons, units] = await readTogether(
    q,
    async () =>
      rowsOf<{ id: number; full_name: string; sort_key: string }>(
        await q.execute(
          sql`select id, full_name, sort_key from people where id = any(${arr(personIds, 'int')})`,
        ),
      ),
    async () =>
      rowsOf<{ id: number; name: string }>(
        await q.execute(sql`select id, name from org_units where id = any(${arr(unitIds, 'int')})`),
      ),
  );
  return {
    person: new Map(persons.map((p) => [Number(p.id), p])),
    unit: new Map(units.map((u) => [Number(u.id), u.name])),
  };
}
