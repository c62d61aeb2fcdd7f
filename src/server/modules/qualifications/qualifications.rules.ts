/**
 * The rules of a qualification's values, pure: used by the API (create, update) and by the
 * qualifications import on each row (ADR 024), so both refuse the same values with the same code.
 */
import type { RuleViolation } from '../../lib/errors';

/** The issue date must fall after the holder's birth date. */
export function qualificationViolations(
  q: { issuedOn?: string | null },
  holder: { birthDate: string | null },
): RuleViolation[] {
  if (q.issuedOn && holder.birthDate && q.issuedOn <= holder.birthDate)
    return [
      {
        field: 'issuedOn',
        code: 'DATE_BEFORE_BIRTH',
        vi: 'phải sau ngày sinh',
        en: 'must be after the birth date',
      },
    ];
  return [];
}
