/** Running the set-based gap SQL: raw rows for other modules, summaries, pages and export chunks. */
import { type SQL, sql } from 'drizzle-orm';
import type { RuleRequirement } from '../../../contracts/rules';
import type { Queryable } from '../../db/client';
import type { Codebook } from './codebook';
import { execRows } from './gaps.exec';
import { type GapScope, gapsSql } from './gaps.sql';
import { type Placement, placeRules } from './rule-engine';
import { loadCodebook, loadRuleVersions } from './rules.queries';
import type { OwnedRule } from './standards.types';

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
}

/** The rule versions in force on `asOf` with their subtrees, and the code book. */
export async function loadGapContext(q: Queryable, asOf: string, ruleCode?: string): Promise<GapContext> {
  const [versions, book] = await Promise.all([loadRuleVersions(q), loadCodebook(q)]);
  let placements = placeRules(versions, asOf);
  if (ruleCode) placements = placements.filter((p) => p.rule.code === ruleCode);
  return { placements, rules: new Map(versions.map((v) => [v.id, v])), book };
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
    gapsSql(
      ctx.placements,
      ctx.book,
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
