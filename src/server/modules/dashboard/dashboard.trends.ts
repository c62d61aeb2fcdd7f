/**
 * The trends tile from stored figures (ADR 047): `person_trends` holds, per person, programme kind
 * and trend period, the first day the person was trained in it; `trend_unit_counts` sums those
 * rows per current unit. Triggers (below) mark the people a write touched in `trend_dirty`;
 * `ensureTrends` rebuilds them set-based (or everyone) before the tile reads, so the figures are
 * never stale to the reader. The tile sums a subtree's unit rows and subtracts the few rows first
 * dated after today; the drill-down (dashboard.trend-people.ts) lists the same rows. `trendFrom`
 * stays the live definition and the parity test keeps them equal.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { TrendPeriodKey } from '../../../contracts/dashboard';
import type { Queryable } from '../../db/client';
import { markedPeopleLimit } from '../../db/marked-limit';
import { rowsOf } from '../../db/rows';
import { PERIOD_OF, trendEvents } from './dashboard.queries';

/** One refresh at a time (pg_advisory_xact_lock key; "dtbd trends"). */
const LOCK_KEY = 4_711_047;

/**
 * The trend rows of the people matching `who` (a condition on a person id column, or all):
 * the events of `trendFrom` without the "up to today" bound, grouped per person, kind and period
 * with their first day, joined to the person's current unit.
 */
function trendRowsSql(who: (col: SQL) => SQL): SQL {
  return sql`select ev.person_id, ev.kind, ${PERIOD_OF(sql`ev.d`)} as period, p.unit_id, min(ev.d) as first_on
    from (${trendEvents(who, null)}) ev
    join people p on p.id = ev.person_id
    group by ev.person_id, ev.kind, 3, p.unit_id`;
}

const rollupSql = (where: SQL) =>
  sql`insert into trend_unit_counts (unit_id, kind, period, n)
    select unit_id, kind, period, count(*)::int from person_trends where ${where} group by unit_id, kind, period`;

export interface TrendRefresh {
  kind: 'none' | 'people' | 'everyone';
  people: number;
  ms: number;
}

async function needsRefresh(q: Queryable): Promise<boolean> {
  const [r] = rowsOf<{ built: boolean; dirty: boolean }>(
    await q.execute(
      sql`select exists (select 1 from trend_state) as built, exists (select 1 from trend_dirty) as dirty`,
    ),
  );
  return !r.built || Boolean(r.dirty);
}

/** Make the stored trend figures current: a read when nothing changed, else a set-based rebuild. */
export async function ensureTrends(q: Queryable): Promise<TrendRefresh> {
  if (!(await needsRefresh(q))) return { kind: 'none', people: 0, ms: 0 };
  return q.transaction((tx) => refreshTrendsIn(tx));
}

/**
 * Rebuild what the marks ask for, on `tx` (inside a transaction), under a lock. The marks it
 * consumes are deleted before the data is read, so a write committed meanwhile keeps its mark.
 */
export async function refreshTrendsIn(tx: Queryable): Promise<TrendRefresh> {
  const started = Date.now();
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY}::bigint)`);
  const limit = await markedPeopleLimit(tx);
  const [m] = rowsOf<{ built: boolean; n: number; everyone: boolean }>(
    await tx.execute(sql`select exists (select 1 from trend_state) as built, count(*)::int as n,
        coalesce(bool_or(person_id is null), false) as everyone
      from (select person_id from trend_dirty limit ${limit + 1}) d`),
  );
  if (m.built && Number(m.n) === 0) return { kind: 'none', people: 0, ms: 0 };
  let everyone = !m.built || Boolean(m.everyone) || Number(m.n) > limit;
  let ids: number[] = [];
  if (everyone) await tx.execute(sql`delete from trend_dirty`);
  else {
    const marked = rowsOf<{ person_id: number | null }>(
      await tx.execute(sql`delete from trend_dirty returning person_id`),
    );
    everyone = marked.some((r) => r.person_id === null) || marked.length > limit;
    ids = [...new Set(marked.map((r) => Number(r.person_id)))];
  }
  await tx.execute(sql`set local work_mem = '64MB'`);
  if (everyone) {
    await tx.execute(sql`delete from person_trends`);
    await tx.execute(sql`delete from trend_unit_counts`);
    await tx.execute(
      sql`insert into person_trends (person_id, kind, period, unit_id, first_on) ${trendRowsSql(() => sql`true`)}`,
    );
    await tx.execute(rollupSql(sql`true`));
  } else {
    const list = sql`${sql.param(ids)}::int[]`;
    // The units the people's old rows counted in and their current units: recounted whole.
    const units = sql`(select unit_id from person_trends where person_id = any(${list})
      union select unit_id from people where id = any(${list}))`;
    await tx.execute(sql`create temp table if not exists trend_touched (unit_id int) on commit drop`);
    await tx.execute(sql`insert into trend_touched ${units}`);
    await tx.execute(sql`delete from person_trends where person_id = any(${list})`);
    await tx.execute(
      sql`insert into person_trends (person_id, kind, period, unit_id, first_on) ${trendRowsSql((col) => sql`${col} = any(${list})`)}`,
    );
    const touched = sql`unit_id in (select unit_id from trend_touched)`;
    await tx.execute(sql`delete from trend_unit_counts where ${touched}`);
    await tx.execute(rollupSql(touched));
    await tx.execute(sql`drop table trend_touched`);
  }
  const people = everyone ? -1 : ids.length;
  const ms = Date.now() - started;
  await tx.execute(sql`insert into trend_state (id, refreshed_at, people, ms) values (1, now(), ${people}::int, ${ms}::int)
    on conflict (id) do update set refreshed_at = excluded.refreshed_at, people = excluded.people, ms = excluded.ms`);
  return { kind: everyone ? 'everyone' : 'people', people, ms };
}

/**
 * People trained per period and programme kind, among the people whose current unit lies under
 * `path`, up to `today`: the subtree's unit rows minus its rows first dated after today. Equal to
 * counting `trendFrom` (dashboard.trends.test.ts). The caller made the figures current.
 */
export async function storedTrends(q: Queryable, path: string, today: string) {
  const rows = rowsOf<{ period: TrendPeriodKey; kind: string; n: number }>(
    await q.execute(sql`select x.period, x.kind, sum(x.n)::int as n from (
        select t.period, t.kind, t.n from trend_unit_counts t join org_units u on u.id = t.unit_id
        where u.path <@ ${path}::ltree
        union all
        select f.period, f.kind, -1 from person_trends f join org_units u on u.id = f.unit_id
        where f.first_on > ${today}::date and u.path <@ ${path}::ltree) x
      group by x.period, x.kind having sum(x.n) > 0 order by x.period, x.kind`),
  );
  return rows.map((r) => ({ period: r.period, kind: r.kind, n: Number(r.n) }));
}

const FUNCTIONS = `
create or replace function trend_mark_people() returns trigger language plpgsql as $f$
begin
  if exists (select 1 from trend_dirty where person_id is null) then return null; end if;
  if tg_op in ('INSERT', 'UPDATE') then
    execute format('insert into trend_dirty (person_id) select distinct %I from trend_new', tg_argv[0]);
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    execute format('insert into trend_dirty (person_id) select distinct %I from trend_old', tg_argv[0]);
  end if;
  return null;
end $f$;
create or replace function trend_mark_classes() returns trigger language plpgsql as $f$
begin
  if exists (select 1 from trend_dirty where person_id is null) then return null; end if;
  insert into trend_dirty (person_id) select distinct n.person_id from class_nominations n
    where n.status = 'approved' and n.class_id in (select o.id from trend_old o join trend_new w on w.id = o.id
      where (o.status, o.ends_on, o.programme_id) is distinct from (w.status, w.ends_on, w.programme_id));
  return null;
end $f$;
create or replace function trend_mark_programmes() returns trigger language plpgsql as $f$
begin
  if exists (select 1 from trend_dirty where person_id is null) then return null; end if;
  if exists (select 1 from trend_old o join trend_new w on w.id = o.id where o.kind is distinct from w.kind) then
    insert into trend_dirty (person_id) values (null);
  end if;
  return null;
end $f$;`;

const TRANSITIONS: [event: string, referencing: string][] = [
  ['insert', 'new table as trend_new'],
  ['update', 'old table as trend_old new table as trend_new'],
  ['delete', 'old table as trend_old'],
];

/**
 * The SQL that (re)creates the mark triggers (idempotent; `migrate()` runs it). A new person has
 * no trainings yet: people mark on update (a move) and delete only. A class marks its approved
 * learners when its status, last day or programme changes; a programme's kind marks everyone.
 * The first start after this table arrived builds everyone (no `trend_state` row).
 */
export function trendTriggersSql(): string {
  const parts = [FUNCTIONS];
  const people: [string, string, string[]][] = [
    ['qualifications', 'person_id', ['insert', 'update', 'delete']],
    ['class_nominations', 'person_id', ['insert', 'update', 'delete']],
    ['people', 'id', ['update', 'delete']],
  ];
  for (const [table, column, events] of people) {
    for (const [event, referencing] of TRANSITIONS.filter(([e]) => events.includes(e))) {
      parts.push(`drop trigger if exists trend_${table}_${event} on ${table};
create trigger trend_${table}_${event} after ${event} on ${table} referencing ${referencing}
  for each statement execute function trend_mark_people('${column}');`);
    }
  }
  for (const [table, fn] of [
    ['classes', 'trend_mark_classes'],
    ['programmes', 'trend_mark_programmes'],
  ]) {
    parts.push(`drop trigger if exists trend_${table}_update on ${table};
create trigger trend_${table}_update after update on ${table} referencing ${TRANSITIONS[1][1]}
  for each statement execute function ${fn}();`);
  }
  return parts.join('\n');
}
