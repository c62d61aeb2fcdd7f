/**
 * The duplicated-training report (ADR 009, "Duplicated training report"): seat-holding
 * nominations of a year's classes whose person already held, before the class started, the
 * qualification the programme grants (or a higher one) or completed content covering its
 * topics, with what that repetition costs.
 */
import { z } from 'zod';
import { OverlapReason } from './catalogue';
import { Id, Int, Page } from './common';

export const DuplicatedTrainingQuery = Page.extend({
  /** classes.year; default: the current year. */
  year: Int(2000, 2200).optional(),
  /** Only nominations sent by this unit of the actor's subtree and the units below it (404 otherwise). */
  unitId: Id.optional(),
});

export const DuplicatedTrainingItem = z.object({
  nominationId: z.number(),
  classId: z.number(),
  classCode: z.string(),
  className: z.string(),
  personId: z.number(),
  personName: z.string(),
  /** Whether the actor may open the person's record (people.read over the person's unit). */
  personOpen: z.boolean(),
  /** The unit that sent the nomination. */
  unitName: z.string(),
  status: z.enum(['pending', 'approved']),
  /** Why it repeats training (held qualification, covered topics), in both languages. */
  reasons: z.array(OverlapReason),
  /** The duplicated share: 100 when the qualification (or a higher one) is held, else covered periods / programme periods. */
  sharePct: z.number(),
  /** The class's budget / its seat holders, in whole VND. */
  costPerTrainee: z.number(),
  /** costPerTrainee x share, in whole VND. */
  duplicatedCost: z.number(),
});
export type DuplicatedTrainingItem = z.infer<typeof DuplicatedTrainingItem>;

export const DuplicatedTrainingClass = z.object({
  classId: z.number(),
  code: z.string(),
  name: z.string(),
  rows: z.number(),
  cost: z.number(),
});

/** GET /reports/duplicated-training: totals and classes over all rows, the rows paged. */
export const DuplicatedTraining = z.object({
  year: z.number(),
  /** When the data was read. */
  asOf: z.string(),
  totals: z.object({
    rows: z.number(),
    /** Distinct people among the rows. */
    people: z.number(),
    /** Sum of the duplicated costs, VND. */
    cost: z.number(),
  }),
  byClass: z.array(DuplicatedTrainingClass),
  items: z.array(DuplicatedTrainingItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type DuplicatedTraining = z.infer<typeof DuplicatedTraining>;
