/**
 * A small cache of read results keyed by what was asked and by the data's version (ADR 020):
 * a heavy aggregate (the dashboard of a whole province) is computed once per change of the data,
 * not once per viewer. The version is read on every request (a few primary-key maxima: far below a
 * millisecond), so any audited change, any new person, qualification, class or nomination gives a
 * fresh read; `ttlMs` bounds how long anything else (a bulk load that writes no audit row) can go
 * unseen. Concurrent askers of the same key share one computation. Results keep the time they were
 * read, and the screens show it.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import type { Clock } from './dates';

/** The data version: the newest audit row and the newest rows of the tables the aggregates read. */
export async function dataVersion(q: Queryable): Promise<string> {
  const [r] = rowsOf<Record<string, number | string | null>>(
    await q.execute(sql`select
      (select max(id) from audit_log) as a, (select max(id) from people) as p,
      (select max(id) from qualifications) as q, (select max(id) from classes) as c,
      (select max(id) from class_nominations) as n, (select max(id) from import_batches) as i`),
  );
  return Object.values(r).join('.');
}

interface Entry<T> {
  version: string;
  at: number;
  value: Promise<T>;
}

export function createReadCache<T>(opts: { clock: Clock; ttlMs: number; max: number }) {
  const entries = new Map<string, Entry<T>>();
  return {
    async get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
      const now = opts.clock.now().getTime();
      const hit = entries.get(key);
      if (hit && hit.version === version && now - hit.at < opts.ttlMs) return hit.value;
      const value = compute();
      entries.delete(key);
      entries.set(key, { version, at: now, value });
      // A failed computation is not kept.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      while (entries.size > opts.max) entries.delete(entries.keys().next().value as string);
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
