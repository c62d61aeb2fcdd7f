/**
 * Requests to join a class (ADR 017). A learner asks for a class open for nomination that their
 * unit sees; the unit officer over the person (`nominations.propose`, the person's current unit in
 * their subtree) accepts it, which sends the nomination through the nominations service in the
 * same transaction (window, warnings and confirmation, seat or waitlist all apply), or declines
 * it with a reason. The learner may cancel a pending request. Every change is audited.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AcceptJoinRequestBody,
  DeclineJoinRequestBody,
  JoinRequest,
  JoinRequestBody,
  JoinRequestsQuery,
} from '../../../contracts/self-service';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { joinRequests } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, conflict, notFound } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';
import { classVisible } from '../classes/classes.policy';
import { findClass } from '../classes/classes.queries';
import { nominationWindow } from '../nominations/nominations.rules';
import { createNominationService } from '../nominations/nominations.service';
import { getVisiblePerson } from '../people/people.service';
import { ownPerson } from './self-service.policy';
import { findJoinRequests, type JoinRequestRow } from './self-service.queries';

const REQUEST = { vi: 'đề nghị đi học', en: 'Join request' };

/** What clients see of a row (the paths and ids used for scope stay on the server). */
function toClient(r: JoinRequestRow): JoinRequest {
  const { personUnitPath: _p, personId: _i, classId: _c, ...rest } = r;
  return rest;
}

async function liveNominationOf(q: Queryable, classId: number, personId: number) {
  return rowsOf<{ id: number; status: string }>(
    await q.execute(sql`select id, status from class_nominations where class_id = ${classId}
      and person_id = ${personId} and status in ('pending', 'approved', 'waitlisted')`),
  ).map((r) => ({ id: Number(r.id), status: r.status }))[0];
}

export function createJoinRequestService({ db, clock }: { db: Db; clock: Clock }) {
  const one = async (q: Queryable, id: number) =>
    (await findJoinRequests(q, sql`jr.id = ${id}`, todayOf(clock), 1))[0];

  /** Lock the request and check the unit officer may decide it: 404 outside their subtree. */
  async function lockForOfficer(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'nominations.propose');
    await q.execute(sql`select id from join_requests where id = ${id} for update`);
    const r = await one(q, id);
    if (!r || !pathWithin(r.personUnitPath, actor.scopePath)) throw notFound(REQUEST);
    refuseDecided(r);
    return r;
  }

  function refuseDecided(r: JoinRequestRow) {
    if (r.status !== 'pending')
      throw conflict('Đề nghị này đã được xử lý.', 'This request has already been dealt with.');
  }

  async function decide(
    q: Queryable,
    actor: Actor,
    r: JoinRequestRow,
    to: 'accepted' | 'declined',
    extra: { reason?: string; nominationId?: number },
  ) {
    await q
      .update(joinRequests)
      .set({
        status: to,
        reason: extra.reason ?? null,
        nominationId: extra.nominationId ?? null,
        decidedBy: actor.userId || null,
        decidedAt: clock.now(),
        updatedAt: clock.now(),
      })
      .where(eq(joinRequests.id, r.id));
    await audit(q, actor, {
      action: `join_request.${to === 'accepted' ? 'accept' : 'decline'}`,
      entity: 'join_request',
      entityId: r.id,
      summary: `${r.class.code}: ${r.person.fullName}${extra.reason ? ` (${extra.reason})` : ''}`,
      scopePath: r.personUnitPath,
      before: { status: r.status },
      after: { status: to, ...extra },
    });
    return toClient((await one(q, r.id))!);
  }

  return {
    /** GET /me/join-requests: my requests, pending first. */
    async mine(actor: Actor) {
      const personId = ownPerson(actor);
      const rows = await findJoinRequests(db, sql`jr.person_id = ${personId}`, todayOf(clock));
      return { items: rows.map(toClient) };
    },

    /** POST /me/join-requests */
    async create(actor: Actor, body: z.infer<typeof JoinRequestBody>) {
      const personId = ownPerson(actor);
      return db.transaction(async (tx) => {
        const p = await getVisiblePerson(tx, actor, personId);
        const c = await findClass(tx, body.classId);
        // The classes my unit could send me to: the class policy with my unit as the subtree.
        if (!c || !classVisible({ ...actor, scopePath: p.unitPath }, c))
          throw notFound({ vi: 'lớp học', en: 'Class' });
        const window = nominationWindow(c, todayOf(clock));
        if (!window.open) throw new AppError('CONFLICT', { message: window.reason });
        if (await liveNominationOf(tx, c.id, personId))
          throw conflict('Bạn đã được cử vào lớp này.', 'You are already nominated to this class.');
        let id: number;
        try {
          [{ id }] = await tx
            .insert(joinRequests)
            .values({
              classId: c.id,
              personId,
              unitId: p.person.unitId,
              note: body.note ?? null,
              createdBy: actor.userId || null,
              createdAt: clock.now(),
              updatedAt: clock.now(),
            })
            .returning({ id: joinRequests.id });
        } catch (err) {
          if (String((err as { cause?: unknown }).cause ?? err).includes('join_requests_pending_uq'))
            throw conflict(
              'Bạn đã có một đề nghị đang chờ cho lớp này.',
              'You already have a pending request for this class.',
            );
          throw err;
        }
        await audit(tx, actor, {
          action: 'join_request.create',
          entity: 'join_request',
          entityId: id,
          summary: `${c.code}: ${p.person.fullName}`,
          scopePath: p.unitPath,
          after: { classId: c.id, personId, note: body.note ?? null },
        });
        return toClient((await one(tx, id))!);
      });
    },

    /** POST /me/join-requests/:id/cancel: my own pending request. */
    async cancel(actor: Actor, id: number) {
      const personId = ownPerson(actor);
      return db.transaction(async (tx) => {
        await tx.execute(sql`select id from join_requests where id = ${id} for update`);
        const r = await one(tx, id);
        if (!r || r.personId !== personId) throw notFound(REQUEST);
        refuseDecided(r);
        await tx
          .update(joinRequests)
          .set({ status: 'cancelled', updatedAt: clock.now() })
          .where(and(eq(joinRequests.id, id), eq(joinRequests.status, 'pending')));
        await audit(tx, actor, {
          action: 'join_request.cancel',
          entity: 'join_request',
          entityId: id,
          summary: `${r.class.code}: ${r.person.fullName}`,
          scopePath: r.personUnitPath,
          before: { status: 'pending' },
          after: { status: 'cancelled' },
        });
        return toClient((await one(tx, id))!);
      });
    },

    /** GET /join-requests: requests of people of the officer's subtree. */
    async list(actor: Actor, query: z.infer<typeof JoinRequestsQuery>) {
      requirePermission(actor, 'nominations.propose');
      const where = [sql`pu.path <@ ${actor.scopePath}::ltree`];
      if (query.status) where.push(sql`jr.status = ${query.status}`);
      const rows = await findJoinRequests(db, sql.join(where, sql` and `), todayOf(clock));
      return { items: rows.map(toClient) };
    },

    /** POST /join-requests/:id/decline */
    async decline(actor: Actor, id: number, body: z.infer<typeof DeclineJoinRequestBody>) {
      return db.transaction(async (tx) => {
        const r = await lockForOfficer(tx, actor, id);
        return decide(tx, actor, r, 'declined', { reason: body.reason });
      });
    },

    /**
     * POST /join-requests/:id/accept: send the nomination (the nominations service runs in a
     * savepoint of this transaction, so a refusal or NEEDS_CONFIRMATION leaves the request pending).
     */
    async accept(actor: Actor, id: number, body: z.infer<typeof AcceptJoinRequestBody>) {
      return db.transaction(async (tx) => {
        const r = await lockForOfficer(tx, actor, id);
        // The nominations service opens its own transaction; on a transaction that is a savepoint.
        const nominations = createNominationService({ db: tx as unknown as Db, clock });
        const note = `Theo đề nghị của học viên${r.note ? `: ${r.note}` : ''}`.slice(0, 500);
        await nominations.nominate(actor, r.classId, { personId: r.personId, note, confirm: body.confirm });
        const n = await liveNominationOf(tx, r.classId, r.personId);
        return decide(tx, actor, r, 'accepted', { nominationId: n!.id });
      });
    },
  };
}
