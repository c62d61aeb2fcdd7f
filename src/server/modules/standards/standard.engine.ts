/**
 * Whether one person meets one standard on a date: pure, no database. The SQL of gaps.sql.ts
 * computes the same answer for a whole subtree at once; gaps.parity.test.ts holds them together.
 */
import type { Grace, LegalSource, RuleRequirement, RuleSelector } from '../../../contracts/rules';
import { addMonths } from '../../lib/dates';
import { type Codebook, levelsAtLeast } from './codebook';
import { yearOf } from './dates';
import { explainStandard, type Label } from './explain';
import { type PersonState, ruleInForce, selectorMatches } from './rule-engine';

export interface StandardRuleData {
  id: number;
  code: string;
  version: number;
  titleVi: string;
  titleEn: string;
  appliesTo: RuleSelector;
  requirement: RuleRequirement;
  grace: Grace | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalSource: LegalSource;
}

/** A person on a date: the dated state plus the undated facts the rules read. */
export interface PersonFacts extends PersonState {
  unitLevel: string;
  appointedOn: string | null;
  serviceStart: string | null;
}

export interface QualificationFact {
  id: number;
  kind: string;
  level: string;
  issuedOn: string | null;
  periods: number | null;
  deletedAt: Date | string | null;
}

export type StandardStatus = 'met' | 'missing' | 'due' | 'not_applicable';

export interface StandardOutcome {
  status: StandardStatus;
  satisfiedBy?: number;
  dueBy?: string;
  /** annual_periods: periods counted in the year so far. */
  periodsDone?: number;
}

export interface StandardResult extends StandardOutcome {
  explanation: Label;
}

/**
 * Qualifications that count on `asOf`: not deleted, and issued on or before the date. An
 * undated record counts (the date is unknown, the holding is not).
 */
export function heldOn(quals: QualificationFact[], asOf: string): QualificationFact[] {
  return quals.filter((q) => !q.deletedAt && (q.issuedOn === null || q.issuedOn <= asOf));
}

/**
 * The last day still within grace: the grace anchor plus its months. annual_periods rules are
 * judged at the end of the year, so until 31/12 a shortfall is "due", not yet a gap.
 */
export function graceEnd(rule: StandardRuleData, person: PersonFacts, asOf: string): string | null {
  const anchor = rule.grace ? person[rule.grace.from] : null;
  const byGrace = rule.grace && anchor ? addMonths(anchor, rule.grace.months) : null;
  if (rule.requirement.type !== 'annual_periods') return byGrace;
  const yearEnd = `${yearOf(asOf)}-12-31`;
  return byGrace && byGrace > yearEnd ? byGrace : yearEnd;
}

/** The bare outcome (no wording), used by the engine and by tests. */
export function judgeStandard(
  rule: StandardRuleData,
  person: PersonFacts,
  quals: QualificationFact[],
  book: Codebook,
  asOf: string,
): StandardOutcome {
  if (!ruleInForce(rule, asOf) || !selectorMatches(rule.appliesTo, person, person.unitLevel))
    return { status: 'not_applicable' };
  const held = heldOn(quals, asOf);
  const req = rule.requirement;
  let periodsDone: number | undefined;
  if (req.type === 'qualification') {
    const ok = new Set(levelsAtLeast(book, req.kind, req.minLevel));
    const match = held
      .filter((q) => q.kind === req.kind && ok.has(q.level))
      .sort((a, b) => (a.issuedOn ?? '').localeCompare(b.issuedOn ?? '') || a.id - b.id)[0];
    if (match) return { status: 'met', satisfiedBy: match.id };
  } else {
    const yearStart = `${yearOf(asOf)}-01-01`;
    periodsDone = held
      .filter((q) => q.issuedOn !== null && q.issuedOn >= yearStart)
      .reduce((sum, q) => sum + (q.periods ?? 0), 0);
    if (periodsDone >= req.minPeriods) return { status: 'met', periodsDone };
  }
  const end = graceEnd(rule, person, asOf);
  if (end && asOf < end)
    return { status: 'due', dueBy: end, ...(periodsDone !== undefined ? { periodsDone } : {}) };
  return { status: 'missing', ...(periodsDone !== undefined ? { periodsDone } : {}) };
}

/** Status of one standard for one person on a date, explained in plain words (vi/en). */
export function evaluateStandard(
  rule: StandardRuleData,
  person: PersonFacts,
  quals: QualificationFact[],
  book: Codebook,
  asOf: string,
): StandardResult {
  const outcome = judgeStandard(rule, person, quals, book, asOf);
  const satisfied = outcome.satisfiedBy ? quals.find((q) => q.id === outcome.satisfiedBy) : undefined;
  return { ...outcome, explanation: explainStandard(rule, outcome, book, { satisfied }) };
}
