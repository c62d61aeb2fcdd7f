/**
 * Reports overdue across the actor's subtree, and the delegations on a person's record (ADR 016).
 */
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { requirePermission } from '../../lib/scope';
import { getVisiblePerson } from '../people/people.service';
import { reportRuleOf } from './abroad.checks';
import { delegationsOfPerson, reportCandidates } from './abroad.queries';
import { reportStanding } from './abroad.rules';

export function createAbroadReportsService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Members of returned or closed delegations without a report past their due day, organised in
     * the actor's subtree or working in it; the days come from the policy in force for each
     * delegation (read once per delegation), the latest first by days late.
     */
    async overdue(actor: Actor) {
      requirePermission(actor, 'abroad.read');
      const today = todayOf(clock);
      const rows = await reportCandidates(db, actor, today);
      const rules = new Map<number, { days: number }>();
      const items = [];
      for (const r of rows) {
        const id = Number(r.delegationId);
        if (!rules.has(id)) rules.set(id, await reportRuleOf(db, r.returnsOn, r.organiserPath, today));
        const s = reportStanding(r, rules.get(id)!.days, null, today);
        if (s.state !== 'overdue') continue;
        items.push({
          memberId: Number(r.memberId),
          delegationId: id,
          delegationCode: r.delegationCode,
          delegationName: r.delegationName,
          country: r.country,
          personId: Number(r.personId),
          fullName: r.fullName,
          unitName: r.unitName,
          returnsOn: r.returnsOn,
          dueOn: s.dueOn,
          daysLate: s.daysLate!,
        });
      }
      items.sort((a, b) => b.daysLate - a.daysLate || a.delegationCode.localeCompare(b.delegationCode));
      return { asOf: today, items };
    },

    /** The delegations of a person the actor may see (a learner: their own). */
    async ofPerson(actor: Actor, personId: number) {
      if (actor.role !== 'learner') requirePermission(actor, 'abroad.read');
      await getVisiblePerson(db, actor, personId);
      const rows = await delegationsOfPerson(db, personId);
      return {
        items: rows.map((r) => ({
          ...r,
          memberId: Number(r.memberId),
          delegationId: Number(r.delegationId),
          qualificationId: r.qualificationId === null ? null : Number(r.qualificationId),
        })),
      };
    },
  };
}
