import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrgUnit as OrgUnitSchema } from '../../contracts/org';
import { foldText } from '../../contracts/text';
import { api } from './api-client';

export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export interface OrgTreeResponse {
  units: OrgUnit[];
  rootIds: number[];
}

export interface OrgTreeParams {
  asOf?: string | null;
  includeHistorical?: boolean;
}

export const orgTreeQueryKey = (p: OrgTreeParams = {}) =>
  ['org', 'tree', p.asOf ?? null, !!p.includeHistorical] as const;

/** The units the user may see (their subtree), flat with parent ids. */
export function useOrgTree(p: OrgTreeParams = {}) {
  return useQuery({
    queryKey: orgTreeQueryKey(p),
    queryFn: ({ signal }) =>
      api.get<OrgTreeResponse>('/org/tree', {
        signal,
        query: { asOf: p.asOf ?? undefined, includeHistorical: p.includeHistorical ? 'true' : 'false' },
      }),
    staleTime: 5 * 60_000,
  });
}

export interface UnitNode {
  unit: OrgUnit;
  children: UnitNode[];
}

/**
 * Build the tree from the flat list. Roots are `rootIds` (the user's scope); a unit whose parent
 * is not in the list also becomes a root so nothing visible is lost. Order is the server's.
 */
export function buildUnitTree(units: OrgUnit[], rootIds: number[] = []): UnitNode[] {
  const nodes = new Map<number, UnitNode>();
  for (const u of units) nodes.set(u.id, { unit: u, children: [] });
  const roots: UnitNode[] = [];
  const rootSet = new Set(rootIds);
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId !== null && !rootSet.has(u.id) ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // Put declared roots first, in the order the server gave them.
  const order = new Map(rootIds.map((id, i) => [id, i]));
  roots.sort(
    (a, b) =>
      (order.get(a.unit.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.unit.id) ?? Number.MAX_SAFE_INTEGER),
  );
  return roots;
}

/** Ids of the unit and all its descendants. */
export function subtreeIds(units: OrgUnit[], rootId: number): Set<number> {
  const byParent = new Map<number, number[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = byParent.get(u.parentId) ?? [];
    list.push(u.id);
    byParent.set(u.parentId, list);
  }
  const out = new Set<number>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const c of byParent.get(id) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/**
 * Accent-free search: the ids of units whose name, short name or code contains the query, and
 * the ids of their ancestors (to expand the tree down to them).
 */
export function searchUnits(units: OrgUnit[], query: string): { matches: Set<number>; expand: Set<number> } {
  const q = foldText(query);
  const matches = new Set<number>();
  const expand = new Set<number>();
  if (!q) return { matches, expand };
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    const hay = foldText(`${u.name} ${u.shortName ?? ''} ${u.code ?? ''}`);
    if (!hay.includes(q)) continue;
    matches.add(u.id);
    let p = u.parentId;
    while (p !== null && byId.has(p) && !expand.has(p)) {
      expand.add(p);
      p = byId.get(p)?.parentId ?? null;
    }
  }
  return { matches, expand };
}
