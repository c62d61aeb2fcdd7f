/**
 * The people behind a number of the trends tile, from the stored rows (ADR 047, ADR 058): the
 * `person_trends` rows of the period (and kind) whose unit lies under the subtree and whose first
 * day is on or before today, one page in roster order. The detail shown beside each person (the
 * smallest level or class code of the period up to today, as the live fragment `trendFrom` gives
 * it) is read from the base tables for that page's people only. The caller made the stored rows
 * current (`ensureTrends`); dashboard.trends.test.ts keeps every page equal to the live one.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { PERIOD_OF, type PersonRow, trendEvents } from './dashboard.queries';

export interface TrendPeopleQuery {
  path: string;
  today: string;
  period: string;
  kind?: string;
}

/** The stored rows of the query: aliases `tr` (person_trends), `u` (its unit). */
function storedRows(q: TrendPeopleQuery): SQL {
  return sql`from person_trends tr join org_units u on u.id = tr.unit_id
    where u.path <@ ${q.path}::ltree and tr.period = ${q.period} and tr.first_on <= ${q.today}::date${
      q.kind ? sql` and tr.kind = ${q.kind}` : sql``
    }`;
}

/** One page of the people trained in the period (and kind) under the subtree, with the total. */
export async function storedTrendPeople(
  db: Queryable,
  q: TrendPeopleQuery,
  page: { offset: number; limit: number },
): Promise<{ items: PersonRow[]; total: number }> {
  const own = (col: SQL) => sql`${col} = pg.id`;
  const items = rowsOf<PersonRow>(
    await db.execute(sql`select pg.id as "personId", pg.full_name as "fullName", uu.name as "unitName",
        (select min(ev.detail) from (${trendEvents(own, q.today)}) ev
          where ${PERIOD_OF(sql`ev.d`)} = ${q.period}${q.kind ? sql` and ev.kind = ${q.kind}` : sql``}) as detail
      from (select pp.id, pp.full_name, pp.unit_id, pp.sort_key
        from people pp where pp.id in (select tr.person_id ${storedRows(q)})
        order by pp.sort_key, pp.id limit ${page.limit} offset ${page.offset}) pg
      join org_units uu on uu.id = pg.unit_id
      order by pg.sort_key, pg.id`),
  );
  const [t] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(distinct tr.person_id)::int as n ${storedRows(q)}`),
  );
  return { items: items.map((r) => ({ ...r, personId: Number(r.personId) })), total: Number(t.n) };
}
