import { z } from 'zod';

/**
 * The typed rule model: standards (what a post or rank requires), eligibility (who may be sent
 * to a programme) and rating scales are data, evaluated by one small engine. No user-written code.
 */

/** Where a rule comes from. */
export const LegalSource = z.object({
  /** Number/symbol and kind, e.g. "Nghị định 171/2025/NĐ-CP". */
  document: z.string().min(1).max(200),
  /** Issuing body, e.g. "Chính phủ", "Ban Bí thư". */
  issuer: z.string().max(200).optional(),
  /** Date of issue (yyyy-mm-dd). */
  issuedOn: z.string().max(10).optional(),
  article: z.string().max(100).optional(),
  url: z.string().url().max(500).optional(),
  note: z.string().max(500).optional(),
});
export type LegalSource = z.infer<typeof LegalSource>;

/** Who a standard applies to: every listed field must match; a list matches any of its codes. */
export const RuleSelector = z.object({
  category: z.array(z.string()).optional(),
  rank: z.array(z.string()).optional(),
  leadershipTier: z.array(z.string()).optional(),
  /** Unit level of the person's unit (commune, agency...). */
  unitLevel: z.array(z.string()).optional(),
  /** Post codes (list `post`), e.g. CT_UBND_XA; any of them (ADR 036). */
  postCode: z.array(z.string()).optional(),
  /** Post group codes (list `post_group`), e.g. FRONT_MASS_HEAD; any of them. */
  postGroup: z.array(z.string()).optional(),
  /** Words the post must contain, accents and case ignored ("chu tich" matches "Chủ tịch UBND xã"). */
  postContains: z.array(z.string()).optional(),
});
export type RuleSelector = z.infer<typeof RuleSelector>;

/** What a person must hold. */
export const RuleRequirement = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('qualification'),
    /** qualification_kind code, e.g. STATE_MANAGEMENT. */
    kind: z.string(),
    /** Lowest acceptable level (code of level_<kind>); higher levels (meta.rank) also satisfy. */
    minLevel: z.string(),
  }),
  z.object({
    type: z.literal('annual_periods'),
    /** Optional provincial policy: periods of fostering a year. */
    minPeriods: z.number().int().positive(),
  }),
]);
export type RuleRequirement = z.infer<typeof RuleRequirement>;

/** Time allowed after a dated event before a missing requirement counts as a gap. */
export const Grace = z.object({
  from: z.enum(['appointedOn', 'serviceStart']),
  months: z.number().int().min(1).max(120),
});
export type Grace = z.infer<typeof Grace>;

/** One condition of an eligibility rule. */
export const EligibilityCondition = z.discriminatedUnion('type', [
  z.object({ type: z.literal('minServiceYears'), years: z.number().min(0) }),
  z.object({ type: z.literal('maxAge'), years: z.number().int().positive() }),
  z.object({
    type: z.literal('ratingsAtLeast'),
    /** Lowest acceptable rating (EXCELLENT > GOOD > COMPLETED > FAILED). */
    rating: z.enum(['EXCELLENT', 'GOOD', 'COMPLETED']),
    /** Number of consecutive previous years. */
    years: z.number().int().min(1).max(10),
  }),
  z.object({ type: z.literal('partyMember') }),
  z.object({ type: z.literal('minQualification'), kind: z.string(), minLevel: z.string() }),
  z.object({ type: z.literal('notHolding'), kind: z.string(), minLevel: z.string() }),
  z.object({ type: z.literal('selector'), selector: RuleSelector }),
]);
export type EligibilityCondition = z.infer<typeof EligibilityCondition>;

/** Rating bands by points (Decree 335/2025 from 2026), as data. */
export const RatingBands = z.object({
  bands: z.array(z.object({ rating: z.string(), minPoints: z.number().min(0).max(100) })).min(1),
  /** "Excellent" may be at most this % of those rated "good" or better in a unit (null: no cap). */
  excellentCapPctOfGood: z.number().min(0).max(100).nullable(),
});
export type RatingBands = z.infer<typeof RatingBands>;

/**
 * The rating a number of points earns on a scale: the band with the highest `minPoints` not above
 * the points. Null when the points fall below every band (a scale without a 0 band). Shared by
 * the server (which decides) and the web form (which shows it while typing).
 */
export function ratingFromPoints(scale: RatingBands, points: number): string | null {
  const band = [...scale.bands].sort((a, b) => b.minPoints - a.minPoints).find((b) => points >= b.minPoints);
  return band?.rating ?? null;
}

export const RATINGS = ['EXCELLENT', 'GOOD', 'COMPLETED', 'FAILED'] as const;
export type Rating = (typeof RATINGS)[number];
/** Higher is better. */
export const RATING_ORDER: Record<Rating, number> = { EXCELLENT: 4, GOOD: 3, COMPLETED: 2, FAILED: 1 };
