import { describe, expect, it } from 'vitest';
import { POLICY_PACK } from '../policies/policy-pack';
import { computeResult, gradeLabel, type LearnerFacts } from './results.rules';

const rule = POLICY_PACK.find((p) => p.code === 'class.pass_rule')!.value as {
  minAttendancePct: number;
  minScore: number;
  rulesKept: boolean;
  borderlineMargin: number;
};
const bands = POLICY_PACK.find((p) => p.code === 'class.grade_bands')!.value as {
  code: string;
  vi: string;
  en: string;
  minAverage: number;
}[];

const facts = (over: Partial<LearnerFacts> = {}): LearnerFacts => ({
  sessions: 10,
  attended: 10,
  scores: [
    { name: 'Kiểm tra 1', weight: 1, score: 8 },
    { name: 'Tiểu luận', weight: 2, score: 9 },
  ],
  rulesKept: true,
  disciplineNote: null,
  ...over,
});
const s = (...scores: (number | null)[]) =>
  scores.map((score, i) => ({ name: `Bài ${i + 1}`, weight: 1, score }));

describe('computeResult (default pass rule and bands)', () => {
  it.each([
    ['weighted average 8.67 -> giỏi', facts(), true, 'GIOI', 8.67, []],
    ['9 everywhere -> xuất sắc', facts({ scores: s(9, 9.5) }), true, 'XUAT_SAC', 9.25, []],
    ['6.5 -> khá', facts({ scores: s(6, 7) }), true, 'KHA', 6.5, []],
    [
      '5 and 5.4 -> trung bình, borderline',
      facts({ scores: s(5, 5.4) }),
      true,
      'TRUNG_BINH',
      5.2,
      ['BORDERLINE', 'BORDERLINE'],
    ],
    [
      'one score under 5 fails, whatever the average',
      facts({ scores: s(10, 4.5) }),
      false,
      'KHONG_DAT',
      7.25,
      ['LOW_SCORE'],
    ],
    ['a session missed fails', facts({ attended: 9 }), false, 'KHONG_DAT', 8.67, ['ATTENDANCE']],
    ['a missing score fails', facts({ scores: s(8, null) }), false, 'KHONG_DAT', 8, ['MISSING_SCORE']],
    [
      'rules broken fails',
      facts({ rulesKept: false, disciplineNote: 'Bỏ học 2 buổi' }),
      false,
      'KHONG_DAT',
      8.67,
      ['RULES'],
    ],
    ['no assessments: completed on attendance', facts({ scores: [] }), true, 'HOAN_THANH', null, []],
    [
      'no sessions counts as full attendance',
      facts({ sessions: 0, attended: 0, scores: [] }),
      true,
      'HOAN_THANH',
      null,
      [],
    ],
    [
      'several reasons at once',
      facts({ attended: 5, scores: s(3, null) }),
      false,
      'KHONG_DAT',
      3,
      ['ATTENDANCE', 'LOW_SCORE', 'MISSING_SCORE'],
    ],
  ] as const)('%s', (_n, f, passed, grade, average, codes) => {
    const r = computeResult(f, rule, bands);
    expect(r).toMatchObject({ passed, grade, average });
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
  });

  it('explains in Vietnamese with decimal commas', () => {
    const r = computeResult(facts({ attended: 7 }), rule, bands);
    expect(r.reasons[0].vi).toBe('Học 7/10 buổi (70%), cần từ 100%.');
    const low = computeResult(facts({ scores: s(4.75, 8) }), rule, bands);
    expect(low.reasons[0].vi).toBe('Bài 1: 4,75 điểm, dưới 5.');
    // The rule's own threshold too: "87,5%", never "87.5%" beside "70%".
    const half = computeResult(facts({ attended: 7 }), { ...rule, minAttendancePct: 87.5 }, bands);
    expect(half.reasons[0].vi).toBe('Học 7/10 buổi (70%), cần từ 87,5%.');
  });

  it('follows a province rule: 80% attendance, other bands', () => {
    const r = computeResult(facts({ attended: 8, scores: s(7, 7) }), { ...rule, minAttendancePct: 80 }, [
      { code: 'DAT', vi: 'Đạt', en: 'Pass', minAverage: 5 },
    ]);
    expect(r).toMatchObject({ passed: true, grade: 'DAT', attendancePct: 80 });
  });

  it('labels grades from the bands, else the fixed ones', () => {
    expect(gradeLabel('GIOI', bands).vi).toBe('Giỏi');
    expect(gradeLabel('KHONG_DAT', bands).vi).toBe('Không đạt');
    expect(gradeLabel('HOAN_THANH', bands).en).toBe('Completed');
  });
});
