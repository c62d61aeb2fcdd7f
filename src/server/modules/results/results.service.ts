/**
 * Attendance, conduct, assessments, scores and results of a class (ADR 013). Read and written by
 * the class's managers (organiser, institution staff) and by the lecturers who teach one of its
 * sessions; attendance and scores while the class runs, corrections until it is closed. Every
 * write runs under the class row lock, is audited, and re-stores the results of a finished class.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ASSESSMENT_KINDS,
  AssessmentBody,
  AttendanceBody,
  ConductBody,
  ScoresBody,
  SheetImportBody,
  UpdateAssessmentBody,
} from '../../../contracts/results';
import type { Db, Queryable } from '../../db/client';
import { classAssessments, classNominations, lecturers } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { parseCsv } from '../../lib/csv-parse';
import type { Clock } from '../../lib/dates';
import { AppError, conflict, fieldError, invalid, notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { calendarOf, notYetOf, scoreRefusals, sessionRefusals } from '../classes/class-calendar';
import { assertVisible, classManageable } from '../classes/classes.policy';
import { type ClassRow, findClass } from '../classes/classes.queries';
import { computeClassResults, storedResults } from './results.compute';
import { sessionsNotTaught } from './results.own-sessions';
import {
  assessmentsOf,
  learnersOf,
  marksOf,
  scoresOf,
  sessionsOf,
  taughtClasses,
  teaches,
} from './results.queries';
import { attendanceTemplate, readAttendanceSheet, readScoresSheet, scoresTemplate } from './results.sheets';
import { createResultWrites, refusedOnly } from './results.writes';

const MARKING = new Set(['running', 'finished']);
const SETTING_UP = new Set(['planned', 'open_for_nomination', 'running', 'finished']);

export function createResultsService({ db, clock }: { db: Db; clock: Clock }) {
  const { afterWrite, checkHeldOn, enrolled, writeMarks, writeScores } = createResultWrites({ clock });

  /** An assessment as the grade book shows it: its day and, when not held yet, from when scores are taken. */
  async function assessmentOf(q: Queryable, c: ClassRow, row: typeof classAssessments.$inferSelect) {
    const cal = await calendarOf(q, c, clock.now());
    return {
      id: row.id,
      name: row.name,
      kind: row.kind as (typeof ASSESSMENT_KINDS)[number],
      weight: Number(row.weight),
      position: row.position,
      heldOn: row.heldOn,
      notYet: notYetOf(scoreRefusals(cal).get(row.id) ?? null),
    };
  }
  /** The class if the actor teaches or manages it: 404 out of sight, 403 seen but not theirs. */
  async function teachable(q: Queryable, actor: Actor, id: number): Promise<ClassRow & { canEdit: boolean }> {
    requirePermission(actor, 'classes.read');
    const found = await findClass(q, id);
    // A lecturer reaches the classes it teaches wherever they are organised (ADR 038).
    if (found && actor.role === 'lecturer' && (await teaches(q, found.id, actor)))
      return { ...found, canEdit: MARKING.has(found.status) };
    const c = assertVisible(actor, found);
    if (!classManageable(actor, c)) throw new AppError('FORBIDDEN');
    return { ...c, canEdit: MARKING.has(c.status) };
  }

  async function locked(q: Queryable, actor: Actor, id: number, allowed: Set<string>) {
    await q.execute(sql`select id from classes where id = ${id} for update`);
    const c = await teachable(q, actor, id);
    if (!allowed.has(c.status))
      throw conflict(
        `Lớp ${c.code} không ở trạng thái cho phép ghi điểm danh, điểm (đang học hoặc đã kết thúc, chưa đóng).`,
        `Class ${c.code} does not take attendance or scores now (running or finished, not closed).`,
      );
    return c;
  }

  const learnerView = (l: Awaited<ReturnType<typeof learnersOf>>[number]) => {
    const { personalId: _p, ...rest } = l;
    return rest;
  };

  return {
    /** "My classes" of a lecturer's login: the classes and sessions it teaches (ADR 038). */
    async teaching(actor: Actor) {
      if (actor.role !== 'lecturer') throw new AppError('FORBIDDEN');
      const [lecturer] = actor.lecturerId
        ? await db
            .select({ id: lecturers.id, fullName: lecturers.fullName })
            .from(lecturers)
            .where(eq(lecturers.id, actor.lecturerId))
        : [];
      return { lecturer: lecturer ?? null, classes: await taughtClasses(db, actor) };
    },

    async attendance(actor: Actor, id: number) {
      const c = await teachable(db, actor, id);
      const [sessions, learners, marks, cal] = await Promise.all([
        sessionsOf(db, id),
        learnersOf(db, id),
        marksOf(db, id),
        calendarOf(db, c, clock.now()),
      ]);
      const refusals = sessionRefusals(cal);
      // A lecturer's login sees every session, and may mark only those it teaches (ADR 063).
      const notTaught = await sessionsNotTaught(db, actor, id, sessions);
      return {
        classId: id,
        sessions: sessions.map((s) => ({
          ...s,
          notYet: notYetOf(refusals.get(s.id) ?? null),
          canEdit: c.canEdit && !notTaught.has(s.id),
        })),
        learners: learners.map(learnerView),
        marks,
        canEdit: c.canEdit,
      };
    },

    async saveAttendance(actor: Actor, id: number, body: z.infer<typeof AttendanceBody>) {
      return db.transaction(async (tx) => {
        const c = await locked(tx, actor, id, MARKING);
        await writeMarks(tx, actor, c, body.marks, namedIn(body));
        return { ok: true as const };
      });
    },

    async conduct(actor: Actor, id: number, nominationId: number, body: z.infer<typeof ConductBody>) {
      return db.transaction(async (tx) => {
        const c = await locked(tx, actor, id, MARKING);
        await enrolled(tx, id, [nominationId]);
        const [before] = await tx
          .select({ rulesKept: classNominations.rulesKept, disciplineNote: classNominations.disciplineNote })
          .from(classNominations)
          .where(eq(classNominations.id, nominationId));
        // A note not named stays as it was (ADR 023).
        const note = body.disciplineNote === undefined ? before.disciplineNote : body.disciplineNote;
        if (!body.rulesKept && !note)
          throw invalid([
            fieldError('disciplineNote', 'ghi rõ vi phạm quy chế', 'say how the rules were broken'),
          ]);
        await tx
          .update(classNominations)
          .set({ rulesKept: body.rulesKept, disciplineNote: note, updatedAt: clock.now() })
          .where(eq(classNominations.id, nominationId));
        await audit(tx, actor, {
          action: 'class.conduct',
          entity: 'nomination',
          entityId: nominationId,
          summary: `${c.code}: ${body.rulesKept ? 'chấp hành quy chế' : `vi phạm: ${note}`}`,
          scopePath: c.organiserPath,
          before,
          after: { rulesKept: body.rulesKept, disciplineNote: note },
          request: namedIn(body),
        });
        await afterWrite(tx, c);
        return { ok: true as const };
      });
    },

    async scores(actor: Actor, id: number) {
      const c = await teachable(db, actor, id);
      const [assessments, learners, scores, cal] = await Promise.all([
        assessmentsOf(db, id),
        learnersOf(db, id),
        scoresOf(db, id),
        calendarOf(db, c, clock.now()),
      ]);
      const refusals = scoreRefusals(cal);
      return {
        classId: id,
        assessments: assessments.map((a) => ({ ...a, notYet: notYetOf(refusals.get(a.id) ?? null) })),
        learners: learners.map(learnerView),
        scores,
        canEdit: c.canEdit,
      };
    },

    async addAssessment(actor: Actor, id: number, body: z.infer<typeof AssessmentBody>) {
      return db.transaction(async (tx) => {
        const c = await locked(tx, actor, id, SETTING_UP);
        if (body.heldOn) await checkHeldOn(tx, c, null, body.heldOn);
        const position = (await assessmentsOf(tx, id)).length;
        const [row] = await tx
          .insert(classAssessments)
          .values({
            classId: id,
            position,
            name: body.name,
            kind: body.kind,
            weight: String(body.weight),
            heldOn: body.heldOn ?? null,
          })
          .returning();
        await audit(tx, actor, {
          action: 'class.assessment.create',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: ${row.name}`,
          scopePath: c.organiserPath,
          after: row,
        });
        await afterWrite(tx, c);
        return assessmentOf(tx, c, row);
      });
    },

    /** Rename, re-kind or reweight: only the fields named change (ADR 023). */
    async updateAssessment(
      actor: Actor,
      id: number,
      assessmentId: number,
      body: z.infer<typeof UpdateAssessmentBody>,
    ) {
      return db.transaction(async (tx) => {
        const c = await locked(tx, actor, id, SETTING_UP);
        const where = and(eq(classAssessments.id, assessmentId), eq(classAssessments.classId, id));
        const [before] = await tx.select().from(classAssessments).where(where);
        if (!before) throw notFound({ vi: 'bài đánh giá', en: 'Assessment' });
        if (Object.keys(body).length === 0) return assessmentOf(tx, c, before);
        if (body.heldOn) await checkHeldOn(tx, c, assessmentId, body.heldOn);
        const { weight, ...rest } = body;
        const [row] = await tx
          .update(classAssessments)
          .set({ ...rest, ...(weight === undefined ? {} : { weight: String(weight) }) })
          .where(where)
          .returning();
        const diff = changedFields(before, row);
        await audit(tx, actor, {
          action: 'class.assessment.update',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: ${row.name}`,
          scopePath: c.organiserPath,
          before: { id: row.id, ...diff.before },
          after: { id: row.id, ...diff.after },
          request: namedIn(body),
        });
        await afterWrite(tx, c);
        return assessmentOf(tx, c, row);
      });
    },

    async deleteAssessment(actor: Actor, id: number, assessmentId: number) {
      return db.transaction(async (tx) => {
        const c = await locked(tx, actor, id, SETTING_UP);
        const [row] = await tx
          .delete(classAssessments)
          .where(and(eq(classAssessments.id, assessmentId), eq(classAssessments.classId, id)))
          .returning();
        if (!row) throw notFound({ vi: 'bài đánh giá', en: 'Assessment' });
        await audit(tx, actor, {
          action: 'class.assessment.delete',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: ${row.name}`,
          scopePath: c.organiserPath,
          before: row,
        });
        await afterWrite(tx, c);
        return { ok: true as const };
      });
    },

    async saveScores(actor: Actor, id: number, body: z.infer<typeof ScoresBody>) {
      return db.transaction(async (tx) => {
        const c = await locked(tx, actor, id, MARKING);
        await writeScores(tx, actor, c, body.scores, namedIn(body));
        return { ok: true as const };
      });
    },

    async results(actor: Actor, id: number) {
      const c = await teachable(db, actor, id);
      if (c.status === 'finished' || c.status === 'closed') {
        const stored = await storedResults(db, c);
        if (stored) return stored;
      }
      return computeClassResults(db, c);
    },

    async template(actor: Actor, id: number, kind: 'attendance' | 'scores') {
      const c = await teachable(db, actor, id);
      const learners = await learnersOf(db, id);
      if (kind === 'attendance') {
        const [all, marks] = await Promise.all([sessionsOf(db, id), marksOf(db, id)]);
        const byKey = new Map(marks.map((m) => [`${m.sessionId}:${m.nominationId}`, m.status]));
        // A lecturer's sheet holds the sessions it teaches: the columns it may fill (ADR 063).
        const notTaught = await sessionsNotTaught(db, actor, id, all);
        const sessions = all.filter((s) => !notTaught.has(s.id));
        return {
          name: `diem-danh-${c.code}`,
          csv: attendanceTemplate(
            sessions,
            learners,
            byKey,
            sessions.map((s) => s.id),
          ),
        };
      }
      const [assessments, scores] = await Promise.all([assessmentsOf(db, id), scoresOf(db, id)]);
      const byKey = new Map(scores.map((s) => [`${s.assessmentId}:${s.nominationId}`, s.score]));
      return { name: `diem-${c.code}`, csv: scoresTemplate(assessments, learners, byKey) };
    },

    /** Check a sheet (dryRun) or write it: all rows or nothing, errors named in the actor's language. */
    async importSheet(
      actor: Actor,
      id: number,
      kind: 'attendance' | 'scores',
      body: z.infer<typeof SheetImportBody>,
    ) {
      return db.transaction(async (tx) => {
        const c = await locked(tx, actor, id, MARKING);
        const rows = parseCsv(body.text);
        const learners = await learnersOf(tx, id);
        // Cells of sessions and assessments not yet held are errors of the sheet, with the reason.
        const cal = await calendarOf(tx, c, clock.now());
        const sessions = kind === 'attendance' ? await sessionsOf(tx, id) : [];
        // A lecturer's cells in sessions it does not teach are errors of the sheet too (ADR 063).
        const notTaught = await sessionsNotTaught(tx, actor, id, sessions);
        const read =
          kind === 'attendance'
            ? readAttendanceSheet(
                rows,
                sessions,
                learners,
                new Map([...notTaught, ...refusedOnly(sessionRefusals(cal))]),
              )
            : readScoresSheet(rows, await assessmentsOf(tx, id), learners, refusedOnly(scoreRefusals(cal)));
        const errors = read.errors.map((e) => ({ ...e, message: e.message[actor.lang] }));
        const items = 'marks' in read ? read.marks : read.scores;
        if (body.dryRun || errors.length) return { rows: read.rows, written: 0, errors, dryRun: body.dryRun };
        if ('marks' in read) await writeMarks(tx, actor, c, read.marks);
        else await writeScores(tx, actor, c, read.scores);
        return { rows: read.rows, written: items.length, errors, dryRun: false };
      });
    },
  };
}
