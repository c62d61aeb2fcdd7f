/**
 * Who may be sent to a programme (political theory, sponsored postgraduate study), as rules:
 * a purpose has one or more rules (alternative paths); a rule passes when all its conditions
 * hold. Pure; eligibility.sql.ts selects the same people in SQL.
 */
import {
  type EligibilityCondition,
  type LegalSource,
  RATING_ORDER,
  type Rating,
} from '../../../contracts/rules';
import { type Codebook, type Label, labelOf, levelsAtLeast } from './codebook';
import { fullMonths, fullYears, yearOf } from './dates';
import { describeSelector, ratingWords } from './eligibility.explain';
import { ruleInForce, selectorMatches } from './rule-engine';
import { heldOn, type PersonFacts, type QualificationFact } from './standard.engine';

export interface EligibilityRuleData {
  id: number;
  code: string;
  version: number;
  purpose: string;
  titleVi: string;
  titleEn: string;
  conditions: EligibilityCondition[];
  effectiveFrom: string;
  effectiveTo: string | null;
  legalSource: LegalSource;
}

export interface EligibilityPerson extends PersonFacts {
  birthDate: string | null;
  partyMember: boolean;
  partyJoinDate: string | null;
}

export interface RatingFact {
  year: number;
  rating: string;
}

export interface ConditionResult {
  type: EligibilityCondition['type'];
  passed: boolean;
  explanation: Label;
}

export interface RuleResult {
  ruleId: number;
  code: string;
  titleVi: string;
  titleEn: string;
  legalSource: LegalSource;
  passed: boolean;
  conditions: ConditionResult[];
}

export interface EligibilityResult {
  purpose: string;
  eligible: boolean;
  rules: RuleResult[];
}

interface Facts {
  person: EligibilityPerson;
  held: QualificationFact[];
  ratings: RatingFact[];
  book: Codebook;
  asOf: string;
}

const ok = (passed: boolean, vi: string, en: string): Omit<ConditionResult, 'type'> => ({
  passed,
  explanation: { vi, en },
});

function holds(f: Facts, kind: string, minLevel: string) {
  const levels = new Set(levelsAtLeast(f.book, kind, minLevel));
  return f.held.find((q) => q.kind === kind && levels.has(q.level));
}

function checkCondition(c: EligibilityCondition, f: Facts): Omit<ConditionResult, 'type'> {
  const p = f.person;
  switch (c.type) {
    case 'minServiceYears': {
      if (!p.serviceStart) return ok(false, 'Chưa có ngày bắt đầu công tác.', 'No start-of-service date.');
      const months = fullMonths(p.serviceStart, f.asOf);
      const years = Math.floor(months / 12);
      return ok(
        months >= Math.round(c.years * 12),
        `Thời gian công tác: ${years} năm (cần ít nhất ${c.years} năm).`,
        `Years of service: ${years} (needs at least ${c.years}).`,
      );
    }
    case 'maxAge': {
      if (!p.birthDate) return ok(false, 'Chưa có ngày sinh.', 'No birth date.');
      const age = fullYears(p.birthDate, f.asOf);
      return ok(age <= c.years, `Tuổi: ${age} (không quá ${c.years}).`, `Age: ${age} (at most ${c.years}).`);
    }
    case 'ratingsAtLeast': {
      const year = yearOf(f.asOf);
      const years = Array.from({ length: c.years }, (_, i) => year - c.years + i);
      const got = years.map((y) => f.ratings.find((r) => r.year === y)?.rating ?? null);
      const passed = got.every(
        (r) => r !== null && (RATING_ORDER[r as Rating] ?? 0) >= RATING_ORDER[c.rating],
      );
      const words = ratingWords(f.book, years, got, c.rating);
      return ok(passed, words.vi, words.en);
    }
    case 'partyMember': {
      const member = p.partyMember && (p.partyJoinDate === null || p.partyJoinDate <= f.asOf);
      return ok(
        member,
        member ? 'Là đảng viên.' : 'Không phải đảng viên.',
        member ? 'Party member.' : 'Not a party member.',
      );
    }
    case 'minQualification':
    case 'notHolding': {
      const kind = labelOf(f.book, 'qualification_kind', c.kind);
      const min = labelOf(f.book, `level_${c.kind}`, c.minLevel);
      const found = holds(f, c.kind, c.minLevel);
      const has = found ? labelOf(f.book, `level_${c.kind}`, found.level) : null;
      const need = { vi: `${kind.vi}: ${min.vi} trở lên`, en: `${kind.en}: ${min.en} or higher` };
      if (c.type === 'minQualification')
        return has
          ? ok(true, `Có ${need.vi} (${has.vi}).`, `Holds ${need.en} (${has.en}).`)
          : ok(false, `Chưa có ${need.vi}.`, `Does not hold ${need.en}.`);
      return has
        ? ok(false, `Đã có ${need.vi} (${has.vi}).`, `Already holds ${need.en} (${has.en}).`)
        : ok(true, `Chưa có ${need.vi}.`, `Does not yet hold ${need.en}.`);
    }
    case 'selector': {
      const words = describeSelector(f.book, c.selector, p);
      const passed = selectorMatches(c.selector, p, p.unitLevel);
      return ok(passed, words.vi, words.en);
    }
  }
}

/** One rule: every condition checked and explained. */
export function evaluateEligibilityRule(rule: EligibilityRuleData, f: Facts): RuleResult {
  const conditions = rule.conditions.map((c) => ({ type: c.type, ...checkCondition(c, f) }));
  return {
    ruleId: rule.id,
    code: rule.code,
    titleVi: rule.titleVi,
    titleEn: rule.titleEn,
    legalSource: rule.legalSource,
    passed: ruleInForce(rule, f.asOf) && conditions.every((c) => c.passed),
    conditions,
  };
}

/** Eligible for the purpose when ANY of its rules in force passes (alternative paths). */
export function evaluateEligibility(
  rules: EligibilityRuleData[],
  person: EligibilityPerson,
  quals: QualificationFact[],
  ratings: RatingFact[],
  book: Codebook,
  asOf: string,
): EligibilityResult {
  const inForce = rules.filter((r) => ruleInForce(r, asOf));
  const facts: Facts = { person, held: heldOn(quals, asOf), ratings, book, asOf };
  const results = inForce.map((r) => evaluateEligibilityRule(r, facts));
  return { purpose: rules[0]?.purpose ?? '', eligible: results.some((r) => r.passed), rules: results };
}
