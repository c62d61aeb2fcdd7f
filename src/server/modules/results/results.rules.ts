/**
 * A learner's result, pure (ADR 013): the pass rule (attendance, a minimum on every assessment,
 * the rules kept) and the grade bands in force, both policy values. A failed learner's reasons
 * say what was missing; a passed one close to a limit is borderline with the reason.
 * Table tests: results.rules.test.ts.
 */
import type { PolicyValue } from '../../../contracts/policies';
import { FIXED_GRADES } from '../../../contracts/results';

type Reason = {
  code: 'ATTENDANCE' | 'LOW_SCORE' | 'MISSING_SCORE' | 'RULES' | 'BORDERLINE';
  vi: string;
  en: string;
};

export interface LearnerFacts {
  /** Sessions of the class, and those attended (present or late). */
  sessions: number;
  attended: number;
  /** One per assessment of the class; score null when not entered. */
  scores: { name: string; weight: number; score: number | null }[];
  rulesKept: boolean;
  disciplineNote: string | null;
}

export interface ComputedResult {
  attendancePct: number;
  average: number | null;
  minScore: number | null;
  passed: boolean;
  borderline: boolean;
  grade: string;
  reasons: Reason[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const fmt = (n: number) => String(round2(n)).replace('.', ',');

export function computeResult(
  f: LearnerFacts,
  rule: PolicyValue<'class.pass_rule'>,
  bands: PolicyValue<'class.grade_bands'>,
): ComputedResult {
  const reasons: Reason[] = [];
  const attendancePct = f.sessions === 0 ? 100 : round2((f.attended / f.sessions) * 100);
  if (attendancePct < rule.minAttendancePct)
    reasons.push({
      code: 'ATTENDANCE',
      vi: `Học ${f.attended}/${f.sessions} buổi (${fmt(attendancePct)}%), cần từ ${fmt(rule.minAttendancePct)}%.`,
      en: `Attended ${f.attended}/${f.sessions} sessions (${round2(attendancePct)}%); ${rule.minAttendancePct}% required.`,
    });
  const scored = f.scores.filter(
    (s): s is { name: string; weight: number; score: number } => s.score !== null,
  );
  for (const s of f.scores)
    if (s.score === null)
      reasons.push({
        code: 'MISSING_SCORE',
        vi: `Chưa có điểm ${s.name}.`,
        en: `No score for ${s.name}.`,
      });
    else if (s.score < rule.minScore)
      reasons.push({
        code: 'LOW_SCORE',
        vi: `${s.name}: ${fmt(s.score)} điểm, dưới ${fmt(rule.minScore)}.`,
        en: `${s.name}: ${s.score}, below ${rule.minScore}.`,
      });
  if (rule.rulesKept && !f.rulesKept)
    reasons.push({
      code: 'RULES',
      vi: `Không chấp hành quy chế${f.disciplineNote ? `: ${f.disciplineNote}` : '.'}`,
      en: `Did not keep the rules${f.disciplineNote ? `: ${f.disciplineNote}` : '.'}`,
    });
  const weights = scored.reduce((a, s) => a + s.weight, 0);
  const average =
    scored.length === 0
      ? null
      : round2(
          weights > 0
            ? scored.reduce((a, s) => a + s.score * s.weight, 0) / weights
            : scored.reduce((a, s) => a + s.score, 0) / scored.length,
        );
  const minScore = scored.length ? Math.min(...scored.map((s) => s.score)) : null;
  const passed = reasons.length === 0;
  let grade: string = 'KHONG_DAT';
  if (passed)
    grade =
      f.scores.length === 0
        ? 'HOAN_THANH'
        : (bands.find((b) => average !== null && average >= b.minAverage)?.code ?? 'KHONG_DAT');
  if (passed && grade === 'KHONG_DAT')
    reasons.push({
      code: 'LOW_SCORE',
      vi: `Điểm trung bình ${fmt(average ?? 0)} dưới mức xếp loại thấp nhất.`,
      en: `Average ${average} is below the lowest band.`,
    });
  let borderline = false;
  if (reasons.length === 0) {
    const margin = rule.borderlineMargin ?? 0.5;
    for (const s of scored)
      if (s.score < rule.minScore + margin) {
        borderline = true;
        reasons.push({
          code: 'BORDERLINE',
          vi: `${s.name}: ${fmt(s.score)} điểm, sát mức tối thiểu ${fmt(rule.minScore)}.`,
          en: `${s.name}: ${s.score}, close to the minimum ${rule.minScore}.`,
        });
      }
  }
  return {
    attendancePct,
    average,
    minScore,
    passed: passed && grade !== 'KHONG_DAT',
    borderline,
    grade,
    reasons,
  };
}

/** The label of a grade code: the province's bands, else failed / completed. */
export function gradeLabel(
  code: string,
  bands: PolicyValue<'class.grade_bands'>,
): { vi: string; en: string } {
  const band = bands.find((b) => b.code === code);
  if (band) return { vi: band.vi, en: band.en };
  return FIXED_GRADES[code as keyof typeof FIXED_GRADES] ?? { vi: code, en: code };
}
