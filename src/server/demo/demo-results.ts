/**
 * The grade book of the demo classes (ADR 013), so results and certificates have something to
 * stand on: every running or finished class gets a test and an essay; its learners are marked at
 * every session held so far (a few absent with or without leave) and, once it finished, scored
 * (a few under 5); finished classes then have their results stored as the real move would (set-based, the same
 * rows as `storeResults` class by class: demo-results-store.ts).
 * Certificate registers for the school and the province. Set-based inserts, deterministic (md5
 * of ids), and nothing already there is overwritten.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { vietnamMoment } from '../lib/dates';
import { storeFinishedResults } from './demo-results-store';

export async function seedDemoResults(db: Queryable, opts: { today?: Date } = {}): Promise<void> {
  const now = opts.today ?? new Date();
  // Vietnam's wall clock: a session is marked once it has started there (ADR 025).
  const at = vietnamMoment(now);
  const started = `${at.day} ${at.time}`;
  await db.execute(sql`
    insert into class_assessments (class_id, name, kind, weight, position)
    select c.id, a.name, a.kind, a.weight, a.position
    from classes c cross join (values ('Bài kiểm tra giữa khóa', 'test', 1, 0), ('Tiểu luận cuối khóa', 'essay', 2, 1))
      as a(name, kind, weight, position)
    where c.status in ('running', 'finished', 'closed')
      and not exists (select 1 from class_assessments x where x.class_id = c.id)`);
  // ~4% absent (half with leave), ~3% late; sessions not yet started are left blank.
  await db.execute(sql`
    insert into class_attendance (session_id, nomination_id, status, reason, recorded_at)
    select s.id, n.id,
      case when h < 2 then 'excused' when h < 4 then 'absent' when h < 7 then 'late' else 'present' end,
      case when h < 2 then 'Công tác đột xuất' else null end,
      least((s.day + s.ends_at::time) at time zone 'Asia/Ho_Chi_Minh', ${now.toISOString()}::timestamptz)
    from class_sessions s join classes c on c.id = s.class_id
    join class_nominations n on n.class_id = c.id and n.status = 'approved'
    cross join lateral (select ('x' || substr(md5(s.id::text || ':' || n.id::text), 1, 4))::bit(16)::int % 100 as h) r
    where c.status in ('running', 'finished', 'closed') and s.day::text || ' ' || s.starts_at <= ${started}
    on conflict do nothing`);
  // Scores 4.0-10.0 in half points (some under 5: they fail and are listed with the reason).
  await db.execute(sql`
    insert into class_scores (assessment_id, nomination_id, score, recorded_at)
    select a.id, n.id,
      least(10, 4 + ((('x' || substr(md5(a.id::text || ':' || n.id::text), 1, 4))::bit(16)::int % 13) * 0.5)),
      c.ends_on::timestamp + interval '9 hours'
    from class_assessments a join classes c on c.id = a.class_id
    join class_nominations n on n.class_id = c.id and n.status = 'approved'
    where c.status in ('finished', 'closed')
    on conflict do nothing`);
  // Certificate registers (ADR 014): the political school's (a party body) and the province's, so
  // closing a demo class issues numbered certificates.
  await db.execute(sql`
    insert into certificate_registers (institution_id, school_code, governing_body, issuer_name, party_body,
      place, signer_name, signer_title)
    select i.id, 'NVC', 'TỈNH ỦY QUẢNG NINH', upper(i.name), true, 'Hạ Long', 'Nguyễn Văn Hiệu', 'HIỆU TRƯỞNG'
    from institutions i where i.org_unit_id is not null and i.kind = 'PROVINCIAL_SCHOOL'
    on conflict do nothing`);
  await db.execute(sql`
    insert into certificate_registers (org_unit_id, school_code, governing_body, issuer_name, place,
      signer_name, signer_title)
    select u.id, 'SNV', 'UBND TỈNH QUẢNG NINH', 'SỞ NỘI VỤ', 'Hạ Long', 'Trần Thị Hà', 'GIÁM ĐỐC'
    from org_units u where u.parent_id is null and u.level = 'province' and u.valid_to is null
    on conflict do nothing`);
  // Finished classes have their results stored as the real move would, all at once (issue 15).
  await storeFinishedResults(db, now);
}
