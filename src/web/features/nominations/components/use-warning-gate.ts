import { useState } from 'react';
import { type NominationWarning, useNominationCheck, warningsToConfirm } from '../api/nominations';

/**
 * The warnings the user has seen for the person about to be sent: those of /check, or those a
 * 409 NEEDS_CONFIRMATION brought back when something changed in between. `confirm` is true only
 * once warnings were on screen, so the server never records warnings nobody read.
 */
export function useWarningGate(classId: number, personId: number | null) {
  const check = useNominationCheck(classId, personId);
  const [late, setLate] = useState<{ personId: number; warnings: NominationWarning[] } | null>(null);
  const lateHere = late && late.personId === personId ? late.warnings : null;
  const warnings = lateHere ?? check.data?.warnings ?? [];
  return {
    check,
    warnings,
    late: lateHere !== null,
    confirm: lateHere !== null || warnings.length > 0,
    /** Keep the warnings of a NEEDS_CONFIRMATION answer (true); other errors are the caller's (false). */
    held(err: unknown): boolean {
      const w = warningsToConfirm(err);
      if (w === null || personId === null) return false;
      setLate({ personId, warnings: w });
      return true;
    },
  };
}
