/**
 * Store the results of many finished classes at once (issue 15), for the demo and `dtbd generate`:
 * the same rows as `storeResults` class by class (ADR 013), in a handful of set-based statements
 * per batch of classes instead of about a dozen per class. The facts (learners, sessions held,
 * attendance, scores) and the rules in force on each class's last day for its organiser
 * (`policyRowSql`, joined laterally) are read for the whole batch; each learner goes through the
 * same pure `computeResult`; one INSERT ... SELECT from a JSON record set writes the batch.
 * The product keeps `storeResults` for a single class (closing, corrections).
 */
import { sql } from 'drizzle-orm';
import { POLICY_SCHEMAS, type PolicyCode, type PolicyValue } from '../../contracts/policies';
import type { Queryable } from '../db/client';
import { policyRowSql } from '../modules/policies/policies';
import { computeResult } from '../modules/results/results.rules';
import { queryRows } from './sql-util';

/** Classes per batch: bounds the facts held in memory (a batch of big classes is ~100k learners). */
const BATCH = 40;

type Rules = { pass: PolicyValue<'class.pass_rule'>; bands: PolicyValue<'class.grade_bands'> };

async function rulesOf(q: Queryable, ids: number[]): Promise<Map<number, Rules>> {
  const parsed = new Map<string, unknown>();
  const one = async (code: PolicyCode) => {
    const rows = await queryRows<{ classId: number; id: number | null; value: unknown }>(
      q,
      sql`select c.id as "classId", p.id, p.value
        from classes c join org_units o on o.id = c.organiser_unit_id
        left join lateral (${policyRowSql(code, sql`c.ends_on`, sql`o.path`)}) p on true
        where c.id = any(${sql.param(ids)}::int[])`,
    );
    const out = new Map<number, unknown>();
    for (const r of rows) {
      // As `policyAt`: no value in force on the class's last day is an error, not a default.
      if (r.id === null) throw new Error(`No value of the rule "${code}" for class ${r.classId}`);
      const key = `${code}:${r.id}`;
      if (!parsed.has(key)) parsed.set(key, POLICY_SCHEMAS[code].parse(r.value));
      out.set(Number(r.classId), parsed.get(key));
    }
    return out;
  };
  const [pass, bands] = await Promise.all([one('class.pass_rule'), one('class.grade_bands')]);
  const rules = new Map<number, Rules>();
  for (const [id, p] of pass)
    rules.set(id, {
      pass: p as Rules['pass'],
      bands: bands.get(id) as Rules['bands'],
    });
  return rules;
}

async function storeBatch(q: Queryable, ids: number[], now: Date): Promise<void> {
  const [rules, learners, sessions, attended, assessments, scores] = await Promise.all([
    rulesOf(q, ids),
    queryRows<{
      classId: number;
      nominationId: number;
      personId: number;
      rulesKept: boolean;
      disciplineNote: string | null;
    }>(
      q,
      sql`select n.class_id as "classId", n.id as "nominationId", n.person_id as "personId",
          n.rules_kept as "rulesKept", n.discipline_note as "disciplineNote"
        from class_nominations n join people p on p.id = n.person_id join org_units u on u.id = n.unit_id
        where n.class_id = any(${sql.param(ids)}::int[]) and n.status = 'approved'`,
    ),
    // As `sessionsOf`, counted.
    queryRows<{ classId: number; n: number }>(
      q,
      sql`select s.class_id as "classId", count(*)::int as n
        from class_sessions s join classes c on c.id = s.class_id
        left join programme_topics t on t.programme_id = c.programme_id and t.topic_code = s.topic_code
        where s.class_id = any(${sql.param(ids)}::int[]) group by s.class_id`,
    ),
    // As `marksOf`, present or late, counted per learner.
    queryRows<{ classId: number; nominationId: number; n: number }>(
      q,
      sql`select s.class_id as "classId", a.nomination_id as "nominationId", count(*)::int as n
        from class_attendance a join class_sessions s on s.id = a.session_id
        join class_nominations n on n.id = a.nomination_id and n.status = 'approved'
        where s.class_id = any(${sql.param(ids)}::int[]) and a.status in ('present', 'late')
        group by s.class_id, a.nomination_id`,
    ),
    queryRows<{ classId: number; id: number; name: string; weight: number }>(
      q,
      sql`select class_id as "classId", id, name, weight::float8 as weight from class_assessments
        where class_id = any(${sql.param(ids)}::int[]) order by class_id, position, id`,
    ),
    queryRows<{ assessmentId: number; nominationId: number; score: number }>(
      q,
      sql`select s.assessment_id as "assessmentId", s.nomination_id as "nominationId", s.score::float8 as score
        from class_scores s join class_assessments a on a.id = s.assessment_id
        join class_nominations n on n.id = s.nomination_id and n.status = 'approved'
        where a.class_id = any(${sql.param(ids)}::int[])`,
    ),
  ]);
  const sessionCount = new Map(sessions.map((s) => [Number(s.classId), Number(s.n)]));
  const attendedOf = new Map(attended.map((a) => [`${a.classId}:${a.nominationId}`, Number(a.n)]));
  const assessmentsOf = new Map<number, { id: number; name: string; weight: number }[]>();
  for (const a of assessments) {
    const list = assessmentsOf.get(Number(a.classId)) ?? [];
    list.push({ id: Number(a.id), name: a.name, weight: Number(a.weight) });
    assessmentsOf.set(Number(a.classId), list);
  }
  const scoreOf = new Map(scores.map((s) => [`${s.assessmentId}:${s.nominationId}`, Number(s.score)]));
  const computedAt = now.toISOString();
  const rows = learners.map((l) => {
    const classId = Number(l.classId);
    const { pass, bands } = rules.get(classId)!;
    const r = computeResult(
      {
        sessions: sessionCount.get(classId) ?? 0,
        attended: attendedOf.get(`${classId}:${l.nominationId}`) ?? 0,
        scores: (assessmentsOf.get(classId) ?? []).map((a) => ({
          name: a.name,
          weight: a.weight,
          score: scoreOf.get(`${a.id}:${l.nominationId}`) ?? null,
        })),
        rulesKept: l.rulesKept,
        disciplineNote: l.disciplineNote,
      },
      pass,
      bands,
    );
    return {
      nomination_id: Number(l.nominationId),
      class_id: classId,
      person_id: Number(l.personId),
      attendance_pct: String(r.attendancePct),
      average: r.average === null ? null : String(r.average),
      min_score: r.minScore === null ? null : String(r.minScore),
      rules_kept: l.rulesKept,
      passed: r.passed,
      grade: r.grade,
      reasons: r.reasons,
      computed_at: computedAt,
    };
  });
  // Replacing what was there, as `storeResults`.
  await q.execute(sql`delete from class_results where class_id = any(${sql.param(ids)}::int[])`);
  if (rows.length === 0) return;
  await q.execute(sql`insert into class_results (nomination_id, class_id, person_id, attendance_pct, average,
      min_score, rules_kept, passed, grade, reasons, computed_at)
    select r.nomination_id, r.class_id, r.person_id, r.attendance_pct, r.average, r.min_score, r.rules_kept,
      r.passed, r.grade, r.reasons, r.computed_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(nomination_id int, class_id int, person_id int,
      attendance_pct numeric, average numeric, min_score numeric, rules_kept boolean, passed boolean,
      grade text, reasons jsonb, computed_at timestamptz)`);
}

/** Store the results of every finished or closed class, a batch of classes per few statements. */
export async function storeFinishedResults(q: Queryable, now: Date): Promise<void> {
  const finished = await queryRows<{ id: number }>(
    q,
    // Those `findClass` finds (a programme and an organiser), as the per-class path.
    sql`select c.id from classes c join programmes p on p.id = c.programme_id
      join org_units o on o.id = c.organiser_unit_id
      where c.status in ('finished', 'closed') order by c.id`,
  );
  const ids = finished.map((c) => Number(c.id));
  for (let i = 0; i < ids.length; i += BATCH) await storeBatch(q, ids.slice(i, i + BATCH), now);
}
