/**
 * The demo plan carried out as by December (issue 16, ADR 045): beside the eight demo classes, each
 * line of the approved provincial plan with classes gets the rest of its classes, finished before
 * today, filled with approved learners of its target group up to 85-100% of the line's trainees
 * (one line in seven stops near 55%, as some do). Lengths come from the programme's typical days,
 * the organiser is the plan's unit, nothing starts before the programme is in force; a line of a
 * centrally taught programme is left to sending people. Each class gets one session per day.
 * Deterministic (md5 of ids); set-based inserts per line.
 */
import { sql } from 'drizzle-orm';
import { foldText } from '../../contracts/text';
import type { Queryable } from '../db/client';
import { addDays, vietnamMoment } from '../lib/dates';
import { queryRows } from './sql-util';

const AT_SCHOOL = new Set(['POLITICAL_THEORY', 'LEADERSHIP', 'STATE_MANAGEMENT']);

/** The share of a line's trainees the demo carries out by December (line order `i`). */
export const carriedShare = (i: number) => (i % 7 === 3 ? 0.55 : 0.85 + ((i * 37) % 16) / 100);

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export async function seedDemoPlanCarriedOut(db: Queryable, opts: { today?: Date } = {}): Promise<number> {
  const today = vietnamMoment(opts.today ?? new Date()).day;
  const lines = await queryRows<{
    id: number;
    kind: string;
    year: number;
    unitId: number;
    classes: number;
    trainees: number;
    budget: number;
    targetList: string | null;
    targetCode: string | null;
    programmeId: number | null;
    programmeName: string | null;
    days: number | null;
    existing: number;
    seats: number;
  }>(
    db,
    sql`select l.id, l.programme_kind as kind, a.year, a.unit_id as "unitId", l.classes, l.trainees,
        (select coalesce(sum(v::bigint), 0) from jsonb_each_text(l.budget) as b(k, v))::bigint as budget,
        l.target_list as "targetList", l.target_code as "targetCode",
        p.id as "programmeId", p.name_vi as "programmeName", coalesce(p.typical_days_min, 5) as days,
        (select count(*)::int from classes c where c.plan_line_id = l.id and c.status <> 'cancelled') as existing,
        (select count(*)::int from classes c join class_nominations n on n.class_id = c.id and n.status = 'approved'
          where c.plan_line_id = l.id and c.status <> 'cancelled') as seats
      from plan_lines l join annual_plans a on a.id = l.plan_id
      join org_units u on u.id = a.unit_id and u.parent_id is null
      left join lateral (select p.id, p.name_vi, p.typical_days_min from programmes p
        where p.kind = l.programme_kind and p.active and 'province' = any(p.organiser_levels)
          and p.effective_from <= make_date(a.year, 1, 1)
        order by (p.level is not distinct from l.level) desc, p.id limit 1) p on true
      where a.status = 'approved' and l.removed_at is null and l.classes > 0
        and a.year = (select max(a2.year) from annual_plans a2 join org_units u2 on u2.id = a2.unit_id
          and u2.parent_id is null where a2.status = 'approved')
      order by l.id`,
  );
  const [school] = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from institutions where org_unit_id is not null order by id limit 1`,
  );
  let made = 0;
  for (const [i, l] of lines.entries()) {
    const n = l.classes - Number(l.existing);
    const want = Math.round(l.trainees * carriedShare(i)) - Number(l.seats);
    if (!l.programmeId || n <= 0 || want <= 0) continue;
    const days = Math.max(1, Number(l.days));
    const first = `${l.year}-01-12`;
    const lastEnd = [`${l.year}-12-05`, addDays(today, -3)].sort()[0];
    const span = daysBetween(first, lastEnd) - days;
    if (span < 0) continue;
    const atSchool = school && AT_SCHOOL.has(l.kind);
    for (let k = 0; k < n; k++) {
      const from = addDays(first, Math.floor(((k + 0.5) * span) / n) + ((i * 3) % 5));
      const to = addDays(from, days - 1);
      if (to >= today) continue;
      const capacity = Math.ceil(want / n);
      const code = `KH${i + 1}.${k + 1}/${l.year}`;
      const name = `${l.programmeName} – lớp ${k + 1}`;
      const [cls] = await queryRows<{ id: number }>(
        db,
        sql`insert into classes (code, year, name, search_name, programme_id, institution_id, organiser_unit_id,
            plan_line_id, starts_on, ends_on, venue, mode, capacity, budget, status)
          values (${code}, ${l.year}, ${name}, ${foldText(`${code} ${name}`)}, ${l.programmeId},
            ${atSchool ? school.id : null}, ${l.unitId}, ${l.id}, ${from}, ${to},
            ${atSchool ? school.name : 'Hội trường Sở Nội vụ'}, 'in_person', ${capacity},
            ${JSON.stringify({ NST: Math.round((Number(l.budget) * 0.9) / l.classes) })}::jsonb, 'finished')
          on conflict do nothing returning id`,
      );
      if (!cls) continue;
      made++;
      await db.execute(sql`insert into class_sessions (class_id, day, starts_at, ends_at, room, room_key)
        select ${cls.id}, d::date, '07:30', '11:00', 'Hội trường', 'hoi truong'
        from generate_series(${from}::date, ${to}::date, interval '1 day') as d`);
      // Learners of the line's target group (anyone when it names none), outside the demo commune.
      await db.execute(sql`
        insert into class_nominations (class_id, person_id, unit_id, status, nominated_by, decided_by, decided_at,
          created_at, updated_at)
        select ${cls.id}, p.id, p.unit_id, 'approved', (select id from users where username = 'sonoivu'),
          (select id from users where username = 'truongchinhtri'),
          (${from}::date - 10)::timestamp + interval '9 hours', (${from}::date - 20)::timestamp + interval '9 hours',
          (${from}::date - 10)::timestamp + interval '9 hours'
        from people p join org_units u on u.id = p.unit_id
        where p.status = 'WORKING'
          and not exists (select 1 from users s join org_units cu on cu.id = s.scope_unit_id
            where s.username = 'canbo.xa' and u.path <@ cu.path)
          and (${l.targetList}::text is null
            or (${l.targetList}::text = 'category' and p.category = ${l.targetCode})
            or (${l.targetList}::text = 'leadership_tier' and p.leadership_tier = ${l.targetCode})
            or (${l.targetList}::text = 'rank' and p.rank = ${l.targetCode}))
        order by md5(p.id::text || ':' || ${cls.id}::text) limit ${capacity}`);
      await db.execute(sql`
        insert into nomination_events (nomination_id, action, to_status, from_status, user_id, at)
        select n.id, 'nominate', 'pending', null, n.nominated_by, n.created_at from class_nominations n
          where n.class_id = ${cls.id}
        union all
        select n.id, 'approve', 'approved', 'pending', n.decided_by, n.decided_at from class_nominations n
          where n.class_id = ${cls.id}`);
      await db.execute(sql`update classes c set seats_taken = (select count(*) from class_nominations n
        where n.class_id = c.id and n.status in ('pending', 'approved')) where c.id = ${cls.id}`);
    }
  }
  return made;
}
