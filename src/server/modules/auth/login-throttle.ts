/**
 * Failed logins slow down instead of locking the owner out (ADR 027). Each attempt is counted
 * against its username and its client address before the password is checked, in one statement
 * per key, so 30 parallel attempts count 30 and only the free ones reach the password check.
 * From the `free`-th attempt on, each attempt that gets through blocks its key for 1 s, 2 s, 4 s
 * ... up to 15 minutes; attempts during a block answer 429 with Retry-After. The right password
 * after the wait works and clears the username's count.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';

export const MAX_DELAY_SECONDS = 15 * 60;
/** A key with no attempt for this long starts again from zero. */
export const RESET_AFTER_MS = 60 * 60 * 1000;

export const userKey = (username: string) => `user:${username}`;
export const clientKey = (address: string) => `client:${address}`;

interface Counted {
  key: string;
  failures: number;
  blockedUntil: Date | null;
  through: boolean;
}

async function countOne(q: Queryable, key: string, free: number, now: Date, id: string): Promise<Counted> {
  const stale = new Date(now.getTime() - RESET_AFTER_MS);
  // `n`: this attempt's number; a stale row starts again at 1.
  const n = sql`(case when t.last_at < ${stale} then 1 else t.failures + 1 end)`;
  const blocked = sql`(t.last_at >= ${stale} and t.blocked_until > ${now})`;
  const delay = (count: unknown) =>
    sql`${now}::timestamptz + make_interval(secs => least(power(2, least(${count} - ${free}::int, 10)), ${MAX_DELAY_SECONDS}::int))`;
  const [row] = rowsOf<{ failures: number; blocked_until: Date | string | null; attempt: string }>(
    await q.execute(sql`
      insert into login_throttle as t (key, failures, last_at, blocked_until, attempt)
      values (${key}, 1, ${now}, case when 1 >= ${free}::int then ${delay(sql`1`)} end, ${id})
      on conflict (key) do update set
        failures = ${n},
        last_at = ${now},
        blocked_until = case when ${blocked} then t.blocked_until
          when ${n} >= ${free}::int then ${delay(n)} end,
        attempt = case when ${blocked} then t.attempt else ${id} end
      returning failures, blocked_until, attempt`),
  );
  return {
    key,
    failures: Number(row.failures),
    blockedUntil: row.blocked_until === null ? null : new Date(row.blocked_until),
    through: row.attempt === id,
  };
}

export interface Attempt {
  id: string;
  keys: string[];
}

/**
 * Count one attempt for each key; throw 429 with the wait when any key is blocked. Returns the
 * attempt, to hand to `attemptSucceeded` when the password was right.
 */
export async function countAttempt(
  q: Queryable,
  keys: { key: string; free: number }[],
  now: Date,
): Promise<Attempt> {
  const id = crypto.randomUUID();
  const counted: Counted[] = [];
  for (const k of keys) counted.push(await countOne(q, k.key, k.free, now, id));
  // A key starting afresh clears the rows long idle (indexed on last_at).
  if (counted.some((c) => c.failures === 1))
    await q.execute(
      sql`delete from login_throttle where last_at < ${new Date(now.getTime() - RESET_AFTER_MS)}`,
    );
  const refused = counted.filter((c) => !c.through);
  if (refused.length) {
    const until = Math.max(...refused.map((c) => c.blockedUntil?.getTime() ?? now.getTime()));
    const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', {
      message: {
        vi: `Đăng nhập sai nhiều lần. Hãy thử lại sau ${seconds} giây.`,
        en: `Too many failed logins. Try again in ${seconds} s.`,
      },
      details: { retryAfterSeconds: seconds },
    });
  }
  return { id, keys: keys.map((k) => k.key) };
}

/**
 * The password was right: the username starts again from zero; the client's count gives back
 * this attempt (an office behind one address is not slowed by its own good logins).
 */
export async function attemptSucceeded(q: Queryable, attempt: Attempt, username: string): Promise<void> {
  await q.execute(sql`delete from login_throttle where key = ${userKey(username)}`);
  const others = attempt.keys.filter((k) => k !== userKey(username));
  for (const key of others)
    await q.execute(sql`update login_throttle set failures = greatest(failures - 1, 0),
        blocked_until = case when attempt = ${attempt.id} then null else blocked_until end
      where key = ${key}`);
}

export interface ThrottleRow {
  kind: 'user' | 'client';
  subject: string;
  failures: number;
  lastAt: string;
  blockedUntil: string | null;
  retryAfterSeconds: number;
}

/**
 * Current slow-downs an admin may see: usernames of their subtree (and unknown usernames and
 * client addresses only for an admin of a whole province, i.e. a root unit).
 */
export async function listThrottles(
  q: Queryable,
  actor: Actor,
  now: Date,
  free: number,
): Promise<ThrottleRow[]> {
  const stale = new Date(now.getTime() - RESET_AFTER_MS);
  const rows = rowsOf<{
    key: string;
    failures: number;
    last_at: Date | string;
    blocked_until: Date | string | null;
  }>(
    await q.execute(sql`
      select t.key, t.failures, t.last_at, t.blocked_until from login_throttle t
      left join users u on t.key = 'user:' || u.username
      left join org_units ou on ou.id = u.scope_unit_id
      where t.last_at >= ${stale} and (t.blocked_until > ${now} or t.failures >= ${free}::int)
        and (ou.path <@ ${actor.scopePath}::ltree
          or (u.id is null and exists (select 1 from org_units r
                where r.path = ${actor.scopePath}::ltree and r.parent_id is null)))
      order by t.last_at desc limit 200`),
  );
  return rows.map((r) => {
    const blocked = r.blocked_until === null ? null : new Date(r.blocked_until);
    const [kind, ...rest] = r.key.split(':');
    return {
      kind: kind === 'client' ? 'client' : 'user',
      subject: rest.join(':'),
      failures: Number(r.failures),
      lastAt: new Date(r.last_at).toISOString(),
      blockedUntil: blocked && blocked > now ? blocked.toISOString() : null,
      retryAfterSeconds: blocked && blocked > now ? Math.ceil((blocked.getTime() - now.getTime()) / 1000) : 0,
    };
  });
}

/** An admin lifts the slow-down of a username of their subtree (404 otherwise). */
export async function clearUserThrottle(q: Queryable, actor: Actor, username: string): Promise<boolean> {
  const rows = rowsOf<{ key: string }>(
    await q.execute(sql`delete from login_throttle t using users u join org_units ou on ou.id = u.scope_unit_id
      where t.key = 'user:' || u.username and u.username = ${username} and ou.path <@ ${actor.scopePath}::ltree
      returning t.key`),
  );
  return rows.length > 0;
}
