/**
 * Bulk nominations (ADR 042): each item calls the single action's service function, in its own
 * transaction, so it meets the same checks, scope and audit as one by one, and one refused item
 * (out of scope: 404, a warning not confirmed, no seat) neither stops nor undoes the others. The
 * answer lists each item's outcome and the class's nominations as they stand after.
 */
import { inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { NominationsView } from '../../../contracts/nominations';
import type {
  BulkCheckBody,
  BulkDecisionBody,
  BulkNominateBody,
  BulkOutcome,
  BulkResult,
  BulkWaitlistBody,
} from '../../../contracts/nominations-bulk';
import type { Db } from '../../db/client';
import { people } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { pathWithin } from '../../lib/scope';
import type { createNominationService } from './nominations.service';
import type { createWaitlistAction } from './nominations.waitlist';

type Service = ReturnType<typeof createNominationService>;
type Waitlist = ReturnType<typeof createWaitlistAction>;

/** An item's failure as the single action would have answered it (unknown errors stay internal). */
function errorOf(actor: Actor, err: unknown, log: (err: unknown) => void) {
  if (err instanceof AppError) {
    const body = err.toBody(actor.lang).error;
    return {
      code: body.code,
      message: body.message,
      ...('details' in body ? { details: body.details } : {}),
    };
  }
  log(err);
  const internal = new AppError('INTERNAL').toBody(actor.lang).error;
  return { code: internal.code, message: internal.message };
}

export function createBulkNominations(deps: {
  db: Db;
  service: Service;
  waitlist: Waitlist;
  log: (err: unknown) => void;
}) {
  const { db, service, waitlist, log } = deps;

  /** Run `one` for each key in order; the outcome of each, then the view after all. */
  async function each(
    actor: Actor,
    classId: number,
    keys: readonly number[],
    one: (key: number) => Promise<NominationsView>,
    statusOf: (view: NominationsView, key: number) => string | null,
  ): Promise<BulkResult> {
    const results: BulkOutcome[] = [];
    for (const key of keys) {
      try {
        const v = await one(key);
        results.push({ id: key, ok: true, status: statusOf(v, key), error: null });
      } catch (err) {
        results.push({ id: key, ok: false, status: null, error: errorOf(actor, err, log) });
      }
    }
    const view = await service.get(actor, classId);
    const done = results.filter((r) => r.ok).length;
    return { done, failed: results.length - done, results, view };
  }

  const byNomination = (v: NominationsView, id: number) => v.items.find((i) => i.id === id)?.status ?? null;
  const byPerson = (v: NominationsView, personId: number) =>
    v.items.find((i) => i.personId === personId && ['pending', 'approved', 'waitlisted'].includes(i.status))
      ?.status ?? null;

  return {
    /** Each person's warnings and seat-or-waitlist, with birth date, post and unit beside the name. */
    async check(actor: Actor, classId: number, body: z.infer<typeof BulkCheckBody>) {
      // Who they are, for those in the actor's subtree only (others answer 404 below, unnamed).
      const rows = await db
        .select({
          id: people.id,
          fullName: people.fullName,
          birthDate: people.birthDate,
          postCode: people.postCode,
          post: people.post,
          unitName: sql<string>`(select name from org_units where id = ${people.unitId})`,
          unitPath: sql<string>`(select path::text from org_units where id = ${people.unitId})`,
        })
        .from(people)
        .where(inArray(people.id, [...body.personIds]));
      const seen = new Map(rows.filter((r) => pathWithin(r.unitPath, actor.scopePath)).map((r) => [r.id, r]));
      // The class once for all; a class refused (403/404) is each item's error, as one by one.
      const cls = await service.checkable(actor, classId).then(
        (value) => ({ ok: true as const, value }),
        (err: unknown) => ({ ok: false as const, err }),
      );
      const items = [];
      for (const personId of body.personIds) {
        const p = seen.get(personId);
        const who = {
          personId,
          fullName: p?.fullName ?? null,
          birthDate: p?.birthDate ?? null,
          postCode: p?.postCode ?? null,
          post: p?.post ?? null,
          unitName: p?.unitName ?? null,
        };
        try {
          if (!cls.ok) throw cls.err;
          items.push({ ...who, check: await service.checkIn(actor, cls.value, personId), error: null });
        } catch (err) {
          items.push({ ...who, check: null, error: errorOf(actor, err, log) });
        }
      }
      return { items };
    },

    nominate(actor: Actor, classId: number, body: z.infer<typeof BulkNominateBody>) {
      return each(
        actor,
        classId,
        body.personIds,
        (personId) => service.nominate(actor, classId, { personId, note: body.note, confirm: body.confirm }),
        byPerson,
      );
    },

    /** The same decision for each; every field of the single decision passes through. */
    decide(actor: Actor, classId: number, body: z.infer<typeof BulkDecisionBody>) {
      const { nominationIds, ...decision } = body;
      return each(
        actor,
        classId,
        nominationIds,
        (id) => service.decide(actor, classId, id, decision),
        byNomination,
      );
    },

    waitlist(actor: Actor, classId: number, body: z.infer<typeof BulkWaitlistBody>) {
      const { nominationIds, ...rest } = body;
      return each(actor, classId, nominationIds, (id) => waitlist(actor, classId, id, rest), byNomination);
    },
  };
}
