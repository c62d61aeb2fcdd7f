/**
 * Feedback of the demo classes (ADR 015), so ratings show on a fresh start: about two learners
 * in three answered the level-1 form of their started class, and about half of the learners
 * whose level-3 form fell due were assessed by the province's officer. Four people of the demo
 * commune (the learner hocvien first) sit in the earliest finished class without answers, so
 * hocvien has a class to rate and canbo.xa learners to assess. Set-based; scores spread by hash.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { policyRowSql } from '../modules/policies/policies';

const COMMENTS = [
  'Nội dung thiết thực, áp dụng được ngay vào công việc.',
  'Đề nghị tăng thời lượng thảo luận, trao đổi tình huống thực tế.',
  'Giảng viên nhiệt tình, tài liệu đầy đủ.',
  'Phòng học hơi chật, cần bố trí thêm máy chiếu.',
  'Lịch học dày, mong được bố trí xen kẽ để không ảnh hưởng công việc.',
];
const EFFECT_COMMENTS = [
  'Đồng chí vận dụng tốt kiến thức vào công tác tham mưu.',
  'Có tiến bộ rõ trong xử lý công việc chuyên môn.',
];

const texts = (list: string[]) =>
  sql`array[${sql.join(
    list.map((c) => sql`${c}::text`),
    sql`, `,
  )}]`;

/** A pseudo-random score 2..5 around "satisfied", fixed by the key. */
const score = (key: ReturnType<typeof sql>) =>
  sql`(case when abs(hashtext(${key})) % 100 < 8 then 2 when abs(hashtext(${key})) % 100 < 28 then 3
    when abs(hashtext(${key})) % 100 < 72 then 4 else 5 end)`;

export async function seedDemoFeedback(db: Queryable, opts: { today?: Date } = {}): Promise<void> {
  const now = (opts.today ?? new Date()).toISOString();
  const commune = sql`(select u.path from users s join org_units u on u.id = s.scope_unit_id where s.username = 'canbo.xa')`;
  // Seats of the earliest finished class go to people of the demo commune (counts unchanged).
  await db.execute(sql`
    with target as (select id from classes where status = 'finished' order by ends_on, id limit 1),
      learner as (select person_id from users where username = 'hocvien'),
      locals as (
        select p.id, p.unit_id, row_number() over (
            order by p.id = (select person_id from learner) desc, p.sort_key collate "C", p.id) as r
        from people p join org_units u on u.id = p.unit_id
        where u.path <@ ${commune} and p.status = 'WORKING'),
      seats as (
        select n.id, row_number() over (order by n.id) as r from class_nominations n
        where n.class_id = (select id from target) and n.status = 'approved')
    update class_nominations n set person_id = l.id, unit_id = l.unit_id
    from seats s join locals l on l.r = s.r
    where n.id = s.id and l.r <= 4`);
  const answered = sql`insert into feedback_answers
      (level, form_id, class_id, nomination_id, comment, answered_by, answered_at)`;
  await db.execute(sql`${answered}
    select 1, (select id from feedback_forms where level = 1 order by version desc limit 1), c.id, n.id,
      case when abs(hashtext(n.id::text || 'c')) % 4 = 0
        then (${texts(COMMENTS)})[1 + abs(hashtext(n.id::text)) % ${COMMENTS.length}] end,
      null, least(c.ends_on::timestamp + interval '15 hours', ${now}::timestamptz at time zone 'UTC') at time zone 'UTC'
    from class_nominations n join classes c on c.id = n.class_id and c.status in ('running', 'finished', 'closed')
    join people p on p.id = n.person_id join org_units u on u.id = p.unit_id
    where n.status = 'approved' and not (u.path <@ ${commune}) and abs(hashtext(n.id::text || 'l1')) % 3 <> 0`);
  const delay = policyRowSql('feedback.level3_delay_months', sql`c.ends_on`, sql`lu.path`);
  await db.execute(sql`${answered}
    select 3, (select id from feedback_forms where level = 3 order by version desc limit 1), c.id, n.id,
      case when abs(hashtext(n.id::text || 'e')) % 3 = 0
        then (${texts(EFFECT_COMMENTS)})[1 + abs(hashtext(n.id::text)) % ${EFFECT_COMMENTS.length}] end,
      (select id from users where username = 'sonoivu'),
      (c.ends_on + make_interval(months => d.months))::timestamp + interval '9 hours'
    from class_nominations n join classes c on c.id = n.class_id and c.status in ('finished', 'closed')
    join people p on p.id = n.person_id join org_units lu on lu.id = p.unit_id
    cross join lateral (select (pv.value #>> '{}')::int as months from (${delay}) pv) d
    where n.status = 'approved' and not (lu.path <@ ${commune}) and abs(hashtext(n.id::text || 'l3')) % 2 = 0
      and (c.ends_on + make_interval(months => d.months))::date <= ${now}::date`);
  // Every question once; lecturer questions once per lecturer of the class.
  await db.execute(sql`insert into feedback_scores (answer_id, question_code, lecturer_id, score)
    select a.id, q.code, l.lecturer_id,
      ${score(sql`a.id::text || q.code || coalesce(l.lecturer_id::text, '')`)}
    from feedback_answers a join feedback_forms f on f.id = a.form_id
    cross join lateral jsonb_to_recordset(f.questions) as q(code text, target text)
    left join lateral (select distinct s.lecturer_id from class_sessions s
        where s.class_id = a.class_id and s.lecturer_id is not null) l on q.target = 'lecturer'
    where not exists (select 1 from feedback_scores x where x.answer_id = a.id)
      and (q.target <> 'lecturer' or l.lecturer_id is not null)`);
}
