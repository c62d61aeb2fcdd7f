/**
 * The history of the demo classes, consistent with their dates and status: opened by the
 * province's training officer six weeks before the start, opened for nomination a month before,
 * running from the first day, finished the day after the last. Without it a finished class would
 * show only "opened, today, by nobody", which reads as broken data. One set-based statement.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';

export async function seedDemoClassHistory(db: Queryable, opts: { today?: Date } = {}): Promise<void> {
  const now = (opts.today ?? new Date()).toISOString();
  await db.execute(sql`delete from class_events where class_id in (select id from classes)`);
  await db.execute(sql`
    with steps(ord, from_status, to_status, days_from_start, from_end) as (values
        (1, null, 'planned', -45, false),
        (2, 'planned', 'open_for_nomination', -30, false),
        (3, 'open_for_nomination', 'running', 0, false),
        (4, 'running', 'finished', 1, true)),
      reached(status, ord) as (values ('planned', 1), ('open_for_nomination', 2), ('running', 3),
        ('finished', 4), ('closed', 4))
    insert into class_events (class_id, action, from_status, to_status, user_id, at)
    select c.id, case when s.ord = 1 then 'create' else 'status' end, s.from_status, s.to_status,
      (select id from users where username = 'sonoivu'),
      -- 08:30 local time on the day; never after "today" (a step the status says has happened).
      least(((case when s.from_end then c.ends_on else c.starts_on end) + s.days_from_start)::timestamp
        + interval '8 hours 30 minutes', ${now}::timestamptz at time zone 'Asia/Ho_Chi_Minh')
        at time zone 'Asia/Ho_Chi_Minh'
    from classes c join reached r on r.status = c.status join steps s on s.ord <= r.ord
    order by c.id, s.ord`);
}
