/**
 * Roll-ups of the answers (ADR 015), each one grouped statement: per lecturer (their lecturer
 * questions), per institution (every question of the classes taught there) by year of the class
 * and over all years, and per class for its managers. No statement selects who answered.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { ClassFeedback, QuestionStat, Rollup, RollupPeriod } from '../../../contracts/feedback';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { questionLabels } from './feedback-forms';

interface Cell {
  gy: number;
  gq: number;
  year: number | null;
  level: number | null;
  code: string | null;
  average: number;
  count: number;
  answers: number;
  effectivenessAnswers: number;
}

const stat = (c: Cell): QuestionStat => ({
  questionCode: c.code ?? '',
  level: Number(c.level),
  average: Number(c.average),
  count: Number(c.count),
});

/** Put each list of stats in the order of the forms' questions (the SQL groups by code). */
function inFormOrder<T extends { questions: { code: string; level: number }[] }>(
  labels: T['questions'],
  lists: QuestionStat[][],
) {
  const at = new Map(labels.map((q, i) => [`${q.level}/${q.code}`, i]));
  const pos = (s: QuestionStat) => at.get(`${s.level}/${s.questionCode}`) ?? labels.length;
  for (const list of lists) list.sort((a, b) => pos(a) - pos(b));
}

/** Scores matching `cond` (over `s` scores, `a` answers, `c` classes) by year and question, and in total. */
async function rollupWhere(q: Queryable, cond: SQL): Promise<Omit<Rollup, 'questions'>> {
  const cells = rowsOf<Cell>(
    await q.execute(sql`select grouping(c.year)::int as gy, grouping(s.question_code)::int as gq, c.year,
        a.level::int as level, s.question_code as code, round(avg(s.score), 2)::float8 as average,
        count(*)::int as count,
        count(distinct a.id) filter (where a.level = 1)::int as answers,
        count(distinct a.id) filter (where a.level = 3)::int as "effectivenessAnswers"
      from feedback_scores s
      join feedback_answers a on a.id = s.answer_id
      join classes c on c.id = a.class_id
      where ${cond}
      group by grouping sets ((c.year, a.level, s.question_code), (a.level, s.question_code), (c.year), ())
      order by c.year desc nulls first, a.level, s.question_code`),
  );
  const periods = new Map<string, RollupPeriod>();
  const periodOf = (year: number | null) => {
    const key = String(year);
    let p = periods.get(key);
    if (!p) {
      p = { year, answers: 0, effectivenessAnswers: 0, questions: [] };
      periods.set(key, p);
    }
    return p;
  };
  for (const c of cells) {
    const p = periodOf(Number(c.gy) ? null : Number(c.year));
    if (Number(c.gq)) {
      p.answers = Number(c.answers);
      p.effectivenessAnswers = Number(c.effectivenessAnswers);
    } else p.questions.push(stat(c));
  }
  const total = periods.get('null') ?? { year: null, answers: 0, effectivenessAnswers: 0, questions: [] };
  periods.delete('null');
  return { total, years: [...periods.values()].sort((x, y) => Number(y.year) - Number(x.year)) };
}

export async function lecturerRollup(q: Queryable, lecturerId: number): Promise<Rollup> {
  const figures = await rollupWhere(q, sql`s.lecturer_id = ${lecturerId} and a.level = 1`);
  const labels = (await questionLabels(q, [1])).filter((x) => x.target === 'lecturer');
  inFormOrder<Rollup>(
    labels,
    [figures.total, ...figures.years].map((p) => p.questions),
  );
  return { ...figures, questions: labels };
}

export async function institutionRollup(q: Queryable, institutionId: number): Promise<Rollup> {
  const figures = await rollupWhere(q, sql`c.institution_id = ${institutionId}`);
  const labels = await questionLabels(q, [1, 3]);
  inFormOrder<Rollup>(
    labels,
    [figures.total, ...figures.years].map((p) => p.questions),
  );
  return { ...figures, questions: labels };
}

/** Aggregates and comments of one class; comments shuffled so their order tells nothing. */
export async function classRollup(q: Queryable, classId: number): Promise<ClassFeedback> {
  const cells = rowsOf<{
    gq: number;
    level: number;
    lecturerId: number | null;
    fullName: string | null;
    code: string | null;
    average: number;
    count: number;
    answers: number;
  }>(
    await q.execute(sql`select grouping(s.question_code)::int as gq, a.level::int as level,
        s.lecturer_id as "lecturerId", min(l.full_name) as "fullName", s.question_code as code,
        round(avg(s.score), 2)::float8 as average, count(*)::int as count,
        count(distinct a.id)::int as answers
      from feedback_scores s
      join feedback_answers a on a.id = s.answer_id
      left join lecturers l on l.id = s.lecturer_id
      where a.class_id = ${classId}
      group by grouping sets ((a.level, s.lecturer_id, s.question_code), (a.level, s.lecturer_id))
      order by a.level, min(l.sort_key) collate "C" nulls first, s.lecturer_id, s.question_code`),
  );
  const [counts] = rowsOf<{ enrolled: number; answers: number; effectivenessAnswers: number }>(
    await q.execute(sql`select
        (select count(*)::int from class_nominations n where n.class_id = ${classId} and n.status = 'approved') as enrolled,
        count(*) filter (where a.level = 1)::int as answers,
        count(*) filter (where a.level = 3)::int as "effectivenessAnswers"
      from feedback_answers a where a.class_id = ${classId}`),
  );
  const comments = rowsOf<{ level: number; text: string }>(
    await q.execute(sql`select a.level::int as level, a.comment as text from feedback_answers a
      where a.class_id = ${classId} and a.comment is not null
      order by a.level, md5(a.id::text || ${String(classId)})`),
  );
  const out: ClassFeedback = {
    questions: await questionLabels(q, [1, 3]),
    enrolled: Number(counts.enrolled),
    answers: Number(counts.answers),
    effectivenessAnswers: Number(counts.effectivenessAnswers),
    overall: [],
    lecturers: [],
    effectiveness: [],
    comments,
  };
  for (const c of cells) {
    const s = {
      questionCode: c.code ?? '',
      level: c.level,
      average: Number(c.average),
      count: Number(c.count),
    };
    if (c.lecturerId === null) {
      if (!Number(c.gq)) (c.level === 3 ? out.effectiveness : out.overall).push(s);
      continue;
    }
    let lecturer = out.lecturers.find((x) => x.lecturerId === c.lecturerId);
    if (!lecturer) {
      lecturer = { lecturerId: c.lecturerId, fullName: c.fullName ?? '', answers: 0, questions: [] };
      out.lecturers.push(lecturer);
    }
    if (Number(c.gq)) lecturer.answers = Number(c.answers);
    else lecturer.questions.push(s);
  }
  inFormOrder<ClassFeedback>(out.questions, [
    out.overall,
    out.effectiveness,
    ...out.lecturers.map((l) => l.questions),
  ]);
  return out;
}
