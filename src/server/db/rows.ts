/** Rows of a raw `db.execute` result: node-postgres and PGlite both return `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  const r = result as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}
