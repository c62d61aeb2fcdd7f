/**
 * The rules of a person's values, pure: used by the API (create, update) and by the staff-list
 * import on each row (ADR 024), so both refuse the same values with the same code.
 */
import type { RuleViolation } from '../../lib/errors';

/** The dates of a career that must fall after the birth date (API field names). */
export const DATES_AFTER_BIRTH = ['serviceStart', 'partyJoinDate', 'appointedOn'] as const;

export function personDateViolations(b: {
  birthDate?: string | null;
  serviceStart?: string | null;
  partyJoinDate?: string | null;
  appointedOn?: string | null;
}): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const f of DATES_AFTER_BIRTH)
    if (b.birthDate && b[f] && b[f]! <= b.birthDate)
      out.push({
        field: f,
        code: 'DATE_BEFORE_BIRTH',
        vi: 'phải sau ngày sinh',
        en: 'must be after the birth date',
      });
  return out;
}
