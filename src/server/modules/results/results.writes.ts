/**
 * The writes of a class's grade book (ADR 013), shared by the typed routes and the grade-book
 * sheets: attendance marks and scores (each only for a session or assessment already held, ADR
 * 025), the check of an assessment's day, and the re-stored results of a finished class. The
 * caller holds the class row lock and the transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AuditRequest } from '../../../contracts/audit';
import type { AttendanceStatus } from '../../../contracts/results';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { classAttendance, classScores } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, ddmmyyyy, todayOf } from '../../lib/dates';
import { fieldError, invalid } from '../../lib/errors';
import { calendarOf, scoreRefusals, sessionRefusals, tooEarly } from '../classes/class-calendar';
import type { Refusal } from '../classes/class-calendar.rules';
import type { ClassRow } from '../classes/classes.queries';
import { storeResults } from './results.compute';
import { assertMarksOwnSessions } from './results.own-sessions';
import { assessmentsOf, learnersOf, sessionsOf } from './results.queries';
import type { NotYetById } from './results.sheets';

/** The refusals that are not null, as a sheet reader takes them. */
export const refusedOnly = (m: Map<number, Refusal | null>): NotYetById =>
  new Map([...m].flatMap(([id, r]) => (r ? [[id, r.message] as const] : [])));

/** The first of `ids` (in the calendar's order) that is refused: writing it would record what has not happened. */
function firstRefused(order: { id: number }[], refusals: Map<number, Refusal | null>, ids: Set<number>) {
  for (const x of order) {
    const r = ids.has(x.id) ? refusals.get(x.id) : null;
    if (r) return r;
  }
  return null;
}

export function createResultWrites({ clock }: { clock: Clock }) {
  /** A finished class keeps its stored results in step with every correction. */
  async function afterWrite(q: Queryable, c: ClassRow) {
    if (c.status === 'finished') await storeResults(q, c, clock.now());
  }

  /**
   * An assessment's day lies within the class's dates; one with scores cannot move to a day that
   * has not come (its scores would record what has not happened).
   */
  async function checkHeldOn(q: Queryable, c: ClassRow, assessmentId: number | null, heldOn: string) {
    if (heldOn < c.startsOn || heldOn > c.endsOn)
      throw invalid([
        fieldError(
          'heldOn',
          `phải trong thời gian của lớp (${ddmmyyyy(c.startsOn)} – ${ddmmyyyy(c.endsOn)})`,
          `must be within the class's dates (${ddmmyyyy(c.startsOn)} – ${ddmmyyyy(c.endsOn)})`,
        ),
      ]);
    if (assessmentId === null) return;
    const scored = rowsOf(
      await q.execute(sql`select 1 from class_scores where assessment_id = ${assessmentId} limit 1`),
    );
    if (scored.length && heldOn > todayOf(clock))
      throw invalid([
        fieldError(
          'heldOn',
          'bài đã có điểm: không dời sang ngày chưa tới được',
          'the assessment has scores: it cannot move to a day that has not come',
        ),
      ]);
  }

  async function enrolled(q: Queryable, classId: number, ids: number[]) {
    const learners = new Set((await learnersOf(q, classId)).map((l) => l.nominationId));
    const bad = [...new Set(ids)].filter((n) => !learners.has(n));
    if (bad.length)
      throw invalid([
        fieldError(
          'nominationId',
          `không phải học viên của lớp: ${bad.join(', ')}`,
          `not learners of the class: ${bad.join(', ')}`,
        ),
      ]);
  }

  async function writeMarks(
    q: Queryable,
    actor: Actor,
    c: ClassRow,
    marks: {
      sessionId: number;
      nominationId: number;
      status: AttendanceStatus | null;
      reason?: string | null;
    }[],
    request?: AuditRequest,
  ) {
    const sessionRows = await sessionsOf(q, c.id);
    const sessions = new Set(sessionRows.map((s) => s.id));
    const badSessions = [...new Set(marks.map((m) => m.sessionId))].filter((s) => !sessions.has(s));
    if (badSessions.length)
      throw invalid([
        fieldError(
          'sessionId',
          `không phải buổi học của lớp: ${badSessions.join(', ')}`,
          `not sessions of the class: ${badSessions.join(', ')}`,
        ),
      ]);
    // A lecturer's login marks (or clears) the sessions it teaches only (ADR 063).
    await assertMarksOwnSessions(
      q,
      actor,
      c.id,
      sessionRows,
      marks.map((m) => m.sessionId),
    );
    await enrolled(
      q,
      c.id,
      marks.map((m) => m.nominationId),
    );
    // A mark of a session not yet held is refused; clearing one stays possible (ADR 025).
    const cal = await calendarOf(q, c, clock.now());
    const held = firstRefused(
      cal.sessions,
      sessionRefusals(cal),
      new Set(marks.filter((m) => m.status !== null).map((m) => m.sessionId)),
    );
    if (held) throw tooEarly(held);
    for (const m of marks) {
      const key = and(
        eq(classAttendance.sessionId, m.sessionId),
        eq(classAttendance.nominationId, m.nominationId),
      );
      if (m.status === null) await q.delete(classAttendance).where(key);
      else
        await q
          .insert(classAttendance)
          .values({
            sessionId: m.sessionId,
            nominationId: m.nominationId,
            status: m.status,
            reason: m.reason ?? null,
            recordedBy: actor.userId || null,
            recordedAt: clock.now(),
          })
          .onConflictDoUpdate({
            target: [classAttendance.sessionId, classAttendance.nominationId],
            // A mark that does not name its reason keeps the one recorded (ADR 023).
            set: {
              status: m.status,
              ...(m.reason === undefined ? {} : { reason: m.reason }),
              recordedBy: actor.userId || null,
              recordedAt: clock.now(),
            },
          });
    }
    await audit(q, actor, {
      action: 'class.attendance',
      entity: 'class',
      entityId: c.id,
      summary: `${c.code}: ${marks.length} điểm danh / marks`,
      scopePath: c.organiserPath,
      after: { marks: marks.length },
      request,
    });
    await afterWrite(q, c);
  }

  async function writeScores(
    q: Queryable,
    actor: Actor,
    c: ClassRow,
    scores: { assessmentId: number; nominationId: number; score: number | null }[],
    request?: AuditRequest,
  ) {
    const assessments = new Set((await assessmentsOf(q, c.id)).map((a) => a.id));
    const bad = [...new Set(scores.map((s) => s.assessmentId))].filter((a) => !assessments.has(a));
    if (bad.length)
      throw invalid([
        fieldError(
          'assessmentId',
          `không phải bài đánh giá của lớp: ${bad.join(', ')}`,
          `not assessments of the class: ${bad.join(', ')}`,
        ),
      ]);
    await enrolled(
      q,
      c.id,
      scores.map((s) => s.nominationId),
    );
    // A score of an assessment not yet held is refused; clearing one stays possible (ADR 025).
    const cal = await calendarOf(q, c, clock.now());
    const early = firstRefused(
      cal.assessments,
      scoreRefusals(cal),
      new Set(scores.filter((s) => s.score !== null).map((s) => s.assessmentId)),
    );
    if (early) throw tooEarly(early);
    for (const s of scores) {
      const key = and(
        eq(classScores.assessmentId, s.assessmentId),
        eq(classScores.nominationId, s.nominationId),
      );
      if (s.score === null) await q.delete(classScores).where(key);
      else
        await q
          .insert(classScores)
          .values({
            assessmentId: s.assessmentId,
            nominationId: s.nominationId,
            score: String(s.score),
            recordedBy: actor.userId || null,
            recordedAt: clock.now(),
          })
          .onConflictDoUpdate({
            target: [classScores.assessmentId, classScores.nominationId],
            // A corrected score is no longer the import's (its undo then refuses: ADR 018).
            set: {
              score: String(s.score),
              recordedBy: actor.userId || null,
              recordedAt: clock.now(),
              importId: null,
            },
          });
    }
    await audit(q, actor, {
      action: 'class.scores',
      entity: 'class',
      entityId: c.id,
      summary: `${c.code}: ${scores.length} điểm / scores`,
      scopePath: c.organiserPath,
      after: { scores: scores.length },
      request,
    });
    await afterWrite(q, c);
  }

  return { afterWrite, checkHeldOn, enrolled, writeMarks, writeScores };
}
