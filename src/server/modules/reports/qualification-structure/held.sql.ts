/**
 * What working people hold, for the reports that count "X or higher": one pass over the live
 * qualifications (not deleted) aggregated per person into `kind|level` keys, and the keys a
 * threshold accepts, taken from the code lists' level order through the standards engine's
 * `levelsAtLeast` (a higher level satisfies a lower one; the bachelor in political studies ranks
 * with "cao cấp").
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Codebook, labelOf, levelsAtLeast } from '../../standards/codebook';
import { arr } from '../../standards/gaps.sql';

/** The `kind|level` keys that meet `kind` at `minLevel` or higher. */
export function keysAtLeast(book: Codebook, kind: string, minLevel: string): string[] {
  return levelsAtLeast(book, kind, minLevel).map((level) => `${kind}|${level}`);
}

/** SQL: `person_id, held text[]` of the people selected by `people` (a SQL of `person_id`s). */
export function heldSql(people: SQL): SQL {
  return sql`select q.person_id, array_agg(q.kind || '|' || q.level) as held
    from qualifications q
    where q.deleted_at is null and q.person_id in (${people})
    group by q.person_id`;
}

/** SQL condition: the `held` array `col` has one of `keys`. */
export function holdsAny(col: SQL, keys: string[]): SQL {
  return sql`coalesce(${col} && ${arr(keys, 'text')}, false)`;
}

/**
 * SQL: the labels of the qualifications of `kind` among `levels` a person holds (the drill
 * detail: "Đại học, Thạc sĩ"), highest first.
 */
export function heldDetailSql(
  book: Codebook,
  lang: 'vi' | 'en',
  person: SQL,
  kind: string,
  levels: string[],
): SQL {
  const ranks = book.ranks.get(kind) ?? new Map<string, number>();
  const cases = levels.map((l) => sql`when ${l} then ${labelOf(book, `level_${kind}`, l)[lang]}::text`);
  const order = levels.map((l) => sql`when ${l} then ${ranks.get(l) ?? 0}::int`);
  if (!levels.length) return sql`null::text`;
  return sql`(select string_agg(distinct_q.label, ', ' order by distinct_q.rank desc, distinct_q.label)
    from (select distinct (case q.level ${sql.join(cases, sql` `)} end) as label,
            (case q.level ${sql.join(order, sql` `)} end) as rank
          from qualifications q
          where q.person_id = ${person} and q.deleted_at is null and q.kind = ${kind}
            and q.level = any(${arr(levels, 'text')})) distinct_q)`;
}
