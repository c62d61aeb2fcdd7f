/**
 * Whether a set of scores answers a form completely (ADR 015): every question of the class, the
 * organisation or the work once, every lecturer question once for each lecturer of the class,
 * nothing else. Pure; table tests in feedback.rules.test.ts.
 */
import type { FeedbackForm } from '../../../contracts/feedback';
import { type FieldError, fieldError } from '../../lib/errors';

export interface ScoreIn {
  questionCode: string;
  lecturerId: number | null;
  score: number;
}

export function scoreErrors(
  form: Pick<FeedbackForm, 'questions'>,
  lecturers: { id: number; fullName: string }[],
  scores: ScoreIn[],
): FieldError[] {
  const errors: FieldError[] = [];
  const byCode = new Map(form.questions.map((x) => [x.code, x]));
  const lecturerIds = new Set(lecturers.map((l) => l.id));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const field = `scores.${i}`;
    const question = byCode.get(s.questionCode);
    const key = `${s.questionCode}/${s.lecturerId ?? ''}`;
    if (!question)
      errors.push(fieldError(field, 'câu hỏi không có trong phiếu', 'not a question of the form'));
    else if (question.target === 'lecturer' && (s.lecturerId === null || !lecturerIds.has(s.lecturerId)))
      errors.push(fieldError(field, 'giảng viên không dạy lớp này', 'the lecturer did not teach this class'));
    else if (question.target !== 'lecturer' && s.lecturerId !== null)
      errors.push(
        fieldError(field, 'câu hỏi này không đánh giá giảng viên', 'this question rates no lecturer'),
      );
    else if (seen.has(key)) errors.push(fieldError(field, 'câu hỏi được trả lời hai lần', 'answered twice'));
    seen.add(key);
  });
  const missing: { vi: string; en: string }[] = [];
  for (const question of form.questions) {
    if (question.target !== 'lecturer') {
      if (!seen.has(`${question.code}/`)) missing.push({ vi: question.vi, en: question.en });
      continue;
    }
    for (const l of lecturers)
      if (!seen.has(`${question.code}/${l.id}`))
        missing.push({ vi: `${question.vi} (${l.fullName})`, en: `${question.en} (${l.fullName})` });
  }
  if (missing.length)
    errors.push(
      fieldError(
        'scores',
        `chưa trả lời: ${missing.map((m) => m.vi).join('; ')}`,
        `not answered: ${missing.map((m) => m.en).join('; ')}`,
      ),
    );
  return errors;
}
