/**
 * Changing a class and moving it through its status life cycle (ADR 011, ADR 025, ADR 031). What
 * a change does to the records of other modules (nominations, results, certificates) is not
 * decided here: the caller passes it as `ClassChangeSteps`, and workflows/class-lifecycle.ts is the
 * one caller. classes/ therefore imports none of those modules. Each change is one transaction:
 * the class row, its event, the other modules' steps and the audit row commit together.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  CLASS_STATUS_LABELS,
  type ClassStatus,
  type ClassStatusBody,
  type UpdateClassBody,
} from '../../../contracts/classes';
import type { Db, Queryable } from '../../db/client';
import { classes } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { AppError, fieldError, invalid } from '../../lib/errors';
import { getUnitInScope } from '../../lib/scope';
import { assertClassStep } from './class-calendar';
import type { ClassRow } from './classes.queries';
import { classRecord, notEditable, searchOf, uniqueCode } from './classes.record';
import { canMove, isEditable } from './classes.rules';
import { checkClassRefs } from './classes.validation';
import { recomputeClassLecturers } from './lecturer-hours';

/** What a change of a class does beyond the class itself, run inside the change's transaction. */
export interface ClassChangeSteps {
  /** Before a new capacity is written: refuse one the class's other records cannot hold. */
  checkCapacity(q: Queryable, c: ClassRow, capacity: number): Promise<void>;
  /** After the capacity grew (`c` carries the new capacity). */
  capacityRaised(q: Queryable, actor: Actor, c: ClassRow): Promise<void>;
  /** After the status moved and its class event is written, before the audit row. */
  statusMoved(q: Queryable, actor: Actor, c: ClassRow, to: ClassStatus, comment: string): Promise<void>;
}

export function createClassChanges({ db, clock, steps }: { db: Db; clock: Clock; steps: ClassChangeSteps }) {
  const { event, reload, lockManageable } = classRecord(clock);

  return {
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
        if (changes.capacity !== undefined) await steps.checkCapacity(tx, c, changes.capacity);
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
          await steps.capacityRaised(tx, actor, { ...c, capacity: changes.capacity });
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
        // A cancelled class teaches no hours: its lecturers' totals drop (classes' own record).
        if (body.to === 'cancelled') await recomputeClassLecturers(tx, id);
        await steps.statusMoved(tx, actor, c, body.to as ClassStatus, body.comment ?? '');
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
  };
}
