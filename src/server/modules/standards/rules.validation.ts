/** Checks of a rule a user writes: codes known to the code lists, code free, dates in order. */
import { sql } from 'drizzle-orm';
import type { RuleRequirement, RuleSelector } from '../../../contracts/rules';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { AppError, type FieldError, fieldError, invalid } from '../../lib/errors';
import { type CodeCheck, findUnknownCodes } from '../codes/codes.service';

const SELECTOR_LISTS: [keyof RuleSelector, string][] = [
  ['category', 'category'],
  ['rank', 'rank'],
  ['leadershipTier', 'leadership_tier'],
  ['unitLevel', 'unit_level'],
];

/** 400 naming each unknown code of the selector and the requirement. */
export async function assertRuleCodes(
  q: Queryable,
  appliesTo: RuleSelector | undefined,
  requirement: RuleRequirement | undefined,
): Promise<void> {
  const checks: CodeCheck[] = [];
  for (const [field, list] of SELECTOR_LISTS)
    for (const code of (appliesTo?.[field] as string[] | undefined) ?? [])
      checks.push({ field: `appliesTo.${field}`, list, code });
  const errors: FieldError[] = await findUnknownCodes(q, checks);
  if (requirement?.type === 'qualification') {
    const kind = await findUnknownCodes(q, [
      { field: 'requirement.kind', list: 'qualification_kind', code: requirement.kind },
    ]);
    errors.push(...kind);
    if (kind.length === 0)
      errors.push(
        ...(await findUnknownCodes(q, [
          { field: 'requirement.minLevel', list: `level_${requirement.kind}`, code: requirement.minLevel },
        ])),
      );
  }
  if (errors.length) throw invalid(errors);
}

/** 409 when any rule (of any owner) already uses the code. */
export async function assertCodeFree(q: Queryable, code: string): Promise<void> {
  const rows = rowsOf(await q.execute(sql`select 1 from standard_rules where code = ${code} limit 1`));
  if (rows.length)
    throw new AppError('CONFLICT', {
      message: { vi: `Mã quy tắc ${code} đã được dùng.`, en: `Rule code ${code} is already used.` },
      fields: [fieldError('code', 'đã được dùng', 'is already used')],
    });
}

export function dateError(field: string, vi: string, en: string): AppError {
  return invalid([fieldError(field, vi, en)]);
}

export function versionConflict(vi: string, en: string): AppError {
  return new AppError('CONFLICT', { message: { vi, en } });
}
