/**
 * Work waiting for the demo commune officer (canbo.xa) on the day of the demo (ADR 051), so the
 * to-do list and the daily reminders show what a real December holds: two of the commune's people
 * awaiting the school's decision in the class open for nomination (the commune's quota grows by
 * the same two seats, so its three free seats stay free), a needs proposal not yet sent past its
 * deadline, a trip report overdue, and two division heads appointed almost a year ago whose
 * leadership programme falls due within the month. Set-based; nothing when a piece is missing.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { vietnamMoment } from '../lib/dates';

export async function seedDemoWork(db: Queryable, opts: { today?: Date } = {}): Promise<void> {
  const now = opts.today ?? new Date();
  const today = vietnamMoment(now).day;
  const commune = sql`(select o.path from users s join org_units o on o.id = s.scope_unit_id where s.username = 'canbo.xa')`;
  const officer = sql`(select id from users where username = 'canbo.xa')`;
  // Division heads of the commune without a leadership programme: theirs falls due in 10 and 20
  // days (12 months after their appointment).
  const heads = sql`select p.id, p.unit_id, row_number() over (order by p.id) as rn
      from people p join org_units u on u.id = p.unit_id
      where u.path <@ ${commune} and p.status = 'WORKING' and p.leadership_tier = 'PHONG'
        and not exists (select 1 from qualifications q where q.person_id = p.id and q.kind = 'LEADERSHIP')`;
  await db.execute(sql`update people p set appointed_on = (${today}::date - interval '12 months')::date + h.rn::int * 10
    from (${heads}) h where h.id = p.id and h.rn <= 2`);
  // A commune leader back from the study trip abroad, the report not handed in.
  await db.execute(sql`insert into abroad_members (delegation_id, person_id, unit_id, role)
    select d.id, p.id, p.unit_id, 'Thành viên'
    from people p join org_units u on u.id = p.unit_id
    cross join lateral (select id from abroad_delegations where status = 'returned'
      order by returns_on desc, id limit 1) d
    where u.path <@ ${commune} and p.status = 'WORKING' and p.leadership_tier = 'XA'
    order by p.id limit 1`);

  // Two of the commune's people sent to the class open for nomination, awaiting the decision.
  const cls = sql`(select id from classes where status = 'open_for_nomination' order by id limit 1)`;
  const sent = await db.execute(sql`insert into class_nominations (class_id, person_id, unit_id, status,
      nominated_by, created_at, updated_at)
    select ${cls}, p.id, p.unit_id, 'pending', ${officer}, ${now.toISOString()}::timestamptz - interval '2 days',
      ${now.toISOString()}::timestamptz - interval '2 days'
    from people p join org_units u on u.id = p.unit_id
    where ${cls} is not null and u.path <@ ${commune} and p.status = 'WORKING' and p.leadership_tier = 'NONE'
      and not exists (select 1 from users s where s.person_id = p.id)
      and not exists (select 1 from class_nominations n where n.person_id = p.id and n.class_id = ${cls})
    order by p.id limit 2
    returning id, class_id, unit_id, nominated_by, created_at`);
  const rows = (sent as unknown as { rows: unknown[] }).rows ?? [];
  if (rows.length) {
    await db.execute(sql`insert into nomination_events (nomination_id, action, to_status, from_status, user_id, at)
      select n.id, 'nominate', 'pending', null, n.nominated_by, n.created_at from class_nominations n
      where n.class_id = ${cls} and n.nominated_by = ${officer}`);
    await db.execute(sql`update class_quotas q set seats = seats + ${rows.length}, taken = taken + ${rows.length}
      where q.class_id = ${cls} and q.unit_id = (select scope_unit_id from users where username = 'canbo.xa')`);
    await db.execute(sql`update classes c set seats_taken = (select count(*) from class_nominations n
      where n.class_id = c.id and n.status in ('pending', 'approved')) where c.id = ${cls}`);
  }

  // An early needs survey for the year after next, its deadline passed, the commune's proposal a draft.
  const year = Number(today.slice(0, 4)) + 2;
  await db.execute(sql`with c as (
      insert into needs_campaigns (year, title, root_unit_id, opens_on, deadline, status)
      select ${year}, ${`Đăng ký sớm nhu cầu đào tạo, bồi dưỡng năm ${year}`}, u.id,
        ${today}::date - 30, ${today}::date - 3, 'open'
      from org_units u where u.parent_id is null and u.level = 'province' and u.valid_to is null
      order by u.id limit 1
      returning id)
    insert into needs_proposals (campaign_id, unit_id, reviewer_unit_id, status)
    select c.id, o.id, o.parent_id, 'draft' from c
    join users s on s.username = 'canbo.xa' join org_units o on o.id = s.scope_unit_id`);
}
