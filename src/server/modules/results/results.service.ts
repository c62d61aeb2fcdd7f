/**
 * Attendance, conduct, assessments, scores and results of a class (ADR 013). Read and written by
 * the class's managers (organiser, institution staff) and by the lecturers who teach one of its
 * sessions; attendance and scores while the class runs, corrections until it is closed. Every
 * write runs under the class row lock, is audited, and re-stores the results of a finished class.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditRequest } from '../../../contracts/audit';
import type {
  ASSESSMENT_KINDS,
  AssessmentBody,
  AttendanceBody,
  AttendanceStatus,
  ConductBody,
  ScoresBody,
  SheetImportBody,
  UpdateAssessmentBody,
} from '../../../contracts/results';
import type { Db, Queryable } from '../../db/client';
import { classAssessments, classAttendance, classNominations, classScores } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { parseCsv } from '../../lib/csv-parse';
import type { Clock } from '../../lib/dates';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { assertVisible, classManageable } from '../classes/classes.policy';
import { type ClassRow, findClass } from '../classes/classes.queries';
import { computeClassResults, storedResults, storeResults } from './results.compute';
import { assessmentsOf, learnersOf, marksOf, scoresOf, sessionsOf, teaches } from './results.queries';
import { attendanceTemplate, readAttendanceSheet, readScoresSheet, scoresTemplate } from './results.sheets';

const conflict = (vi: string, en: string) => new AppError('CONFLICT', { message: { vi, en } });
const MARKING = new Set(['running', 'finished']);
const SETTING_UP = new Set(['planned', 'open_for_nomination', 'running', 'finished']);

const assessmentOf = (row: typeof classAssessments.$inferSelect) => ({
  id: row.id,
  name: row.name,
  kind: row.kind as (typeof ASSESSMENT_KINDS)[number],
  weight: Number(row.weight),
  position: row.position,
});

export function createResultsService({ db, clock }: { db: Db; clock: Clock }) {
  /** The class if the actor teaches or manages it: 404 out of sight, 403 seen but not theirs. */
  async function teachable(q: Queryable, actor: Actor, id: number): Promise<ClassRow & { canEdit: boolean }> {
    requirePermission(actor, 'classes.read');
    const c = assertVisible(actor, await findClass(q, id));
    const ok =
      classManageable(actor, c) || (actor.role === 'lecturer' && (await teaches(q, c.id, actor.personId)));
    if (!ok) throw new AppError('FORBIDDEN');
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

  /** A finished class keeps its stored results in step with every correction. */
  async function afterWrite(q: Queryable, c: ClassRow) {
    if (c.status === 'finished') await storeResults(q, c, clock.now());
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
    const sessions = new Set((await sessionsOf(q, c.id)).map((s) => s.id));
    const badSessions = [...new Set(marks.map((m) => m.sessionId))].filter((s) => !sessions.has(s));
    if (badSessions.length)
      throw invalid([
        fieldError(
          'sessionId',
          `không phải buổi học của lớp: ${badSessions.join(', ')}`,
          `not sessions of the class: ${badSessions.join(', ')}`,
        ),
      ]);
    await enrolled(
      q,
      c.id,
      marks.map((m) => m.nominationId),
    );
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

  const learnerView = (l: Awaited<ReturnType<typeof learnersOf>>[number]) => {
    const { personalId: _p, ...rest } = l;
    return rest;
  };

  return {
    async attendance(actor: Actor, id: number) {
      const c = await teachable(db, actor, id);
      const [sessions, learners, marks] = await Promise.all([
        sessionsOf(db, id),
        learnersOf(db, id),
        marksOf(db, id),
      ]);
      return { classId: id, sessions, learners: learners.map(learnerView), marks, canEdit: c.canEdit };
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
      const [assessments, learners, scores] = await Promise.all([
        assessmentsOf(db, id),
        learnersOf(db, id),
        scoresOf(db, id),
      ]);
      return { classId: id, assessments, learners: learners.map(learnerView), scores, canEdit: c.canEdit };
    },

    async addAssessment(actor: Actor, id: number, body: z.infer<typeof AssessmentBody>) {
      return db.transaction(async (tx) => {
        const c = await locked(tx, actor, id, SETTING_UP);
        const position = (await assessmentsOf(tx, id)).length;
        const [row] = await tx
          .insert(classAssessments)
          .values({ classId: id, position, name: body.name, kind: body.kind, weight: String(body.weight) })
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
        return assessmentOf(row);
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
        if (Object.keys(body).length === 0) return assessmentOf(before);
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
        return assessmentOf(row);
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
        const [sessions, marks] = await Promise.all([sessionsOf(db, id), marksOf(db, id)]);
        const byKey = new Map(marks.map((m) => [`${m.sessionId}:${m.nominationId}`, m.status]));
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
        const read =
          kind === 'attendance'
            ? readAttendanceSheet(rows, await sessionsOf(tx, id), learners)
            : readScoresSheet(rows, await assessmentsOf(tx, id), learners);
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
