/**
 * The gaps of a subtree on a date in one set-based statement, built from the typed rules with
 * bound parameters only (no user text is ever spliced into SQL). One UNION ALL branch per rule
 * version in force; each branch reads the people's state on the date (person_history), filters by
 * the rule's selector and owner subtree, and keeps those whose qualifications fall short.
 * Must agree with standard.engine.ts: gaps.parity.test.ts compares them person by person.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { PostFilters } from '../../../contracts/reports';
import type { RuleSelector } from '../../../contracts/rules';
import { postFilterConditions } from '../codes/post-filters';
import { type Codebook, levelsAtLeast } from './codebook';
import { type Placement, postWords } from './rule-engine';
import { postWordsSql } from './sql-fold';
import type { OwnedRule } from './standards.types';

export interface GapScope {
  asOf: string;
  /** The actor's subtree ('' = every unit: only the standing refresh, ADR 033). */
  scopePath: string;
  /** A unit inside it (default: the whole scope). */
  unitPath?: string;
  /** Only these people (a page or a chunk of an export). */
  personIds?: number[];
  /** Only people whose unit on the date lies under this path (a group of a summary). */
  groupPath?: string;
  /** Only people whose unit on the date is exactly this one (the "directly" row of a summary by unit). */
  directPath?: string;
  category?: string;
  /** Post group / post of the person's post code on the date (ADR 048). */
  posts?: PostFilters;
}

/** One bound array parameter (drizzle would otherwise expand a JS array into a list). */
export function arr(values: readonly (string | number)[], type: 'text' | 'int' | 'ltree'): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

/**
 * The scope's filters on a row whose unit path, category and person id are the given columns
 * (history joined to its unit here; the stored standing's rows in standing.sql.ts).
 */
export function scopeWhere(
  s: GapScope,
  cols: { path: SQL; category: SQL; person: SQL; postCode: SQL },
): SQL[] {
  const where: SQL[] = [];
  if (s.scopePath) where.push(sql`${cols.path} <@ ${s.scopePath}::ltree`);
  if (s.unitPath) where.push(sql`${cols.path} <@ ${s.unitPath}::ltree`);
  if (s.groupPath) where.push(sql`${cols.path} <@ ${s.groupPath}::ltree`);
  if (s.directPath) where.push(sql`${cols.path} = ${s.directPath}::ltree`);
  if (s.category) where.push(sql`${cols.category} = ${s.category}`);
  if (s.personIds) where.push(sql`${cols.person} = any(${arr(s.personIds, 'int')})`);
  if (s.posts) where.push(...postFilterConditions(cols.postCode, s.posts));
  return where;
}

/** Conditions picking the history rows of the scope on the date, on aliases `h` (history) and `u` (unit). */
function stateWhere(s: GapScope, h: string, u: string): SQL {
  const where: SQL[] = [
    sql`${sql.raw(h)}.valid_from <= ${s.asOf}::date`,
    sql`(${sql.raw(h)}.valid_to is null or ${sql.raw(h)}.valid_to > ${s.asOf}::date)`,
    sql`${sql.raw(h)}.status = 'WORKING'`,
    ...scopeWhere(s, {
      path: sql.raw(`${u}.path`),
      category: sql.raw(`${h}.category`),
      person: sql.raw(`${h}.person_id`),
      postCode: sql.raw(`${h}.post_code`),
    }),
  ];
  return sql.join(where, sql` and `);
}

/**
 * The CTE `gap_state`: the people WORKING on the date in the subtree, with their state then
 * (one history row each), what they hold on the date (`held`: "KIND|LEVEL" of qualifications
 * not deleted and issued on or before it, undated ones included), the periods of fostering since
 * 1 January of that year, and a `profile` key of what selectors read. One statement over base
 * tables, so the planner's row estimates stay right (joins of CTEs are estimated blindly and
 * once led to a nested loop of 100,000 x 58,000 rows).
 */
export function stateCtes(s: GapScope): SQL {
  const yearStart = `${s.asOf.slice(0, 4)}-01-01`;
  // What the selectors and owners read, as one key: people sharing it get the same rules.
  const profileKey = sql`concat_ws(chr(1), h.category, coalesce(h.rank, chr(2)), h.leadership_tier,
    coalesce(h.post, chr(2)), coalesce(h.post_code, chr(2)), h.unit_id::text)`;
  return sql`gap_state as materialized (
      select distinct on (h.person_id)
        h.person_id, h.unit_id, u.path as unit_path, u.level as unit_level, h.category, h.rank, h.post,
        h.post_code, ${postGroupSql(sql`h.post_code`)} as post_group, h.leadership_tier, p.appointed_on, p.service_start, p.birth_date, p.party_member, p.party_join_date,
        ${profileKey} as profile, coalesce(g.held, '{}'::text[]) as held, coalesce(g.periods_year, 0) as periods_year
      from person_history h
      join org_units u on u.id = h.unit_id
      join people p on p.id = h.person_id
      left join (
        select q.person_id, array_agg(q.kind || '|' || q.level) as held,
          sum(q.periods) filter (where q.issued_on >= ${yearStart}::date)::int as periods_year
        from qualifications q
        where q.deleted_at is null and (q.issued_on is null or q.issued_on <= ${s.asOf}::date)
          and q.person_id in (select h2.person_id from person_history h2 join org_units u2 on u2.id = h2.unit_id
            where ${stateWhere(s, 'h2', 'u2')})
        group by q.person_id) g on g.person_id = h.person_id
      where ${stateWhere(s, 'h', 'u')}
      order by h.person_id, h.valid_from desc, h.id desc)`;
}

/** The group (list `post`, `meta.group`) of a post code (ADR 036). */
export function postGroupSql(code: SQL): SQL {
  return sql`(select ci.meta->>'group' from code_items ci where ci.list = 'post' and ci.code = ${code})`;
}

/** The state row `s` holds a qualification of `kind` at `minLevel` or higher. */
export function holdsSql(book: Codebook, kind: string, minLevel: string): SQL {
  const keys = levelsAtLeast(book, kind, minLevel).map((level) => `${kind}|${level}`);
  return sql`(s.held && ${arr(keys, 'text')})`;
}

/** The selector as a condition on the state row `s` of the CTE `gap_state`. */
export function selectorSql(sel: RuleSelector): SQL {
  const c: SQL[] = [];
  if (sel.category) c.push(sql`s.category = any(${arr(sel.category, 'text')})`);
  if (sel.rank) c.push(sql`s.rank = any(${arr(sel.rank, 'text')})`);
  if (sel.leadershipTier) c.push(sql`s.leadership_tier = any(${arr(sel.leadershipTier, 'text')})`);
  if (sel.unitLevel) c.push(sql`s.unit_level = any(${arr(sel.unitLevel, 'text')})`);
  if (sel.postCode) c.push(sql`s.post_code = any(${arr(sel.postCode, 'text')})`);
  if (sel.postGroup) c.push(sql`s.post_group = any(${arr(sel.postGroup, 'text')})`);
  if (sel.postContains) {
    // Posts repeat (a few hundred titles for 100,000 people): fold each distinct post once.
    const folded = postWordsSql(sql`d.post`);
    const words = sel.postContains.map((w) => sql`strpos(${folded}, ${postWords(w)}) > 0`);
    c.push(sql`s.post = any(array(select d.post from (select distinct post from gap_state where post is not null offset 0) d
      where ${sql.join(words, sql` or `)}))`);
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

/** The rule's id when its selector and owner subtree take in the profile row `s`, else null. */
function appliesSql(p: Placement<OwnedRule>): SQL {
  return sql`case when ${selectorSql(p.rule.appliesTo)} and ${placementSql(p)} then ${p.rule.id}::int end`;
}

/** One row per rule: what it requires and what status and due date need. */
function rulesValues(placements: Placement<OwnedRule>[], book: Codebook): SQL {
  const rows = placements.map(({ rule }) => {
    const req = rule.requirement;
    const keys =
      req.type === 'qualification'
        ? levelsAtLeast(book, req.kind, req.minLevel).map((l) => `${req.kind}|${l}`)
        : [];
    const minPeriods = req.type === 'annual_periods' ? req.minPeriods : null;
    return sql`(${rule.id}::int, ${rule.code}::text, ${rule.grace?.from ?? null}::text, ${rule.grace?.months ?? null}::int,
      ${req.type === 'annual_periods'}::boolean, ${minPeriods}::int, ${arr(keys, 'text')})`;
  });
  return sql`(values ${sql.join(rows, sql`, `)}) as r(rule_id, rule_code, grace_from, grace_months, annual, min_periods, keys)`;
}

/**
 * `with gap_state, gap_profile, gaps` followed by `tail` (which selects from `gaps`).
 * Columns of gaps: person_id, unit_id, unit_path, category, rule_id, rule_code, status, due_by,
 * periods_done. Selectors and owner subtrees are tested once per profile (category, rank, tier,
 * post, unit: a few thousand for 100,000 people); each person is then checked only against the
 * rules of their profile, and status and due date are worked out for the gaps only.
 */
export function gapsSql(placements: Placement<OwnedRule>[], book: Codebook, scope: GapScope, tail: SQL): SQL {
  if (placements.length === 0)
    return sql`with ${stateCtes(scope)}, gaps as (select null::int as person_id, null::int as unit_id,
        null::ltree as unit_path, null::text as category, null::int as rule_id, null::text as rule_code,
        null::text as status, null::date as due_by, null::int as periods_done where false) ${tail}`;
  const asOf = scope.asOf;
  const anchor = sql`case r.grace_from when 'appointedOn' then s.appointed_on when 'serviceStart' then s.service_start end`;
  const byGrace = sql`(${anchor} + make_interval(months => r.grace_months))::date`;
  const end = sql`(case when r.annual then greatest(${byGrace}, ${`${asOf.slice(0, 4)}-12-31`}::date) else ${byGrace} end)`;
  const ids = sql`array[${sql.join(placements.map(appliesSql), sql`, `)}]::int[]`;
  return sql`with ${stateCtes(scope)},
    gap_profile as materialized (
      select s.profile, x.rule_id
      from (select x.profile, x.category, x.rank, x.leadership_tier, x.unit_level, x.post, x.post_code, x.post_group, u.path as unit_path
            from (select profile, category, rank, leadership_tier, unit_level, post, post_code, post_group, unit_id
                  from gap_state
                  group by profile, category, rank, leadership_tier, unit_level, post, post_code, post_group, unit_id) x
            join org_units u on u.id = x.unit_id) s
      cross join lateral unnest(${ids}) as x(rule_id)
      where x.rule_id is not null),
    gaps as (
      select s.person_id, s.unit_id, s.unit_path, s.category, r.rule_id, r.rule_code,
        case when ${asOf}::date < ${end} then 'due' else 'missing' end as status,
        case when ${asOf}::date < ${end} then ${end} end as due_by,
        case when r.annual then s.periods_year end as periods_done
      from gap_state s
      join gap_profile g on g.profile = s.profile
      join ${rulesValues(placements, book)} on r.rule_id = g.rule_id
      where case when r.annual then s.periods_year < r.min_periods else not (s.held && r.keys) end) ${tail}`;
}
