/**
 * Learners of the demo classes (ADR 012), so seats, plan vs actual and the nomination screens are
 * filled on a fresh start: running and finished classes have about 70% of their seats approved,
 * the class open for nomination has a third of its seats awaiting approval and a quota of three
 * seats for the demo commune (the scope of canbo.xa), left free for its officer to fill. People are spread so
 * that nobody sits in two classes. Set-based statements; the counters follow from the rows.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';

export async function seedDemoNominations(db: Queryable, opts: { today?: Date } = {}): Promise<void> {
  const now = (opts.today ?? new Date()).toISOString();
  await db.execute(sql`
    with c as (
        select id, capacity, status, starts_on, row_number() over (order by id) - 1 as k,
          count(*) over () as n
        from classes where status in ('open_for_nomination', 'running', 'finished', 'closed')),
      commune as (select u.path from users s join org_units u on u.id = s.scope_unit_id where s.username = 'canbo.xa'),
      pool as (
        select p.id, p.unit_id, row_number() over (order by md5(p.id::text)) as r
        from people p join org_units u on u.id = p.unit_id
        where p.status = 'WORKING' and not exists (select 1 from commune where u.path <@ commune.path)),
      picked as (
        select c.id as class_id, c.status, c.starts_on, pool.id as person_id, pool.unit_id,
          row_number() over (partition by c.id order by pool.r) as rn, c.capacity
        from c join pool on pool.r % c.n = c.k)
    insert into class_nominations (class_id, person_id, unit_id, status, nominated_by, decided_by, decided_at,
      created_at, updated_at)
    select class_id, person_id, unit_id,
      case when status = 'open_for_nomination' then 'pending' else 'approved' end,
      (select id from users where username = 'sonoivu'),
      case when status = 'open_for_nomination' then null else (select id from users where username = 'truongchinhtri') end,
      case when status = 'open_for_nomination' then null
        else least((starts_on - 10)::timestamp + interval '9 hours', ${now}::timestamptz at time zone 'UTC') at time zone 'UTC' end,
      least((starts_on - 20)::timestamp + interval '9 hours', ${now}::timestamptz at time zone 'UTC') at time zone 'UTC',
      ${now}::timestamptz
    from picked
    where rn <= case when status = 'open_for_nomination' then capacity / 3 else (capacity * 7) / 10 end`);
  await db.execute(sql`
    insert into nomination_events (nomination_id, action, to_status, from_status, user_id, at)
    select n.id, 'nominate', 'pending', null, n.nominated_by, n.created_at from class_nominations n
    union all
    select n.id, 'approve', 'approved', 'pending', n.decided_by, n.decided_at from class_nominations n
      where n.status = 'approved'`);
  await db.execute(sql`
    insert into class_quotas (class_id, unit_id, seats)
    select c.id, s.scope_unit_id, 3 from classes c cross join users s
    where c.status = 'open_for_nomination' and s.username = 'canbo.xa'
    on conflict do nothing`);
  await db.execute(sql`update classes c set seats_taken = (select count(*) from class_nominations n
    where n.class_id = c.id and n.status in ('pending', 'approved'))`);
}
