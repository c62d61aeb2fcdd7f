import { z } from 'zod';
import { IsoDate, RequiredText } from './common';
import { RATINGS } from './rules';
import { LegalSourceInput, PURPOSE_LABELS, RuleCode, RuleSelectorInput } from './standards';

/**
 * Writing eligibility rules: a province adds its own (e.g. its sponsorship policy for
 * postgraduate study), changes a rule from a date, retires or copies one. Versioned and owned
 * exactly like standards (docs/adr/006-rule-versions.md); the read side is in ./standards.ts.
 */

const msg = (vi: string, en: string) => ({ params: { vi, en } });
const Code = z.string().min(1).max(40);

/** One condition as typed by a user; all conditions of a rule must hold. */
export const EligibilityConditionInput = z.discriminatedUnion('type', [
  /** Years since the start of service, on the date checked. */
  z.strictObject({ type: z.literal('minServiceYears'), years: z.number().min(0).max(45) }),
  /** Age on the date checked, at most (whole years). */
  z.strictObject({ type: z.literal('maxAge'), years: z.number().int().min(18).max(70) }),
  /** The yearly rating of each of the previous `years` years is at least `rating`. */
  z.strictObject({
    type: z.literal('ratingsAtLeast'),
    rating: z.enum(RATINGS.filter((r) => r !== 'FAILED') as ['EXCELLENT', 'GOOD', 'COMPLETED']),
    years: z.number().int().min(1).max(10),
  }),
  z.strictObject({ type: z.literal('partyMember') }),
  /** Holds a qualification of `kind` at `minLevel` or higher (codes of `qualification_kind`, `level_<kind>`). */
  z.strictObject({ type: z.literal('minQualification'), kind: Code, minLevel: Code }),
  /** Does not already hold it (no one is sent twice to the same level). */
  z.strictObject({ type: z.literal('notHolding'), kind: Code, minLevel: Code }),
  /** Category, rank, tier, unit level or post, as in standards. */
  z.strictObject({ type: z.literal('selector'), selector: RuleSelectorInput }),
]);

/** What the rule is for: one of the known purposes (each has its own screen and label). */
export const Purpose = z
  .string()
  .refine(
    (p) => p in PURPOSE_LABELS,
    msg(
      `phải là một trong: ${Object.keys(PURPOSE_LABELS).join(', ')}`,
      `must be one of ${Object.keys(PURPOSE_LABELS).join(', ')}`,
    ),
  );

const Conditions = z.array(EligibilityConditionInput).min(1).max(20);

/** A province's own eligibility rule, owned by the actor's scope unit. */
export const CreateEligibilityRuleBody = z
  .object({
    code: RuleCode,
    purpose: Purpose,
    titleVi: RequiredText(300),
    titleEn: RequiredText(300),
    conditions: Conditions,
    effectiveFrom: IsoDate,
    /** First day the rule no longer holds (null: open). */
    effectiveTo: IsoDate.nullable().optional(),
    legalSource: LegalSourceInput,
  })
  .refine((b) => !b.effectiveTo || b.effectiveTo > b.effectiveFrom, {
    path: ['effectiveTo'],
    ...msg('phải sau ngày bắt đầu hiệu lực', 'must be after effectiveFrom'),
  });

/** A new version from `effectiveFrom`; omitted fields are taken from the version it replaces. */
export const ReviseEligibilityRuleBody = z.object({
  effectiveFrom: IsoDate,
  titleVi: RequiredText(300).optional(),
  titleEn: RequiredText(300).optional(),
  conditions: Conditions.optional(),
  legalSource: LegalSourceInput.optional(),
});
