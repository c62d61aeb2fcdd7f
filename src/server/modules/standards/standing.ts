/**
 * The stored standing (ADR 033): each person's state, held qualifications, applying rules and
 * gaps on one day, written by the gap statement itself. Triggers mark the people a write touched
 * (standing.triggers.ts); `ensureStanding` rebuilds them, or everyone when the day moved or the
 * rules, code lists or unit paths changed, before anything reads the table. Writers that batch
 * (import, generate) call `refreshStanding` at the end of their transaction.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { MARKED_PEOPLE_MIN, markedPeopleLimit } from '../../db/marked-limit';
import { rowsOf } from '../../db/rows';
import { readTogether } from '../../db/together';
import { type GapScope, gapsSql } from './gaps.sql';
import { placeRules } from './rule-engine';
import { loadCodebook, loadRuleVersions } from './rules.queries';
import { applyRollupDelta, rebuildRollups } from './standing.rollup';
import { standingWriteTail } from './standing.sql';

/** One refresh at a time (pg_advisory_xact_lock key; "dtbd standing"). */
const LOCK_KEY = 4_711_033;
/**
 * The day moved from `from` to `to` (a later day of the same year, the rule versions in force
 * placed the same): mark the people whose standing a date in (from, to] can change: a gap due
 * by then (due turns missing), a history row starting or ending, a qualification issued. True
 * when marked; false when everyone must be rebuilt (another year: periods of the year and annual
 * due dates restart; the rules in force changed; the clock went back).
 */
export async function markDayCrossing(
  tx: Queryable,
  versions: Awaited<ReturnType<typeof loadRuleVersions>>,
  from: string,
  to: string,
): Promise<boolean> {
  if (!(from < to) || from.slice(0, 4) !== to.slice(0, 4)) return false;
  const placed = (day: string) =>
    JSON.stringify(
      placeRules(versions, day)
        .map((p) => [p.rule.id, p.ownerPath, [...p.exclude].sort()])
        .sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  if (placed(from) !== placed(to)) return false;
  await tx.execute(sql`insert into standing_dirty (person_id)
    select person_id from person_standing_gaps where due_by is not null and due_by <= ${to}::date
    union select person_id from person_history
      where (valid_from > ${from}::date and valid_from <= ${to}::date)
         or (valid_to > ${from}::date and valid_to <= ${to}::date)
    union select person_id from qualifications
      where issued_on > ${from}::date and issued_on <= ${to}::date`);
  return true;
}

export interface StandingRefresh {
  asOf: string;
  /** 'people' = only the marked people were rebuilt; 'everyone' = the whole table; 'none' = already current. */
  kind: 'none' | 'people' | 'everyone';
  people: number;
  ms: number;
}

/** The day the table holds and whether any person (or everyone) is marked. */
async function currentState(q: Queryable): Promise<{ asOf: string | null; dirty: boolean }> {
  const [r] = rowsOf<{ as_of: string | null; dirty: boolean }>(
    await q.execute(sql`select (select as_of::text from standing_state where id = 1) as as_of,
      exists (select 1 from standing_dirty) as dirty`),
  );
  return { asOf: r.as_of, dirty: Boolean(r.dirty) };
}

/** The table holds `today` and no write has marked anyone since (a read: fine in a read-only transaction). */
export async function standingIsCurrent(q: Queryable, today: string): Promise<boolean> {
  const s = await currentState(q);
  return s.asOf === today && !s.dirty;
}

/**
 * Make the stored standing current for `today` (the clock's day in Vietnam): a no-op read when
 * nothing changed, else a set-based rebuild of the marked people or of everyone. Readers call it
 * before they read the table, so it is never stale to them.
 */
export async function ensureStanding(q: Queryable, today: string): Promise<StandingRefresh> {
  if (await standingIsCurrent(q, today)) return { asOf: today, kind: 'none', people: 0, ms: 0 };
  return refreshStanding(q, today);
}

/** Mark everyone: a batch does it first, so its statements write no per-person marks. */
export async function markEveryone(q: Queryable): Promise<void> {
  await q.execute(sql`insert into standing_dirty (person_id) values (null)`);
}

/**
 * Rebuild what the marks ask for, in a transaction of its own (nested in the caller's if any).
 * See `refreshStandingIn`.
 */
export function refreshStanding(
  q: Queryable,
  today: string,
  opts: { sameDay?: boolean } = {},
): Promise<StandingRefresh> {
  return q.transaction((tx) => refreshStandingIn(tx, today, opts));
}

/**
 * Rebuild what the marks ask for, on `tx`, which must already be inside a transaction (an
 * import's), under a lock so two refreshes never interleave. The marks it consumes are deleted
 * before the state is read, so a write committed meanwhile keeps its mark for the next refresh.
 * `sameDay` (a writer at the end of its batch): do nothing when the table holds another day,
 * which the next reader rebuilds.
 */
export async function refreshStandingIn(
  tx: Queryable,
  today: string,
  opts: { sameDay?: boolean } = {},
): Promise<StandingRefresh> {
  const started = Date.now();
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY}::bigint)`);
  const before = await currentState(tx);
  if (opts.sameDay && before.asOf !== today) return { asOf: today, kind: 'none' as const, people: 0, ms: 0 };
  const [versions, book] = await readTogether(
    tx,
    () => loadRuleVersions(tx),
    () => loadCodebook(tx),
  );
  let everyone = before.asOf !== today;
  let dirty = before.dirty;
  // A new day of the same year under the same rules: only the people a date crossed (ADR 035).
  if (everyone && before.asOf !== null && (await markDayCrossing(tx, versions, before.asOf, today))) {
    everyone = false;
    dirty = true;
  }
  let ids: number[] = [];
  const limit = everyone ? MARKED_PEOPLE_MIN : await markedPeopleLimit(tx);
  if (!everyone) {
    if (!dirty && before.asOf === today) return { asOf: today, kind: 'none' as const, people: 0, ms: 0 };
    const [m] = rowsOf<{ n: number; everyone: boolean }>(
      await tx.execute(sql`select count(*)::int as n, bool_or(person_id is null) as everyone
          from (select person_id from standing_dirty limit ${limit + 1}) d`),
    );
    everyone = Boolean(m.everyone) || Number(m.n) > limit;
  }
  if (everyone) await tx.execute(sql`delete from standing_dirty`);
  else {
    const marked = rowsOf<{ person_id: number | null }>(
      await tx.execute(sql`delete from standing_dirty returning person_id`),
    );
    everyone = marked.some((m) => m.person_id === null) || marked.length > limit;
    ids = [...new Set(marked.map((m) => Number(m.person_id)))];
  }
  const scope: GapScope = { asOf: today, scopePath: '' };
  // Units whose rollup rows the marked people's old or new rows touch (zeros are dropped there).
  const touched = new Set<number>();
  if (everyone) {
    await tx.execute(sql`delete from person_standing`);
    await tx.execute(sql`delete from person_standing_gaps`);
  } else {
    scope.personIds = ids;
    // Their old rows leave the per-unit rollups (ADR 035) before the rows go.
    await applyRollupDelta(tx, ids, -1, book, touched);
    await tx.execute(sql`with gone as (delete from person_standing where person_id = any(${sql.param(ids)}::int[]) returning 1)
      delete from person_standing_gaps where person_id = any(${sql.param(ids)}::int[])`);
  }
  const placements = placeRules(versions, today);
  // JIT off as for every gap statement (gaps.exec.ts); `tx` may not nest transactions.
  await tx.execute(sql`set local jit = off`);
  await tx.execute(gapsSql(placements, book, scope, standingWriteTail(placements.length > 0)));
  if (everyone) await rebuildRollups(tx, book);
  else await applyRollupDelta(tx, ids, 1, book, touched);
  const people = everyone
    ? Number(
        rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from person_standing`))[0].n,
      )
    : ids.length;
  const ms = Date.now() - started;
  await tx.execute(sql`insert into standing_state (id, as_of, refreshed_at, people, ms)
      values (1, ${today}::date, now(), ${people}::int, ${ms}::int)
      on conflict (id) do update set as_of = excluded.as_of, refreshed_at = excluded.refreshed_at,
        people = excluded.people, ms = excluded.ms`);
  return { asOf: today, kind: everyone ? ('everyone' as const) : ('people' as const), people, ms };
}
