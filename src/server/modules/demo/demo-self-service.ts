/**
 * The demo learner's own class (ADR 017), so "Lớp học của tôi" of hocvien is not empty: an
 * approved place in the latest finished demo class (else a running one), and for every learner
 * of that class the attendance of its sessions and two scored assessments, so the class's grids
 * and results read as a real class too. Set-based; nothing happens when the learner has no person
 * or is already in a class.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { queryRows } from './sql-util';

export async function seedDemoLearnerClass(db: Queryable, opts: { today?: Date } = {}): Promise<void> {
  const now = (opts.today ?? new Date()).toISOString();
  const [target] = await queryRows<{ classId: number; personId: number; unitId: number }>(
    db,
    sql`select c.id as "classId", p.id as "personId", p.unit_id as "unitId"
      from users u join people p on p.id = u.person_id
      cross join lateral (select id from classes where status in ('finished', 'running')
        and seats_taken < capacity order by status = 'finished' desc, ends_on desc, id limit 1) c
      where u.username = 'hocvien'
        and not exists (select 1 from class_nominations n where n.person_id = p.id)`,
  );
  if (!target) return;
  const { classId, personId, unitId } = target;
  await db.execute(sql`
    with n as (
      insert into class_nominations (class_id, person_id, unit_id, status, nominated_by, decided_by, decided_at,
        created_at, updated_at)
      select c.id, ${personId}, ${unitId}, 'approved', (select id from users where username = 'canbo.xa'),
        (select id from users where username = 'truongchinhtri'),
        least((c.starts_on - 10)::timestamp + interval '9 hours', ${now}::timestamptz at time zone 'UTC') at time zone 'UTC',
        least((c.starts_on - 20)::timestamp + interval '9 hours', ${now}::timestamptz at time zone 'UTC') at time zone 'UTC',
        ${now}::timestamptz
      from classes c where c.id = ${classId}
      returning id, nominated_by, decided_by, created_at, decided_at)
    insert into nomination_events (nomination_id, action, to_status, from_status, user_id, at)
    select id, 'nominate', 'pending', null, nominated_by, created_at from n
    union all select id, 'approve', 'approved', 'pending', decided_by, decided_at from n`);
  await db.execute(sql`update classes set seats_taken = seats_taken + 1 where id = ${classId}`);
  await db.execute(sql`
    insert into class_assessments (class_id, name, kind, weight, position)
    select ${classId}, a.name, a.kind, a.weight, a.position
    from (values ('Bài kiểm tra giữa khóa', 'test', 1, 0), ('Bài thu hoạch cuối khóa', 'essay', 2, 1))
      as a(name, kind, weight, position)
    where not exists (select 1 from class_assessments where class_id = ${classId})`);
  // Most learners attend every session; a few come late or miss one (with leave or without).
  // The demo learner came late once: full attendance still, by the pass rule (late counts).
  await db.execute(sql`
    insert into class_attendance (session_id, nomination_id, status, reason, recorded_by, recorded_at)
    select s.id, n.id,
      case when n.person_id = ${personId} then (case when s.rn = 2 then 'late' else 'present' end)
        else (array['present', 'present', 'present', 'present', 'present', 'present', 'present', 'present',
          'late', 'excused', 'absent'])[1 + abs(hashtext(s.id || ':' || n.id)) % 11] end,
      null, (select id from users where username = 'giangvien'), (s.day + time '11:00')::timestamp at time zone 'Asia/Ho_Chi_Minh'
    from (select id, day, row_number() over (order by day, starts_at, id) as rn from class_sessions
      where class_id = ${classId}) s
    cross join class_nominations n
    where n.class_id = ${classId} and n.status = 'approved'
    on conflict do nothing`);
  await db.execute(sql`
    insert into class_scores (assessment_id, nomination_id, score, recorded_by, recorded_at)
    select a.id, n.id,
      case when n.person_id = ${personId} then (case a.position when 0 then 8.5 else 8 end)
        else round((4 + (abs(hashtext(a.id || ':' || n.id)) % 61) / 10.0)::numeric, 1) end,
      (select id from users where username = 'giangvien'), ${now}::timestamptz
    from class_assessments a cross join class_nominations n
    where a.class_id = ${classId} and n.class_id = ${classId} and n.status = 'approved'
    on conflict do nothing`);
}
