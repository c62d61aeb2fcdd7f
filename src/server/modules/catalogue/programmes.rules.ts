/** Checks on a programme as it would be saved: code lists, dates, topics (ADR 009). */
import type { z } from 'zod';
import type { CreateProgrammeBody } from '../../../contracts/catalogue';
import { levelListOf } from '../../../contracts/codes';
import type { Queryable } from '../../db/client';
import { type FieldError, fieldError } from '../../lib/errors';
import { type CodeCheck, findUnknownCodes } from '../codes/codes.service';

export type ProgrammeInput = z.infer<typeof CreateProgrammeBody>;

/** Rules that need no database: pure, so they are table-tested. */
export function programmeShapeErrors(p: ProgrammeInput): FieldError[] {
  const errors: FieldError[] = [];
  if (p.effectiveTo && p.effectiveTo <= p.effectiveFrom)
    errors.push(fieldError('effectiveTo', 'phải sau ngày bắt đầu hiệu lực', 'must be after effectiveFrom'));
  if (((p.grantsKind ?? null) === null) !== ((p.grantsLevel ?? null) === null))
    errors.push(
      fieldError(
        p.grantsKind ? 'grantsLevel' : 'grantsKind',
        'cần chọn cả loại và trình độ văn bằng được cấp',
        'give both the kind and the level of the granted qualification',
      ),
    );
  const seen = new Map<string, number>();
  p.topics.forEach((t, i) => {
    const first = seen.get(t.topicCode);
    if (first !== undefined)
      errors.push(
        fieldError(
          `topics[${i}].topicCode`,
          `trùng mã với chuyên đề thứ ${first + 1}`,
          `repeats the code of topic ${first + 1}`,
        ),
      );
    else seen.set(t.topicCode, i);
  });
  const sum = p.topics.reduce((s, t) => s + t.periods, 0);
  if (sum > p.periods)
    errors.push(
      fieldError(
        'topics',
        `tổng số tiết các chuyên đề (${sum}) vượt thời lượng chương trình (${p.periods})`,
        `the topics add up to ${sum} periods, more than the programme's ${p.periods}`,
      ),
    );
  if (new Set(p.organiserLevels).size !== p.organiserLevels.length)
    errors.push(fieldError('organiserLevels', 'có cấp bị lặp', 'repeats a level'));
  return errors;
}

/** Codes that must exist (and be active) in their lists. */
export async function programmeCodeErrors(q: Queryable, p: ProgrammeInput): Promise<FieldError[]> {
  const checks: CodeCheck[] = [{ field: 'kind', list: 'programme_kind', code: p.kind }];
  if (p.grantsKind) checks.push({ field: 'grantsKind', list: 'qualification_kind', code: p.grantsKind });
  const first = await findUnknownCodes(q, checks);
  if (first.length) return first;
  // Levels depend on the kinds, so they are checked once the kinds are known to be valid.
  const levels: CodeCheck[] = [];
  if (p.level) levels.push({ field: 'level', list: levelListOf(p.kind), code: p.level });
  if (p.grantsKind && p.grantsLevel)
    levels.push({ field: 'grantsLevel', list: levelListOf(p.grantsKind), code: p.grantsLevel });
  return findUnknownCodes(q, levels);
}
