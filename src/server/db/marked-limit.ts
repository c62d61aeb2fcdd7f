/**
 * How many people a refresh of stored figures (the standing, ADR 033; the trends, ADR 047)
 * rebuilds one by one before it rebuilds everyone instead: 20,000, or a fifth of the people by
 * the planner's estimate (`pg_class.reltuples`) when that is more. Measured at 2.5 M people: a
 * full standing rebuild took 270-300 s, the 100,000 people of an import 28 s (BENCHMARKS.md).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from './client';
import { rowsOf } from './rows';

export const MARKED_PEOPLE_MIN = 20_000;

export async function markedPeopleLimit(q: Queryable): Promise<number> {
  const [r] = rowsOf<{ n: number }>(
    await q.execute(
      sql`select greatest(reltuples, 0)::bigint as n from pg_class where oid = 'people'::regclass`,
    ),
  );
  return Math.max(MARKED_PEOPLE_MIN, Math.floor(Number(r?.n ?? 0) / 5));
}
