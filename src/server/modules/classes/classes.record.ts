/**
 * The pieces every write to a class shares (ADR 011, ADR 031): the class event, the detail read
 * back after a change, the row lock of a manageable class, and the refusals of a class that can no
 * longer change or of a code already used. Used by classes.service.ts (reads, creation, sessions)
 * and class-changes.ts (changes and status moves, run by workflows/class-lifecycle.ts).
 */
import { sql } from 'drizzle-orm';
import { CLASS_STATUS_LABELS } from '../../../contracts/classes';
import { foldText } from '../../../contracts/text';
import type { Queryable } from '../../db/client';
import { classEvents } from '../../db/schema/index';
import { readTogether } from '../../db/together';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/dates';
import { AppError, fieldError } from '../../lib/errors';
import { onUniqueViolation } from '../../lib/unique-keys';
import { calendarOf, classSteps, notYetOf } from './class-calendar';
import { clashesOf } from './classes.clashes';
import { assertManageable, classManageable, planLineOf } from './classes.policy';
import { type ClassRow, findClass, listEvents, listSessions } from './classes.queries';
import { budgetTotal, CLASS_TRANSITIONS } from './classes.rules';

export const searchOf = (code: string, name: string) => foldText(`${code} ${name}`);

export const summary = (c: ClassRow) => {
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

export function notEditable(c: ClassRow): AppError {
  const label = CLASS_STATUS_LABELS[c.status];
  return new AppError('CONFLICT', {
    message: {
      vi: `Lớp ${c.code} đang ở trạng thái "${label.vi.toLowerCase()}": không sửa được nữa.`,
      en: `Class ${c.code} is ${label.en.toLowerCase()}: it can no longer be changed.`,
    },
  });
}

export const uniqueCode = <T>(fn: () => Promise<T>) =>
  onUniqueViolation(
    fn,
    'classes_organiser_year_code_uq',
    () =>
      new AppError('CONFLICT', {
        message: { vi: 'Mã lớp đã được dùng trong năm.', en: 'This class code is already used this year.' },
        fields: [fieldError('code', 'đã được dùng trong năm này', 'is already used this year')],
      }),
  );

/** The event, detail, reload and lock of a class, on the given clock. */
export function classRecord(clock: Clock) {
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
    const [sessions, clashes, events, calendar] = await readTogether(
      q,
      () => listSessions(q, c.id),
      () => clashesOf(q, actor, c.id),
      () => listEvents(q, c.id),
      () => calendarOf(q, c, clock.now()),
    );
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

  return { event, detail, reload, lockManageable };
}
