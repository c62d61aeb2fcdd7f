/**
 * What repeated training costs, pure. A class's cost per trainee is its budget spread over its
 * seat holders; a person repeats all of it when they already hold the qualification it grants
 * (or a higher one), else the share of the programme's periods their held content covered.
 */
import type { PersonOverlap } from '../../../contracts/catalogue';
import type { DuplicatedTraining, DuplicatedTrainingItem } from '../../../contracts/duplicated-training';

export interface ClassCostBasis {
  /** Sum of the class's budget lines, VND. */
  budgetTotal: number;
  /** Seat holders of the class (pending + approved); fewer than one counts as one. */
  holders: number;
  /** The programme's length in periods (the topics add up to at most this). */
  programmePeriods: number;
}

export interface DuplicatedCost {
  sharePct: number;
  costPerTrainee: number;
  duplicatedCost: number;
}

/**
 * The cost of one person's repetition. The share is kept as a fraction and the money rounded
 * once, to whole VND, so rounding the cost per trainee first cannot shift the result.
 */
export function duplicatedCost(
  basis: ClassCostBasis,
  overlap: Pick<PersonOverlap, 'heldQualification' | 'coveredPeriods'>,
): DuplicatedCost {
  const holders = Math.max(1, basis.holders);
  const whole = Math.max(1, basis.programmePeriods);
  const part = overlap.heldQualification ? whole : Math.min(whole, Math.max(0, overlap.coveredPeriods));
  return {
    sharePct: Math.round((part / whole) * 1000) / 10,
    costPerTrainee: Math.round(basis.budgetTotal / holders),
    duplicatedCost: Math.round((basis.budgetTotal * part) / (holders * whole)),
  };
}

/** Totals and the per-class lines over every row (the rows themselves are paged apart). */
export function summarise(
  items: Pick<
    DuplicatedTrainingItem,
    'classId' | 'classCode' | 'className' | 'personId' | 'duplicatedCost'
  >[],
): Pick<DuplicatedTraining, 'totals' | 'byClass'> {
  const byClass = new Map<number, DuplicatedTraining['byClass'][number]>();
  let cost = 0;
  for (const it of items) {
    cost += it.duplicatedCost;
    const line = byClass.get(it.classId) ?? {
      classId: it.classId,
      code: it.classCode,
      name: it.className,
      rows: 0,
      cost: 0,
    };
    line.rows += 1;
    line.cost += it.duplicatedCost;
    byClass.set(it.classId, line);
  }
  return {
    totals: { rows: items.length, people: new Set(items.map((i) => i.personId)).size, cost },
    byClass: [...byClass.values()],
  };
}
