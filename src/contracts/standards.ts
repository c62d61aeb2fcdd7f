import { z } from 'zod';
import { Id, IsoDate, Page, RequiredText, Text } from './common';
import { PostFilters } from './reports';
import { EligibilityCondition, Grace, LegalSource, RuleRequirement, RuleSelector } from './rules';

/**
 * API of standards (versioned rules of what posts and ranks require), each person's gaps, the
 * gaps of a subtree, and eligibility. The rule model itself is in ./rules.ts.
 */

const msg = (vi: string, en: string) => ({ params: { vi, en } });

/** Rule code: upper-case ASCII letters, digits and underscores ("SM_CVC", "QN_ANNUAL_40"). */
export const RuleCode = z
  .string()
  .max(60)
  .refine(
    (s) => /^[A-Z][A-Z0-9_]{1,59}$/.test(s),
    msg('chỉ gồm chữ in hoa không dấu, số và dấu _', 'upper-case letters, digits and _ only'),
  );

const Codes = z.array(z.string().min(1).max(40)).min(1).max(50);

/** Who a rule applies to, as typed by a user: every listed field must match; unknown fields are refused. */
export const RuleSelectorInput = z.strictObject({
  /** Category codes (list `category`). */
  category: Codes.optional(),
  /** Rank codes (list `rank`). */
  rank: Codes.optional(),
  /** Leadership tier codes (list `leadership_tier`). */
  leadershipTier: Codes.optional(),
  /** Unit level codes (list `unit_level`). */
  unitLevel: Codes.optional(),
  /** Post codes (list `post`). */
  postCode: Codes.optional(),
  /** Post group codes (list `post_group`). */
  postGroup: Codes.optional(),
  /** Whole words the post must contain, accents and case ignored; any of them. */
  postContains: z
    .array(
      RequiredText(100).refine(
        (w) => /[\p{L}\p{N}]/u.test(w),
        msg('cần có chữ hoặc số', 'needs a letter or digit'),
      ),
    )
    .min(1)
    .max(20)
    .optional(),
});

export const RuleRequirementInput = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('qualification'),
    /** Code of list `qualification_kind`. */
    kind: z.string().min(1).max(40),
    /** Code of list `level_<kind>`; higher levels also satisfy. */
    minLevel: z.string().min(1).max(40),
  }),
  z.strictObject({
    type: z.literal('annual_periods'),
    /** Periods of fostering in a calendar year (1 week = 40). */
    minPeriods: z.number().int().min(1).max(2000),
  }),
]);

export const LegalSourceInput = z.strictObject({
  /** Document number and title, e.g. "Nghị định 171/2025/NĐ-CP". */
  document: RequiredText(200),
  /** Issuing body, e.g. "Chính phủ". */
  issuer: Text(200).optional(),
  /** Date of issue. */
  issuedOn: IsoDate.optional(),
  /** Article, only when verified. */
  article: Text(100).optional(),
  url: z.url().max(500).optional(),
  /** What the rule takes from the document, in plain words. */
  note: Text(500).optional(),
});

const datesInOrder = <T extends { effectiveFrom: string; effectiveTo?: string | null }>(b: T) =>
  !b.effectiveTo || b.effectiveTo > b.effectiveFrom;
const DATES_ORDER = {
  path: ['effectiveTo'],
  ...msg('phải sau ngày bắt đầu hiệu lực', 'must be after effectiveFrom'),
};

/** A province's own rule; the owner is the actor's scope unit. */
export const CreateRuleBody = z
  .object({
    code: RuleCode,
    titleVi: RequiredText(300),
    titleEn: RequiredText(300),
    appliesTo: RuleSelectorInput,
    requirement: RuleRequirementInput,
    /** Time allowed after appointment or start of service before a missing requirement is a gap. */
    grace: Grace.nullable().optional(),
    effectiveFrom: IsoDate,
    /** First day the rule no longer holds (null: open). */
    effectiveTo: IsoDate.nullable().optional(),
    legalSource: LegalSourceInput,
  })
  .refine(datesInOrder, DATES_ORDER);

/** A new version from `effectiveFrom`; omitted fields are taken from the version it replaces. */
export const ReviseRuleBody = z.object({
  effectiveFrom: IsoDate,
  titleVi: RequiredText(300).optional(),
  titleEn: RequiredText(300).optional(),
  appliesTo: RuleSelectorInput.optional(),
  requirement: RuleRequirementInput.optional(),
  grace: Grace.nullable().optional(),
  legalSource: LegalSourceInput.optional(),
});

export const RetireRuleBody = z.object({
  /** First day the rule no longer holds. */
  effectiveTo: IsoDate,
  reason: RequiredText(500),
});

export const CopyRuleBody = z.object({
  code: RuleCode,
  titleVi: RequiredText(300),
  titleEn: RequiredText(300),
  /** Default: today. */
  effectiveFrom: IsoDate.optional(),
});

export const RulesQuery = z.object({
  /** Date the rules are read at (default today). */
  asOf: IsoDate.optional(),
  /** Also past, superseded, retired and future versions. */
  includeRetired: z.enum(['true', 'false']).default('false'),
});

export const AsOfQuery = z.object({ asOf: IsoDate.optional() });

export const RULE_STATES = ['in_force', 'future', 'superseded', 'retired'] as const;

export const StandardRule = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  titleVi: z.string(),
  titleEn: z.string(),
  appliesTo: RuleSelector,
  requirement: RuleRequirement,
  grace: Grace.nullable(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  legalSource: LegalSource,
  /** null: the national pack shipped with the product. */
  ownerUnitId: z.number().nullable(),
  ownerUnitName: z.string().nullable(),
  builtIn: z.boolean(),
  supersedesId: z.number().nullable(),
  retiredReason: z.string().nullable(),
  /** On the date asked: in force, not yet, replaced by a later version, or ended. */
  state: z.enum(RULE_STATES),
  /** This version is the one that governs the actor's own unit on the date. */
  applies: z.boolean(),
});
export type StandardRule = z.infer<typeof StandardRule>;

export const StandardRuleDetail = StandardRule.extend({
  /** Every version of the code the actor can see (national and overrides), oldest first. */
  versions: z.array(StandardRule),
});

/** Wording in both languages. */
export const Explanation = z.object({ vi: z.string(), en: z.string() });

export const PersonStandard = z.object({
  ruleId: z.number(),
  code: z.string(),
  version: z.number(),
  titleVi: z.string(),
  titleEn: z.string(),
  legalSource: LegalSource,
  requirement: RuleRequirement,
  status: z.enum(['met', 'missing', 'due']),
  /** The qualification that meets it. */
  satisfiedBy: z.number().nullable(),
  /** Last day of the grace period of a `due` requirement. */
  dueBy: z.string().nullable(),
  /** annual_periods: periods counted so far in the year. */
  periodsDone: z.number().nullable(),
  explanation: Explanation,
});

export const PersonStandards = z.object({
  personId: z.number(),
  asOf: z.string(),
  /** The unit the person belonged to on the date. */
  unitId: z.number().nullable(),
  /** Working on the date (standards are only judged for working people). */
  working: z.boolean(),
  counts: z.object({ met: z.number(), missing: z.number(), due: z.number() }),
  items: z.array(PersonStandard),
});

const GapFilters = z.object({
  /** A unit of the actor's subtree (default: the actor's scope unit). */
  unitId: Id.optional(),
  asOf: IsoDate.optional(),
});

export const GapsSummaryQuery = GapFilters.extend({
  groupBy: z.enum(['unit', 'rule', 'category']).default('unit'),
}).extend(PostFilters.shape);

const Counts = z.object({
  /** People working in the group on the date (null when grouped by rule). */
  headcount: z.number().nullable(),
  peopleWithGaps: z.number(),
  gaps: z.number(),
  missing: z.number(),
  due: z.number(),
});

export const GapGroup = Counts.extend({
  key: z.string(),
  label: Explanation,
  unitId: z.number().nullable(),
  ruleCode: z.string().nullable(),
  category: z.string().nullable(),
});

export const GapsSummary = z.object({
  asOf: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  groupBy: z.enum(['unit', 'rule', 'category']),
  totals: Counts,
  groups: z.array(GapGroup),
});

export const GapsPeopleQuery = GapFilters.extend({
  ruleCode: z.string().max(60).optional(),
  category: z.string().max(40).optional(),
  /** A child unit of `unitId` (a row of the summary by unit); `unitId` itself: the people directly in it. */
  groupUnitId: Id.optional(),
  status: z.enum(['missing', 'due']).optional(),
})
  .extend(PostFilters.shape)
  .extend(Page.shape);

export const GapsExportQuery = GapsPeopleQuery.omit({ page: true, pageSize: true });

export const GapPersonRow = z.object({
  personId: z.number(),
  fullName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  category: z.string(),
  /** Rank (code) and post on the date. */
  rank: z.string().nullable(),
  post: z.string().nullable(),
  ruleId: z.number(),
  ruleCode: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  status: z.enum(['missing', 'due']),
  dueBy: z.string().nullable(),
  explanation: Explanation,
});

export const PURPOSE_LABELS: Record<string, { vi: string; en: string }> = {
  POLITICAL_THEORY_INTERMEDIATE: { vi: 'Trung cấp lý luận chính trị', en: 'Intermediate political theory' },
  POLITICAL_THEORY_ADVANCED: { vi: 'Cao cấp lý luận chính trị', en: 'Advanced political theory' },
  POSTGRADUATE: { vi: 'Đào tạo sau đại học', en: 'Postgraduate study' },
};

export const EligibilityRule = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  purpose: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  /** All must hold; a purpose with several rules is met by any of them. */
  conditions: z.array(EligibilityCondition),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  legalSource: LegalSource,
  ownerUnitId: z.number().nullable(),
  ownerUnitName: z.string().nullable(),
  builtIn: z.boolean(),
  supersedesId: z.number().nullable(),
  retiredReason: z.string().nullable(),
  state: z.enum(RULE_STATES),
  /** This version governs the actor's own unit on the date (false when overridden or retired there). */
  applies: z.boolean(),
});

/** One eligibility rule version with every version of its code the actor may see. */
export const EligibilityRuleDetail = EligibilityRule.extend({ versions: z.array(EligibilityRule) });

const ConditionResult = z.object({
  type: z.string(),
  passed: z.boolean(),
  explanation: Explanation,
});

export const EligibilityRuleResult = z.object({
  ruleId: z.number(),
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  legalSource: LegalSource,
  passed: z.boolean(),
  conditions: z.array(ConditionResult),
});

export const PersonEligibility = z.object({
  personId: z.number(),
  asOf: z.string(),
  working: z.boolean(),
  purposes: z.array(
    z.object({
      purpose: z.string(),
      label: Explanation,
      eligible: z.boolean(),
      rules: z.array(EligibilityRuleResult),
    }),
  ),
});

export const PurposeParams = z.object({ purpose: z.string().regex(/^[A-Z][A-Z0-9_]{1,59}$/) });

/** The gaps' filters with the post filters (ADR 048: the post held on `asOf`) and paging. */
export const EligiblePeopleQuery = GapFilters.extend(PostFilters.shape).extend(Page.shape);

export const EligiblePerson = z.object({
  personId: z.number(),
  fullName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  category: z.string(),
  rank: z.string().nullable(),
  leadershipTier: z.string(),
  /** The rules (paths) the person passes, each with its explained conditions. */
  rules: z.array(EligibilityRuleResult),
});
