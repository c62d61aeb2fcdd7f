/**
 * Training abroad and sponsored postgraduate study in the demo (ADR 016), so both screens open on
 * something true to life: a delegation to the foreign partner that came back three weeks ago with
 * two reports handed in and two still due (overdue), and two sponsorships: one studying, one who
 * graduated and left the service early (the repayment panel has figures to show).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';

export async function seedDemoAbroad(db: Queryable, opts: { today?: Date } = {}): Promise<void> {
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  await db.execute(sql`
    insert into abroad_delegations (code, name, search_name, partner_institution_id, organiser_unit_id, country,
      departs_on, returns_on, budget, status, decision_no, decision_date)
    select 'NN01/' || extract(year from ${today}::date - 40)::int,
      'Bồi dưỡng kỹ năng lãnh đạo, quản lý tại Singapore',
      'nn01 boi duong ky nang lanh dao, quan ly tai singapore singapore',
      i.id, u.id, 'Singapore', ${today}::date - 40, ${today}::date - 25,
      '{"NST": 1600000000}'::jsonb, 'returned', '1234/QĐ-UBND', ${today}::date - 60
    from institutions i cross join org_units u
    where i.kind = 'FOREIGN_PARTNER' and u.parent_id is null and u.level = 'province' and u.valid_to is null
    limit 1`);
  // Four leaders of agencies in the province; the first two handed in their report.
  await db.execute(sql`
    insert into abroad_members (delegation_id, person_id, unit_id, role, report_submitted_on, report_summary)
    select d.id, p.id, p.unit_id, case when p.rn = 1 then 'Trưởng đoàn' else 'Thành viên' end,
      case when p.rn <= 2 then d.returns_on + 9 else null end,
      case when p.rn <= 2 then 'Báo cáo kết quả học tập và đề xuất áp dụng mô hình đánh giá cán bộ theo kết quả công việc.' end
    from abroad_delegations d cross join lateral (
        select p.id, p.unit_id, row_number() over (order by p.id) as rn
        from people p join org_units u on u.id = p.unit_id
        where p.status = 'WORKING' and p.leadership_tier is not null and p.leadership_tier <> 'NONE'
          and u.level = 'agency'
        order by p.id limit 4) p`);
  await db.execute(sql`
    insert into postgrad_sponsorships (person_id, unit_id, field, search_text, level, institution_name, country,
      starts_on, expected_ends_on, actual_ends_on, funding, decision_no, status, eligible_at_start,
      diploma_no, diploma_date, left_on, left_reason)
    select p.id, p.unit_id, s.field, s.search, s.level, s.inst, 'Việt Nam', s.starts::date, s.ends::date,
      s.actual::date, s.funding::jsonb, s.decision, s.status, true, s.diploma, s.diploma_date::date,
      s.left_on::date, s.left_reason
    from (values
        (1, 'Quản lý công', 'quan ly cong hoc vien hanh chinh quoc gia viet nam', 'THAC_SI',
         'Học viện Hành chính Quốc gia', '2025-09-01', '2027-08-31', null, '{"NST": 180000000}',
         '512/QĐ-UBND', 'studying', null, null, null, null),
        (2, 'Luật kinh tế', 'luat kinh te dai hoc luat ha noi viet nam', 'THAC_SI', 'Đại học Luật Hà Nội',
         '2021-09-01', '2023-08-31', '2023-08-31', '{"NST": 150000000}', '733/QĐ-UBND', 'graduated',
         'LKT-2023-0457', '2023-10-15', '2025-06-30', 'Chuyển công tác ra khỏi khu vực nhà nước'))
      as s(n, field, search, level, inst, starts, ends, actual, funding, decision, status, diploma, diploma_date,
        left_on, left_reason)
    join (select p.id, p.unit_id, row_number() over (order by p.id desc) as rn
          from people p join org_units u on u.id = p.unit_id
          where p.status = 'WORKING' and u.level = 'agency' and p.birth_date > '1981-01-01'
          order by p.id desc limit 2) p on p.rn = s.n`);
}
