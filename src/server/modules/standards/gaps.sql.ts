/**
 * The gaps of a subtree on a date in one set-based statement, built from the typed rules with
 * bound parameters only (no user text is ever spliced into SQL). One UNION ALL branch per rule
 * version in force; each branch reads the people's state on the date (person_history), filters by
 * the rule's selector and owner subtree, and keeps those whose qualifications fall short.
 * Must agree with standard.engine.ts: gaps.parity.test.ts compares them person by person.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { RuleSelector } from '../../../contracts/rules';
import { type Codebook, levelsAtLeast } from './codebook';
import { type Placement, postWords } from './rule-engine';
import { postWordsSql } from './sql-fold';
import type { OwnedRule } from './standards.types';

export interface GapScope {
  asOf: string;
  /** The actor's subtree. */
  scopePath: string;
  /** A unit inside it (default: the whole scope). */
  unitPath?: string;
  /** Only these people (a page or a chunk of an export). */
  personIds?: number[];
  /** Only people whose unit on the date lies under this path (a group of a summary). */
  groupPath?: string;
  category?: string;
}

/** One bound array parameter (drizzle would otherwise expand a JS array into a list). */
export function arr(values: readonly (string | number)[], type: 'text' | 'int' | 'ltree'): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

/** People WORKING on the date with their state then (one history row each), in the subtree. */
export function stateCte(s: GapScope): SQL {
  const where: SQL[] = [
    sql`h.valid_from <= ${s.asOf}::date`,
    sql`(h.valid_to is null or h.valid_to > ${s.asOf}::date)`,
    sql`h.status = 'WORKING'`,
    sql`u.path <@ ${s.scopePath}::ltree`,
  ];
  if (s.unitPath) where.push(sql`u.path <@ ${s.unitPath}::ltree`);
  if (s.groupPath) where.push(sql`u.path <@ ${s.groupPath}::ltree`);
  if (s.category) where.push(sql`h.category = ${s.category}`);
  if (s.personIds) where.push(sql`h.person_id = any(${arr(s.personIds, 'int')})`);
  return sql`select distinct on (h.person_id)
      h.person_id, h.unit_id, u.path as unit_path, u.level as unit_level, h.category, h.rank, h.post,
      h.leadership_tier, p.appointed_on, p.service_start, p.birth_date, p.party_member, p.party_join_date
    from person_history h
    join org_units u on u.id = h.unit_id
    join people p on p.id = h.person_id
    where ${sql.join(where, sql` and `)}
    order by h.person_id, h.valid_from desc, h.id desc`;
}

/** The selector as a condition on the state row `s`. */
export function selectorSql(sel: RuleSelector): SQL {
  const c: SQL[] = [];
  if (sel.category) c.push(sql`s.category = any(${arr(sel.category, 'text')})`);
  if (sel.rank) c.push(sql`s.rank = any(${arr(sel.rank, 'text')})`);
  if (sel.leadershipTier) c.push(sql`s.leadership_tier = any(${arr(sel.leadershipTier, 'text')})`);
  if (sel.unitLevel) c.push(sql`s.unit_level = any(${arr(sel.unitLevel, 'text')})`);
  if (sel.postContains) {
    const folded = postWordsSql(sql`s.post`);
    const words = sel.postContains.map((w) => sql`strpos(${folded}, ${postWords(w)}) > 0`);
    c.push(sql`(s.post is not null and (${sql.join(words, sql` or `)}))`);
  }
  return c.length ? sql.join(c, sql` and `) : sql`true`;
}

/** The rule's owner subtree minus deeper owners that govern the same code. */
export function placementSql(p: { ownerPath: string | null; exclude: string[] }): SQL {
  const c: SQL[] = [];
  if (p.ownerPath) c.push(sql`s.unit_path <@ ${p.ownerPath}::ltree`);
  if (p.exclude.length) c.push(sql`not (s.unit_path <@ any(${arr(p.exclude, 'ltree')}))`);
  return c.length ? sql.join(c, sql` and `) : sql`true`;
}

/** Held on the date: not deleted, issued on or before it (undated records count). */
export const held = (asOf: string) => sql`q.person_id = s.person_id and q.deleted_at is null
  and (q.issued_on is null or q.issued_on <= ${asOf}::date)`;

function branchSql(p: Placement<OwnedRule>, book: Codebook, asOf: string): SQL {
  const rule = p.rule;
  const req = rule.requirement;
  const anchor = rule.grace
    ? rule.grace.from === 'appointedOn'
      ? sql`s.appointed_on`
      : sql`s.service_start`
    : null;
  const byGrace =
    anchor && rule.grace
      ? sql`(${anchor} + make_interval(months => ${rule.grace.months}::int))::date`
      : sql`null::date`;
  let shortfall: SQL;
  let done: SQL = sql`null::int`;
  let end: SQL = byGrace;
  if (req.type === 'qualification') {
    const levels = levelsAtLeast(book, req.kind, req.minLevel);
    shortfall = sql`not exists (select 1 from qualifications q where ${held(asOf)}
      and q.kind = ${req.kind} and q.level = any(${arr(levels, 'text')}))`;
  } else {
    const yearStart = `${asOf.slice(0, 4)}-01-01`;
    const yearEnd = `${asOf.slice(0, 4)}-12-31`;
    done = sql`(select coalesce(sum(q.periods), 0)::int from qualifications q where ${held(asOf)}
      and q.issued_on >= ${yearStart}::date)`;
    shortfall = sql`${done} < ${req.minPeriods}::int`;
    end = sql`greatest(${byGrace}, ${yearEnd}::date)`;
  }
  const due = sql`(${end} is not null and ${asOf}::date < ${end})`;
  return sql`select s.person_id, s.unit_id, s.unit_path, s.category, ${rule.id}::int as rule_id,
      ${rule.code}::text as rule_code,
      case when ${due} then 'due' else 'missing' end as status,
      case when ${due} then ${end} end as due_by,
      ${done} as periods_done
    from gap_state s
    where ${selectorSql(rule.appliesTo)} and ${placementSql(p)} and ${shortfall}`;
}

/**
 * `with gap_state as (...), gaps as (...)` followed by `tail` (which selects from `gaps`).
 * Columns of gaps: person_id, unit_id, unit_path, category, rule_id, rule_code, status, due_by,
 * periods_done.
 */
export function gapsSql(placements: Placement<OwnedRule>[], book: Codebook, scope: GapScope, tail: SQL): SQL {
  const branches = placements.map((p) => branchSql(p, book, scope.asOf));
  const body = branches.length
    ? sql.join(branches, sql` union all `)
    : sql`select null::int as person_id, null::int as unit_id, null::ltree as unit_path, null::text as category,
        null::int as rule_id, null::text as rule_code, null::text as status, null::date as due_by,
        null::int as periods_done where false`;
  return sql`with gap_state as materialized (${stateCte(scope)}), gaps as (${body}) ${tail}`;
}
