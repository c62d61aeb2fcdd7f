/**
 * Seat quotas, nominations, the waitlist and the nomination assistant of a class (ADR 012).
 * A nomination holds a seat from the moment it is sent (pending) until it is rejected, withdrawn
 * or substituted; when no seat is free it waits in line and is promoted automatically.
 */
import { z } from 'zod';
import { Id, Int, OptionalText, RequiredText, sortParam } from './common';
import { Decision, DecisionFields } from './decisions';

/**
 * pending -> approved | rejected | withdrawn | substituted | waitlisted (the organiser's "not now"); approved -> withdrawn | substituted;
 * waitlisted -> pending (promoted) | rejected | withdrawn.
 */
export const NOMINATION_STATUSES = [
  'pending',
  'approved',
  'waitlisted',
  'rejected',
  'withdrawn',
  'substituted',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const NOMINATION_STATUS_LABELS: Record<NominationStatus, { vi: string; en: string }> = {
  pending: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  waitlisted: { vi: 'Danh sách chờ', en: 'Waitlisted' },
  rejected: { vi: 'Không duyệt', en: 'Rejected' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  substituted: { vi: 'Đã thay người', en: 'Substituted' },
};

/** Statuses that hold one of the class's seats. */
export const SEAT_HOLDING: readonly NominationStatus[] = ['pending', 'approved'];
/** Statuses of a nomination still alive (one per person and class). */
export const LIVE_NOMINATION: readonly NominationStatus[] = ['pending', 'approved', 'waitlisted'];

const Localized = z.object({ vi: z.string(), en: z.string() });

/** Why a person should think twice: already holds it, covered its topics, another class then. */
export const NominationWarning = z.object({
  code: z.enum(['HOLDS_QUALIFICATION', 'HOLDS_HIGHER', 'TOPICS_COVERED', 'LEARNER_CLASH']),
  vi: z.string(),
  en: z.string(),
});
export type NominationWarning = z.infer<typeof NominationWarning>;

/** PUT /classes/:id/quotas: the whole set of unit quotas (an empty list removes them all). */
export const QuotasBody = z.object({
  quotas: z
    .array(z.object({ unitId: Id, seats: z.number().int().min(1).max(5000) }))
    .max(500)
    .refine((q) => new Set(q.map((x) => x.unitId)).size === q.length, {
      params: { vi: 'mỗi đơn vị chỉ một dòng', en: 'one line per unit' },
    }),
});

export const NominationCheckBody = z.object({ personId: Id });

export const NominateBody = z.object({
  personId: Id,
  note: OptionalText(500),
  /** Send despite the warnings (they are recorded with the nomination). Without it: 409 NEEDS_CONFIRMATION. */
  confirm: z.boolean().default(false),
});

export const DecisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  /** Required when rejecting. */
  reason: OptionalText(1000),
  /**
   * Approving is the send-to-study decision (ADR 044): its number, date, signer and title,
   * required where the policy approvals.decision_required is on; ignored when rejecting.
   */
  ...DecisionFields,
});

export const WithdrawBody = z.object({ reason: RequiredText(1000) });

export const SubstituteBody = z.object({
  personId: Id,
  reason: RequiredText(1000),
  confirm: z.boolean().default(false),
});

export const NominationParams = z.object({ id: Id, nominationId: Id });

export const NominationCheck = z.object({
  personId: z.number(),
  warnings: z.array(NominationWarning),
  /** What would happen now: a seat, or the waitlist (and why). */
  outcome: z.enum(['seat', 'waitlist']),
  outcomeReason: z.enum(['CLASS_FULL', 'QUOTA_FULL', 'POOL_FULL']).nullable(),
});

export const NominationEvent = z.object({
  at: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  comment: z.string().nullable(),
  by: z.string().nullable(),
});

export const Nomination = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  birthDate: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  /** The quota the seat counts against (null: the seats no unit was given). */
  quotaUnitId: z.number().nullable(),
  status: z.enum(NOMINATION_STATUSES),
  /** 1-based place in the waitlist, for waitlisted nominations. */
  waitlistPosition: z.number().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  warnings: z.array(NominationWarning),
  nominatedBy: z.string().nullable(),
  nominatedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The send-to-study decision recorded on approval (ADR 044). */
  ...Decision.shape,
  replacesId: z.number().nullable(),
  replacedById: z.number().nullable(),
  /** What the actor may do with it now. */
  canDecide: z.boolean(),
  /** Why the actor may not approve it (the four-eyes rule, ADR 038: the server's refusal), or null. */
  approveBlockedReason: z.string().nullable(),
  canWithdraw: z.boolean(),
  canSubstitute: z.boolean(),
  events: z.array(NominationEvent),
});
export type Nomination = z.infer<typeof Nomination>;

export const Quota = z.object({
  unitId: z.number(),
  unitName: z.string(),
  seats: z.number(),
  taken: z.number(),
  waitlisted: z.number(),
});

/** GET /classes/:id/nominations: the seats, the quotas and the nominations the actor may see. */
export const NominationsView = z.object({
  classId: z.number(),
  capacity: z.number(),
  /** Seats held (pending + approved). */
  taken: z.number(),
  approved: z.number(),
  pending: z.number(),
  waitlisted: z.number(),
  /** Seats no unit was given (capacity minus the quotas) and how many of them are held. */
  pool: z.object({ seats: z.number(), taken: z.number() }),
  deadline: z.string().nullable(),
  /** Whether new nominations are taken now, and if not why. */
  open: z.boolean(),
  closedReason: Localized.nullable(),
  quotas: z.array(Quota),
  /** All nominations for the class's managers; those of the actor's subtree for a unit officer. */
  items: z.array(Nomination),
  /** Nominations outside the actor's subtree, counted but not shown. */
  hiddenCount: z.number(),
  canNominate: z.boolean(),
  canManage: z.boolean(),
});
export type NominationsView = z.infer<typeof NominationsView>;

/** The columns a class's nominations sort by (`sort=personName`, `sort=-nominatedAt`). */
export const NOMINATION_SORT_KEYS = ['personName', 'birthDate', 'unitName', 'status', 'nominatedAt'] as const;
export type NominationSort =
  | (typeof NOMINATION_SORT_KEYS)[number]
  | `-${(typeof NOMINATION_SORT_KEYS)[number]}`;

export const NominationsQuery = z.object({
  /**
   * Sort by one column (a "-" before the key: descending); default: approved, pending, the
   * waitlist in its order, then the closed ones, by name. `status` sorts in that live order.
   */
  sort: sortParam(NOMINATION_SORT_KEYS),
});

export const SuggestionsQuery = z.object({
  /** A unit of the actor's subtree (default: the whole subtree). */
  unitId: Id.optional(),
  limit: Int(1, 200).default(50),
});

/** A person the assistant proposes: in scope, with a gap the programme fills, not yet nominated. */
export const Suggestion = z.object({
  personId: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  rankCode: z.string().nullable(),
  postCode: z.string().nullable(),
  planningTitle: z.string().nullable(),
  gaps: z.array(
    z.object({
      ruleCode: z.string(),
      title: Localized,
      status: z.enum(['missing', 'due']),
      dueBy: z.string().nullable(),
    }),
  ),
  /** Another live nomination whose class dates overlap this class. */
  clash: Localized.nullable(),
});

export const Suggestions = z.object({
  classId: z.number(),
  /** The standards (rule codes) the programme's qualification satisfies; empty when it grants none. */
  ruleCodes: z.array(z.string()),
  items: z.array(Suggestion),
  /** People matching beyond the limit. */
  more: z.number(),
});
