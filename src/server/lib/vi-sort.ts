/**
 * The SQL twin of `viSortKey` (ADR 037): the same character map through translate(), so a list
 * sorted in SQL (`order by ${viSortKeySql(sql`u.name`)} collate "C"`) and a list sorted in
 * TypeScript with `viCompare` come out in the same order, on PGlite and PostgreSQL whatever their
 * locale or ICU support.
 */
import { type SQL, sql } from 'drizzle-orm';
import { VI_SORT_MAP, VI_SORT_SEPARATOR } from '../../contracts/text';

/** SQL text expression: the Vietnamese sort key of `expr`; compare it `collate "C"`. */
export function viSortKeySql(expr: SQL): SQL {
  const { from, primary, tone } = VI_SORT_MAP;
  return sql`(translate(${expr}, ${from}::text, ${primary}::text) || ${VI_SORT_SEPARATOR}::text || translate(${expr}, ${from}::text, ${tone}::text))`;
}

/** `order by` fragment: `expr` in Vietnamese reading order. */
export function viOrder(expr: SQL): SQL {
  return sql`${viSortKeySql(expr)} collate "C"`;
}
