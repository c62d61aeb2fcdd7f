/**
 * Rules in plain words, and the filters of the rules screen. Pure (the translator and the code
 * labels come in as functions) so the wording is tested without React.
 */
import type {
  EligibilityCondition,
  Grace,
  LegalSource,
  RuleRequirement,
  RuleSelector,
} from '../../../contracts/rules';
import { foldText } from '../../../contracts/text';
import type { StandardsKey } from './messages';

export type Translate = (key: StandardsKey, vars?: Record<string, string | number>) => string;
export type CodeLabel = (list: string, code: string | null | undefined) => string;

const join = (label: CodeLabel, list: string, codes: string[]) => codes.map((c) => label(list, c)).join(', ');

/** "Ngạch, hạng: Chuyên viên chính…; Chức vụ: Cấp phòng…", or "everyone" when nothing is selected. */
export function describeSelector(sel: RuleSelector, t: Translate, label: CodeLabel): string {
  const parts: string[] = [];
  if (sel.category?.length) parts.push(t('selCategory', { v: join(label, 'category', sel.category) }));
  if (sel.rank?.length) parts.push(t('selRank', { v: join(label, 'rank', sel.rank) }));
  if (sel.leadershipTier?.length)
    parts.push(t('selLeadershipTier', { v: join(label, 'leadership_tier', sel.leadershipTier) }));
  if (sel.unitLevel?.length) parts.push(t('selUnitLevel', { v: join(label, 'unit_level', sel.unitLevel) }));
  if (sel.postGroup?.length) parts.push(t('selPostGroup', { v: join(label, 'post_group', sel.postGroup) }));
  if (sel.postCode?.length) parts.push(t('selPostCode', { v: join(label, 'post', sel.postCode) }));
  if (sel.postContains?.length)
    parts.push(t('selPost', { v: sel.postContains.map((w) => `"${w}"`).join(', ') }));
  return parts.length ? parts.join('; ') : t('everyone');
}

/** "Lý luận chính trị: Trung cấp trở lên" / "Ít nhất 40 tiết bồi dưỡng mỗi năm". */
export function describeRequirement(req: RuleRequirement, t: Translate, label: CodeLabel): string {
  if (req.type === 'annual_periods') return t('reqPeriods', { n: req.minPeriods });
  return t('reqQualification', {
    kind: label('qualification_kind', req.kind),
    level: label(`level_${req.kind}`, req.minLevel),
  });
}

export function describeGrace(grace: Grace | null, t: Translate): string {
  if (!grace) return t('noGrace');
  const from = t(grace.from === 'appointedOn' ? 'graceAppointedOn' : 'graceServiceStart');
  return t('graceText', { n: grace.months, from });
}

/** "Nghị định 171/2025/NĐ-CP, Điều 5" (the note is shown apart). */
export function sourceText(s: LegalSource): string {
  return s.article ? `${s.document}, ${s.article}` : s.document;
}

export function describeCondition(c: EligibilityCondition, t: Translate, label: CodeLabel): string {
  switch (c.type) {
    case 'minServiceYears':
      return t('condMinServiceYears', { n: c.years });
    case 'maxAge':
      return t('condMaxAge', { n: c.years });
    case 'ratingsAtLeast':
      return t('condRatings', { n: c.years, rating: label('annual_rating', c.rating) });
    case 'partyMember':
      return t('condPartyMember');
    case 'minQualification':
    case 'notHolding':
      return t(c.type === 'minQualification' ? 'condMinQualification' : 'condNotHolding', {
        kind: label('qualification_kind', c.kind),
        level: label(`level_${c.kind}`, c.minLevel),
      });
    case 'selector':
      return t('condSelector', { v: describeSelector(c.selector, t, label) });
  }
}

/** What a rule is about, for the "applies to" filter; a rule may fall under several. */
export const APPLIES_KINDS = [
  'rank',
  'professionalTitle',
  'leadershipTier',
  'communeTitle',
  'category',
  'post',
  'everyone',
] as const;
export type AppliesKind = (typeof APPLIES_KINDS)[number];

/** Professional-title grades of public employees share the `rank` list as HANG_* codes. */
const isGrade = (code: string) => code.startsWith('HANG_');

export function appliesKinds(sel: RuleSelector): Set<AppliesKind> {
  const kinds = new Set<AppliesKind>();
  for (const r of sel.rank ?? []) kinds.add(isGrade(r) ? 'professionalTitle' : 'rank');
  if (sel.leadershipTier?.some((tier) => tier !== 'NONE' && tier !== 'XA')) kinds.add('leadershipTier');
  if (
    sel.category?.includes('CBX') ||
    sel.unitLevel?.includes('commune') ||
    sel.leadershipTier?.includes('XA')
  )
    kinds.add('communeTitle');
  if (sel.category?.length) kinds.add('category');
  if (sel.postContains?.length || sel.postGroup?.length || sel.postCode?.length) kinds.add('post');
  if (kinds.size === 0 && !sel.unitLevel?.length) kinds.add('everyone');
  return kinds;
}

export type Origin = 'national' | 'own' | 'override';

interface OwnedRule {
  id: number;
  code: string;
  builtIn: boolean;
  ownerUnitId: number | null;
}

/**
 * National: shipped with the product. Override: a unit's version of a code that exists under
 * another owner (the server makes one when a rule from above is revised or retired). Own: the
 * unit's own code.
 */
export function ruleOrigin(rule: OwnedRule, all: OwnedRule[]): Origin {
  if (rule.builtIn || rule.ownerUnitId === null) return 'national';
  const otherOwner = all.some((r) => r.code === rule.code && r.ownerUnitId !== rule.ownerUnitId);
  return otherOwner ? 'override' : 'own';
}

export interface RuleFilters {
  asOfOnly: boolean;
  kind?: AppliesKind;
  origin?: Origin;
  q?: string;
}

interface FilterableRule extends OwnedRule {
  state: string;
  /** Standards only; the "applies to" filter passes nothing else. */
  appliesTo?: RuleSelector;
}

/**
 * The rules to list: in force on the date unless asked for all versions, of the chosen kind
 * and origin, whose searchable text (`textOf`: code, names, source, plain words) contains every
 * word typed, accents and case ignored.
 */
export function filterRules<R extends FilterableRule>(
  rules: R[],
  f: RuleFilters,
  textOf: (r: R) => string,
): R[] {
  const words = foldText(f.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return rules.filter((r) => {
    if (f.asOfOnly && r.state !== 'in_force') return false;
    if (f.kind && !appliesKinds(r.appliesTo ?? {}).has(f.kind)) return false;
    if (f.origin && ruleOrigin(r, rules) !== f.origin) return false;
    if (words.length) {
      const hay = foldText(textOf(r));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/** Versions newest first, so the timeline reads from what holds now backwards. */
export function newestFirst<R extends { effectiveFrom: string; version: number }>(versions: R[]): R[] {
  return [...versions].sort(
    (a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version,
  );
}

interface StandingItem {
  status: 'met' | 'missing' | 'due';
  requirement: RuleRequirement;
  dueBy: string | null;
  periodsDone: number | null;
}

/**
 * Why a person meets a standard or not, in one or two short sentences: the qualification that
 * meets it (when known), otherwise what would, the periods counted, the deadline of a due one.
 * `formatDate` shows dates the way the UI does.
 */
export function standingReason(
  item: StandingItem,
  held: { kind: string; level: string; issuedOn: string | null } | undefined,
  t: Translate,
  label: CodeLabel,
  formatDate: (iso: string) => string,
): string {
  const periods =
    item.requirement.type === 'annual_periods' && item.periodsDone !== null
      ? t('periodsDone', { done: item.periodsDone, need: item.requirement.minPeriods })
      : '';
  if (item.status === 'met') {
    if (!held) return periods || t('metGeneric');
    const what = `${label('qualification_kind', held.kind)}: ${label(`level_${held.kind}`, held.level)}`;
    return held.issuedOn ? t('metByIssued', { what, date: formatDate(held.issuedOn) }) : t('metBy', { what });
  }
  const need =
    item.requirement.type === 'annual_periods'
      ? t('needsPeriods', { n: item.requirement.minPeriods })
      : t('needs', { what: describeRequirement(item.requirement, t, label) });
  const parts = [need, periods];
  if (item.status === 'due' && item.dueBy) parts.push(t('dueByText', { date: formatDate(item.dueBy) }));
  return parts.filter(Boolean).join(' ');
}
