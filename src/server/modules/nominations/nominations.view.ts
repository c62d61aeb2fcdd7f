/**
 * The nominations of a class as one actor sees them (ADR 012): seats and quotas for everyone who
 * sees the class; every nomination for its managers, only those of their subtree for a unit
 * officer (the rest counted, not shown); and what the actor may do with each.
 */
import type { Nomination, NominationSort, NominationsView } from '../../../contracts/nominations';
import { can } from '../../../contracts/roles';
import type { Queryable } from '../../db/client';
import { readTogether } from '../../db/together';
import type { Actor } from '../../lib/actor';
import { pathWithin } from '../../lib/scope';
import { classManageable } from '../classes/classes.policy';
import type { ClassRow } from '../classes/classes.queries';
import { approveBlockedReason } from '../policies/four-eyes';
import {
  countOutside,
  eventsOf,
  liveCounts,
  type NominationRow,
  nominationsOf,
  seatStateOf,
  waitlistOf,
} from './nominations.queries';
import { classTakesChanges, classTakesSubstitutes, nominationWindow, poolOf } from './nominations.rules';

function itemOf(
  actor: Actor,
  c: ClassRow,
  n: NominationRow,
  manage: boolean,
  position: number | null,
  events: Nomination['events'],
  approveBlockedReason: string | null,
): Nomination {
  const own = can(actor.role, 'nominations.propose') && pathWithin(n.unitPath, actor.scopePath);
  const live = n.status === 'pending' || n.status === 'approved' || n.status === 'waitlisted';
  const { unitPath: _u, classId: _c, queuedAt: _q, nominatedById: _b, ...rest } = n;
  return {
    ...rest,
    personId: Number(n.personId),
    unitId: Number(n.unitId),
    quotaUnitId: n.quotaUnitId === null ? null : Number(n.quotaUnitId),
    waitlistPosition: position,
    canDecide: manage && classTakesChanges(c.status) && (n.status === 'pending' || n.status === 'waitlisted'),
    canWithdraw: live && classTakesChanges(c.status) && (manage || own),
    canSubstitute:
      own && classTakesSubstitutes(c.status) && (n.status === 'pending' || n.status === 'approved'),
    approveBlockedReason,
    events,
  };
}

/**
 * Why the actor may not approve each nomination it could otherwise decide (the four-eyes rule,
 * ADR 038, as approving applies it): only the actor's own nominations are looked at, and the
 * policy is read once per unit.
 */
async function blockedReasons(q: Queryable, actor: Actor, rows: NominationRow[], today: string) {
  const byUnit = new Map<string, string | null>();
  const out = new Map<number, string>();
  for (const n of rows) {
    if (n.status !== 'pending' && n.status !== 'waitlisted') continue;
    const submittedBy = n.nominatedById === null ? null : Number(n.nominatedById);
    if (!actor.userId || submittedBy !== actor.userId) continue;
    if (!byUnit.has(n.unitPath))
      byUnit.set(
        n.unitPath,
        await approveBlockedReason(q, actor, {
          submittedBy,
          unitPath: n.unitPath,
          date: today,
          subject: 'nomination',
        }),
      );
    const why = byUnit.get(n.unitPath);
    if (why) out.set(Number(n.id), why);
  }
  return out;
}

export async function buildView(
  q: Queryable,
  actor: Actor,
  c: ClassRow,
  today: string,
  sort?: NominationSort,
): Promise<NominationsView> {
  const manage = classManageable(actor, c);
  const [state, rows, hiddenCount] = await readTogether(
    q,
    () => seatStateOf(q, c.id),
    () => nominationsOf(q, c.id, manage ? undefined : actor.scopePath, sort),
    () => (manage ? Promise.resolve(0) : countOutside(q, c.id, actor.scopePath)),
  );
  const events = await eventsOf(
    q,
    rows.map((r) => Number(r.id)),
  );
  const [waitOrder, counts] = await readTogether(
    q,
    () => waitlistOf(q, c.id),
    () => liveCounts(q, c.id),
  );
  // Waitlist positions are over the whole class, even where the actor sees only part of it.
  const positions = new Map(waitOrder.map((w, i) => [w.id, i + 1]));
  const window = nominationWindow(c, today);
  const blocked = manage ? await blockedReasons(q, actor, rows, today) : new Map<number, string>();
  return {
    classId: c.id,
    capacity: state.capacity,
    taken: state.taken,
    ...counts,
    pool: poolOf(state),
    deadline: c.nominationDeadline,
    open: window.open,
    closedReason: window.reason,
    quotas: state.quotas.map((x) => ({
      unitId: x.unitId,
      unitName: x.name,
      seats: Number(x.seats),
      taken: Number(x.taken),
      waitlisted: Number(x.waitlisted),
    })),
    items: rows.map((n) =>
      itemOf(
        actor,
        c,
        n,
        manage,
        positions.get(Number(n.id)) ?? null,
        (events.get(Number(n.id)) ?? []).map(({ nominationId: _n, ...e }) => e),
        blocked.get(Number(n.id)) ?? null,
      ),
    ),
    hiddenCount,
    canNominate: can(actor.role, 'nominations.propose') && window.open,
    canManage: manage,
  };
}
