/**
 * A class's life cycle across modules (ADR 031): what changing a class or moving its status does
 * to the records kept by nominations, results and certificates. classes/ owns the class and its
 * transitions (class-changes.ts); the modules below own their records; this workflow, one tier
 * above all of them, decides which of their steps a change runs. Everything runs inside the
 * change's one transaction, in this order: class row, class event, these steps, audit row.
 *
 * - capacity lowered: refused under the seats held or the quotas given (nominations);
 * - capacity raised: the waitlist is promoted into the new seats (nominations);
 * - finished: the results are computed and stored (results);
 * - cancelled: every live nomination is withdrawn with the reason (nominations);
 * - closed: every passed learner without a certificate gets one (certificates).
 */
import type { Db, Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/dates';
import { issueOnClose } from '../certificates/class-hooks';
import { type ClassChangeSteps, createClassChanges } from '../classes/class-changes';
import type { ClassRow } from '../classes/classes.queries';
import { afterClassChange, checkCapacity, withdrawAllOfCancelled } from '../nominations/class-hooks';
import { storeResults } from '../results/results.compute';

/** The steps of the other modules a class change runs. */
export function classLifecycleSteps(clock: Clock): ClassChangeSteps {
  return {
    checkCapacity,
    capacityRaised: (q: Queryable, actor: Actor, c: ClassRow) => afterClassChange(q, actor, clock, c),
    async statusMoved(q, actor, c, to, comment) {
      if (to === 'finished') await storeResults(q, { ...c, status: 'finished' }, clock.now());
      if (to === 'cancelled') await withdrawAllOfCancelled(q, actor, clock, c.id, comment);
      if (to === 'closed') await issueOnClose(q, actor, clock, c);
    },
  };
}

/** Change a class or move its status, with what that does to nominations, results and certificates. */
export function createClassLifecycle({ db, clock }: { db: Db; clock: Clock }) {
  return createClassChanges({ db, clock, steps: classLifecycleSteps(clock) });
}
