/**
 * Triggers that mark whose standing must be rebuilt (ADR 033). Statement-level with transition
 * tables: one insert per statement, whatever its size, on every write path (API, import, CLI,
 * demo, generate, hand-written SQL). A person's rows: people, person_history, qualifications.
 * Everyone (a null person): standard rules, code lists (level ranks) and unit paths or levels.
 * Once "everyone" is marked (a batch does it first), the person triggers write nothing more.
 *
 * Drizzle cannot declare triggers, so `migrate()` installs them after the migrations; the SQL is
 * idempotent (create or replace, drop if exists).
 */
const PERSON_TABLES: [table: string, column: string][] = [
  ['people', 'id'],
  ['person_history', 'person_id'],
  ['qualifications', 'person_id'],
];
/**
 * Tables whose rows, when really changed, mark everyone. Each start re-saves the built-in rule
 * pack and code lists (an upsert that rewrites the same values), so these triggers compare the
 * statement's old and new rows and mark only on a real difference: a restart costs no rebuild.
 */
const EVERYONE_TABLES = ['standard_rules', 'code_items'];
/** Unit paths and levels: a column list cannot go with transition tables, so any such update marks. */
const UNIT_TRIGGER = 'standing_org_units_all';

const FUNCTIONS = `
create or replace function standing_mark_people() returns trigger language plpgsql as $f$
begin
  if exists (select 1 from standing_dirty where person_id is null) then return null; end if;
  if tg_op in ('INSERT', 'UPDATE') then
    execute format('insert into standing_dirty (person_id) select distinct %I from standing_new', tg_argv[0]);
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    execute format('insert into standing_dirty (person_id) select distinct o.%1$I from standing_old o
      where %2$s', tg_argv[0], case when tg_op = 'UPDATE'
        then format('not exists (select 1 from standing_new n where n.%1$I = o.%1$I)', tg_argv[0]) else 'true' end);
  end if;
  return null;
end $f$;
create or replace function standing_mark_everyone_changed() returns trigger language plpgsql as $f$
declare changed boolean;
begin
  if exists (select 1 from standing_dirty where person_id is null) then return null; end if;
  -- One statement per branch: each names only the transition tables its event has.
  if tg_op = 'INSERT' then changed := exists (select 1 from standing_new);
  elsif tg_op = 'DELETE' then changed := exists (select 1 from standing_old);
  else changed := exists (select * from standing_new except select * from standing_old);
  end if;
  if changed then insert into standing_dirty (person_id) values (null); end if;
  return null;
end $f$;
create or replace function standing_mark_everyone() returns trigger language plpgsql as $f$
begin
  if not exists (select 1 from standing_dirty where person_id is null) then
    insert into standing_dirty (person_id) values (null);
  end if;
  return null;
end $f$;`;

/** Transition tables allow one event per trigger. */
const TRANSITIONS: [event: string, referencing: string][] = [
  ['insert', 'new table as standing_new'],
  ['update', 'old table as standing_old new table as standing_new'],
  ['delete', 'old table as standing_old'],
];

/** The SQL that (re)creates the functions and triggers. */
export function standingTriggersSql(): string {
  const parts = [FUNCTIONS];
  for (const [table, column] of PERSON_TABLES) {
    for (const [event, referencing] of TRANSITIONS) {
      const name = `standing_${table}_${event}`;
      parts.push(`drop trigger if exists ${name} on ${table};
create trigger ${name} after ${event} on ${table} referencing ${referencing}
  for each statement execute function standing_mark_people('${column}');`);
    }
  }
  for (const table of EVERYONE_TABLES) {
    // The first version marked on every statement: drop it where it was installed.
    parts.push(`drop trigger if exists standing_${table}_all on ${table};`);
    for (const [event, referencing] of TRANSITIONS) {
      const name = `standing_${table}_${event}`;
      parts.push(`drop trigger if exists ${name} on ${table};
create trigger ${name} after ${event} on ${table} referencing ${referencing}
  for each statement execute function standing_mark_everyone_changed();`);
    }
  }
  parts.push(`drop trigger if exists ${UNIT_TRIGGER} on org_units;
create trigger ${UNIT_TRIGGER} after update of path, level or delete on org_units
  for each statement execute function standing_mark_everyone();`);
  return parts.join('\n');
}
