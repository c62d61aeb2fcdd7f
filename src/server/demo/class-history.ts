/**
 * Past and current classes with their learners, generated set-based (ADR 020): `classes` spread
 * over the years [fromYear, toYear], organised by the province root (one in four) or by a
 * district or commune valid that year, of the active programmes in turn, with a status that
 * follows their dates; about `nominations` learners drawn from the working people of the
 * organiser's subtree on the first day (history), mostly approved, and the plan line of their kind where the year has a
 * plan. Three INSERT ... SELECT statements and two UPDATEs, so 400
 * classes and 60,000 nominations take seconds. Deterministic: no random(), ids are hashed.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { queryRows } from './sql-util';

export interface ClassHistoryOptions {
  classes: number;
  /** Nominations in all (about: a class draws from its organiser's subtree, which may be smaller). */
  nominations: number;
  fromYear: number;
  toYear: number;
  /** ISO date: classes ending before it are finished or closed. */
  today: string;
}

export async function generateClassHistory(
  db: Queryable,
  o: ClassHistoryOptions,
): Promise<{ classes: number; nominations: number }> {
  const years = o.toYear - o.fromYear + 1;
  const perClass = Math.max(1, Math.round(o.nominations / o.classes));
  const [{ before }] = await queryRows<{ before: number }>(
    db,
    sql`select coalesce(max(id), 0)::int as before from classes`,
  );
  // Status by dates: closed a month after the end, finished before, running, open a month before.
  await db.execute(sql`
    with g as (select i, ${o.fromYear} + i % ${years} as year from generate_series(0, ${o.classes - 1}) as i),
      cand as (
        select y.year, u.id, row_number() over (partition by y.year order by u.id) as rn,
          count(*) over (partition by y.year) as cnt
        from (select distinct year from g) y
        join org_units u on u.level in ('district', 'commune')
          and u.valid_from <= make_date(y.year, 12, 31) and (u.valid_to is null or u.valid_to > make_date(y.year, 1, 1))),
      root as (select id from org_units where parent_id is null order by id limit 1),
      -- Programmes in force on the 1st of January of the year (nothing on 2025's laws in 2024).
      progs as (select y.year, p.id, p.name_vi, p.organiser_levels,
          coalesce(p.typical_days_min, 5) as dmin, coalesce(p.typical_days_max, 30) as dmax,
          row_number() over (partition by y.year order by p.id) as rn, count(*) over (partition by y.year) as cnt
        from (select distinct year from g) y
        join programmes p on p.active and p.effective_from <= make_date(y.year, 1, 1)
          and p.organiser_levels && array['province', 'commune']
          and (p.effective_to is null or p.effective_to > make_date(y.year, 12, 31))),
      d as (
        select g.i, g.year, p.id as programme_id, p.name_vi,
          -- A commune organises only what its level may; the rest is the province's.
          case when (g.i / ${years}) % 4 = 0 or not ('commune' = any(p.organiser_levels))
            then (select id from root) else c.id end as organiser,
          make_date(g.year, 1 + g.i % 11, 1 + g.i % 20) as starts_on,
          -- A length within the programme's plausible range (issue 16).
          p.dmin - 1 + g.i % greatest(1, least(p.dmax - p.dmin, 26) + 1) as span
        from g join progs p on p.year = g.year and p.rn = 1 + (g.i * 7) % p.cnt
        join cand c on c.year = g.year and c.rn = 1 + (g.i * 7919) % c.cnt)
    insert into classes (code, year, name, search_name, programme_id, organiser_unit_id, starts_on, ends_on,
      mode, capacity, budget, status, note)
    select 'G' || d.i || '/' || d.year, d.year, d.name_vi || ' – lớp ' || d.i,
      lower(unaccent('G' || d.i || '/' || d.year || ' ' || d.name_vi || ' lop ' || d.i)),
      d.programme_id, d.organiser, d.starts_on, d.starts_on + d.span, 'in_person', ${perClass + 20},
      case d.i % 3 when 0 then jsonb_build_object('NST', ${perClass} * 1500000)
        when 1 then jsonb_build_object('NST', ${perClass} * 1000000, 'NSDV', ${perClass} * 500000)
        else jsonb_build_object('NSDV', ${perClass} * 1200000, 'HOC_VIEN', ${perClass} * 300000) end,
      case when d.i % 50 = 7 then 'cancelled'
        when d.starts_on + d.span < ${o.today}::date - 30 then 'closed'
        when d.starts_on + d.span < ${o.today}::date then 'finished'
        when d.starts_on <= ${o.today}::date then 'running'
        when d.starts_on <= ${o.today}::date + 30 then 'open_for_nomination'
        else 'planned' end,
      'Dữ liệu sinh tự động'
    from d`);
  // Learners: people WORKING on the first day in the organiser's subtree as it was then (their
  // unit then is the sending unit). The root's classes take every m-th person (a hash join on
  // person_id % m, m = headcount / perClass); the others take the first perClass of their pool
  // in a hashed order.
  const status = sql`case when c.status = 'cancelled' then 'withdrawn' when c.status = 'open_for_nomination' then 'pending'
      when h.person_id % 13 = 0 then 'rejected' when h.person_id % 17 = 0 then 'withdrawn' else 'approved' end`;
  const reason = sql`case when c.status = 'cancelled' then 'Lớp bị hủy' when h.person_id % 13 = 0 then 'Không đủ điều kiện'
      when h.person_id % 17 = 0 then 'Bận công tác' end`;
  const valid = sql`h.valid_from <= c.starts_on and (h.valid_to is null or h.valid_to > c.starts_on) and h.status = 'WORKING'`;
  const [{ headcount }] = await queryRows<{ headcount: number }>(
    db,
    sql`select count(*)::int as headcount from people where status = 'WORKING'`,
  );
  const m = Math.max(1, Math.round(headcount / perClass));
  await db.execute(sql`
    insert into class_nominations (class_id, person_id, unit_id, status, reason)
    select c.id, h.person_id, h.unit_id, ${status}, ${reason}
    from classes c join person_history h on h.person_id % ${m} = c.id % ${m} and ${valid}
    where c.id > ${before} and c.status <> 'planned'
      and c.organiser_unit_id = (select id from org_units where parent_id is null order by id limit 1)`);
  await db.execute(sql`
    insert into class_nominations (class_id, person_id, unit_id, status, reason)
    select id, person_id, unit_id, status, reason from (
      select c.id, h.person_id, h.unit_id, ${status} as status, ${reason} as reason,
        row_number() over (partition by c.id order by (h.person_id * 2654435761::bigint + c.id * 40503) % 1000003) as k
      from classes c join org_units ou on ou.id = c.organiser_unit_id and ou.parent_id is not null
      join org_units u on u.path <@ ou.path
      join person_history h on h.unit_id = u.id and ${valid}
      where c.id > ${before} and c.status <> 'planned') x
    where k <= ${perClass}`);
  // A class carries out the line of its kind in the year's plan of the nearest unit at or above its organiser.
  await db.execute(sql`
    update classes c set plan_line_id = x.line_id
    from (select distinct on (c2.id) c2.id, l.id as line_id
      from classes c2 join programmes pr on pr.id = c2.programme_id
      join org_units ou on ou.id = c2.organiser_unit_id
      join annual_plans a on a.year = c2.year join org_units au on au.id = a.unit_id and ou.path <@ au.path
      join plan_lines l on l.plan_id = a.id and l.programme_kind = pr.kind and l.removed_at is null
      where c2.id > ${before} order by c2.id, nlevel(au.path) desc, l.id) x
    where x.id = c.id`);
  await db.execute(sql`
    update classes c set seats_taken = s.n, capacity = greatest(c.capacity, s.n)
    from (select class_id, count(*)::int as n from class_nominations
      where status in ('pending', 'approved') and class_id > ${before} group by class_id) s
    where s.class_id = c.id`);
  const [r] = await queryRows<{ classes: number; nominations: number }>(
    db,
    sql`select (select count(*) from classes where id > ${before})::int as classes,
      (select count(*) from class_nominations where class_id > ${before})::int as nominations`,
  );
  return r;
}
