import { describe, expect, it } from 'vitest';
import { duplicatedCost, summarise } from './duplicated-training.rules';

const held = { id: 1, kind: 'STATE_MANAGEMENT', level: 'CV', higher: false };

describe('duplicatedCost', () => {
  it.each([
    {
      case: 'held qualification: the whole cost per trainee',
      basis: { budgetTotal: 250_000_000, holders: 5, programmePeriods: 150 },
      overlap: { heldQualification: held, coveredPeriods: 120 },
      want: { sharePct: 100, costPerTrainee: 50_000_000, duplicatedCost: 50_000_000 },
    },
    {
      case: 'a higher qualification counts as held',
      basis: { budgetTotal: 90_000_000, holders: 3, programmePeriods: 40 },
      overlap: { heldQualification: { ...held, higher: true }, coveredPeriods: 0 },
      want: { sharePct: 100, costPerTrainee: 30_000_000, duplicatedCost: 30_000_000 },
    },
    {
      case: 'covered periods over the programme periods, rounded once to whole VND',
      basis: { budgetTotal: 250_000_000, holders: 5, programmePeriods: 150 },
      overlap: { heldQualification: null, coveredPeriods: 80 },
      want: { sharePct: 53.3, costPerTrainee: 50_000_000, duplicatedCost: 26_666_667 },
    },
    {
      case: 'rounded from the exact cost per trainee (500 000.5 rounded first would give 250 001)',
      basis: { budgetTotal: 1_000_001, holders: 2, programmePeriods: 2 },
      overlap: { heldQualification: null, coveredPeriods: 1 },
      want: { sharePct: 50, costPerTrainee: 500_001, duplicatedCost: 250_000 },
    },
    {
      case: 'no seat holder counted: divides by one',
      basis: { budgetTotal: 12_000_000, holders: 0, programmePeriods: 40 },
      overlap: { heldQualification: null, coveredPeriods: 10 },
      want: { sharePct: 25, costPerTrainee: 12_000_000, duplicatedCost: 3_000_000 },
    },
    {
      case: 'no budget: no cost, the share still shown',
      basis: { budgetTotal: 0, holders: 10, programmePeriods: 40 },
      overlap: { heldQualification: null, coveredPeriods: 20 },
      want: { sharePct: 50, costPerTrainee: 0, duplicatedCost: 0 },
    },
    {
      case: 'covered periods beyond the programme are capped at 100%',
      basis: { budgetTotal: 10_000_000, holders: 2, programmePeriods: 40 },
      overlap: { heldQualification: null, coveredPeriods: 60 },
      want: { sharePct: 100, costPerTrainee: 5_000_000, duplicatedCost: 5_000_000 },
    },
  ])('$case', ({ basis, overlap, want }) => {
    expect(duplicatedCost(basis, overlap)).toEqual(want);
  });
});

describe('summarise', () => {
  const row = (classId: number, personId: number, cost: number) => ({
    classId,
    classCode: `K${classId}/2027`,
    className: `Lớp ${classId}`,
    personId,
    duplicatedCost: cost,
  });

  it('adds rows and cost per class in the order met, and counts each person once', () => {
    expect(summarise([row(2, 10, 100), row(2, 11, 50), row(1, 10, 7)])).toEqual({
      totals: { rows: 3, people: 2, cost: 157 },
      byClass: [
        { classId: 2, code: 'K2/2027', name: 'Lớp 2', rows: 2, cost: 150 },
        { classId: 1, code: 'K1/2027', name: 'Lớp 1', rows: 1, cost: 7 },
      ],
    });
  });

  it('is empty for no rows', () => {
    expect(summarise([])).toEqual({ totals: { rows: 0, people: 0, cost: 0 }, byClass: [] });
  });
});
