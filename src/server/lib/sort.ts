/**
 * `order by` of a list sorted by a whitelisted key (ADR 041): each key maps to its SQL expression
 * (texts through `viOrder`, so Vietnamese names sort as readers expect on both databases), empty
 * values last in either direction, then the list's own order as the tie-break so pages are stable.
 */
import { type SQL, sql } from 'drizzle-orm';
import { readSort } from '../../contracts/common';

export function sortedBy<K extends string>(
  sort: K | `-${K}` | undefined,
  exprs: Record<K, SQL>,
  tieBreak: SQL,
): SQL {
  const s = readSort(sort);
  if (!s) return tieBreak;
  const dir = s.desc ? sql`desc nulls last` : sql`asc nulls last`;
  return sql`${exprs[s.key]} ${dir}, ${tieBreak}`;
}
