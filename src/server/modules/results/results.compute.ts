/**
 * The results of a class (ADR 013): every enrolled learner's facts (sessions attended, each
 * assessment's score, conduct) run through the pass rule and grade bands in force on the class's
 * last day for its organiser. Live while the class runs; written to `class_results` when it
 * finishes and rewritten by any later correction until it is closed, then frozen.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ClassResults } from '../../../contracts/results';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { classResults } from '../../db/schema/index';
import { readTogether } from '../../db/together';
import type { ClassRow } from '../classes/classes.queries';
import { policyAt } from '../policies/policies';
import { assessmentsOf, learnersOf, marksOf, scoresOf, sessionsOf } from './results.queries';
import { computeResult, gradeLabel } from './results.rules';

type Results = z.infer<typeof ClassResults>;

async function rulesFor(q: Queryable, c: ClassRow) {
  const [pass, bands] = await readTogether(
    q,
    () => policyAt(q, 'class.pass_rule', c.endsOn, c.organiserPath),
    () => policyAt(q, 'class.grade_bands', c.endsOn, c.organiserPath),
  );
  return { pass, bands };
}

/** Compute every learner's result now (nothing written). */
export async function computeClassResults(q: Queryable, c: ClassRow): Promise<Results> {
  const [{ pass, bands }, learners, sessions, marks, assessments, scores] = await readTogether(
    q,
    () => rulesFor(q, c),
    () => learnersOf(q, c.id),
    () => sessionsOf(q, c.id),
    () => marksOf(q, c.id),
    () => assessmentsOf(q, c.id),
    () => scoresOf(q, c.id),
  );
  const attended = new Map<number, number>();
  for (const m of marks)
    if (m.status === 'present' || m.status === 'late')
      attended.set(m.nominationId, (attended.get(m.nominationId) ?? 0) + 1);
  const scoreOf = new Map(scores.map((s) => [`${s.assessmentId}:${s.nominationId}`, s.score]));
  const items = learners.map((l) => {
    const r = computeResult(
      {
        sessions: sessions.length,
        attended: attended.get(l.nominationId) ?? 0,
        scores: assessments.map((a) => ({
          name: a.name,
          weight: a.weight,
          score: scoreOf.get(`${a.id}:${l.nominationId}`) ?? null,
        })),
        rulesKept: l.rulesKept,
        disciplineNote: l.disciplineNote,
      },
      pass.value,
      bands.value,
    );
    return {
      nominationId: l.nominationId,
      personId: l.personId,
      fullName: l.fullName,
      unitName: l.unitName,
      rulesKept: l.rulesKept,
      ...r,
      gradeLabel: gradeLabel(r.grade, bands.value),
    };
  });
  return shape(c.id, false, pass, bands, items);
}

function shape(
  classId: number,
  stored: boolean,
  pass: Awaited<ReturnType<typeof rulesFor>>['pass'],
  bands: Awaited<ReturnType<typeof rulesFor>>['bands'],
  items: Results['items'],
): Results {
  const byGrade = new Map<string, number>();
  for (const i of items) byGrade.set(i.grade, (byGrade.get(i.grade) ?? 0) + 1);
  const order = [...bands.value.map((b) => b.code), 'HOAN_THANH', 'KHONG_DAT'];
  return {
    classId,
    stored,
    rule: {
      minAttendancePct: pass.value.minAttendancePct,
      minScore: pass.value.minScore,
      rulesKept: pass.value.rulesKept,
      legalSource: pass.legalSource,
      bands: bands.value,
      bandsSource: bands.legalSource,
    },
    items,
    counts: {
      passed: items.filter((i) => i.passed).length,
      failed: items.filter((i) => !i.passed).length,
      borderline: items.filter((i) => i.borderline).length,
    },
    byGrade: order
      .filter((g) => byGrade.has(g))
      .map((g) => ({ grade: g, label: gradeLabel(g, bands.value), count: byGrade.get(g)! })),
  };
}

/** Write the results of a finished class (replacing what was there). */
export async function storeResults(q: Queryable, c: ClassRow, now: Date): Promise<void> {
  const live = await computeClassResults(q, c);
  await q.execute(sql`delete from class_results where class_id = ${c.id}`);
  if (live.items.length === 0) return;
  await q.insert(classResults).values(
    live.items.map((i) => ({
      nominationId: i.nominationId,
      classId: c.id,
      personId: i.personId,
      attendancePct: String(i.attendancePct),
      average: i.average === null ? null : String(i.average),
      minScore: i.minScore === null ? null : String(i.minScore),
      rulesKept: i.rulesKept,
      passed: i.passed,
      grade: i.grade,
      reasons: i.reasons,
      computedAt: now,
    })),
  );
}

/** The stored results of a finished or closed class, labelled with the bands in force then. */
export async function storedResults(q: Queryable, c: ClassRow): Promise<Results | null> {
  const rows = rowsOf<{
    nominationId: number;
    personId: number;
    fullName: string;
    unitName: string;
    attendancePct: number;
    average: number | null;
    minScore: number | null;
    rulesKept: boolean;
    passed: boolean;
    grade: string;
    reasons: Results['items'][number]['reasons'];
  }>(
    await q.execute(sql`select r.nomination_id as "nominationId", r.person_id as "personId", p.full_name as "fullName",
        u.name as "unitName", r.attendance_pct::float8 as "attendancePct", r.average::float8 as average,
        r.min_score::float8 as "minScore", r.rules_kept as "rulesKept", r.passed, r.grade, r.reasons
      from class_results r join people p on p.id = r.person_id
      join class_nominations n on n.id = r.nomination_id join org_units u on u.id = n.unit_id
      where r.class_id = ${c.id} order by p.sort_key, p.id`),
  );
  if (rows.length === 0) return null;
  const { pass, bands } = await rulesFor(q, c);
  return shape(
    c.id,
    true,
    pass,
    bands,
    rows.map((r) => ({
      ...r,
      nominationId: Number(r.nominationId),
      personId: Number(r.personId),
      attendancePct: Number(r.attendancePct),
      average: r.average === null ? null : Number(r.average),
      minScore: r.minScore === null ? null : Number(r.minScore),
      borderline: r.reasons.some((x) => x.code === 'BORDERLINE'),
      gradeLabel: gradeLabel(r.grade, bands.value),
    })),
  );
}
