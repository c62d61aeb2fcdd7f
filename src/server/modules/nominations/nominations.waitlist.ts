/**
 * The organiser's "not now" (ADR 042): a pending nomination goes back to the end of the waitlist,
 * its seat freed. The freed seat is not handed on at once (that could give it straight back);
 * the next seat-freeing change promotes from the waitlist in its order as usual.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { NOMINATION_STATUS_LABELS, type NominationsView } from '../../../contracts/nominations';
import type { WaitlistBody } from '../../../contracts/nominations-bulk';
import type { Db } from '../../db/client';
import { classNominations } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { conflict, notFound } from '../../lib/errors';
import { assertManageable } from '../classes/classes.policy';
import { findClass } from '../classes/classes.queries';
import { findNomination } from './nominations.queries';
import { canMoveNomination, classTakesChanges } from './nominations.rules';
import { addEvent, lockClassRow, releaseSeat } from './nominations.seats';
import { buildView } from './nominations.view';

export function createWaitlistAction({ db, clock }: { db: Db; clock: Clock }) {
  return async function waitlist(
    actor: Actor,
    classId: number,
    nominationId: number,
    body: z.infer<typeof WaitlistBody>,
  ): Promise<NominationsView> {
    return db.transaction(async (tx) => {
      await lockClassRow(tx, classId);
      const c = assertManageable(actor, await findClass(tx, classId));
      const n = await findNomination(tx, classId, nominationId);
      if (!n) throw notFound({ vi: 'lượt cử đi học', en: 'Nomination' });
      if (!classTakesChanges(c.status))
        throw conflict(
          `Lớp ${c.code} đã kết thúc: danh sách học viên không đổi được nữa.`,
          `Class ${c.code} has finished: its learners can no longer change.`,
        );
      if (!canMoveNomination(n.status, 'waitlisted'))
        throw conflict(
          `${n.personName}: chỉ lượt cử đang chờ duyệt mới chuyển được vào danh sách chờ (đang: ${NOMINATION_STATUS_LABELS[n.status].vi}).`,
          `${n.personName}: only a nomination awaiting approval can move to the waitlist (it is ${NOMINATION_STATUS_LABELS[n.status].en}).`,
        );
      await tx
        .update(classNominations)
        .set({
          status: 'waitlisted',
          queuedAt: clock.now(),
          reason: body.reason ?? null,
          updatedAt: clock.now(),
        })
        .where(eq(classNominations.id, n.id));
      await releaseSeat(tx, classId, n.quotaUnitId);
      await addEvent(tx, actor, clock, n.id, {
        action: 'waitlist',
        fromStatus: n.status,
        toStatus: 'waitlisted',
        comment: body.reason ?? null,
      });
      await audit(tx, actor, {
        action: 'nomination.waitlist',
        entity: 'nomination',
        entityId: n.id,
        summary: `${c.code}: ${n.personName} ${n.status} -> waitlisted${body.reason ? ` (${body.reason})` : ''}`,
        scopePath: n.unitPath,
        before: { status: n.status },
        after: { status: 'waitlisted' },
      });
      return buildView(tx, actor, c, todayOf(clock));
    });
  };
}
