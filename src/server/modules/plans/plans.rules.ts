/**
 * Pure rules of annual plans: totals, the status machine, the diff of two versions, drafting lines
 * from consolidated needs and choosing the class size. No IO: table-driven tests in plans.rules.test.ts.
 */
import type { LineDiff, PlanLine, PlanStatus, Totals } from '../../../contracts/plans';

export type LineContent = Omit<PlanLine, 'id' | 'sourceRef' | 'budgetTotal'> & { sourceRef?: unknown };

export const budgetTotal = (budget: Record<string, number>) =>
  Object.values(budget).reduce((a, v) => a + v, 0);

/** Totals of a plan's lines: overall, by funding source and by programme kind (in first-seen order). */
export function planTotals(lines: readonly LineContent[]): Totals {
  const byFunding: Record<string, number> = {};
  const kinds = new Map<string, Totals['byKind'][number]>();
  let classes = 0;
  let trainees = 0;
  let budget = 0;
  for (const l of lines) {
    const b = budgetTotal(l.budget);
    classes += l.classes;
    trainees += l.trainees;
    budget += b;
    for (const [src, v] of Object.entries(l.budget)) byFunding[src] = (byFunding[src] ?? 0) + v;
    const k = kinds.get(l.programmeKind) ?? {
      programmeKind: l.programmeKind,
      lines: 0,
      classes: 0,
      trainees: 0,
      budget: 0,
    };
    k.lines += 1;
    k.classes += l.classes;
    k.trainees += l.trainees;
    k.budget += b;
    kinds.set(l.programmeKind, k);
  }
  return { lines: lines.length, classes, trainees, budget, byFunding, byKind: [...kinds.values()] };
}

export type PlanAction = 'edit' | 'submit' | 'return' | 'approve' | 'revise';

/** The status an action leads to from a status, or null when the action is not allowed then. */
export function nextStatus(status: PlanStatus, action: PlanAction): PlanStatus | null {
  switch (action) {
    case 'edit':
      return status === 'draft' || status === 'returned' ? status : null;
    case 'submit':
      return status === 'draft' || status === 'returned' ? 'submitted' : null;
    case 'return':
      return status === 'submitted' ? 'returned' : null;
    case 'approve':
      return status === 'submitted' ? 'approved' : null;
    case 'revise':
      return status === 'approved' ? 'draft' : null;
  }
}

const COMPARED = [
  'programmeKind',
  'targetList',
  'targetCode',
  'level',
  'classes',
  'trainees',
  'periods',
  'budget',
  'note',
] as const;

type Keyed = LineContent & { id: number };

/**
 * Lines added, removed and changed from one version to another, matched by their stable id
 * (a line keeps its id across versions). Order: the `to` lines' order, then removed lines.
 */
export function diffLines(from: readonly Keyed[], to: readonly Keyed[]): LineDiff[] {
  const strip = (l: Keyed) => {
    const { id: _id, sourceRef: _ref, ...rest } = l;
    return { ...rest, budgetTotal: budgetTotal(l.budget) };
  };
  const before = new Map(from.map((l) => [l.id, l]));
  const after = new Set(to.map((l) => l.id));
  const out: LineDiff[] = [];
  for (const l of to) {
    const b = before.get(l.id);
    if (!b) {
      out.push({ lineId: l.id, change: 'added', before: null, after: strip(l), fields: [] });
      continue;
    }
    const fields = COMPARED.filter((f) => !sameValue(b[f], l[f]));
    if (fields.length)
      out.push({ lineId: l.id, change: 'changed', before: strip(b), after: strip(l), fields });
  }
  for (const l of from)
    if (!after.has(l.id))
      out.push({ lineId: l.id, change: 'removed', before: strip(l), after: null, fields: [] });
  return out;
}

/** Equal values; a budget is compared without its zero entries and whatever its key order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const clean = (o: object) =>
      Object.entries(o)
        .filter(([, v]) => v !== 0)
        .sort(([x], [y]) => x.localeCompare(y));
    return JSON.stringify(clean(a)) === JSON.stringify(clean(b));
  }
  return (a ?? null) === (b ?? null);
}

/** A group of the consolidated needs table (programme kind x level). */
export interface NeedsGroup {
  programmeKind: string;
  level: string | null;
  people: number;
  quantity: number;
  units: number;
}

/**
 * Plan lines drafted from consolidated needs: one line per programme kind x level, trainees = the
 * people needed (quantity), classes = trainees / class size rounded up, periods and budget left
 * for the user. Each line remembers the campaign and group it came from.
 */
export function draftLinesFromNeeds(
  campaignId: number,
  groups: readonly NeedsGroup[],
  classSizeOf: (programmeKind: string) => number,
) {
  return groups
    .filter((g) => g.quantity > 0)
    .map((g) => {
      const classSize = classSizeOf(g.programmeKind);
      return {
        programmeKind: g.programmeKind,
        targetList: null,
        targetCode: null,
        level: g.level,
        classes: Math.ceil(g.quantity / classSize),
        trainees: g.quantity,
        periods: null,
        budget: {} as Record<string, number>,
        budgetTotal: 0,
        note: null,
        source: 'needs' as const,
        classSize,
        sourceRef: {
          campaignId,
          programmeKind: g.programmeKind,
          level: g.level,
          people: g.people,
          quantity: g.quantity,
          units: g.units,
        },
      };
    });
}

export interface ClassSizeRow {
  unitId: number | null;
  programmeKind: string | null;
  size: number;
  effectiveFrom: string;
}

/**
 * The class size for a kind in a unit on a day: among rows in force (effectiveFrom <= day) owned
 * by the unit, one of its ancestors or the product (unitId null), the deepest owner wins, then a
 * row for the kind over a row for every kind, then the latest date. `programmeKind` null asks for
 * the size of every kind (rows for one kind are then ignored). `unitPath` lists the unit's
 * ancestors and itself, root first. Null when nothing applies.
 */
export function resolveClassSize<T extends ClassSizeRow>(
  rows: readonly T[],
  unitPath: readonly number[],
  programmeKind: string | null,
  day: string,
): T | null {
  const depth = (r: ClassSizeRow) => (r.unitId == null ? -1 : unitPath.indexOf(r.unitId));
  const fits = rows.filter(
    (r) =>
      r.effectiveFrom <= day &&
      (r.unitId == null || unitPath.includes(r.unitId)) &&
      (r.programmeKind == null || r.programmeKind === programmeKind),
  );
  fits.sort(
    (a, b) =>
      depth(b) - depth(a) ||
      Number(b.programmeKind != null) - Number(a.programmeKind != null) ||
      b.effectiveFrom.localeCompare(a.effectiveFrom),
  );
  return fits[0] ?? null;
}
