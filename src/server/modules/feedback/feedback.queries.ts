/**
 * Reading and writing feedback (ADR 015). Level-1 reads for roll-ups never select the
 * nomination or the person: the anonymity of the learners is in the queries themselves.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AnswerView, EffectivenessItem, FeedbackLevel, MyClass } from '../../../contracts/feedback';
import { foldText } from '../../../contracts/text';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { feedbackAnswers, feedbackScores } from '../../db/schema/index';
import { escapeLike } from '../catalogue/catalogue.policy';
import { policyRowSql } from '../policies/policies';

/** Class statuses in which a learner rates the class (it has started). */
const RATED_STATUSES = sql`('running', 'finished', 'closed')`;

export type Enrolment = MyClass & { nominationId: number; organiserPath: string };

/** The classes `personId` is an approved learner of, started; one class with `classId`. */
export async function enrolments(q: Queryable, personId: number, classId?: number): Promise<Enrolment[]> {
  return rowsOf<Enrolment>(
    await q.execute(sql`select c.id as "classId", c.code, c.name, p.name_vi as "programmeName",
        i.name as "institutionName", c.starts_on::text as "startsOn", c.ends_on::text as "endsOn", c.status,
        a.answered_at as "answeredAt", n.id as "nominationId", o.path::text as "organiserPath"
      from class_nominations n
      join classes c on c.id = n.class_id and c.status in ${RATED_STATUSES}
      join programmes p on p.id = c.programme_id
      join org_units o on o.id = c.organiser_unit_id
      left join institutions i on i.id = c.institution_id
      left join feedback_answers a on a.nomination_id = n.id and a.level = 1
      where n.person_id = ${personId} and n.status = 'approved'
        ${classId === undefined ? sql`` : sql`and c.id = ${classId}`}
      order by c.starts_on desc, c.id desc`),
  );
}

/** The lecturers who taught a session of the class, in roster order. */
export async function classLecturers(q: Queryable, classId: number) {
  return rowsOf<{ id: number; fullName: string }>(
    await q.execute(sql`select l.id, l.full_name as "fullName" from lecturers l
      where exists (select 1 from class_sessions s where s.class_id = ${classId} and s.lecturer_id = l.id)
      order by l.sort_key collate "C", l.id`),
  );
}

/** The answer given for a nomination at a level, with its scores (for the one who gave it). */
export async function answerOf(
  q: Queryable,
  nominationId: number,
  level: FeedbackLevel,
): Promise<AnswerView | null> {
  const [a] = rowsOf<AnswerView & { id: number }>(
    await q.execute(sql`select a.id, a.answered_at as "answeredAt", a.form_id as "formId", f.version as "formVersion", a.comment
      from feedback_answers a join feedback_forms f on f.id = a.form_id
      where a.nomination_id = ${nominationId} and a.level = ${level}`),
  );
  if (!a) return null;
  const scores = rowsOf<AnswerView['scores'][number]>(
    await q.execute(sql`select question_code as "questionCode", lecturer_id as "lecturerId", score
      from feedback_scores where answer_id = ${a.id} order by id`),
  );
  return {
    answeredAt: new Date(a.answeredAt).toISOString(),
    formId: a.formId,
    formVersion: a.formVersion,
    comment: a.comment,
    scores,
  };
}

export async function insertAnswer(
  q: Queryable,
  a: {
    level: FeedbackLevel;
    formId: number;
    classId: number;
    nominationId: number;
    comment: string | null;
    answeredBy: number;
    at: Date;
    scores: { questionCode: string; lecturerId: number | null; score: number }[];
  },
): Promise<number> {
  const [row] = await q
    .insert(feedbackAnswers)
    .values({
      level: a.level,
      formId: a.formId,
      classId: a.classId,
      nominationId: a.nominationId,
      comment: a.comment,
      answeredBy: a.answeredBy || null,
      answeredAt: a.at,
    })
    .returning({ id: feedbackAnswers.id });
  await q.insert(feedbackScores).values(a.scores.map((s) => ({ ...s, answerId: row.id })));
  return row.id;
}

// ---- Level 3 ---------------------------------------------------------------------------------

export type EffectivenessRow = EffectivenessItem & { unitPath: string; working: boolean };

/**
 * The learners of finished classes under `scopePath` with the day their supervisor's form falls
 * due: the class's end plus the months of `feedback.level3_delay_months` in force on that day for
 * the learner's current unit (the policy joined laterally, one row per learner). Classes ended
 * before any value was in force have no form.
 */
function effectivenessSelect(scopePath: string): SQL {
  const delay = policyRowSql('feedback.level3_delay_months', sql`c.ends_on`, sql`u.path`);
  return sql`select n.id as "nominationId", pe.id as "personId", pe.full_name as "personName",
      pe.sort_key as "sortKey", u.name as "unitName", u.path::text as "unitPath",
      pe.status = 'WORKING' as working, c.id as "classId", c.code as "classCode", c.name as "className",
      pr.name_vi as "programmeName", c.ends_on::text as "endsOn",
      (c.ends_on + make_interval(months => d.months))::date::text as "dueOn", d.months as "delayMonths",
      r.passed, a.answered_at as "answeredAt", pe.search_name as "searchName"
    from class_nominations n
    join classes c on c.id = n.class_id and c.status in ('finished', 'closed')
    join programmes pr on pr.id = c.programme_id
    join people pe on pe.id = n.person_id
    join org_units u on u.id = pe.unit_id and u.path <@ ${scopePath}::ltree
    cross join lateral (select (pv.value #>> '{}')::int as months from (${delay}) pv) d
    left join class_results r on r.nomination_id = n.id
    left join feedback_answers a on a.nomination_id = n.id and a.level = 3
    where n.status = 'approved'`;
}

export async function pageEffectiveness(
  q: Queryable,
  scopePath: string,
  f: { state: 'due' | 'upcoming' | 'done'; q?: string; today: string; offset: number; limit: number },
): Promise<{ rows: EffectivenessRow[]; total: number }> {
  const where: SQL[] = [
    f.state === 'done'
      ? sql`x."answeredAt" is not null`
      : sql`x."answeredAt" is null and x.working and x."dueOn" ${f.state === 'due' ? sql`<=` : sql`>`} ${f.today}`,
  ];
  if (f.q?.trim()) {
    const like = `%${escapeLike(foldText(f.q))}%`;
    where.push(sql`(x."searchName" like ${like} or lower(x."classCode") like ${like})`);
  }
  const order = f.state === 'done' ? sql`x."answeredAt" desc` : sql`x."dueOn", x."classCode"`;
  const rows = rowsOf<EffectivenessRow & { total: number }>(
    await q.execute(sql`select x.*, count(*) over () as total from (${effectivenessSelect(scopePath)}) x
      where ${sql.join(where, sql` and `)}
      order by ${order}, x."sortKey" collate "C", x."nominationId" limit ${f.limit} offset ${f.offset}`),
  );
  return { rows, total: rows.length ? Number(rows[0].total) : 0 };
}

export async function findEffectiveness(
  q: Queryable,
  scopePath: string,
  nominationId: number,
): Promise<EffectivenessRow | undefined> {
  return rowsOf<EffectivenessRow>(
    await q.execute(
      sql`select x.* from (${effectivenessSelect(scopePath)}) x where x."nominationId" = ${nominationId}`,
    ),
  )[0];
}
