/**
 * Bulk work on the nominations of a class (ADR 042): check and send several people at once, and
 * approve, reject or waitlist many pending nominations at once. Each item runs the single action's
 * service function in its own transaction, so each one passes or fails on its own (the same
 * checks, audit and scope as one by one) and the answer says what happened to each.
 */
import { z } from 'zod';
import { Id, OptionalText } from './common';
import { DecisionBody, NominationCheck, NominationsView } from './nominations';

/** At most this many people or nominations in one bulk request. */
export const BULK_MAX = 200;

const Ids = z
  .array(Id)
  .min(1)
  .max(BULK_MAX)
  .refine((ids) => new Set(ids).size === ids.length, {
    params: { vi: 'mỗi mục chỉ một lần', en: 'each item once' },
  });

export const BulkCheckBody = z.object({ personIds: Ids });

export const BulkNominateBody = z.object({
  personIds: Ids,
  note: OptionalText(500),
  /** Send those with warnings too (the warnings are recorded); without it they come back NEEDS_CONFIRMATION. */
  confirm: z.boolean().default(false),
});

/**
 * Approve or reject many nominations; the fields of one decision (the reason, and whatever the
 * single decision takes) apply to each.
 */
export const BulkDecisionBody = DecisionBody.extend({ nominationIds: Ids });

/** Move pending nominations back to the waitlist (the organiser's "not now"), with one reason. */
export const WaitlistBody = z.object({ reason: OptionalText(1000) });
export const BulkWaitlistBody = WaitlistBody.extend({ nominationIds: Ids });

/** Why one item failed: the error code and message the single action would have answered. */
export const BulkError = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

/** One person of a bulk check: who they are, and the check or why it could not be made. */
export const BulkCheckItem = z.object({
  personId: z.number(),
  fullName: z.string().nullable(),
  birthDate: z.string().nullable(),
  postCode: z.string().nullable(),
  post: z.string().nullable(),
  unitName: z.string().nullable(),
  check: NominationCheck.nullable(),
  error: BulkError.nullable(),
});

export const BulkCheckResult = z.object({ items: z.array(BulkCheckItem) });

export const BulkOutcome = z.object({
  /** The person (bulk nominate) or the nomination (bulk decision, waitlist). */
  id: z.number(),
  ok: z.boolean(),
  /** The nomination's status after the action, when it succeeded. */
  status: z.string().nullable(),
  error: BulkError.nullable(),
});
export type BulkOutcome = z.infer<typeof BulkOutcome>;

export const BulkResult = z.object({
  done: z.number(),
  failed: z.number(),
  results: z.array(BulkOutcome),
  view: NominationsView,
});
export type BulkResult = z.infer<typeof BulkResult>;
