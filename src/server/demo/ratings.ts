/**
 * Demo yearly quality ratings, rewards and reprimands, in one set-based statement per table.
 *
 * Everyone working at the end of a year gets a rating for it, drawn from a hash of (person,
 * year) so the demo is the same on every machine: about 10% excellent, 65% good, 21% completed,
 * 4% failed. Averaged, "excellent" is ~13% of "good or better", under the 20% cap, but small
 * units draw above it now and then, which is what the cap check has to find. Ratings from 2026
 * on carry points inside the band of the 2026 scale; earlier years have none (there was no scale).
 * A third of the excellent get a certificate of commendation early the next year; one in four
 * of those who failed a year get a reprimand.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';

export interface DemoRatingsResult {
  ratings: number;
  rewards: number;
}

/** Rate every person working at the end of each year in `years` (default the three before `today`'s year). */
export async function seedDemoRatings(
  db: Queryable,
  opts: { years?: number[]; today?: Date } = {},
): Promise<DemoRatingsResult> {
  const thisYear = (opts.today ?? new Date()).getFullYear();
  const years = opts.years ?? [thisYear - 3, thisYear - 2, thisYear - 1];
  const yearList = sql.join(
    years.map((y) => sql`(${y}::int)`),
    sql`, `,
  );
  const rated = await db.execute(sql`
    with y(year) as (values ${yearList}),
    state as (
      select p.id as person_id, y.year, h.unit_id, h.status,
             abs(hashtext(p.id::text || ':' || y.year::text)) % 1000 as draw
      from people p cross join y
      join lateral (
        select h.unit_id, h.status from person_history h
        where h.person_id = p.id and h.valid_from <= make_date(y.year, 12, 31)
          and (h.valid_to is null or h.valid_to > make_date(y.year, 12, 31))
        order by h.valid_from desc, h.id desc limit 1
      ) h on true
    ),
    drawn as (
      select person_id, year, unit_id, draw,
             case when draw < 100 then 'EXCELLENT' when draw < 750 then 'GOOD'
                  when draw < 960 then 'COMPLETED' else 'FAILED' end as rating
      from state where status = 'WORKING'
    )
    insert into annual_ratings (person_id, year, rating, points, unit_id, note, source)
    select person_id, year, rating,
           case when year < 2026 then null
                when rating = 'EXCELLENT' then 90 + draw % 10
                when rating = 'GOOD' then 70 + draw % 20
                when rating = 'COMPLETED' then 50 + draw % 20
                else 30 + draw % 20 end,
           unit_id, null, 'imported'
    from drawn
    on conflict (person_id, year) do nothing`);
  const rewarded = await db.execute(sql`
    insert into rewards_discipline (person_id, kind, form, decided_on, decision_no, issuer, reason)
    select r.person_id,
           case when r.rating = 'EXCELLENT' then 'reward' else 'discipline' end,
           case when r.rating = 'EXCELLENT' then 'GIAY_KHEN' else 'KHIEN_TRACH' end,
           make_date(r.year + 1, 1, 15 + r.person_id % 10),
           (r.person_id % 900 + 100)::text || '/QĐ-' || (r.year + 1)::text,
           u.name,
           case when r.rating = 'EXCELLENT'
                then 'Hoàn thành xuất sắc nhiệm vụ năm ' || r.year::text
                else 'Không hoàn thành nhiệm vụ năm ' || r.year::text end
    from annual_ratings r join org_units u on u.id = r.unit_id
    where r.source = 'imported' and r.year in (${sql.join(years, sql`, `)})
      and ((r.rating = 'EXCELLENT' and r.person_id % 3 = 0) or (r.rating = 'FAILED' and r.person_id % 4 = 0))`);
  return { ratings: affected(rated), rewards: affected(rewarded) };
}

function affected(res: unknown): number {
  const r = res as { affectedRows?: number; rowCount?: number };
  return r.affectedRows ?? r.rowCount ?? 0;
}
