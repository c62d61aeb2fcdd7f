import { describe, expect, it } from 'vitest';
import type { PlanStatus } from '../../../contracts/plans';
import {
  type ClassSizeRow,
  diffLines,
  draftLinesFromNeeds,
  type LineContent,
  nextStatus,
  type PlanAction,
  planTotals,
  resolveClassSize,
} from './plans.rules';

const line = (id: number, over: Partial<LineContent> = {}): LineContent & { id: number } => ({
  id,
  programmeKind: 'IT',
  targetList: null,
  targetCode: null,
  level: null,
  classes: 1,
  trainees: 50,
  periods: 40,
  budget: {},
  note: null,
  source: 'manual',
  ...over,
});

describe('planTotals', () => {
  it('sums classes, trainees and budget overall, by funding source and by kind', () => {
    const t = planTotals([
      line(1, { programmeKind: 'IT', classes: 2, trainees: 100, budget: { NST: 100, NSDV: 50 } }),
      line(2, { programmeKind: 'LEADERSHIP', classes: 1, trainees: 40, budget: { NST: 30 } }),
      line(3, { programmeKind: 'IT', classes: 1, trainees: 45, budget: { HOC_VIEN: 5 } }),
    ]);
    expect(t).toEqual({
      lines: 3,
      classes: 4,
      trainees: 185,
      budget: 185,
      byFunding: { NST: 130, NSDV: 50, HOC_VIEN: 5 },
      byKind: [
        { programmeKind: 'IT', lines: 2, classes: 3, trainees: 145, budget: 155 },
        { programmeKind: 'LEADERSHIP', lines: 1, classes: 1, trainees: 40, budget: 30 },
      ],
    });
  });
  it('is all zero for no lines', () => {
    expect(planTotals([])).toEqual({
      lines: 0,
      classes: 0,
      trainees: 0,
      budget: 0,
      byFunding: {},
      byKind: [],
    });
  });
});

describe('nextStatus', () => {
  const cases: [PlanStatus, PlanAction, PlanStatus | null][] = [
    ['draft', 'edit', 'draft'],
    ['returned', 'edit', 'returned'],
    ['submitted', 'edit', null],
    ['approved', 'edit', null],
    ['draft', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'submit', null],
    ['approved', 'submit', null],
    ['submitted', 'return', 'returned'],
    ['draft', 'return', null],
    ['submitted', 'approve', 'approved'],
    ['draft', 'approve', null],
    ['returned', 'approve', null],
    ['approved', 'approve', null],
    ['approved', 'revise', 'draft'],
    ['draft', 'revise', null],
    ['submitted', 'revise', null],
  ];
  it.each(cases)('%s --%s--> %s', (status, action, expected) => {
    expect(nextStatus(status, action)).toBe(expected);
  });
});

describe('diffLines', () => {
  it('matches lines by id: added, removed, changed with the fields named, unchanged left out', () => {
    const from = [line(1), line(2, { trainees: 30, budget: { NST: 10 } }), line(3)];
    const to = [
      line(1),
      line(2, { trainees: 35, budget: { NST: 10, NSDV: 0 }, note: 'thêm' }),
      line(4, { programmeKind: 'LEADERSHIP' }),
    ];
    const d = diffLines(from, to);
    expect(d.map((c) => [c.lineId, c.change, c.fields])).toEqual([
      [2, 'changed', ['trainees', 'note']],
      [4, 'added', []],
      [3, 'removed', []],
    ]);
    expect(d[0].before).toMatchObject({ trainees: 30, budgetTotal: 10 });
    expect(d[0].after).toMatchObject({ trainees: 35, budgetTotal: 10 });
    expect(d[1].before).toBeNull();
    expect(d[2].after).toBeNull();
  });
  it('sees a budget change of one source, and nothing when the same', () => {
    expect(diffLines([line(1, { budget: { NST: 5 } })], [line(1, { budget: { NST: 6 } })])[0].fields).toEqual(
      ['budget'],
    );
    expect(
      diffLines([line(1, { budget: { NST: 5, NSDV: 1 } })], [line(1, { budget: { NSDV: 1, NST: 5 } })]),
    ).toEqual([]);
  });
});

describe('draftLinesFromNeeds', () => {
  const groups = [
    { programmeKind: 'STATE_MANAGEMENT', level: 'CVC', people: 120, quantity: 121, units: 9 },
    { programmeKind: 'IT', level: null, people: 0, quantity: 40, units: 2 },
    { programmeKind: 'LEADERSHIP', level: 'PHONG', people: 0, quantity: 0, units: 0 },
  ];
  it.each([
    [50, [3, 1]],
    [60, [3, 1]],
    [40, [4, 1]],
    [121, [1, 1]],
  ])('class size %i makes %j classes (rounded up), empty groups dropped', (size, classes) => {
    const lines = draftLinesFromNeeds(7, groups, () => size);
    expect(lines.map((l) => l.classes)).toEqual(classes);
    expect(lines.map((l) => l.trainees)).toEqual([121, 40]);
  });
  it('uses the size of each kind and remembers the source group', () => {
    const [sm, it] = draftLinesFromNeeds(7, groups, (k) => (k === 'IT' ? 30 : 50));
    expect(it).toMatchObject({ classes: 2, classSize: 30, source: 'needs', budget: {}, periods: null });
    expect(sm.sourceRef).toEqual({
      campaignId: 7,
      programmeKind: 'STATE_MANAGEMENT',
      level: 'CVC',
      people: 120,
      quantity: 121,
      units: 9,
    });
  });
});

describe('resolveClassSize', () => {
  // Path: province 1 > commune 5.
  const rows: (ClassSizeRow & { id: number })[] = [
    { id: 1, unitId: null, programmeKind: null, size: 50, effectiveFrom: '2000-01-01' },
    { id: 2, unitId: 1, programmeKind: null, size: 60, effectiveFrom: '2026-01-01' },
    { id: 3, unitId: 1, programmeKind: 'IT', size: 30, effectiveFrom: '2026-01-01' },
    { id: 4, unitId: 5, programmeKind: null, size: 40, effectiveFrom: '2027-01-01' },
    { id: 5, unitId: 9, programmeKind: null, size: 10, effectiveFrom: '2000-01-01' },
    { id: 6, unitId: 1, programmeKind: null, size: 55, effectiveFrom: '2026-06-01' },
  ];
  it.each([
    ['product default before any province row', [1, 5], 'LEADERSHIP', '2025-12-31', 1],
    ['the province from its date', [1, 5], 'LEADERSHIP', '2026-02-01', 2],
    ['the latest province row in force', [1], 'LEADERSHIP', '2026-07-01', 6],
    ['a row for the kind beats one for every kind', [1, 5], 'IT', '2026-07-01', 3],
    ['the deepest owner wins', [1, 5], 'LEADERSHIP', '2027-01-01', 4],
    ['the deepest owner wins over a kind row above it', [1, 5], 'IT', '2027-01-01', 4],
    ['another subtree does not apply', [1], 'IT', '2025-01-01', 1],
    ['every kind ignores kind rows', [1], null, '2026-07-01', 6],
  ])('%s', (_, path, kind, day, id) => {
    expect(resolveClassSize(rows, path as number[], kind as string | null, day as string)?.id).toBe(id);
  });
  it('is null when nothing applies', () => {
    expect(resolveClassSize(rows.slice(1), [2], 'IT', '2030-01-01')).toBeNull();
  });
});
