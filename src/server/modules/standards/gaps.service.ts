/** Gaps of a subtree: the service other modules call (the needs campaign pre-fills proposals from it). */
import type { Queryable } from '../../db/client';
import { type GapRow, loadGapContext, selectGaps } from './gaps.queries';

export type { GapRow } from './gaps.queries';

/**
 * Every (person, rule) that is missing or due on `asOf` for the people WORKING then in the
 * subtree `unitPath` (default: the whole scope), under the rules in force on that date. The
 * caller has checked the actor's permission and that `unitPath` lies in `scopePath`. Used by the
 * needs campaign to pre-fill proposals.
 */
export async function listGapsForUnits(
  q: Queryable,
  opts: { scopePath: string; asOf: string; unitPath?: string },
): Promise<GapRow[]> {
  const ctx = await loadGapContext(q, opts.asOf);
  return selectGaps(q, ctx, opts);
}
