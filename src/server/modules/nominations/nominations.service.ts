/**
 * Nominations of a class (ADR 012): unit officers send people of their subtree while the class
 * is open for nomination; each takes a seat (of the unit's quota, else the pool) or joins the
 * waitlist; the organiser approves or rejects with a reason; withdrawals free the seat for the
 * waitlist at once; a substitute takes over a seat with the history kept. Every change runs under
 * the class row lock, writes a nomination event and an audit row in the same transaction.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type DecisionInput, NO_DECISION } from '../../../contracts/decisions';
import type {
  DecisionBody,
  NominateBody,
  NominationSort,
  NominationStatus,
  NominationsView,
  QuotasBody,
  SubstituteBody,
  WithdrawBody,
} from '../../../contracts/nominations';
import { can } from '../../../contracts/roles';
import type { Db, Queryable } from '../../db/client';
import { classNominations } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, conflict, fieldError, invalid } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';
import { onUniqueViolation } from '../../lib/unique-keys';
import { assertManageable, assertVisible, classManageable } from '../classes/classes.policy';
import { type ClassRow, findClass } from '../classes/classes.queries';
import { getVisiblePerson } from '../people/people.service';
import { approvalOf } from './nominations.approval';
import { findNomination, type NominationRow, seatStateOf } from './nominations.queries';
import { refuseClosedClass, replaceQuotas } from './nominations.quotas';
import {
  canMoveNomination,
  classTakesSubstitutes,
  holdsSeat,
  nominationWindow,
  quotaFor,
  seatFor,
  WAIT_REASONS,
} from './nominations.rules';
import { addEvent, lockClassRow, promoteWaitlist, releaseSeat, takeSeat } from './nominations.seats';
import { buildView } from './nominations.view';
import { warningsFor } from './nominations.warnings';

/** A class as checked before sending people: its row and its seats as they stand. */
interface CheckedClass {
  c: ClassRow;
  state: Awaited<ReturnType<typeof seatStateOf>>;
}

const NOMINATION = { vi: 'lượt cử đi học', en: 'Nomination' };

/** 409 with the warnings when they were not confirmed. */
function needsConfirmation(warnings: { code: string; vi: string; en: string }[]) {
  return new AppError('NEEDS_CONFIRMATION', { details: { warnings } });
}

const uniqueLive = <T>(fn: () => Promise<T>) =>
  onUniqueViolation(fn, 'class_nominations_live_uq', () =>
    conflict('Người này đã được cử vào lớp.', 'This person is already nominated to the class.'),
  );

export function createNominationService({ db, clock }: { db: Db; clock: Clock }) {
  /** Lock the class and check the actor sees it. */
  async function lockVisible(q: Queryable, actor: Actor, id: number): Promise<ClassRow> {
    await lockClassRow(q, id);
    return assertVisible(actor, await findClass(q, id));
  }

  async function view(q: Queryable, actor: Actor, c: ClassRow): Promise<NominationsView> {
    return buildView(q, actor, c, todayOf(clock));
  }

  /** A person the actor may send: in their subtree, working. */
  async function sendable(q: Queryable, actor: Actor, personId: number) {
    const p = await getVisiblePerson(q, actor, personId);
    if (p.person.status !== 'WORKING')
      throw invalid([
        fieldError('personId', 'người này không còn đang công tác', 'this person is no longer working'),
      ]);
    return p;
  }

  async function liveNomination(q: Queryable, actor: Actor, c: ClassRow, nominationId: number) {
    const n = await findNomination(q, c.id, nominationId);
    // A unit officer never learns of nominations outside their subtree.
    if (!n || (!classManageable(actor, c) && !pathWithin(n.unitPath, actor.scopePath)))
      throw new AppError('NOT_FOUND', {
        message: { vi: `Không tìm thấy ${NOMINATION.vi}.`, en: `${NOMINATION.en} not found.` },
      });
    return n;
  }

  function refuseMove(n: NominationRow, to: NominationStatus) {
    if (!canMoveNomination(n.status, to))
      throw conflict(
        `Lượt cử đi học của ${n.personName} không chuyển được sang trạng thái này (đang: ${n.status}).`,
        `The nomination of ${n.personName} cannot move there (it is ${n.status}).`,
      );
  }

  async function setStatus(q: Queryable, n: NominationRow, to: NominationStatus, extra: object = {}) {
    await q
      .update(classNominations)
      .set({ status: to, updatedAt: clock.now(), ...extra })
      .where(eq(classNominations.id, n.id));
  }

  /**
   * The class people are checked against, read once (a bulk check reuses it for each person):
   * 403 without the right to propose, 404 when the actor does not see the class.
   */
  async function checkable(actor: Actor, id: number): Promise<CheckedClass> {
    requirePermission(actor, 'nominations.propose');
    const c = assertVisible(actor, await findClass(db, id));
    return { c, state: await seatStateOf(db, id) };
  }

  /** One person's warnings and seat-or-waitlist outcome on a class read by `checkable`. */
  async function checkIn(actor: Actor, { c, state }: CheckedClass, personId: number) {
    const p = await sendable(db, actor, personId);
    const decision = seatFor(state, quotaFor(state.quotas, p.unitPath));
    return {
      personId,
      warnings: await warningsFor(db, actor, c, personId),
      outcome: decision.outcome,
      outcomeReason: decision.reason,
    };
  }

  return {
    async get(actor: Actor, id: number, sort?: NominationSort) {
      return buildView(db, actor, assertVisible(actor, await findClass(db, id)), todayOf(clock), sort);
    },

    async setQuotas(actor: Actor, id: number, body: z.infer<typeof QuotasBody>) {
      return db.transaction(async (tx) => {
        await lockClassRow(tx, id);
        const c = assertManageable(actor, await findClass(tx, id));
        await replaceQuotas(tx, actor, clock, c, body);
        return view(tx, actor, c);
      });
    },

    /** The warnings and the seat-or-waitlist outcome, before sending. */
    async check(actor: Actor, id: number, personId: number) {
      return checkIn(actor, await checkable(actor, id), personId);
    },

    checkable,
    checkIn,

    async nominate(actor: Actor, id: number, body: z.infer<typeof NominateBody>) {
      requirePermission(actor, 'nominations.propose');
      return db.transaction(async (tx) => {
        const c = await lockVisible(tx, actor, id);
        const window = nominationWindow(c, todayOf(clock));
        if (!window.open) throw new AppError('CONFLICT', { message: window.reason });
        const p = await sendable(tx, actor, body.personId);
        const warnings = await warningsFor(tx, actor, c, body.personId);
        if (warnings.length && !body.confirm) throw needsConfirmation(warnings);
        const state = await seatStateOf(tx, id);
        const quota = quotaFor(state.quotas, p.unitPath);
        const decision = seatFor(state, quota);
        const status = decision.outcome === 'seat' ? 'pending' : 'waitlisted';
        const [row] = await uniqueLive(() =>
          tx
            .insert(classNominations)
            .values({
              classId: id,
              personId: body.personId,
              unitId: p.person.unitId,
              quotaUnitId: quota?.unitId ?? null,
              status,
              note: body.note ?? null,
              warnings,
              queuedAt: status === 'waitlisted' ? clock.now() : null,
              nominatedBy: actor.userId || null,
              createdAt: clock.now(),
              updatedAt: clock.now(),
            })
            .returning(),
        );
        if (status === 'pending') await takeSeat(tx, id, quota?.unitId ?? null);
        const why = decision.reason ? WAIT_REASONS[decision.reason] : null;
        await addEvent(tx, actor, clock, row.id, {
          action: 'nominate',
          toStatus: status,
          comment: why ? `${why.vi} / ${why.en}` : (body.note ?? null),
        });
        await audit(tx, actor, {
          action: 'nomination.create',
          entity: 'nomination',
          entityId: row.id,
          summary: `${c.code}: ${p.person.fullName} -> ${status}`,
          scopePath: p.unitPath,
          after: row,
        });
        return view(tx, actor, c);
      });
    },

    /** Approve (the send-to-study decision, ADR 044: `decision`, else the body's fields) or reject. */
    async decide(
      actor: Actor,
      id: number,
      nominationId: number,
      body: z.input<typeof DecisionBody>,
      decision?: DecisionInput | null,
    ) {
      return db.transaction(async (tx) => {
        await lockClassRow(tx, id);
        const c = assertManageable(actor, await findClass(tx, id));
        refuseClosedClass(c);
        const n = await liveNomination(tx, actor, c, nominationId);
        const to = body.decision === 'approve' ? 'approved' : 'rejected';
        if (to === 'approved' && n.status === 'waitlisted')
          throw conflict(
            `${n.personName} đang trong danh sách chờ: chỉ duyệt được khi có chỗ.`,
            `${n.personName} is waitlisted: approve once a seat frees.`,
          );
        refuseMove(n, to);
        const ok = to === 'approved';
        const decided = ok ? await approvalOf(tx, actor, n, todayOf(clock), decision ?? body) : NO_DECISION;
        if (to === 'rejected' && !body.reason)
          throw invalid([fieldError('reason', 'cần ghi lý do không duyệt', 'give the reason for rejecting')]);
        await setStatus(tx, n, to, {
          reason: to === 'rejected' ? body.reason : null,
          decidedBy: actor.userId || null,
          decidedAt: clock.now(),
          queuedAt: null,
          ...decided,
        });
        if (holdsSeat(n.status) && to === 'rejected') await releaseSeat(tx, id, n.quotaUnitId);
        await addEvent(tx, actor, clock, n.id, {
          action: body.decision,
          fromStatus: n.status,
          toStatus: to,
          comment: body.reason ?? null,
        });
        await audit(tx, actor, {
          action: `nomination.${body.decision}`,
          entity: 'nomination',
          entityId: n.id,
          summary: `${c.code}: ${n.personName} ${n.status} -> ${to}${body.reason ? ` (${body.reason})` : ''}`,
          scopePath: n.unitPath,
          before: { status: n.status },
          after: to === 'approved' ? { status: to, ...decided } : { status: to },
        });
        await promoteWaitlist(tx, actor, clock, c);
        return view(tx, actor, c);
      });
    },

    async withdraw(actor: Actor, id: number, nominationId: number, body: z.infer<typeof WithdrawBody>) {
      return db.transaction(async (tx) => {
        const c = await lockVisible(tx, actor, id);
        const n = await liveNomination(tx, actor, c, nominationId);
        if (
          !classManageable(actor, c) &&
          !(can(actor.role, 'nominations.propose') && pathWithin(n.unitPath, actor.scopePath))
        )
          throw new AppError('FORBIDDEN');
        refuseClosedClass(c);
        refuseMove(n, 'withdrawn');
        await setStatus(tx, n, 'withdrawn', { reason: body.reason, queuedAt: null });
        if (holdsSeat(n.status)) await releaseSeat(tx, id, n.quotaUnitId);
        await addEvent(tx, actor, clock, n.id, {
          action: 'withdraw',
          fromStatus: n.status,
          toStatus: 'withdrawn',
          comment: body.reason,
        });
        await audit(tx, actor, {
          action: 'nomination.withdraw',
          entity: 'nomination',
          entityId: n.id,
          summary: `${c.code}: ${n.personName} (${body.reason})`,
          scopePath: n.unitPath,
          before: { status: n.status },
          after: { status: 'withdrawn' },
        });
        await promoteWaitlist(tx, actor, clock, c);
        return view(tx, actor, c);
      });
    },

    async substitute(actor: Actor, id: number, nominationId: number, body: z.infer<typeof SubstituteBody>) {
      requirePermission(actor, 'nominations.propose');
      return db.transaction(async (tx) => {
        const c = await lockVisible(tx, actor, id);
        const n = await liveNomination(tx, actor, c, nominationId);
        if (!pathWithin(n.unitPath, actor.scopePath)) throw new AppError('FORBIDDEN');
        if (!classTakesSubstitutes(c.status))
          throw conflict(
            `Lớp ${c.code} đã bắt đầu: không thay người được nữa.`,
            `Class ${c.code} has started: no more substitutions.`,
          );
        refuseMove(n, 'substituted');
        const p = await sendable(tx, actor, body.personId);
        const state = await seatStateOf(tx, id);
        const quota = quotaFor(state.quotas, p.unitPath);
        if ((quota?.unitId ?? null) !== n.quotaUnitId)
          throw invalid([
            fieldError(
              'personId',
              'người thay phải thuộc cùng đơn vị được giao chỉ tiêu với người được thay',
              'the substitute must fall under the same quota unit as the person replaced',
            ),
          ]);
        const warnings = await warningsFor(tx, actor, c, body.personId);
        if (warnings.length && !body.confirm) throw needsConfirmation(warnings);
        const [row] = await uniqueLive(async () => {
          await setStatus(tx, n, 'substituted', { reason: body.reason });
          return tx
            .insert(classNominations)
            .values({
              classId: id,
              personId: body.personId,
              unitId: p.person.unitId,
              quotaUnitId: n.quotaUnitId,
              // The seat passes on; the organiser approves the new person.
              status: 'pending',
              warnings,
              replacesId: n.id,
              nominatedBy: actor.userId || null,
              decidedBy: null,
              createdAt: clock.now(),
              updatedAt: clock.now(),
            })
            .returning();
        });
        await tx.update(classNominations).set({ replacedById: row.id }).where(eq(classNominations.id, n.id));
        const note = `${n.personName} -> ${p.person.fullName}: ${body.reason}`;
        await addEvent(tx, actor, clock, n.id, {
          action: 'substitute',
          fromStatus: n.status,
          toStatus: 'substituted',
          comment: note,
        });
        await addEvent(tx, actor, clock, row.id, {
          action: 'substitute',
          toStatus: 'pending',
          comment: note,
        });
        await audit(tx, actor, {
          action: 'nomination.substitute',
          entity: 'nomination',
          entityId: row.id,
          summary: `${c.code}: ${note}`,
          scopePath: n.unitPath,
          before: { nominationId: n.id, personId: n.personId },
          after: { nominationId: row.id, personId: body.personId },
        });
        return view(tx, actor, c);
      });
    },
  };
}
