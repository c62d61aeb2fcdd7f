import { z } from 'zod';
import { Id, Int, OptionalText, PastDate } from './common';

const Code = z.string().min(1).max(40);

/** `/people/:id/ratings/:year`. */
export const RatingYearParams = z.object({
  id: Id,
  /** The rated year (rating periods are calendar years). */
  year: Int(1990, 2200),
});

/**
 * A year's quality rating. From the year a rating scale is in force for the person's category
 * (Decree 335/2025: 2026 on, civil servants), `points` are required and the rating is derived
 * from the scale's bands; `rating`, if sent, must agree. Before that (Decree 90/2020 criteria),
 * `rating` is given directly and `points` are refused.
 */
export const PutRatingBody = z.object({
  /** A code of the list `annual_rating` (EXCELLENT, GOOD, COMPLETED, FAILED). */
  rating: Code.optional(),
  /** 0-100, at most two decimals. */
  points: z
    .number()
    .min(0)
    .max(100)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
      params: { vi: 'tối đa 2 chữ số thập phân', en: 'at most two decimals' },
    })
    .optional(),
  note: OptionalText(1000),
});

export const AnnualRating = z.object({
  year: z.number(),
  /** Code of `annual_rating`. */
  rating: z.string(),
  /** Points on the year's scale; null when rated by criteria (before the points scale). */
  points: z.number().nullable(),
  /** The unit the person was rated in: their unit at the end of that year. */
  unitId: z.number(),
  unitName: z.string(),
  note: z.string().nullable(),
  updatedAt: z.string(),
  /** Display name of the user who recorded it last; null for imported ratings. */
  updatedByName: z.string().nullable(),
});
export type AnnualRating = z.infer<typeof AnnualRating>;

export const RatingsOfPersonResponse = z.object({ items: z.array(AnnualRating) });

export const DistributionQuery = z.object({
  /** Subtree to report on (default: the actor's scope unit). */
  unitId: Id.optional(),
  year: Int(1990, 2200),
});

/** Counts of ratings, one field per rating code. */
export const RatingCounts = z.object({
  EXCELLENT: z.number(),
  GOOD: z.number(),
  COMPLETED: z.number(),
  FAILED: z.number(),
  /** Everyone rated (any code). */
  total: z.number(),
});
export type RatingCounts = z.infer<typeof RatingCounts>;

/**
 * The "excellent" cap of one unit under one scale: `excellent` may be at most `capPct`% of
 * `goodOrBetter` (GOOD + EXCELLENT), i.e. `excellent * 100 <= capPct * goodOrBetter`.
 */
export const CapCheck = z.object({
  scaleCode: z.string(),
  capPct: z.number(),
  excellent: z.number(),
  goodOrBetter: z.number(),
  /** The most "excellent" ratings the cap allows (rounded down). */
  maxExcellent: z.number(),
  /** Share of excellent among good or better, in % (one decimal); 0 when nobody is good or better. */
  excellentPct: z.number(),
  breaksCap: z.boolean(),
});

export const DistributionUnit = z.object({
  unitId: z.number(),
  unitName: z.string(),
  counts: RatingCounts,
  /** One check per capped scale under which people of the unit were rated that year. */
  caps: z.array(CapCheck),
  breaksCap: z.boolean(),
});

export const Distribution = z.object({
  year: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  totals: RatingCounts,
  /** Units (where people were rated) of the subtree, by name. */
  units: z.array(DistributionUnit),
  /** How many units break the cap. */
  unitsBreakingCap: z.number(),
});
export type Distribution = z.infer<typeof Distribution>;

export const REWARD_KINDS = ['reward', 'discipline'] as const;

/** A reward (for excellence) or a disciplinary measure, with the decision. */
export const RewardDisciplineBody = z.object({
  kind: z.enum(REWARD_KINDS),
  /** A code of `reward_form` (kind reward) or `discipline_form` (kind discipline). */
  form: Code,
  decidedOn: PastDate,
  decisionNo: OptionalText(60),
  issuer: OptionalText(200),
  reason: OptionalText(1000),
});

export const RewardDiscipline = z.object({
  id: z.number(),
  personId: z.number(),
  kind: z.enum(REWARD_KINDS),
  form: z.string(),
  decidedOn: z.string(),
  decisionNo: z.string().nullable(),
  issuer: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type RewardDiscipline = z.infer<typeof RewardDiscipline>;

export const RewardsDisciplineResponse = z.object({ items: z.array(RewardDiscipline) });

/** The scale a year's rating of a person is given on: null before the points scale (criteria). */
export const RatingScaleOfYear = z.object({
  year: z.number(),
  /** The person's category at the end of that year (scales can differ by category). */
  category: z.string(),
  scale: z
    .object({
      code: z.string(),
      bands: z.array(z.object({ rating: z.string(), minPoints: z.number() })),
      excellentCapPctOfGood: z.number().nullable(),
    })
    .nullable(),
});
