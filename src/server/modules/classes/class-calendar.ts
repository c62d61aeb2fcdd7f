/**
 * The schedule's say on a class's steps (ADR 025), read from the database: its sessions, its
 * dated assessments and the `class.calendar` policy in force today for its organiser, handed to
 * the pure rules of `class-calendar.rules.ts`. Every path that finishes, closes, issues
 * certificates, takes attendance or enters scores (API, grade-book sheets, imports, CLI) asks
 * here, so they refuse alike: 409 TOO_EARLY with the moment it becomes possible.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { NotYet } from '../../../contracts/classes';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { readTogether } from '../../db/together';
import { instantOf, type Moment, vietnamMoment } from '../../lib/dates';
import { AppError } from '../../lib/errors';
import { policyAt } from '../policies/policies';
import {
  attendanceRefusal,
  type CalendarAssessment,
  type CalendarPolicy,
  type CalendarSession,
  certificatesRefusal,
  classStart,
  closeRefusal,
  finishRefusal,
  type Refusal,
  scoresRefusal,
  type TeachingEnd,
  teachingEnd,
} from './class-calendar.rules';

/** What the calendar needs of a class row. */
export interface CalendarClass {
  id: number;
  startsOn: string;
  endsOn: string;
  organiserPath: string;
}

export interface ClassCalendar {
  cls: CalendarClass;
  now: Moment;
  sessions: (CalendarSession & { id: number })[];
  assessments: (CalendarAssessment & { id: number })[];
  policy: CalendarPolicy;
  end: TeachingEnd;
}

/** The class's sessions, dated assessments and calendar policy, read at `now`. */
export async function calendarOf(q: Queryable, c: CalendarClass, now: Date): Promise<ClassCalendar> {
  const [sessions, assessments] = await readTogether(
    q,
    () =>
      q.execute(sql`select id, day::text as day, starts_at as "startsAt", ends_at as "endsAt"
      from class_sessions where class_id = ${c.id} order by day, starts_at, id`),
    () =>
      q.execute(sql`select id, name, held_on::text as "heldOn"
      from class_assessments where class_id = ${c.id} order by position, id`),
  );
  const at = vietnamMoment(now);
  // The thresholds in force on the day of the step, for the organiser's subtree.
  const policy = (await policyAt(q, 'class.calendar', at.day, c.organiserPath)).value;
  const s = rowsOf<CalendarSession & { id: number }>(sessions).map((x) => ({ ...x, id: Number(x.id) }));
  const a = rowsOf<CalendarAssessment & { id: number }>(assessments).map((x) => ({ ...x, id: Number(x.id) }));
  return { cls: c, now: at, sessions: s, assessments: a, policy, end: teachingEnd(c, s, a) };
}

/** As the API says it: the instant with Vietnam's offset and the message. */
export function notYetOf(r: Refusal | null): z.infer<typeof NotYet> | null {
  return r ? { possibleFrom: instantOf(r.possibleFrom), message: r.message } : null;
}

/** The one error of a refused step: 409 TOO_EARLY, the reason and when it becomes possible. */
export function tooEarly(r: Refusal): AppError {
  return new AppError('TOO_EARLY', {
    message: r.message,
    details: { possibleFrom: instantOf(r.possibleFrom) },
  });
}

/** Finishing, closing and issuing certificates, each refused or not by the schedule now. */
export function classSteps(cal: ClassCalendar) {
  return {
    finished: finishRefusal(cal.end, cal.now),
    closed: closeRefusal(cal.end, cal.policy, cal.now),
    certificates: certificatesRefusal(cal.end, cal.policy, cal.now),
  };
}

/** Throws TOO_EARLY when the schedule does not allow the step now. */
export async function assertClassStep(
  q: Queryable,
  c: CalendarClass,
  step: 'finished' | 'closed' | 'certificates',
  now: Date,
): Promise<ClassCalendar> {
  const cal = await calendarOf(q, c, now);
  const refusal = classSteps(cal)[step];
  if (refusal) throw tooEarly(refusal);
  return cal;
}

/** Each session's attendance refusal now (null: it may be taken), by session id. */
export function sessionRefusals(cal: ClassCalendar): Map<number, Refusal | null> {
  return new Map(cal.sessions.map((s) => [s.id, attendanceRefusal(s, cal.policy, cal.now)]));
}

/**
 * Each assessment's score refusal now (null: scores may be entered), by assessment id. The one
 * rule the grade book, its sheets and the results import apply to a score.
 */
export function scoreRefusals(cal: ClassCalendar): Map<number, Refusal | null> {
  const start = classStart(cal.cls, cal.sessions);
  return new Map(cal.assessments.map((a) => [a.id, scoresRefusal(a, start, cal.now)]));
}
