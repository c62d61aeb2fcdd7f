import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';

/**
 * Run a gap or eligibility statement with JIT off. Its plan cost grows with the province (one
 * branch per rule over 100,000 state rows) and crosses PostgreSQL's JIT thresholds, where
 * compiling the expressions took ~3 s for a query that runs in well under 1 s without.
 * `set local` inside a (nested) transaction keeps the setting to this statement's transaction.
 */
export async function execRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  return q.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rowsOf<T>(await tx.execute(query));
  });
}
