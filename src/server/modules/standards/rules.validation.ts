/** Checks of a rule a user writes: codes known to the code lists, code free, dates in order. */
import { sql } from 'drizzle-orm';
import type { EligibilityCondition, RuleRequirement, RuleSelector } from '../../../contracts/rules';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { AppError, type FieldError, fieldError, invalid } from '../../lib/errors';
import { type CodeCheck, findUnknownCodes } from '../codes/codes.service';

const SELECTOR_LISTS: [keyof RuleSelector, string][] = [
  ['category', 'category'],
  ['rank', 'rank'],
  ['leadershipTier', 'leadership_tier'],
  ['unitLevel', 'unit_level'],
  // Posts and post groups are code lists (ADR 036, ADR 048): an unknown post code is refused.
  ['postCode', 'post'],
  ['postGroup', 'post_group'],
];

const selectorChecks = (prefix: string, sel: RuleSelector | undefined): CodeCheck[] =>
  SELECTOR_LISTS.flatMap(([field, list]) =>
    ((sel?.[field] as string[] | undefined) ?? []).map((code) => ({
      field: `${prefix}.${field}`,
      list,
      code,
    })),
  );

/** Unknown kind, else unknown level of that kind. */
async function qualificationErrors(q: Queryable, prefix: string, kind: string, minLevel: string) {
  const unknownKind = await findUnknownCodes(q, [
    { field: `${prefix}.kind`, list: 'qualification_kind', code: kind },
  ]);
  if (unknownKind.length) return unknownKind;
  return findUnknownCodes(q, [{ field: `${prefix}.minLevel`, list: `level_${kind}`, code: minLevel }]);
}

/** 400 naming each unknown code of the selector and the requirement. */
export async function assertRuleCodes(
  q: Queryable,
  appliesTo: RuleSelector | undefined,
  requirement: RuleRequirement | undefined,
): Promise<void> {
  const errors: FieldError[] = await findUnknownCodes(q, selectorChecks('appliesTo', appliesTo));
  if (requirement?.type === 'qualification')
    errors.push(...(await qualificationErrors(q, 'requirement', requirement.kind, requirement.minLevel)));
  if (errors.length) throw invalid(errors);
}

/** 400 naming each unknown code in the conditions of an eligibility rule. */
export async function assertConditionCodes(q: Queryable, conditions: EligibilityCondition[] | undefined) {
  const errors: FieldError[] = [];
  for (const [i, c] of (conditions ?? []).entries()) {
    const prefix = `conditions[${i}]`;
    if (c.type === 'selector')
      errors.push(...(await findUnknownCodes(q, selectorChecks(`${prefix}.selector`, c.selector))));
    if (c.type === 'minQualification' || c.type === 'notHolding')
      errors.push(...(await qualificationErrors(q, prefix, c.kind, c.minLevel)));
  }
  if (errors.length) throw invalid(errors);
}

/** 409 when any rule (of any owner) already uses the code. */
export async function assertCodeFree(
  q: Queryable,
  code: string,
  table: 'standard_rules' | 'eligibility_rules' = 'standard_rules',
): Promise<void> {
  const rows = rowsOf(
    await q.execute(sql`select 1 from ${sql.identifier(table)} where code = ${code} limit 1`),
  );
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
