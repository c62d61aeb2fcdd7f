/**
 * The people of a subtree eligible for a purpose on a date, in one statement built from the
 * typed conditions with bound parameters. Must agree with eligibility.engine.ts
 * (eligibility.parity.test.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type EligibilityCondition, RATING_ORDER, RATINGS } from '../../../contracts/rules';
import type { Codebook } from './codebook';
import type { OwnedEligibility } from './eligibility.queries';
import { arr, type GapScope, holdsSql, placementSql, selectorSql, stateCtes } from './gaps.sql';
import type { Placement } from './rule-engine';
import { storedStateCte } from './standing.sql';

/** One condition on the state row `s`, with the same arithmetic as dates.ts. */
export function conditionSql(c: EligibilityCondition, book: Codebook, asOf: string): SQL {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const day = Number(asOf.slice(8, 10));
  switch (c.type) {
    case 'minServiceYears':
      return sql`(s.service_start is not null and (${year * 12 + month}::int
        - (extract(year from s.service_start)::int * 12 + extract(month from s.service_start)::int)
        - (case when ${day}::int < extract(day from s.service_start)::int then 1 else 0 end)) >= ${Math.round(c.years * 12)}::int)`;
    case 'maxAge':
      return sql`(s.birth_date is not null and (${year}::int - extract(year from s.birth_date)::int
        - (case when ${asOf.slice(5)}::text < to_char(s.birth_date, 'MM-DD') then 1 else 0 end)) <= ${c.years}::int)`;
    case 'ratingsAtLeast': {
      const allowed = RATINGS.filter((r) => RATING_ORDER[r] >= RATING_ORDER[c.rating]);
      return sql`((select count(*) from annual_ratings r where r.person_id = s.person_id
        and r.year between ${year - c.years}::int and ${year - 1}::int
        and r.rating = any(${arr(allowed, 'text')})) = ${c.years}::int)`;
    }
    case 'partyMember':
      return sql`(s.party_member and (s.party_join_date is null or s.party_join_date <= ${asOf}::date))`;
    case 'minQualification':
      return holdsSql(book, c.kind, c.minLevel);
    case 'notHolding':
      return sql`not ${holdsSql(book, c.kind, c.minLevel)}`;
    case 'selector':
      return sql`(${selectorSql(c.selector)})`;
  }
}

/**
 * `with gap_state as (...), elig as (person_id, rule_id)` followed by `tail`. With `stored` (the
 * caller made the stored standing current for `scope.asOf`, ADR 033/046) the state rows are read
 * from `person_standing` instead of grouping every person's qualifications again: same columns,
 * same people (eligibility.parity.test.ts checks both paths).
 */
export function eligibleSql(
  placements: Placement<OwnedEligibility>[],
  book: Codebook,
  scope: GapScope,
  tail: SQL,
  stored = false,
): SQL {
  const branches = placements.map((p) => {
    const conds = p.rule.conditions.map((c) => conditionSql(c, book, scope.asOf));
    return sql`select s.person_id, ${p.rule.id}::int as rule_id from gap_state s
      where ${sql.join([...conds, placementSql(p)], sql` and `)}`;
  });
  const body = branches.length
    ? sql.join(branches, sql` union all `)
    : sql`select null::int as person_id, null::int as rule_id where false`;
  return sql`with ${stored ? storedStateCte(scope) : stateCtes(scope)}, elig as (${body}) ${tail}`;
}
