import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { RatingBands } from '../../../contracts/rules';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { annualRatings, orgUnits, rewardsDiscipline, users } from '../../db/schema/index';
import { viOrder } from '../../lib/vi-sort';
import { yearEnd } from './ratings.rules';

/**
 * A person's yearly ratings as `year -> rating code` (EXCELLENT, GOOD, COMPLETED, FAILED), for the
 * eligibility engine ("good or better the two previous years").
 */
export async function ratingsOfPerson(q: Queryable, personId: number): Promise<Map<number, string>> {
  const rows = await q
    .select({ year: annualRatings.year, rating: annualRatings.rating })
    .from(annualRatings)
    .where(eq(annualRatings.personId, personId));
  return new Map(rows.map((r) => [r.year, r.rating]));
}

/** The same for many people at once (one query): `personId -> year -> rating`. */
export async function ratingsOfPeople(
  q: Queryable,
  personIds: number[],
): Promise<Map<number, Map<number, string>>> {
  const out = new Map<number, Map<number, string>>();
  if (personIds.length === 0) return out;
  const rows = await q
    .select({ personId: annualRatings.personId, year: annualRatings.year, rating: annualRatings.rating })
    .from(annualRatings)
    .where(inArray(annualRatings.personId, personIds));
  for (const r of rows) {
    const years = out.get(r.personId) ?? new Map<number, string>();
    years.set(r.year, r.rating);
    out.set(r.personId, years);
  }
  return out;
}

/** The outer query's person id, for the lateral subquery below (people aliased `p`). */
const outerPersonId = sql.raw('p.id');

/** SQL: the person's history row in force on `day` (category and unit then). */
const stateOn = (personId: unknown, day: string | SQL) => sql`
  select h.category, h.unit_id from person_history h
  where h.person_id = ${personId} and h.valid_from <= ${day}::date
    and (h.valid_to is null or h.valid_to > ${day}::date)
  order by h.valid_from desc, h.id desc limit 1`;

/**
 * Category and unit of a person at the end of a year, from the dated history; the current ones
 * when the history does not reach that day.
 */
export async function stateAtYearEnd(q: Queryable, personId: number, year: number) {
  const day = yearEnd(year);
  const [row] = rowsOf<{ category: string; unitId: number }>(
    await q.execute(sql`
      select coalesce(s.category, p.category) as category, coalesce(s.unit_id, p.unit_id) as "unitId"
      from people p left join lateral (${stateOn(outerPersonId, day)}) s on true
      where p.id = ${personId}`),
  );
  return row;
}

export interface ScaleRow {
  id: number;
  code: string;
  scale: RatingBands;
}

/** SQL: the rating scale in force on `day` for a category (category-specific before catch-all). */
const scaleFor = (category: unknown, day: string | SQL) => sql`
  select s.id, s.code, s.scale from rating_scales s
  where s.effective_from <= ${day}::date and (s.effective_to is null or s.effective_to > ${day}::date)
    and (cardinality(s.categories) = 0 or ${category} = any(s.categories))
  order by cardinality(s.categories) > 0 desc, s.effective_from desc, s.id desc limit 1`;

/** The rating scale in force at the end of `year` for a category, if any. */
export async function scaleInForce(
  q: Queryable,
  category: string,
  year: number,
): Promise<ScaleRow | undefined> {
  const [row] = rowsOf<ScaleRow>(await q.execute(scaleFor(category, yearEnd(year))));
  return row;
}

export async function getRating(q: Queryable, personId: number, year: number) {
  const [row] = await q
    .select()
    .from(annualRatings)
    .where(and(eq(annualRatings.personId, personId), eq(annualRatings.year, year)));
  return row;
}

export async function listRatings(q: Queryable, personId: number) {
  return q
    .select({
      year: annualRatings.year,
      rating: annualRatings.rating,
      points: annualRatings.points,
      unitId: annualRatings.unitId,
      unitName: orgUnits.name,
      note: annualRatings.note,
      updatedAt: annualRatings.updatedAt,
      updatedByName: users.displayName,
    })
    .from(annualRatings)
    .innerJoin(orgUnits, eq(orgUnits.id, annualRatings.unitId))
    .leftJoin(users, eq(users.id, annualRatings.updatedBy))
    .where(eq(annualRatings.personId, personId))
    .orderBy(desc(annualRatings.year));
}

export interface UnitCountsRow {
  unitId: number;
  unitName: string;
  excellent: number;
  good: number;
  completed: number;
  failed: number;
  total: number;
}

/** Ratings of one year counted by rating for every unit of a subtree (one grouped query). */
export async function countRatingsByUnit(q: Queryable, subtreePath: string, year: number) {
  return rowsOf<UnitCountsRow>(
    await q.execute(sql`
      select u.id as "unitId", u.name as "unitName",
        count(*) filter (where r.rating = 'EXCELLENT')::int as excellent,
        count(*) filter (where r.rating = 'GOOD')::int as good,
        count(*) filter (where r.rating = 'COMPLETED')::int as completed,
        count(*) filter (where r.rating = 'FAILED')::int as failed,
        count(*)::int as total
      from annual_ratings r join org_units u on u.id = r.unit_id
      where r.year = ${year} and u.path <@ ${subtreePath}::ltree
      group by u.id, u.name
      order by ${viOrder(sql`u.name`)}, u.id`),
  );
}

export interface CapRow {
  unitId: number;
  scaleCode: string;
  capPct: number;
  excellent: number;
  good: number;
}

/**
 * For the cap: ratings scored on points that year, grouped by unit and by the scale in force for
 * each person's category at the year's end (a scale without a cap is left out). Set-based: the
 * scale is resolved once per category of the code list (people's categories are checked against
 * it), the history row on the day read in one pass. No lateral per rating and no CTE joins, so
 * row estimates stay real (a wild one switches PostgreSQL's JIT on: +1 s).
 */
export async function countForCaps(q: Queryable, subtreePath: string, year: number) {
  const day = yearEnd(year);
  return rowsOf<CapRow>(
    await q.execute(sql`
      with capped as materialized (
        select c.code as category, s.code as scale_code, (s.scale->>'excellentCapPctOfGood')::float8 as cap
        from code_items c cross join lateral (${scaleFor(sql`c.code`, day)}) s
        where c.list = 'category' and s.scale->>'excellentCapPctOfGood' is not null
      )
      select r.unit_id as "unitId", k.scale_code as "scaleCode", k.cap as "capPct",
        count(*) filter (where r.rating = 'EXCELLENT')::int as excellent,
        count(*) filter (where r.rating = 'GOOD')::int as good
      from annual_ratings r
      join org_units u on u.id = r.unit_id
      join people p on p.id = r.person_id
      left join (
        select distinct on (h.person_id) h.person_id, h.category from person_history h
        where h.valid_from <= ${day}::date and (h.valid_to is null or h.valid_to > ${day}::date)
        order by h.person_id, h.valid_from desc, h.id desc
      ) h on h.person_id = r.person_id
      join capped k on k.category = coalesce(h.category, p.category)
      where r.year = ${year} and r.points is not null and u.path <@ ${subtreePath}::ltree
      group by r.unit_id, k.scale_code, k.cap`),
  );
}

export async function listRewards(q: Queryable, personId: number) {
  return q
    .select()
    .from(rewardsDiscipline)
    .where(eq(rewardsDiscipline.personId, personId))
    .orderBy(desc(rewardsDiscipline.decidedOn), asc(rewardsDiscipline.id));
}

/**
 * SQL for the ratings import: each staged row with a person and a year (`imp_stage`), the
 * category at the end of that year and the scale in force then, read as `scaleInForce` reads them.
 */
export function stagedRatingContext(stage: SQL) {
  const day = sql`make_date(x.year::int, 12, 31)`;
  return sql`
    select x.row_no, x.year::int as year, x.rating, x.points::float8 as points,
      sc.code as scale_code, sc.scale
    from ${stage} x join people p on p.id = x.person_id
    left join lateral (${stateOn(outerPersonId, day)}) st on true
    left join lateral (${scaleFor(sql`coalesce(st.category, p.category)`, day)}) sc on true
    where x.year is not null`;
}
