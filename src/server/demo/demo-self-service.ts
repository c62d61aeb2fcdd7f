/**
 * The demo learner's own class (ADR 017), so "Lớp học của tôi" of hocvien is not empty: an
 * approved place in the latest finished demo class (else a running one). Runs before the demo
 * grade book (`demo-results.ts`), which marks and scores them with the others. Nothing happens
 * when the learner has no person or is already in a class.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
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
}
