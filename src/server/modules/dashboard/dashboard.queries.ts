/**
 * The dashboard's set-based SQL (ADR 020). Each measure is one FROM ... WHERE fragment over a
 * subtree path; the tiles group it with FILTER aggregates or grouping sets and the drill-down
 * lists the people or classes of the same fragment, so a number and its people cannot disagree.
 */
import { type SQL, sql } from 'drizzle-orm';
import { STRUCTURE_MEASURES, TREND_PERIODS, type TrendPeriodKey } from '../../../contracts/dashboard';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { UNIT_TIERS } from '../reports/framework';
import type { Codebook } from '../standards/codebook';
import { arr } from '../standards/gaps.sql';
import { measureKeys } from '../standards/standing.rollup';

const rows = async <T>(q: Queryable, query: SQL) => rowsOf<T>(await q.execute(query));

/**
 * Current staff: the people of the stored standing (ADR 033: WORKING today by their history)
 * whose unit lies under `path`, with `held` their qualifications on the day. Aliases `s`
 * (standing), `p` (person). The caller made the standing current (`ensureStanding`).
 */
export const staffFrom = (path: string, extra: SQL[] = []) =>
  sql`from person_standing s join people p on p.id = s.person_id
    where s.unit_path <@ ${path}::ltree${sql.join(
      extra.map((e) => sql` and ${e}`),
      sql``,
    )}`;

/**
 * Trainees: approved learners sent by units under `path` of classes of years [from, to] not
 * cancelled. Aliases `n` (nomination), `c` (class), `ou` (organiser unit), `ot` (its tier), `pr`
 * (programme), `p`.
 */
export const traineesFrom = (path: string, from: number, to: number, extra: SQL[] = []) =>
  sql`from class_nominations n
    join org_units su on su.id = n.unit_id
    join classes c on c.id = n.class_id
    join org_units ou on ou.id = c.organiser_unit_id
    join ${UNIT_TIERS} ot on ot.id = ou.id
    join programmes pr on pr.id = c.programme_id
    join people p on p.id = n.person_id
    where n.status = 'approved' and c.status <> 'cancelled' and c.year between ${from} and ${to}
      and su.path <@ ${path}::ltree${sql.join(
        extra.map((e) => sql` and ${e}`),
        sql``,
      )}`;

/** Classes of `year` organised by units under `path`. Aliases `c`, `ou`. */
export const classesFrom = (path: string, year: number, extra: SQL[] = []) =>
  sql`from classes c join org_units ou on ou.id = c.organiser_unit_id
    where c.year = ${year} and ou.path <@ ${path}::ltree${sql.join(
      extra.map((e) => sql` and ${e}`),
      sql``,
    )}`;

/** The staff row `s` holds measure `key` (its kind at its level or higher) on the standing's day. */
export function measureCond(book: Codebook, key: string): SQL {
  const m = measureKeys(book).find((x) => x.measure === key)!;
  return sql`s.held && ${arr(m.keys, 'text')}`;
}

/**
 * Run an aggregate over the province's qualifications with JIT off (its cost estimate crosses the
 * JIT thresholds, and compiling takes longer than running, as for the gap SQL) and enough
 * work_mem for a hash of 100,000 people (the default 4 MB spills to disk).
 */
async function tuned<T>(q: Queryable, query: SQL): Promise<T[]> {
  return q.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return rowsOf<T>(await tx.execute(query));
  });
}

/**
 * Current staff and how many hold each measure, summed from the per-unit rollups of the stored
 * standing (ADR 035): a few thousand rows for a province, whatever its headcount. The caller
 * made the standing current. Equal to counting `staffFrom` (dashboard.test.ts, standing parity).
 */
export async function staffStructure(q: Queryable, path: string) {
  const measures = STRUCTURE_MEASURES.map((m) => m.key);
  const [r] = await rows<{ staff: number; held: number[] }>(
    q,
    sql`select (select coalesce(sum(c.headcount), 0)::int from standing_unit_counts c
        where c.rule_code = '' and c.unit_path <@ ${path}::ltree) as staff,
      array(select coalesce(sum(h.n), 0)::int from unnest(${arr(measures, 'text')}) with ordinality as m(measure, i)
        left join standing_unit_held h on h.measure = m.measure and h.unit_path <@ ${path}::ltree
        group by m.i order by m.i) as held`,
  );
  return { staff: Number(r.staff), held: r.held.map(Number) };
}

/**
 * Trainees of years [from, to] by year and organiser level, and by year and programme kind: the
 * same places as `traineesFrom` (its join to `people` is implied by the foreign key;
 * dashboard.test.ts checks the equality after random writes), counted per class first from the approved-places index (unit, class), so the classes, their
 * organisers' tiers and programmes are joined once per class, not once per place (ADR 046).
 */
export async function traineesByYear(q: Queryable, path: string, from: number, to: number) {
  return rows<{ year: number; level: string | null; kind: string | null; n: number }>(
    q,
    sql`with per_class as materialized (
        select n.class_id, count(*)::int as n from class_nominations n
        where n.status = 'approved' and n.unit_id in (select su.id from org_units su where su.path <@ ${path}::ltree)
          and n.class_id in (select c.id from classes c where c.status <> 'cancelled' and c.year between ${from} and ${to})
        group by n.class_id)
      select c.year, ot.tier as level, pr.kind, sum(pc.n)::int as n
      from per_class pc join classes c on c.id = pc.class_id
        join ${UNIT_TIERS} ot on ot.id = c.organiser_unit_id
        join programmes pr on pr.id = c.programme_id
      group by grouping sets ((c.year, ot.tier), (c.year, pr.kind))`,
  );
}

/** Classes of the year by status; their budget by funding source and their approved learners (not cancelled). */
export async function classesAndCosts(q: Queryable, path: string, year: number) {
  const byStatus = await rows<{ status: string; n: number }>(
    q,
    sql`select c.status, count(*)::int as n ${classesFrom(path, year)} group by c.status order by c.status`,
  );
  const bySource = await rows<{ source: string; amount: string }>(
    q,
    sql`select b.key as source, sum(b.value::numeric)::bigint as amount
      from (select c.budget ${classesFrom(path, year, [sql`c.status <> 'cancelled'`])}) x
      cross join jsonb_each_text(x.budget) as b(key, value)
      group by b.key order by b.key`,
  );
  const [t] = await rows<{ n: number }>(
    q,
    sql`select count(*)::int as n from class_nominations n where n.status = 'approved' and n.class_id in
      (select c.id ${classesFrom(path, year, [sql`c.status <> 'cancelled'`])})`,
  );
  return {
    byStatus: byStatus.map((r) => ({ status: r.status, n: Number(r.n) })),
    bySource: bySource.map((r) => ({ source: r.source, amount: Number(r.amount) })),
    trainees: Number(t.n),
  };
}

/** The period key of date `d` (TREND_PERIODS, half-open), or null before the first. */
export const PERIOD_OF = (d: SQL) =>
  sql`case ${sql.join(
    TREND_PERIODS.map((p) =>
      p.to
        ? sql`when ${d} >= ${p.from}::date and ${d} < ${p.to}::date then ${p.key}`
        : sql`when ${d} >= ${p.from}::date then ${p.key}`,
    ),
    sql` `,
  )} end`;

/** True when the subtree holds every unit (the whole installation): no person filter is needed. */
export async function coversAll(q: Queryable, path: string): Promise<boolean> {
  const [r] = await rows<{ all: boolean }>(
    q,
    sql`select not exists (select 1 from org_units where not (path <@ ${path}::ltree)) as "all"`,
  );
  return r.all;
}

/**
 * The dated trainings of the people `who` accepts (a condition on a person id column), from the
 * first trend period up to `upTo` (inclusive; null: no end): qualifications issued (not deleted,
 * not issued by a class: the class counts) and approved places in finished or closed classes,
 * dated by the class's last day. Columns person_id, kind, d (the day), detail (a level or a class
 * code). Shared by the live drill-down (`trendFrom`) and the stored one's details.
 */
export function trendEvents(who: (col: SQL) => SQL, upTo: string | null): SQL {
  const first = TREND_PERIODS[0].from;
  const until = (col: SQL) => (upTo ? sql` and ${col} <= ${upTo}::date` : sql``);
  return sql`select q.person_id, q.kind, q.issued_on as d, q.level as detail from qualifications q
      where q.deleted_at is null and q.source <> 'class' and q.issued_on >= ${first}::date${until(sql`q.issued_on`)}
        and ${who(sql`q.person_id`)}
      union all
      select n.person_id, pr.kind, c.ends_on, c.code from class_nominations n
        join classes c on c.id = n.class_id join programmes pr on pr.id = c.programme_id
      where n.status = 'approved' and c.status in ('finished', 'closed') and c.ends_on >= ${first}::date${until(sql`c.ends_on`)}
        and ${who(sql`n.person_id`)}`;
}

/**
 * Trainings of the people whose current unit lies under `path` (any status) up to `today`, one
 * row per person, kind and period (`trendEvents` grouped). Columns person_id, kind, period,
 * detail; `withPerson` joins `people p`. The live definition: the tile and the drill-down read
 * stored rows equal to it (dashboard.trends.test.ts).
 */
export function trendFrom(path: string, today: string, all: boolean, extra: SQL[] = [], withPerson = false) {
  const mine = (col: SQL) =>
    all
      ? sql`true`
      : sql`${col} in (select p.id from people p join org_units u on u.id = p.unit_id where u.path <@ ${path}::ltree)`;
  return sql`from (
      select ev.person_id, ev.kind, ${PERIOD_OF(sql`ev.d`)} as period, min(ev.detail) as detail
      from (${trendEvents(mine, today)}) ev
      group by 1, 2, 3) tr ${withPerson ? sql`join people p on p.id = tr.person_id` : sql``}
    where true${sql.join(
      extra.map((e) => sql` and ${e}`),
      sql``,
    )}`;
}

export async function trends(q: Queryable, path: string, today: string, all: boolean) {
  return tuned<{ period: TrendPeriodKey; kind: string; n: number }>(
    q,
    sql`select tr.period, tr.kind, count(*)::int as n ${trendFrom(path, today, all)}
      group by tr.period, tr.kind order by tr.period, tr.kind`,
  );
}

export interface PersonRow {
  personId: number;
  fullName: string;
  unitName: string;
  detail: string | null;
}

/** One page of people of a FROM fragment (aliases `p` for the person): distinct, in roster order. */
export async function pagePeople(
  q: Queryable,
  from: SQL,
  detail: SQL,
  page: { offset: number; limit: number },
): Promise<{ items: PersonRow[]; total: number }> {
  const items = await rows<PersonRow>(
    q,
    sql`with x as materialized (select p.id, min(${detail}) as detail ${from} group by p.id)
      select pp.id as "personId", pp.full_name as "fullName", uu.name as "unitName", x.detail
      from x join people pp on pp.id = x.id join org_units uu on uu.id = pp.unit_id
      order by pp.sort_key, pp.id limit ${page.limit} offset ${page.offset}`,
  );
  const [t] = await rows<{ n: number }>(q, sql`select count(distinct p.id)::int as n ${from}`);
  return { items: items.map((r) => ({ ...r, personId: Number(r.personId) })), total: Number(t.n) };
}

export async function pageClasses(
  q: Queryable,
  from: SQL,
  source: string | undefined,
  page: { offset: number; limit: number },
) {
  const cost = source
    ? sql`coalesce((c.budget ->> ${source})::numeric, 0)`
    : sql`(select coalesce(sum(v::numeric), 0) from jsonb_each_text(c.budget) as b(k, v))`;
  const items = await rows<{
    id: number;
    code: string;
    name: string;
    status: string;
    organiserName: string;
    startsOn: string;
    endsOn: string;
    trainees: number;
    cost: string;
  }>(
    q,
    sql`select c.id, c.code, c.name, c.status, ou.name as "organiserName", c.starts_on::text as "startsOn",
        c.ends_on::text as "endsOn",
        (select count(*) from class_nominations n where n.class_id = c.id and n.status = 'approved')::int as trainees,
        ${cost}::bigint as cost
      ${from} order by c.starts_on, c.code limit ${page.limit} offset ${page.offset}`,
  );
  const [t] = await rows<{ n: number }>(q, sql`select count(*)::int as n ${from}`);
  return {
    items: items.map((r) => ({ ...r, trainees: Number(r.trainees), cost: Number(r.cost) })),
    total: Number(t.n),
  };
}
