/**
 * Per-unit rollups of the stored standing (ADR 035): `standing_unit_counts`, kept by the refresh
 * that rewrites `person_standing` in the same transaction. For a list of people the refresh
 * subtracts their old rows' contribution before deleting them and adds the new rows' after
 * inserting them (set-based, a few statements whatever the list); a full rebuild recounts
 * everything. Readers sum the rows of a subtree: a province is a few thousand rows, not millions.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { arr } from './gaps.sql';

/**
 * The contribution of the people whose stored rows match `where` (on alias-free columns of
 * person_standing / person_standing_gaps), one row per (unit, category, rule_code): '' = every
 * rule (headcount, people with any gap, counts), else one rule code.
 */
function contribution(where: SQL): SQL {
  return sql`select unit_id, unit_path, category, rule_code, sum(headcount)::int as headcount,
      sum(people_with_gaps)::int as people_with_gaps, sum(gaps)::int as gaps, sum(missing)::int as missing,
      sum(due)::int as due
    from (
      select unit_id, unit_path, category, ''::text as rule_code, count(*)::int as headcount,
        0 as people_with_gaps, 0 as gaps, 0 as missing, 0 as due
      from person_standing where ${where} group by unit_id, unit_path, category
      union all
      select unit_id, unit_path, category, '', 0, count(distinct person_id)::int, count(*)::int,
        (count(*) filter (where status = 'missing'))::int, (count(*) filter (where status = 'due'))::int
      from person_standing_gaps where ${where} group by unit_id, unit_path, category
      union all
      select unit_id, unit_path, category, rule_code, 0, count(distinct person_id)::int, count(*)::int,
        (count(*) filter (where status = 'missing'))::int, (count(*) filter (where status = 'due'))::int
      from person_standing_gaps where ${where} group by unit_id, unit_path, category, rule_code) c
    group by unit_id, unit_path, category, rule_code`;
}

/** Add (`sign` 1) or subtract (-1) the contribution of the people `ids`. */
export async function applyRollupDelta(tx: Queryable, ids: number[], sign: 1 | -1): Promise<void> {
  if (ids.length === 0) return;
  const s = sql.raw(String(sign));
  await tx.execute(sql`insert into standing_unit_counts as t (unit_id, unit_path, category, rule_code, headcount,
      people_with_gaps, gaps, missing, due)
    select unit_id, unit_path, category, rule_code, ${s} * headcount, ${s} * people_with_gaps, ${s} * gaps,
      ${s} * missing, ${s} * due
    from (${contribution(sql`person_id = any(${arr(ids, 'int')})`)}) d
    on conflict (unit_id, category, rule_code) do update set unit_path = excluded.unit_path,
      headcount = t.headcount + excluded.headcount, people_with_gaps = t.people_with_gaps + excluded.people_with_gaps,
      gaps = t.gaps + excluded.gaps, missing = t.missing + excluded.missing, due = t.due + excluded.due`);
  if (sign > 0)
    await tx.execute(sql`delete from standing_unit_counts where headcount = 0 and people_with_gaps = 0
      and gaps = 0 and missing = 0 and due = 0`);
}

/** Recount every rollup from the stored standing (after a full rebuild). */
export async function rebuildRollups(tx: Queryable): Promise<void> {
  await tx.execute(sql`delete from standing_unit_counts`);
  await tx.execute(sql`insert into standing_unit_counts (unit_id, unit_path, category, rule_code, headcount,
      people_with_gaps, gaps, missing, due) ${contribution(sql`true`)}`);
}

/**
 * The rollups as they should be: a GROUP BY over person_standing (for the parity test and
 * `dtbd standing check`). Same columns and order as `storedRollupsSql`.
 */
export const expectedRollupsSql = (): SQL =>
  sql`select unit_id, unit_path::text as unit_path, category, rule_code, headcount, people_with_gaps, gaps,
      missing, due from (${contribution(sql`true`)}) x order by unit_id, category, rule_code`;

export const storedRollupsSql = (): SQL =>
  sql`select unit_id, unit_path::text as unit_path, category, rule_code, headcount, people_with_gaps, gaps,
      missing, due from standing_unit_counts order by unit_id, category, rule_code`;
