/** Running the set-based gap SQL: raw rows for other modules, summaries, pages and export chunks. */
import { type SQL, sql } from 'drizzle-orm';
import type { RuleRequirement } from '../../../contracts/rules';
import type { Queryable } from '../../db/client';
import { readTogether } from '../../db/together';
import type { Codebook } from './codebook';
import { execRows } from './gaps.exec';
import { type GapScope, gapsSql } from './gaps.sql';
import { type Placement, placeRules } from './rule-engine';
import { loadCodebook, loadRuleVersions } from './rules.queries';
import type { OwnedRule } from './standards.types';
import { ensureStanding, standingIsCurrent } from './standing';
import { storedGapsSql } from './standing.sql';

/** One unmet standard of one person on a date. */
export interface GapRow {
  personId: number;
  unitId: number;
  /** Category on the date. */
  category: string;
  ruleCode: string;
  ruleId: number;
  requirement: RuleRequirement;
  status: 'missing' | 'due';
  dueBy: string | null;
  periodsDone: number | null;
}

export interface GapContext {
  placements: Placement<OwnedRule>[];
  rules: Map<number, OwnedRule>;
  book: Codebook;
  /** Set when the stored standing (ADR 033) is current for this day: `gapsOf` reads it. */
  standingDay?: string;
  /** The one rule code the placements were narrowed to, if any (the rollups key by it, ADR 035). */
  ruleCode?: string;
}

/**
 * The rule versions in force on `asOf` with their subtrees, and the code book. With `standing`
 * and `asOf` its day (the clock's day), the stored standing is read by `gapsOf` when it is
 * current: made current first when `refresh` (a read-write caller), else used only if it already
 * is (a read-only transaction: a report, a replica), the gap statement over the base tables
 * otherwise. Never stale either way.
 */
export async function loadGapContext(
  q: Queryable,
  asOf: string,
  ruleCode?: string,
  standing?: { today: string; refresh: boolean },
): Promise<GapContext> {
  let standingDay: string | undefined;
  if (standing && asOf === standing.today) {
    if (standing.refresh) await ensureStanding(q, standing.today);
    if (standing.refresh || (await standingIsCurrent(q, standing.today))) standingDay = standing.today;
  }
  const [versions, book] = await readTogether(
    q,
    () => loadRuleVersions(q),
    () => loadCodebook(q),
  );
  let placements = placeRules(versions, asOf);
  if (ruleCode) placements = placements.filter((p) => p.rule.code === ruleCode);
  return { placements, rules: new Map(versions.map((v) => [v.id, v])), book, standingDay, ruleCode };
}

/**
 * `with gap_state, gaps ...` then `tail`: from the stored standing when it holds `scope.asOf`,
 * else the gap statement over the base tables. Same columns either way.
 */
export function gapsOf(
  ctx: GapContext,
  scope: GapScope,
  tail: SQL,
  placements: Placement<OwnedRule>[] = ctx.placements,
): SQL {
  if (ctx.standingDay !== undefined && ctx.standingDay === scope.asOf)
    return storedGapsSql(
      placements.map((p) => p.rule.id),
      scope,
      tail,
    );
  return gapsSql(placements, ctx.book, scope, tail);
}

interface RawGap {
  person_id: number;
  unit_id: number;
  category: string;
  rule_id: number;
  rule_code: string;
  status: 'missing' | 'due';
  due_by: string | null;
  periods_done: number | null;
}

export async function selectGaps(
  q: Queryable,
  ctx: GapContext,
  scope: GapScope,
  tail?: SQL,
): Promise<GapRow[]> {
  const rows = await execRows<RawGap>(
    q,
    gapsOf(
      ctx,
      scope,
      tail ??
        sql`select person_id, unit_id, category, rule_id, rule_code, status, due_by::text as due_by, periods_done
              from gaps order by person_id, rule_code`,
    ),
  );
  return rows.map((r) => ({
    personId: Number(r.person_id),
    unitId: Number(r.unit_id),
    category: r.category,
    ruleCode: r.rule_code,
    ruleId: Number(r.rule_id),
    requirement: ctx.rules.get(Number(r.rule_id))!.requirement,
    status: r.status,
    dueBy: r.due_by,
    periodsDone: r.periods_done === null ? null : Number(r.periods_done),
  }));
}
