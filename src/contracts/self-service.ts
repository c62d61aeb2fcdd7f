/**
 * Learner self-service (ADR 017): my classes with my attendance, scores and result; the classes
 * open for nomination my unit could send me to; my requests to join one, which go to the unit
 * officer over me, who accepts (a nomination is sent) or declines with a reason.
 */
import { z } from 'zod';
import { CLASS_STATUSES } from './classes';
import { Id, OptionalText, RequiredText } from './common';
import { NOMINATION_STATUSES } from './nominations';
import { ATTENDANCE_STATUSES, ResultReason } from './results';

export const JOIN_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

export const JOIN_REQUEST_STATUS_LABELS: Record<JoinRequestStatus, { vi: string; en: string }> = {
  pending: { vi: 'Chờ đơn vị xem xét', en: 'Awaiting my unit' },
  accepted: { vi: 'Đơn vị đã cử', en: 'Sent by my unit' },
  declined: { vi: 'Đơn vị không cử', en: 'Declined' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

const Localized = z.object({ vi: z.string(), en: z.string() });

/** The class as a learner sees it: what, where, when, who teaches and organises it. */
export const SelfClass = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  programmeName: z.string(),
  institutionName: z.string().nullable(),
  organiserUnitName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string().nullable(),
  mode: z.enum(['in_person', 'online', 'blended']),
  status: z.enum(CLASS_STATUSES),
  nominationDeadline: z.string().nullable(),
});

/** One session of my class and my mark at it (null: not taken yet). */
export const MySession = z.object({
  sessionId: z.number(),
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  topicName: z.string().nullable(),
  mark: z.enum(ATTENDANCE_STATUSES).nullable(),
  reason: z.string().nullable(),
});

export const MyScore = z.object({
  assessmentId: z.number(),
  name: z.string(),
  kind: z.enum(['test', 'essay', 'project']),
  weight: z.number(),
  /** 0-10; null: not scored yet. */
  score: z.number().nullable(),
});

/** My result: stored when the class finished, else computed now by the rules in force. */
export const MyResult = z.object({
  stored: z.boolean(),
  attendancePct: z.number(),
  average: z.number().nullable(),
  minScore: z.number().nullable(),
  passed: z.boolean(),
  borderline: z.boolean(),
  grade: z.string(),
  gradeLabel: Localized,
  reasons: z.array(ResultReason),
});

/** GET /me/classes: one item per nomination of mine, every status. */
export const MyClass = z.object({
  nominationId: z.number(),
  status: z.enum(NOMINATION_STATUSES),
  /** 1-based place in the waitlist, when waitlisted. */
  waitlistPosition: z.number().nullable(),
  /** Why rejected, withdrawn or substituted. */
  reason: z.string().nullable(),
  note: z.string().nullable(),
  nominatedAt: z.string(),
  decidedAt: z.string().nullable(),
  class: SelfClass,
  /** Sessions held by the class and those I attended (present or late); only once enrolled. */
  attendance: z.object({ sessions: z.number(), attended: z.number(), items: z.array(MySession) }),
  scores: z.array(MyScore),
  result: MyResult.nullable(),
});
export type MyClass = z.infer<typeof MyClass>;
export const MyClasses = z.object({ items: z.array(MyClass) });

/** A request to join a class, as the learner and the unit officer see it. */
export const JoinRequest = z.object({
  id: z.number(),
  status: z.enum(JOIN_REQUEST_STATUSES),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  class: SelfClass,
  person: z.object({
    id: z.number(),
    fullName: z.string(),
    birthDate: z.string().nullable(),
    unitName: z.string(),
  }),
  /** The nomination sent on acceptance, with its status now. */
  nomination: z.object({ id: z.number(), status: z.enum(NOMINATION_STATUSES) }).nullable(),
  /** Whether the class still takes nominations (deadline and status). */
  classOpen: z.boolean(),
});
export type JoinRequest = z.infer<typeof JoinRequest>;
export const JoinRequestList = z.object({ items: z.array(JoinRequest) });

/** GET /me/open-classes: classes open for nomination my unit could send me to. */
export const OpenClass = SelfClass.extend({
  capacity: z.number(),
  seatsTaken: z.number(),
  /** My live nomination to it, if I am already sent. */
  nomination: z.object({ id: z.number(), status: z.enum(NOMINATION_STATUSES) }).nullable(),
  /** My latest request to join it. */
  request: z.object({ id: z.number(), status: z.enum(JOIN_REQUEST_STATUSES) }).nullable(),
  /** I may ask now: no live nomination and no pending request. */
  canRequest: z.boolean(),
});
export const OpenClasses = z.object({ items: z.array(OpenClass) });

export const JoinRequestBody = z.object({
  classId: Id,
  /** Why I would like to go, for my unit officer. */
  note: OptionalText(500),
});

export const JoinRequestsQuery = z.object({
  status: z.enum(JOIN_REQUEST_STATUSES).optional(),
});

export const AcceptJoinRequestBody = z.object({
  /** Send despite the nomination warnings; without it: 409 NEEDS_CONFIRMATION with them. */
  confirm: z.boolean().default(false),
});

export const DeclineJoinRequestBody = z.object({ reason: RequiredText(1000) });
