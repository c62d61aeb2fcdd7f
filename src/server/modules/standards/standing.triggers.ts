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
const EVERYONE_TABLES: [table: string, events: string][] = [
  ['standard_rules', 'insert or update or delete'],
  ['code_items', 'insert or update or delete'],
  ['org_units', 'update of path, level or delete'],
];

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
create or replace function standing_mark_everyone() returns trigger language plpgsql as $f$
begin
  if not exists (select 1 from standing_dirty where person_id is null) then
    insert into standing_dirty (person_id) values (null);
  end if;
  return null;
end $f$;`;

/** The SQL that (re)creates the functions and triggers. */
export function standingTriggersSql(): string {
  const parts = [FUNCTIONS];
  for (const [table, column] of PERSON_TABLES) {
    // Transition tables allow one event per trigger.
    const events: [string, string][] = [
      ['insert', 'new table as standing_new'],
      ['update', 'old table as standing_old new table as standing_new'],
      ['delete', 'old table as standing_old'],
    ];
    for (const [event, referencing] of events) {
      const name = `standing_${table}_${event}`;
      parts.push(`drop trigger if exists ${name} on ${table};
create trigger ${name} after ${event} on ${table} referencing ${referencing}
  for each statement execute function standing_mark_people('${column}');`);
    }
  }
  for (const [table, events] of EVERYONE_TABLES) {
    const name = `standing_${table}_all`;
    parts.push(`drop trigger if exists ${name} on ${table};
create trigger ${name} after ${events} on ${table} for each statement execute function standing_mark_everyone();`);
  }
  return parts.join('\n');
}
