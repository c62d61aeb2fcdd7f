/**
 * Classes and their sessions (ADR 011): list and read what the actor may see; open a class and
 * schedule its sessions where the actor may manage. Changing a class and moving it through its
 * status life cycle touch nominations, results and certificates: that is class-changes.ts, run by
 * workflows/class-lifecycle.ts (ADR 031). Every change writes a class event and an audit row in
 * the same transaction. Clashes of lecturers and rooms are returned as warnings, never refused.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type ClassListQuery,
  type CreateClassBody,
  type SessionBody,
  sessionTimesInOrder,
  type UpdateSessionBody,
} from '../../../contracts/classes';
import { foldText } from '../../../contracts/text';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { classes, classSessions } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { type Clock, ddmmyyyy, instantOf } from '../../lib/dates';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { calendarOf } from './class-calendar';
import { attendanceRefusal } from './class-calendar.rules';
import { clashesOf } from './classes.clashes';
import { assertVisible, classVisibleSql } from './classes.policy';
import { type ClassRow, codesOf, findClass, pageClasses } from './classes.queries';
import { classRecord, notEditable, searchOf, summary, uniqueCode } from './classes.record';
import { isEditable, nextClassCode, roomKey } from './classes.rules';
import { checkClassRefs, checkSession } from './classes.validation';
import { recomputeLecturerHours } from './lecturer-hours';

export function createClassService({ db, clock }: { db: Db; clock: Clock }) {
  /**
   * A session with attendance taken cannot move to a time that has not come: its marks would be
   * records of a session not yet held (ADR 025).
   */
  async function keepMarkedSessionHeld(
    q: Queryable,
    c: ClassRow,
    sessionId: number,
    body: { day: string; startsAt: string; endsAt: string },
  ) {
    const marked = rowsOf(
      await q.execute(sql`select 1 from class_attendance where session_id = ${sessionId} limit 1`),
    );
    if (!marked.length) return;
    const cal = await calendarOf(q, c, clock.now());
    const refusal = attendanceRefusal(body, cal.policy, cal.now);
    if (refusal)
      throw new AppError('TOO_EARLY', {
        message: {
          vi: `Buổi học đã có điểm danh: không dời sang ${ddmmyyyy(body.day)} ${body.startsAt} (chưa tới) được; hãy xóa điểm danh của buổi trước.`,
          en: `The session has attendance taken: it cannot move to ${ddmmyyyy(body.day)} ${body.startsAt}, which has not come; clear its attendance first.`,
        },
        details: { possibleFrom: instantOf(refusal.possibleFrom) },
      });
  }

  const { event, reload, detail, lockManageable } = classRecord(clock);

  return {
    async list(actor: Actor, query: z.infer<typeof ClassListQuery>) {
      requirePermission(actor, 'classes.read');
      const where = [classVisibleSql(actor)];
      if (query.year) where.push(sql`c.year = ${query.year}`);
      if (query.status) where.push(sql`c.status = ${query.status}`);
      if (query.programmeKind) where.push(sql`p.kind = ${query.programmeKind}`);
      if (query.institutionId) where.push(sql`c.institution_id = ${query.institutionId}`);
      if (query.planLineId) where.push(sql`c.plan_line_id = ${query.planLineId}`);
      if (query.q?.trim()) where.push(sql`c.search_name like ${`%${foldText(query.q.trim())}%`}`);
      const { rows, total } = await pageClasses(
        db,
        where,
        {
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        },
        query.sort,
      );
      return { items: rows.map(summary), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: number) {
      return detail(db, actor, assertVisible(actor, await findClass(db, id)));
    },

    /** Only the clashes of a class (what a scheduler polls while arranging sessions). */
    async clashes(actor: Actor, id: number) {
      const c = assertVisible(actor, await findClass(db, id));
      return { classId: c.id, clashes: await clashesOf(db, actor, c.id) };
    },

    /** The next free "K<n>/<year>" of an organiser. */
    async nextCode(actor: Actor, organiserUnitId: number | undefined, year: number) {
      requirePermission(actor, 'classes.manage');
      const unit = await getUnitInScope(db, actor, organiserUnitId ?? actor.scopeUnitId);
      return { code: nextClassCode(await codesOf(db, unit.id, year), year) };
    },

    async create(actor: Actor, body: z.infer<typeof CreateClassBody>) {
      requirePermission(actor, 'classes.manage');
      const organiser = await getUnitInScope(db, actor, body.organiserUnitId ?? actor.scopeUnitId);
      await checkClassRefs(db, actor, body);
      return db.transaction(async (tx) => {
        const [row] = await uniqueCode(() =>
          tx
            .insert(classes)
            .values({
              ...body,
              organiserUnitId: organiser.id,
              institutionId: body.institutionId ?? null,
              planLineId: body.planLineId ?? null,
              year: Number(body.startsOn.slice(0, 4)),
              searchName: searchOf(body.code, body.name),
            })
            .returning(),
        );
        await event(tx, actor, row.id, { action: 'create', toStatus: 'planned' });
        await audit(tx, actor, {
          action: 'class.create',
          entity: 'class',
          entityId: row.id,
          summary: `${row.code} ${row.name}`,
          scopePath: organiser.path,
          after: row,
        });
        return reload(tx, actor, row.id);
      });
    },

    /** Add a session; the class comes back with its clashes. */
    async addSession(actor: Actor, id: number, body: z.infer<typeof SessionBody>) {
      return db.transaction(async (tx) => {
        const c = await lockManageable(tx, actor, id);
        if (!isEditable(c.status)) throw notEditable(c);
        await checkSession(tx, actor, c, body);
        const [row] = await tx
          .insert(classSessions)
          .values({
            classId: id,
            day: body.day,
            startsAt: body.startsAt,
            endsAt: body.endsAt,
            topicCode: body.topicCode ?? null,
            lecturerId: body.lecturerId ?? null,
            room: body.room ?? null,
            roomKey: roomKey(body.room),
            onlineUrl: body.onlineUrl ?? null,
            note: body.note ?? null,
          })
          .returning();
        await recomputeLecturerHours(tx, [row.lecturerId]);
        await audit(tx, actor, {
          action: 'class.session.create',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: ${row.day} ${row.startsAt}-${row.endsAt}`,
          scopePath: c.organiserPath,
          after: row,
        });
        return reload(tx, actor, id);
      });
    },

    /** Change a session: only the fields named change (ADR 023); the class comes back with its clashes. */
    async updateSession(
      actor: Actor,
      id: number,
      sessionId: number,
      body: z.infer<typeof UpdateSessionBody>,
    ) {
      return db.transaction(async (tx) => {
        const c = await lockManageable(tx, actor, id);
        if (!isEditable(c.status)) throw notEditable(c);
        const where = and(eq(classSessions.id, sessionId), eq(classSessions.classId, id));
        const [before] = await tx.select().from(classSessions).where(where);
        if (!before) throw notFound({ vi: 'buổi học', en: 'Session' });
        if (Object.keys(body).length === 0) return reload(tx, actor, id);
        await keepMarkedSessionHeld(tx, c, before.id, {
          day: body.day ?? before.day,
          startsAt: body.startsAt ?? before.startsAt,
          endsAt: body.endsAt ?? before.endsAt,
        });
        if (
          !sessionTimesInOrder({
            startsAt: body.startsAt ?? before.startsAt,
            endsAt: body.endsAt ?? before.endsAt,
          })
        )
          throw invalid([fieldError('endsAt', 'phải sau giờ bắt đầu', 'must be after the start time')]);
        await checkSession(tx, actor, c, body);
        const [row] = await tx
          .update(classSessions)
          .set({ ...body, ...(body.room === undefined ? {} : { roomKey: roomKey(body.room) }) })
          .where(where)
          .returning();
        await recomputeLecturerHours(tx, [before.lecturerId, row.lecturerId]);
        const diff = changedFields(before, row);
        await audit(tx, actor, {
          action: 'class.session.update',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: ${row.day} ${row.startsAt}-${row.endsAt}`,
          scopePath: c.organiserPath,
          before: { id: row.id, ...diff.before },
          after: { id: row.id, ...diff.after },
          request: namedIn(body),
        });
        return reload(tx, actor, id);
      });
    },

    async deleteSession(actor: Actor, id: number, sessionId: number) {
      return db.transaction(async (tx) => {
        const c = await lockManageable(tx, actor, id);
        if (!isEditable(c.status)) throw notEditable(c);
        const [row] = await tx
          .delete(classSessions)
          .where(and(eq(classSessions.id, sessionId), eq(classSessions.classId, id)))
          .returning();
        if (!row) throw notFound({ vi: 'buổi học', en: 'Session' });
        await recomputeLecturerHours(tx, [row.lecturerId]);
        await audit(tx, actor, {
          action: 'class.session.delete',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: ${row.day} ${row.startsAt}-${row.endsAt}`,
          scopePath: c.organiserPath,
          before: row,
        });
        return reload(tx, actor, id);
      });
    },
  };
}
