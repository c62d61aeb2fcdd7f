/**
 * Classes and their sessions (ADR 011): list and read what the actor may see; open, change,
 * move through the status life cycle and schedule sessions where the actor may manage. Every
 * change writes a class event and an audit row in the same transaction. Clashes of lecturers
 * and rooms are returned as warnings with the class, never refused.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  CLASS_STATUS_LABELS,
  type ClassListQuery,
  type ClassStatus,
  type ClassStatusBody,
  type CreateClassBody,
  type SessionBody,
  sessionTimesInOrder,
  type UpdateClassBody,
  type UpdateSessionBody,
} from '../../../contracts/classes';
import { foldText } from '../../../contracts/text';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { classEvents, classes, classSessions } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { type Clock, ddmmyyyy, instantOf } from '../../lib/dates';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { onUniqueViolation } from '../../lib/unique-keys';
import { issueOnClose } from '../certificates/class-hooks';
import { afterClassChange, checkCapacity, withdrawAllOfCancelled } from '../nominations/class-hooks';
import { storeResults } from '../results/results.compute';
import { assertClassStep, calendarOf, classSteps, notYetOf } from './class-calendar';
import { attendanceRefusal } from './class-calendar.rules';
import { clashesOf } from './classes.clashes';
import {
  assertManageable,
  assertVisible,
  classManageable,
  classVisibleSql,
  planLineOf,
} from './classes.policy';
import { type ClassRow, codesOf, findClass, listEvents, listSessions, pageClasses } from './classes.queries';
import { budgetTotal, CLASS_TRANSITIONS, canMove, isEditable, nextClassCode, roomKey } from './classes.rules';
import { checkClassRefs, checkSession } from './classes.validation';
import { recomputeClassLecturers, recomputeLecturerHours } from './lecturer-hours';

const searchOf = (code: string, name: string) => foldText(`${code} ${name}`);

const summary = (c: ClassRow) => {
  const {
    institutionPath: _i,
    organiserPath: _o,
    budget,
    venue: _v,
    note: _n,
    version: _ver,
    planId: _p,
    planTitle: _pt,
    planYear: _py,
    planLineLevel: _pl,
    planUnitPath: _pu,
    ...rest
  } = c;
  return { ...rest, budgetTotal: budgetTotal(budget) };
};

function notEditable(c: ClassRow): AppError {
  const label = CLASS_STATUS_LABELS[c.status];
  return new AppError('CONFLICT', {
    message: {
      vi: `Lớp ${c.code} đang ở trạng thái "${label.vi.toLowerCase()}": không sửa được nữa.`,
      en: `Class ${c.code} is ${label.en.toLowerCase()}: it can no longer be changed.`,
    },
  });
}

const uniqueCode = <T>(fn: () => Promise<T>) =>
  onUniqueViolation(
    fn,
    'classes_organiser_year_code_uq',
    () =>
      new AppError('CONFLICT', {
        message: { vi: 'Mã lớp đã được dùng trong năm.', en: 'This class code is already used this year.' },
        fields: [fieldError('code', 'đã được dùng trong năm này', 'is already used this year')],
      }),
  );

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

  async function event(
    q: Queryable,
    actor: Actor,
    classId: number,
    e: Partial<typeof classEvents.$inferInsert>,
  ) {
    await q
      .insert(classEvents)
      .values({ classId, action: 'update', userId: actor.userId || null, at: clock.now(), ...e });
  }

  async function detail(q: Queryable, actor: Actor, c: ClassRow) {
    const [sessions, clashes, events, calendar] = await Promise.all([
      listSessions(q, c.id),
      clashesOf(q, actor, c.id),
      listEvents(q, c.id),
      calendarOf(q, c, clock.now()),
    ]);
    const canManage = classManageable(actor, c);
    const steps = classSteps(calendar);
    return {
      ...summary(c),
      venue: c.venue,
      budget: c.budget,
      note: c.note,
      version: c.version,
      planLine: planLineOf(actor, c),
      nextStatuses: canManage ? [...CLASS_TRANSITIONS[c.status]] : [],
      notYet: {
        finished: notYetOf(steps.finished),
        closed: notYetOf(steps.closed),
        certificates: notYetOf(steps.certificates),
      },
      canManage,
      sessions,
      clashes,
      events,
    };
  }

  async function reload(q: Queryable, actor: Actor, id: number) {
    return detail(q, actor, (await findClass(q, id))!);
  }

  async function lockManageable(q: Queryable, actor: Actor, id: number) {
    await q.execute(sql`select id from classes where id = ${id} for update`);
    return assertManageable(actor, await findClass(q, id));
  }

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
      const { rows, total } = await pageClasses(db, where, {
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
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

    async update(actor: Actor, id: number, body: z.infer<typeof UpdateClassBody>) {
      return db.transaction(async (tx) => {
        const c = await lockManageable(tx, actor, id);
        if (body.version !== c.version)
          throw new AppError('CONFLICT', {
            message: {
              vi: 'Người khác đã sửa lớp này trước bạn; hãy tải lại rồi sửa.',
              en: 'Someone changed this class before you; reload and edit again.',
            },
          });
        if (!isEditable(c.status)) throw notEditable(c);
        const { version: _, organiserUnitId, ...changes } = body;
        const organiser =
          organiserUnitId && organiserUnitId !== c.organiserUnitId
            ? await getUnitInScope(tx, actor, organiserUnitId)
            : null;
        const startsOn = changes.startsOn ?? c.startsOn;
        const endsOn = changes.endsOn ?? c.endsOn;
        if (endsOn < startsOn)
          throw invalid([
            fieldError('endsOn', 'không được trước ngày khai giảng', 'must not be before the start date'),
          ]);
        await checkClassRefs(tx, actor, {
          programmeId: changes.programmeId ?? c.programmeId,
          institutionId: changes.institutionId,
          planLineId: changes.planLineId,
          budget: changes.budget,
        });
        if (changes.capacity !== undefined) await checkCapacity(tx, c, changes.capacity);
        const [before] = await tx.select().from(classes).where(eq(classes.id, id));
        const code = changes.code ?? c.code;
        const name = changes.name ?? c.name;
        const [after] = await uniqueCode(() =>
          tx
            .update(classes)
            .set({
              ...changes,
              ...(organiser ? { organiserUnitId: organiser.id } : {}),
              year: Number(startsOn.slice(0, 4)),
              searchName: searchOf(code, name),
              version: c.version + 1,
              updatedAt: clock.now(),
            })
            .where(eq(classes.id, id))
            .returning(),
        );
        await event(tx, actor, id, { action: 'update' });
        if (changes.capacity !== undefined && changes.capacity > c.capacity)
          await afterClassChange(tx, actor, clock, { ...c, capacity: changes.capacity });
        const diff = changedFields(before as Record<string, unknown>, after as Record<string, unknown>);
        await audit(tx, actor, {
          action: 'class.update',
          entity: 'class',
          entityId: id,
          summary: `${after.code} ${after.name}`,
          scopePath: c.organiserPath,
          before: diff.before,
          after: diff.after,
          request: namedIn(body),
        });
        return reload(tx, actor, id);
      });
    },

    async move(actor: Actor, id: number, body: z.infer<typeof ClassStatusBody>) {
      return db.transaction(async (tx) => {
        const c = await lockManageable(tx, actor, id);
        if (!canMove(c.status, body.to)) {
          const from = CLASS_STATUS_LABELS[c.status];
          const to = CLASS_STATUS_LABELS[body.to as ClassStatus];
          throw new AppError('CONFLICT', {
            message: {
              vi: `Không chuyển được lớp từ "${from.vi}" sang "${to.vi}".`,
              en: `A class cannot move from "${from.en}" to "${to.en}".`,
            },
          });
        }
        if (body.to === 'cancelled' && !body.comment)
          throw invalid([fieldError('comment', 'cần ghi lý do hủy lớp', 'give the reason for cancelling')]);
        // Finished and closed wait for the end of the teaching (ADR 025).
        if (body.to === 'finished' || body.to === 'closed')
          await assertClassStep(tx, c, body.to, clock.now());
        await tx
          .update(classes)
          .set({ status: body.to, version: c.version + 1, updatedAt: clock.now() })
          .where(eq(classes.id, id));
        await event(tx, actor, id, {
          action: 'status',
          fromStatus: c.status,
          toStatus: body.to,
          comment: body.comment ?? null,
        });
        if (body.to === 'finished') await storeResults(tx, { ...c, status: 'finished' }, clock.now());
        if (body.to === 'cancelled') {
          await recomputeClassLecturers(tx, id);
          await withdrawAllOfCancelled(tx, actor, clock, id, body.comment ?? '');
        }
        if (body.to === 'closed') await issueOnClose(tx, actor, clock, c);
        await audit(tx, actor, {
          action: 'class.status',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: ${c.status} -> ${body.to}${body.comment ? ` (${body.comment})` : ''}`,
          scopePath: c.organiserPath,
          before: { status: c.status },
          after: { status: body.to },
        });
        return reload(tx, actor, id);
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
