import type { SQLWrapper } from 'drizzle-orm';
import type { DbHandle, Queryable } from '../db/client';

/** Rows of a raw query, on both drivers (both return `{ rows }`). */
export async function queryRows<T>(db: Queryable, query: SQLWrapper | string): Promise<T[]> {
  const res = await db.execute(query);
  return (res as unknown as { rows: T[] }).rows;
}

/** Highest id in a table, 0 when empty. */
export async function maxId(db: Queryable, table: string): Promise<number> {
  const rows = await queryRows<{ m: number | string }>(db, `SELECT coalesce(max(id), 0) AS m FROM ${table}`);
  return Number(rows[0].m);
}

/** Set an identity sequence past the highest id (after inserting explicit ids). */
export async function syncIdentity(handle: DbHandle, table: string): Promise<void> {
  await handle.exec(
    `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`,
  );
}
