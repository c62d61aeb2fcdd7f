import { sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/client';

/**
 * Lists count their rows exactly up to this many; past it the total is "more than" (ADR 032):
 * counting a whole province of people on every page costs a scan of all of them.
 */
export const COUNT_CAP = 10_000;

export interface BoundedTotal {
  /** Exact when `totalIsLowerBound` is false; otherwise the cap, and there are more. */
  total: number;
  totalIsLowerBound: boolean;
}

/**
 * Count the rows of `rows` (a select of anything, filtered) stopping after `cap + 1`:
 * `count(*)` over a `LIMIT cap + 1` subquery reads at most that many rows.
 */
export async function boundedCount(q: Queryable, rows: PgSelect, cap = COUNT_CAP): Promise<BoundedTotal> {
  const sub = rows.limit(cap + 1).as('bounded');
  const [{ n }] = await q.select({ n: sql<number>`count(*)::int` }).from(sub);
  const count = Number(n);
  return count > cap ? { total: cap, totalIsLowerBound: true } : { total: count, totalIsLowerBound: false };
}
