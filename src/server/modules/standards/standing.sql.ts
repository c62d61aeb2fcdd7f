/**
 * SQL of the stored standing (ADR 033): the tail that writes `person_standing` and
 * `person_standing_gaps` from the gap statement's own CTEs, and CTEs named like the gap
 * statement's (`gap_state`, `gaps`, same columns) that read the stored rows instead, so every
 * report written over the gap statement reads the table unchanged.
 */
import { type SQL, sql } from 'drizzle-orm';
import { arr, type GapScope, scopeWhere } from './gaps.sql';

const STATE_COLUMNS = `person_id, unit_id, unit_path, unit_level, category, rank, post, post_code, post_group, leadership_tier,
  appointed_on, service_start, birth_date, party_member, party_join_date, profile, held, periods_year`;
const GAP_COLUMNS =
  'person_id, unit_id, unit_path, category, rule_id, rule_code, status, due_by, periods_done';

/**
 * Appended to `gapsSql(...)`: store every state row with the ids of the rules of its profile, and
 * every gap. `withProfiles` is false when no rule is in force (gapsSql then has no gap_profile).
 */
export function standingWriteTail(withProfiles: boolean): SQL {
  const ruleIds = withProfiles ? sql.raw(`coalesce(pr.ids, '{}'::int[])`) : sql.raw(`'{}'::int[]`);
  const join = withProfiles
    ? sql.raw(`left join (select profile, array_agg(rule_id order by rule_id) as ids from gap_profile
        group by profile) pr on pr.profile = s.profile`)
    : sql``;
  return sql`, standing_rows as (
      insert into person_standing (${sql.raw(STATE_COLUMNS)}, rule_ids)
      select ${sql.raw(
        STATE_COLUMNS.split(',')
          .map((c) => `s.${c.trim()}`)
          .join(', '),
      )}, ${ruleIds} from gap_state s ${join}
      returning 1)
    insert into person_standing_gaps (${sql.raw(GAP_COLUMNS)})
    select ${sql.raw(GAP_COLUMNS)} from gaps`;
}

/** The scope's conditions on a stored row `x` (state and gap rows carry unit path, category, person). */
function storedWhere(s: GapScope, x: string): SQL {
  const where = scopeWhere(s, {
    path: sql.raw(`${x}.unit_path`),
    category: sql.raw(`${x}.category`),
    person: sql.raw(`${x}.person_id`),
    // Gap rows carry no post: read it from the person's stored state (one row per person).
    postCode:
      x === 's'
        ? sql.raw('s.post_code')
        : sql.raw(`(select ps.post_code from person_standing ps where ps.person_id = ${x}.person_id)`),
  });
  return where.length ? sql.join(where, sql` and `) : sql`true`;
}

/**
 * `gap_state` read from the stored standing (the caller checked it is current for `s.asOf`),
 * with the ids of the rules that apply (`rule_ids`) besides the gap statement's columns.
 */
export function storedStateCte(s: GapScope): SQL {
  return sql`gap_state as materialized (select ${sql.raw(STATE_COLUMNS)}, rule_ids from person_standing s
    where ${storedWhere(s, 's')})`;
}

/**
 * `with gap_state, gap_profile, gaps` read from the stored standing, limited to the rule versions
 * `ruleIds`, then `tail`. gap_profile (profile, rule_id), as the gap statement's, is only
 * evaluated when the tail reads it (the compliance report).
 */
export function storedGapsSql(ruleIds: number[], s: GapScope, tail: SQL): SQL {
  const ids = arr(ruleIds, 'int');
  return sql`with ${storedStateCte(s)},
    gap_profile as (select distinct s.profile, r.rule_id from gap_state s cross join unnest(s.rule_ids) as r(rule_id)
      where r.rule_id = any(${ids})),
    gaps as (select ${sql.raw(GAP_COLUMNS)} from person_standing_gaps g
      where ${storedWhere(s, 'g')} and g.rule_id = any(${ids})) ${tail}`;
}
