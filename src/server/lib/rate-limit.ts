/**
 * Fixed-window counters in the database (ADR 003: limits hold across app processes sharing one
 * PostgreSQL). One statement counts the hit and returns the count, so concurrent hits never
 * read a stale number.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { AppError, type Localized } from './errors';

export async function countHit(q: Queryable, key: string, now: Date, windowMs: number): Promise<number> {
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = rowsOf<{ hits: number }>(
    await q.execute(sql`insert into rate_limit_hits (key, window_start, hits) values (${key}, ${start}, 1)
      on conflict (key, window_start) do update set hits = rate_limit_hits.hits + 1 returning hits`),
  );
  const hits = Number(row.hits);
  // The first hit of a window clears the windows long past (cheap: indexed on window_start).
  if (hits === 1)
    await q.execute(
      sql`delete from rate_limit_hits where window_start < ${new Date(start.getTime() - windowMs * 60)}`,
    );
  return hits;
}

/** Count the hit; past `max` in the window answer 429 with `message`. */
export async function assertUnderLimit(
  q: Queryable,
  opts: { key: string; now: Date; windowMs: number; max: number; message: Localized },
): Promise<void> {
  const hits = await countHit(q, opts.key, opts.now, opts.windowMs);
  if (hits > opts.max) throw new AppError('RATE_LIMITED', { message: opts.message });
}
