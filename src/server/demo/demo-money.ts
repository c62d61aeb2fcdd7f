/**
 * Money actually spent in the demo (ADR 039): every finished or closed class with a budget gets
 * spending lines by item from its estimate (about 92% of it is spent: lecturer fees, materials,
 * venue, learner allowances); those that ended more than a month ago are settled;
 * the delegation abroad carries its actual cost and, like the sponsorships, the plan line of its
 * year it carries out, so plan vs actual and the cost report count them. One sponsorship starts
 * this September under the province's plan.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';

export async function seedDemoMoney(db: Queryable, opts: { today?: Date } = {}): Promise<void> {
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  // Lines per funding source of the estimate: share of it spent on each item.
  await db.execute(sql`
    insert into class_spending (class_id, item, funding_source, amount, spent_on, note)
    select c.id, i.item, b.k, round(b.v::bigint * i.share)::bigint, least(c.ends_on, ${today}::date), null
    from classes c cross join lateral jsonb_each_text(c.budget) as b(k, v)
      cross join (values ('LECTURER', 0.45), ('MATERIALS', 0.10), ('VENUE', 0.12), ('ALLOWANCE', 0.25))
        as i(item, share)
    where c.status in ('finished', 'closed') and b.v::bigint > 0`);
  await db.execute(sql`
    insert into class_settlements (class_id, settled_on, number, settled_total, note)
    select c.id, c.ends_on + 30, c.id || '/QT-' || extract(year from c.ends_on)::int,
      (select sum(s.amount) from class_spending s where s.class_id = c.id),
      'Quyết toán theo Thông tư 36/2018/TT-BTC'
    from classes c
    where c.status in ('finished', 'closed') and c.ends_on + 30 <= ${today}::date
      and exists (select 1 from class_spending s where s.class_id = c.id)`);
  // The line of an approved plan of the organiser or above it, of the kind and the year.
  const lineOf = (kind: string, unit: ReturnType<typeof sql>, year: ReturnType<typeof sql>) => sql`(
    select l.id from plan_lines l join annual_plans a on a.id = l.plan_id join org_units pu on pu.id = a.unit_id
    where l.programme_kind = ${kind} and l.removed_at is null and a.year = ${year} and a.status = 'approved'
      and (select path from org_units where id = ${unit}) <@ pu.path
    order by nlevel(pu.path) desc, l.id limit 1)`;
  await db.execute(sql`
    update abroad_delegations d set
      plan_line_id = ${lineOf('ABROAD', sql`d.organiser_unit_id`, sql`extract(year from d.departs_on)::int`)},
      actual_cost = (select jsonb_object_agg(k, round(v::bigint * 0.94)::bigint) from jsonb_each_text(d.budget) as b(k, v))
    where d.status in ('returned', 'closed')`);
  await db.execute(sql`
    insert into postgrad_sponsorships (person_id, unit_id, field, search_text, level, institution_name, country,
      starts_on, expected_ends_on, funding, decision_no, status, eligible_at_start)
    select p.id, p.unit_id, 'Chính sách công', 'chinh sach cong hoc vien chinh tri quoc gia ho chi minh viet nam',
      'THAC_SI', 'Học viện Chính trị quốc gia Hồ Chí Minh', 'Việt Nam',
      make_date(extract(year from ${today}::date)::int, 9, 1), make_date(extract(year from ${today}::date)::int + 2, 8, 31),
      '{"NST": 120000000, "HOC_VIEN": 40000000}'::jsonb, '905/QĐ-UBND', 'studying', true
    from people p join org_units u on u.id = p.unit_id
    where p.status = 'WORKING' and u.level = 'agency' and p.birth_date > '1983-01-01'
      and make_date(extract(year from ${today}::date)::int, 9, 1) <= ${today}::date
      and not exists (select 1 from postgrad_sponsorships s where s.person_id = p.id)
    order by p.id limit 1`);
  await db.execute(sql`
    update postgrad_sponsorships s set
      plan_line_id = ${lineOf('POSTGRADUATE', sql`s.unit_id`, sql`extract(year from s.starts_on)::int`)}`);
}
