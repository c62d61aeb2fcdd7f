/**
 * Independent reads run together where that is safe. On the database (a pool) each read takes a
 * connection of its own, so they overlap. A transaction holds one connection: reads sent to it at
 * once would be queued by pg on that client ("Calling client.query() when the client is already
 * executing a query", deprecated in pg 8, removed in pg 9), so inside a transaction they run one
 * after the other. Same results either way; only the overlap differs.
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Queryable } from './client';

type Reads<T extends readonly unknown[]> = { [K in keyof T]: () => Promise<T[K]> };

/** `Promise.all` of `reads` (functions, started here) on `q`, serialised inside a transaction. */
export async function readTogether<T extends readonly unknown[]>(
  q: Queryable,
  ...reads: Reads<T>
): Promise<T> {
  const fns = reads as readonly (() => Promise<unknown>)[];
  if (!(q instanceof PgTransaction)) return (await Promise.all(fns.map((r) => r()))) as unknown as T;
  const out: unknown[] = [];
  for (const r of fns) out.push(await r());
  return out as unknown as T;
}
