/** Classes ("K24/2026") opened from the catalogue and plan lines, with sessions (ADR 011). */
import { z } from 'zod';
import { PROGRAMME_MODES } from './catalogue';
import { Id, Int, IsoDate, OptionalText, Page, RequiredText, sortParam } from './common';
import { updateOf, updateShape } from './update';

const msg = (vi: string, en: string) => ({ params: { vi, en } });
const Code = z.string().min(1).max(40);
/** VND; as plan lines. */
const Money = z.number().int().min(0).max(10_000_000_000_000);

/** planned -> open_for_nomination -> running -> finished -> closed; cancelled from the first two. */
export const CLASS_STATUSES = [
  'planned',
  'open_for_nomination',
  'running',
  'finished',
  'closed',
  'cancelled',
] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];

export const CLASS_STATUS_LABELS: Record<ClassStatus, { vi: string; en: string }> = {
  planned: { vi: 'Dự kiến', en: 'Planned' },
  open_for_nomination: { vi: 'Đang nhận đăng ký', en: 'Open for nomination' },
  running: { vi: 'Đang học', en: 'Running' },
  finished: { vi: 'Đã kết thúc', en: 'Finished' },
  closed: { vi: 'Đã quyết toán, đóng', en: 'Closed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** "K24/2026", "QLNN-CV 03/2026": letters, digits, space, / . - _ */
export const ClassCode = z
  .string()
  .max(40)
  .refine(
    (s) => /^[\p{L}\p{N}][\p{L}\p{N} /._-]{0,39}$/u.test(s),
    msg('chỉ gồm chữ, số, khoảng trắng và / . - _', 'letters, digits, spaces and / . - _ only'),
  );

/** HH:MM, 24 hours. */
const Time = z
  .string()
  .refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), msg('giờ dạng HH:MM', 'time as HH:MM'));

const datesInOrder = (b: { startsOn?: string; endsOn?: string }) =>
  !b.startsOn || !b.endsOn || b.endsOn >= b.startsOn;
const DATES_ORDER = {
  path: ['endsOn'],
  ...msg('không được trước ngày khai giảng', 'must not be before the start date'),
};

const ClassFields = {
  code: ClassCode,
  name: RequiredText(300),
  programmeId: Id,
  institutionId: Id.nullable().optional(),
  /** The unit that organises the class (default: the actor's scope unit). */
  organiserUnitId: Id.optional(),
  /** The plan line the class carries out (same programme kind, a plan of the actor's subtree). */
  planLineId: Id.nullable().optional(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  venue: OptionalText(300),
  mode: z.enum(PROGRAMME_MODES),
  capacity: z.number().int().min(1).max(5000),
  /** Last day units may send nominations (inclusive); null: while the class is open for nomination. */
  nominationDeadline: IsoDate.nullable().optional(),
  note: OptionalText(2000),
};
/** Funding source code (list `funding_source`) -> VND. */
const Budget = z.record(Code, Money);

const CreateClassFields = { ...ClassFields, budget: Budget.default({}) };
export const CreateClassBody = z.object(CreateClassFields).refine(datesInOrder, DATES_ORDER);

/** Only the fields named change (ADR 023); `version` guards against a stale edit (409). */
export const UpdateClassBody = z
  .object(updateShape(CreateClassFields))
  .extend({ version: z.number().int().min(1) })
  .refine(datesInOrder, DATES_ORDER);

export const ClassStatusBody = z.object({
  to: z.enum(CLASS_STATUSES),
  /** Required when cancelling. */
  comment: OptionalText(1000),
});

/** The columns the class list sorts by (`sort=name`, `sort=-startsOn`). */
export const CLASS_SORT_KEYS = [
  'code',
  'name',
  'institution',
  'startsOn',
  'seatsTaken',
  'sessionCount',
] as const;

export const ClassListQuery = Page.extend({
  /** Sort by one column (a "-" before the key: descending); default: newest start first. */
  sort: sortParam(CLASS_SORT_KEYS),
  year: Int(2000, 2200).optional(),
  status: z.enum(CLASS_STATUSES).optional(),
  programmeKind: Code.optional(),
  institutionId: Id.optional(),
  planLineId: Id.optional(),
  /** Code or name, accents and case ignored. */
  q: z.string().max(100).optional(),
});

const SessionFields = z.object({
  day: IsoDate,
  startsAt: Time,
  endsAt: Time,
  /** A topic code of the class's programme. */
  topicCode: Code.nullable().optional(),
  lecturerId: Id.nullable().optional(),
  room: OptionalText(100),
  onlineUrl: z.url().max(500).nullable().optional(),
  note: OptionalText(500),
});
export const sessionTimesInOrder = (s: { startsAt?: string; endsAt?: string }) =>
  !s.startsAt || !s.endsAt || s.endsAt > s.startsAt;
export const SESSION_TIMES_ORDER = {
  path: ['endsAt'],
  ...msg('phải sau giờ bắt đầu', 'must be after the start time'),
};
export const SessionBody = SessionFields.refine(sessionTimesInOrder, SESSION_TIMES_ORDER);
/** Only the fields named change (ADR 023). */
export const UpdateSessionBody = updateOf(SessionFields).refine(sessionTimesInOrder, SESSION_TIMES_ORDER);

export const ClassSession = z.object({
  id: z.number(),
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  topicCode: z.string().nullable(),
  topicName: z.string().nullable(),
  lecturerId: z.number().nullable(),
  lecturerName: z.string().nullable(),
  room: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  note: z.string().nullable(),
});

/** Another session at the same time with the same lecturer, or in the same room. */
export const Clash = z.object({
  sessionId: z.number(),
  kind: z.enum(['lecturer', 'room']),
  other: z.object({
    classId: z.number(),
    /** Null when that class is of another subtree: it is busy, but not named. */
    classCode: z.string().nullable(),
    className: z.string().nullable(),
    sessionId: z.number(),
    day: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
  }),
  message: z.object({ vi: z.string(), en: z.string() }),
});

/** GET /classes/:id/clashes. */
export const ClassClashes = z.object({ classId: z.number(), clashes: z.array(Clash) });

export const ClassSummary = z.object({
  id: z.number(),
  code: z.string(),
  year: z.number(),
  name: z.string(),
  programmeId: z.number(),
  programmeCode: z.string(),
  programmeName: z.string(),
  programmeKind: z.string(),
  institutionId: z.number().nullable(),
  institutionName: z.string().nullable(),
  organiserUnitId: z.number(),
  organiserUnitName: z.string(),
  planLineId: z.number().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  mode: z.enum(PROGRAMME_MODES),
  capacity: z.number(),
  /** Seats held by nominations (pending + approved). */
  seatsTaken: z.number(),
  nominationDeadline: z.string().nullable(),
  budgetTotal: z.number(),
  status: z.enum(CLASS_STATUSES),
  sessionCount: z.number(),
});

/**
 * A step the class's schedule does not allow yet (ADR 025): from when it is possible and why, in
 * both languages, as the server would refuse it (409 TOO_EARLY). Null: possible now by the dates.
 */
export const NotYet = z.object({
  /** ISO instant with Vietnam's offset, e.g. 2026-12-18T17:00:00+07:00. */
  possibleFrom: z.string(),
  message: z.object({ vi: z.string(), en: z.string() }),
});

export const ClassDetail = ClassSummary.extend({
  venue: z.string().nullable(),
  budget: z.record(z.string(), z.number()),
  note: z.string().nullable(),
  version: z.number(),
  /** The plan line carried out; its plan only for those who may open that plan. */
  planLine: z
    .object({
      id: z.number(),
      level: z.string().nullable(),
      plan: z.object({ id: z.number(), title: z.string(), year: z.number() }).nullable(),
    })
    .nullable(),
  /** Statuses the actor may move the class to by its life cycle (see `notYet` for its dates). */
  nextStatuses: z.array(z.enum(CLASS_STATUSES)),
  /** What the schedule holds back now: finishing, closing, issuing certificates. */
  notYet: z.object({
    finished: NotYet.nullable(),
    closed: NotYet.nullable(),
    certificates: NotYet.nullable(),
  }),
  canManage: z.boolean(),
  sessions: z.array(ClassSession),
  clashes: z.array(Clash),
  events: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      comment: z.string().nullable(),
      by: z.string().nullable(),
    }),
  ),
});

export const ClassList = z.object({
  items: z.array(ClassSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const SessionParams = z.object({ id: Id, sessionId: Id });

/** Planned vs actual for one plan line or a roll-up: classes, trainees, budget. */
const Actual = z.object({
  plannedClasses: z.number(),
  plannedTrainees: z.number(),
  plannedBudget: z.number(),
  /** Classes past "planned" (open for nomination, running, finished, closed). */
  openedClasses: z.number(),
  finishedClasses: z.number(),
  /** Approved learners of the opened classes (ADR 012). */
  actualTrainees: z.number(),
  /** Budgets of the classes not cancelled. */
  committedBudget: z.number(),
  /** opened / planned classes, in % (null when nothing is planned). */
  classesPct: z.number().nullable(),
  traineesPct: z.number().nullable(),
});

export const PlanActual = z.object({
  planId: z.number(),
  lines: z.array(
    Actual.extend({ lineId: z.number(), programmeKind: z.string(), level: z.string().nullable() }),
  ),
  byKind: z.array(Actual.extend({ programmeKind: z.string() })),
  total: Actual,
  /** Classes of the plan's year not tied to a line of it (opened outside the plan). */
  unplannedClasses: z.number(),
});

export const PlanActualByUnitQuery = z.object({ year: Int(2000, 2100) });

/** Plan vs actual of one year over the actor's subtree: per unit's plan and per kind and level. */
export const PlanActualByUnit = z.object({
  year: z.number(),
  units: z.array(
    Actual.extend({
      planId: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      /** The plan's status: a draft's targets are not yet agreed. */
      planStatus: z.string(),
    }),
  ),
  byKindLevel: z.array(Actual.extend({ programmeKind: z.string(), level: z.string().nullable() })),
  total: Actual,
});
