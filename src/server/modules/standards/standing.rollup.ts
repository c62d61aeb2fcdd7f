/**
 * Per-unit rollups of the stored standing (ADR 035), kept by the refresh that rewrites
 * `person_standing` in the same transaction. For a list of people the refresh subtracts their old
 * rows' contribution before deleting them and adds the new rows' after inserting them
 * (set-based: a few statements whatever the list); a full rebuild recounts everything. Readers
 * sum the rows of a subtree: a province is a few thousand rows, not millions.
 *  - `standing_unit_counts` (unit, category, rule_code): '' = headcount, people with any gap and
 *    gap counts over every rule in force; a rule code = people with a gap of it and its counts.
 *  - `standing_unit_held` (unit, category, measure): people holding each measure of the
 *    dashboard's qualification structure on the day.
 */
import { type SQL, sql } from 'drizzle-orm';
import { STRUCTURE_MEASURES } from '../../../contracts/dashboard';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { type Codebook, levelsAtLeast } from './codebook';
import { arr } from './gaps.sql';

interface Rollup {
  table: string;
  keys: string[];
  values: string[];
  /** One row per key of the people whose stored rows match `where` (a condition on `person_id`). */
  contribution: (where: SQL, book: Codebook) => SQL;
}

/** The "KIND|LEVEL" keys each structure measure takes (its kind at its level or higher). */
export function measureKeys(book: Codebook): { measure: string; keys: string[] }[] {
  return STRUCTURE_MEASURES.map((m) => ({
    measure: m.key,
    keys: levelsAtLeast(book, m.kind, m.minLevel).map((l) => `${m.kind}|${l}`),
  }));
}

const COUNTS: Rollup = {
  table: 'standing_unit_counts',
  keys: ['unit_id', 'category', 'rule_code'],
  values: ['headcount', 'people_with_gaps', 'gaps', 'missing', 'due'],
  contribution: (
    where,
  ) => sql`select unit_id, unit_path, category, rule_code, sum(headcount)::int as headcount,
      sum(people_with_gaps)::int as people_with_gaps, sum(gaps)::int as gaps, sum(missing)::int as missing,
      sum(due)::int as due
    from (
      select unit_id, unit_path, category, ''::text as rule_code, count(*)::int as headcount,
        0 as people_with_gaps, 0 as gaps, 0 as missing, 0 as due
      from person_standing where ${where} group by unit_id, unit_path, category
      union all
      select unit_id, unit_path, category, '', 0, count(distinct person_id)::int, count(*)::int,
        (count(*) filter (where status = 'missing'))::int, (count(*) filter (where status = 'due'))::int
      from person_standing_gaps where ${where} group by unit_id, unit_path, category
      union all
      select unit_id, unit_path, category, rule_code, 0, count(distinct person_id)::int, count(*)::int,
        (count(*) filter (where status = 'missing'))::int, (count(*) filter (where status = 'due'))::int
      from person_standing_gaps where ${where} group by unit_id, unit_path, category, rule_code) c
    group by unit_id, unit_path, category, rule_code`,
};

const HELD: Rollup = {
  table: 'standing_unit_held',
  keys: ['unit_id', 'category', 'measure'],
  values: ['n'],
  contribution: (where, book) => {
    const measures = sql.join(
      measureKeys(book).map((m) => sql`(${m.measure}::text, ${arr(m.keys, 'text')})`),
      sql`, `,
    );
    return sql`select s.unit_id, s.unit_path, s.category, m.measure, count(*)::int as n
      from person_standing s join (values ${measures}) as m(measure, keys) on s.held && m.keys
      where ${where} group by s.unit_id, s.unit_path, s.category, m.measure`;
  },
};

export const ROLLUPS = [COUNTS, HELD];

const cols = (r: Rollup) => [...r.keys.slice(0, 2), 'unit_path', ...r.keys.slice(2), ...r.values];

/**
 * Add (`sign` 1) or subtract (-1) the contribution of the people `ids` to every rollup. The units
 * whose rows a call touched are added to `touched`; after the adding call, rows of those units
 * that fell to zero are dropped (looked up by unit, not by scanning the table: ADR 046).
 */
export async function applyRollupDelta(
  tx: Queryable,
  ids: number[],
  sign: 1 | -1,
  book: Codebook,
  touched: Set<number> = new Set(),
): Promise<void> {
  if (ids.length === 0) return;
  const where = sql`person_id = any(${arr(ids, 'int')})`;
  for (const r of ROLLUPS) {
    const signed = cols(r).map((c) => (r.values.includes(c) ? `${sign} * ${c}` : c));
    const sets = ['unit_path = excluded.unit_path', ...r.values.map((v) => `${v} = t.${v} + excluded.${v}`)];
    const units = rowsOf<{ unit_id: number }>(
      await tx.execute(sql`insert into ${sql.raw(r.table)} as t (${sql.raw(cols(r).join(', '))})
        select ${sql.raw(signed.join(', '))} from (${r.contribution(where, book)}) d
        on conflict (${sql.raw(r.keys.join(', '))}) do update set ${sql.raw(sets.join(', '))}
        returning t.unit_id`),
    );
    for (const u of units) touched.add(Number(u.unit_id));
  }
  if (sign < 0 || touched.size === 0) return;
  const inUnits = arr([...touched], 'int');
  for (const r of ROLLUPS)
    await tx.execute(sql`delete from ${sql.raw(r.table)} where unit_id = any(${inUnits})
      and ${sql.raw(r.values.map((v) => `${v} = 0`).join(' and '))}`);
}

/** Recount every rollup from the stored standing (after a full rebuild). */
export async function rebuildRollups(tx: Queryable, book: Codebook): Promise<void> {
  for (const r of ROLLUPS) {
    await tx.execute(sql`delete from ${sql.raw(r.table)}`);
    await tx.execute(sql`insert into ${sql.raw(r.table)} (${sql.raw(cols(r).join(', '))})
      select ${sql.raw(cols(r).join(', '))} from (${r.contribution(sql`true`, book)}) c`);
  }
}

/**
 * Each rollup as stored and as it should be (a GROUP BY over the stored standing), same columns
 * and order: the parity test compares them.
 */
export function rollupCheckSql(book: Codebook): { table: string; stored: SQL; expected: SQL }[] {
  return ROLLUPS.map((r) => {
    const list = sql.raw(
      cols(r)
        .map((c) => (c === 'unit_path' ? 'unit_path::text as unit_path' : c))
        .join(', '),
    );
    const order = sql.raw(r.keys.join(', '));
    return {
      table: r.table,
      stored: sql`select ${list} from ${sql.raw(r.table)} order by ${order}`,
      expected: sql`select ${list} from (${r.contribution(sql`true`, book)}) x order by ${order}`,
    };
  });
}
