import { describe, expect, it } from 'vitest';
import { type ScoreIn, scoreErrors } from './feedback.rules';
import { FEEDBACK_FORM_PACK } from './feedback-forms';

const level1 = FEEDBACK_FORM_PACK.find((f) => f.level === 1)!;
const level3 = FEEDBACK_FORM_PACK.find((f) => f.level === 3)!;
const lecturers = [
  { id: 1, fullName: 'Trần Văn Giảng' },
  { id: 2, fullName: 'Lê Thị Dạy' },
];
const s = (questionCode: string, lecturerId: number | null = null, score = 4): ScoreIn => ({
  questionCode,
  lecturerId,
  score,
});
const full1 = [
  s('CONTENT_RELEVANT'),
  s('CONTENT_UPDATED'),
  s('ORG_MANAGEMENT'),
  s('ORG_FACILITIES'),
  ...[1, 2].flatMap((id) => [s('LECTURER_KNOWLEDGE', id), s('LECTURER_METHOD', id)]),
];

describe('scoreErrors', () => {
  it.each<[string, typeof level1, typeof lecturers, ScoreIn[], string[], string?]>([
    ['a complete level-1 answer', level1, lecturers, full1, []],
    ['a class taught by nobody of the catalogue rates no lecturer', level1, [], full1.slice(0, 4), []],
    ['a complete level-3 answer', level3, [], level3.questions.map((q) => s(q.code)), []],
    ['a lecturer left out', level1, lecturers, full1.slice(0, 6), ['scores'], 'Lê Thị Dạy'],
    ['a class question left out', level1, lecturers, full1.slice(1), ['scores'], 'Nội dung chương trình sát'],
    ['a question not on the form', level1, lecturers, [...full1, s('APPLIES_LEARNING')], ['scores.8']],
    ['a lecturer who did not teach', level1, lecturers, [...full1, s('LECTURER_METHOD', 3)], ['scores.8']],
    [
      'a lecturer question without a lecturer',
      level1,
      lecturers,
      [...full1, s('LECTURER_METHOD')],
      ['scores.8'],
    ],
    [
      'a class question naming a lecturer',
      level1,
      lecturers,
      [...full1, s('CONTENT_RELEVANT', 1)],
      ['scores.8'],
    ],
    ['the same question twice', level1, lecturers, [...full1, s('LECTURER_METHOD', 2, 1)], ['scores.8']],
  ])('%s', (_name, form, who, scores, fields, mentions) => {
    const errors = scoreErrors(form, who, scores);
    expect(errors.map((e) => e.field)).toEqual(fields);
    if (mentions) expect(errors[0].message.vi).toContain(mentions);
  });
});
