/**
 * The duplicated-training report (ADR 009): for the seat holders of a year's classes the actor
 * may see, what they already held before the class started against the class's programme, and
 * the cost of the repetition. Worked one class at a time, so only one class's people are in
 * memory with their held content; the rows kept are the few that overlap.
 */
import type { z } from 'zod';
import type {
  DuplicatedTraining,
  DuplicatedTrainingItem,
  DuplicatedTrainingQuery,
} from '../../../contracts/duplicated-training';
import { can } from '../../../contracts/roles';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { heldContentOf, programmeForPerson } from '../catalogue/held-content';
import { overlapForPerson, type ProgrammeForPerson } from '../catalogue/overlap';
import { classManageable } from '../classes/classes.policy';
import { budgetTotal } from '../classes/classes.rules';
import { loadCodebook } from '../standards/rules.queries';
import { seatHoldersOf, visibleClassesOfYear, type YearClass } from './duplicated-training.queries';
import { duplicatedCost, summarise } from './duplicated-training.rules';

export function createDuplicatedTrainingService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Rows: seat-holding nominations (pending, approved) of the year's classes that are not
     * cancelled, seen by the actor, sent by a unit of the actor's subtree (under `unitId` when
     * given) or of any unit when the actor manages the class; kept when the person already held
     * the content. Totals and classes cover every row; the rows are paged.
     */
    async report(
      actor: Actor,
      query: z.infer<typeof DuplicatedTrainingQuery>,
    ): Promise<z.infer<typeof DuplicatedTraining>> {
      requirePermission(actor, 'classes.read');
      const asOf = clock.now();
      const year = query.year ?? Number(todayOf(clock).slice(0, 4));
      const under = query.unitId ? await getUnitInScope(db, actor, query.unitId) : null;
      const book = await loadCodebook(db);
      const mayOpenPeople = can(actor.role, 'people.read');
      // Classes of a year share few programmes: read each programme's topics once.
      const programmes = new Map<number, Promise<ProgrammeForPerson>>();
      const programmeOf = (c: YearClass) => {
        let p = programmes.get(c.programmeId);
        if (!p) {
          p = programmeForPerson(
            db,
            { id: c.programmeId, grantsKind: c.grantsKind, grantsLevel: c.grantsLevel },
            book,
          );
          programmes.set(c.programmeId, p);
        }
        return p;
      };

      const items: DuplicatedTrainingItem[] = [];
      for (const c of await visibleClassesOfYear(db, actor, year)) {
        const holders = await seatHoldersOf(db, actor, c.id, {
          allUnits: classManageable(actor, c),
          underPath: under?.path ?? null,
        });
        if (holders.length === 0) continue;
        const held = await heldContentOf(
          db,
          actor,
          holders.map((h) => h.personId),
          { before: c.startsOn, excludeClassId: c.id },
          book,
        );
        const programme = await programmeOf(c);
        const basis = {
          budgetTotal: budgetTotal(c.budget),
          holders: holders[0].classHolders,
          programmePeriods: c.programmePeriods,
        };
        for (const h of holders) {
          const overlap = overlapForPerson(held.get(h.personId) ?? [], programme);
          if (!overlap.overlap) continue;
          items.push({
            nominationId: h.nominationId,
            classId: c.id,
            classCode: c.code,
            className: c.name,
            personId: h.personId,
            personName: h.personName,
            personOpen: mayOpenPeople && h.personInScope,
            unitName: h.unitName,
            status: h.status,
            reasons: overlap.reasons,
            ...duplicatedCost(basis, overlap),
          });
        }
      }

      const offset = (query.page - 1) * query.pageSize;
      return {
        year,
        asOf: asOf.toISOString(),
        ...summarise(items),
        items: items.slice(offset, offset + query.pageSize),
        total: items.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}
