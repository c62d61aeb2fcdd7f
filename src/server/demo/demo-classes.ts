/**
 * Demo classes of the latest approved provincial plan, so the class list, the
 * schedule and plan vs actual are filled on a fresh start: one class for each of the first lines
 * (a matching catalogue programme, the political school for political theory, leadership and
 * state management), dated through the year and given the status their dates imply, each with
 * a few sessions; two of them share a lecturer at the same hour (a clash to see).
 */
import { sql } from 'drizzle-orm';
import { foldText } from '../../contracts/text';
import type { Queryable } from '../db/client';
import { addDays, vietnamMoment } from '../lib/dates';
import { recomputeLecturerHours } from '../modules/classes/lecturer-hours';
import { seedDemoClassHistory } from './demo-class-history';
import { seedDemoFeedback } from './demo-feedback';
import { seedDemoNominations } from './demo-nominations';
import { seedDemoPlanCarriedOut } from './demo-plan-carried';
import { seedDemoResults } from './demo-results';
import { seedDemoLearnerClass } from './demo-self-service';
import { queryRows } from './sql-util';

const AT_SCHOOL = new Set(['POLITICAL_THEORY', 'LEADERSHIP', 'STATE_MANAGEMENT']);

/** Status a class dated `from..to` has on `today`. */
function statusOn(from: string, to: string, today: string): string {
  if (to < today) return 'finished';
  if (from <= today) return 'running';
  return 'open_for_nomination';
}

const dayBefore = (iso: string) => addDays(iso, -1);

/**
 * Dates of `n` demo classes of `year`: spread from February, the first two starting the same day
 * (their shared lecturer clashes), each lasting at least until the next one starts and the one
 * before last running into December, so that on any day from February to early December some
 * class is running; the last opens in December for nomination, and stays open whatever day the
 * demo is started on: it starts a week after `today` at the earliest (Vietnam's day).
 */
export function demoClassDates(
  n: number,
  year: number,
  today = `${year}-01-01`,
): { from: string; to: string }[] {
  const lastFrom = `${year}-12-07` > addDays(today, 7) ? `${year}-12-07` : addDays(today, 7);
  const pad = (m: number) => String(m).padStart(2, '0');
  const month = (i: number) => (i <= 1 ? 2 : Math.floor(2 + i * 1.4));
  const from = Array.from({ length: n }, (_, i) =>
    i === n - 1 ? lastFrom : `${year}-${pad(month(i))}-${i % 2 && i > 1 ? '15' : '02'}`,
  );
  return from.map((f, i) => {
    if (i === n - 1) return { from: f, to: addDays(f, 11) };
    if (i === n - 2) return { from: f, to: `${year}-12-04` };
    const own = `${year}-${pad(Math.min(12, month(i) + 1))}-${i % 2 ? '28' : '20'}`;
    const untilNext = dayBefore(from[i + 1]);
    return { from: f, to: own > untilNext ? own : untilNext };
  });
}

export async function seedDemoClasses(db: Queryable, opts: { today?: Date } = {}): Promise<number> {
  // Vietnam's today: a class is running from its first day there, whatever the server's zone.
  const today = vietnamMoment(opts.today ?? new Date()).day;
  const [plan] = await queryRows<{ id: number; year: number }>(
    db,
    sql`select a.id, a.year from annual_plans a join org_units u on u.id = a.unit_id and u.parent_id is null
      where a.status = 'approved' order by a.year desc limit 1`,
  );
  if (!plan) return 0;
  const year = plan.year;
  const lines = await queryRows<{
    id: number;
    kind: string;
    level: string | null;
    trainees: number;
    classes: number;
    unitId: number;
    programmeId: number | null;
    programmeName: string | null;
    daysMin: number | null;
    daysMax: number | null;
  }>(
    db,
    sql`select l.id, l.programme_kind as kind, l.level, l.trainees, l.classes, a.unit_id as "unitId",
        p.id as "programmeId", p.name_vi as "programmeName", p.typical_days_min as "daysMin",
        p.typical_days_max as "daysMax"
      from plan_lines l join annual_plans a on a.id = l.plan_id
      -- The programme the province itself may organise, in force that year (issue 16): a line
      -- of a centrally taught programme (Cao cấp LLCT) is carried out by sending people, not here.
      left join lateral (select p.id, p.name_vi, p.typical_days_min, p.typical_days_max from programmes p
        where p.kind = l.programme_kind and p.active and 'province' = any(p.organiser_levels)
          and p.effective_from <= make_date(a.year, 1, 1)
        order by (p.level is not distinct from l.level) desc, p.id limit 1) p on true
      where a.id = ${plan.id} and l.removed_at is null and l.classes > 0
      order by l.id limit 8`,
  );
  const [school] = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from institutions where org_unit_id is not null order by id limit 1`,
  );
  const lecturers = await queryRows<{ id: number }>(
    db,
    sql`select id from lecturers where active order by id limit 8`,
  );
  const dates = demoClassDates(lines.length, year, today);
  let made = 0;
  for (const [i, l] of lines.entries()) {
    if (!l.programmeId) continue;
    const { from } = dates[i];
    // Within the programme's plausible length (issue 16).
    let to = dates[i].to;
    if (l.daysMin && to < addDays(from, l.daysMin - 1)) to = addDays(from, l.daysMin - 1);
    if (l.daysMax && to > addDays(from, l.daysMax - 1)) to = addDays(from, l.daysMax - 1);
    const code = `K${i + 1}/${year}`;
    const name = `${l.programmeName} – khóa ${i + 1}`;
    const capacity = Math.max(20, Math.min(80, Math.round(l.trainees / Math.max(1, l.classes))));
    const atSchool = school && AT_SCHOOL.has(l.kind);
    const [cls] = await queryRows<{ id: number }>(
      db,
      sql`insert into classes (code, year, name, search_name, programme_id, institution_id, organiser_unit_id,
          plan_line_id, starts_on, ends_on, venue, mode, capacity, budget, status)
        values (${code}, ${year}, ${name}, ${foldText(`${code} ${name}`)}, ${l.programmeId},
          ${atSchool ? school.id : null}, ${l.unitId}, ${l.id}, ${from}, ${to},
          ${atSchool ? school.name : 'Hội trường Sở Nội vụ'}, 'in_person', ${capacity},
          ${JSON.stringify({ NST: capacity * 1_500_000 })}::jsonb, ${statusOn(from, to, today)})
        on conflict do nothing returning id`,
    );
    if (!cls) continue;
    made++;
    // Three sessions in the first week; classes 1 and 2 share lecturer 1 on their first morning.
    const topics = await queryRows<{ code: string }>(
      db,
      sql`select topic_code as code from programme_topics where programme_id = ${l.programmeId} order by position limit 3`,
    );
    for (let s = 0; s < 3; s++) {
      const day = addDays(from, s);
      const lecturer = lecturers[(i + s) % Math.max(1, lecturers.length)]?.id ?? null;
      const shared = i <= 1 && s === 0 ? (lecturers[0]?.id ?? null) : lecturer;
      await db.execute(sql`insert into class_sessions (class_id, day, starts_at, ends_at, topic_code, lecturer_id, room, room_key)
        values (${cls.id}, ${day}, '07:30', '11:00', ${topics[s]?.code ?? null}, ${shared},
          ${`Phòng ${201 + i}`}, ${`phong ${201 + i}`})`);
    }
  }
  // Periods taught follow from the sessions, as when an officer schedules them.
  if (made) await recomputeLecturerHours(db, 'all');
  await seedDemoClassHistory(db, opts);
  await seedDemoNominations(db, opts);
  // The rest of the plan, carried out as by December (issue 16).
  await seedDemoPlanCarriedOut(db, opts);
  await seedDemoFeedback(db, opts);
  await seedDemoLearnerClass(db, opts);
  await seedDemoResults(db, opts);
  return made;
}
