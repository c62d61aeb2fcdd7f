/**
 * Form values <-> typed rules, for the standards and eligibility forms. Pure, so the shapes sent
 * to the server are tested without React.
 */
import type { EligibilityCondition, LegalSource, RuleSelector } from '../../../contracts/rules';

export const SELECTOR_FIELDS = [
  'category',
  'rank',
  'leadershipTier',
  'unitLevel',
  'postGroup',
  'postCode',
  'postContains',
] as const;

/** A selector as the form holds it: every field a list, possibly empty. */
export type SelectorValues = Partial<Record<(typeof SELECTOR_FIELDS)[number], string[]>>;

/** Empty fields left out, words trimmed; `{}` means everyone. */
export function toSelector(v: SelectorValues | undefined): RuleSelector {
  const sel: RuleSelector = {};
  for (const f of SELECTOR_FIELDS) {
    const list = (v?.[f] ?? []).map((x) => x.trim()).filter(Boolean);
    if (list.length) sel[f] = list;
  }
  return sel;
}

export interface LegalSourceValues {
  document?: string;
  article?: string;
  url?: string;
  note?: string;
}

/** Optional texts left out when blank (the server refuses an empty URL). */
export function toLegalSource(v: LegalSourceValues): LegalSource {
  const src: LegalSource = { document: (v.document ?? '').trim() };
  for (const k of ['article', 'url', 'note'] as const) {
    const text = v[k]?.trim();
    if (text) src[k] = text;
  }
  return src;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of `after` that differ from `before`: a revision sends only these, so the server
 * takes the rest from the version it replaces on the chosen date (which may be newer).
 */
export function changedFields<T extends Record<string, unknown>>(after: T, before: T): Partial<T> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => !same(v, before[k]))) as Partial<T>;
}

export type ConditionType = EligibilityCondition['type'];

export const CONDITION_TYPES: ConditionType[] = [
  'minServiceYears',
  'maxAge',
  'ratingsAtLeast',
  'partyMember',
  'minQualification',
  'notHolding',
  'selector',
];

/** One condition as the form holds it: the union of every type's fields, unused ones empty. */
export interface ConditionValues {
  type?: ConditionType;
  years?: number | null;
  rating?: 'EXCELLENT' | 'GOOD' | 'COMPLETED' | null;
  kind?: string | null;
  minLevel?: string | null;
  selector?: SelectorValues;
}

/**
 * The typed condition of a form row. Only that type's fields are kept (the server refuses
 * others); validation has already made sure they are filled.
 */
export function toCondition(v: ConditionValues): EligibilityCondition {
  switch (v.type) {
    case 'minServiceYears':
    case 'maxAge':
      return { type: v.type, years: v.years ?? 0 };
    case 'ratingsAtLeast':
      return { type: 'ratingsAtLeast', rating: v.rating ?? 'COMPLETED', years: v.years ?? 1 };
    case 'minQualification':
    case 'notHolding':
      return { type: v.type, kind: v.kind ?? '', minLevel: v.minLevel ?? '' };
    case 'selector':
      return { type: 'selector', selector: toSelector(v.selector) };
    default:
      return { type: 'partyMember' };
  }
}

/** A stored condition as a form row. */
export function toConditionValues(c: EligibilityCondition): ConditionValues {
  return c.type === 'selector' ? { type: 'selector', selector: { ...c.selector } } : { ...c };
}

/** A selector condition must say something: an empty one would match everyone. */
export const isEmptySelector = (v: SelectorValues | undefined) => Object.keys(toSelector(v)).length === 0;
