/**
 * The life cycle of a delegation as data and where a member's report stands (ADR 016). Pure.
 */
import type { DelegationStatus } from '../../../contracts/abroad';
import { addDays, daysBetween } from '../../lib/dates';

export const DELEGATION_TRANSITIONS: Record<DelegationStatus, readonly DelegationStatus[]> = {
  planned: ['approved', 'cancelled'],
  approved: ['planned', 'travelling', 'cancelled'],
  travelling: ['returned'],
  returned: ['closed'],
  closed: [],
  cancelled: [],
};

export const canMove = (from: DelegationStatus, to: DelegationStatus) =>
  DELEGATION_TRANSITIONS[from].includes(to);

/** Details (dates, cost, decision) change until the delegation is closed or cancelled. */
export const detailsEditable = (s: DelegationStatus) => s !== 'closed' && s !== 'cancelled';

/** Members join and leave before departure. */
export const membersEditable = (s: DelegationStatus) => s === 'planned' || s === 'approved';

/** Reports are recorded once the delegation is back (also after closing: late reports). */
export const reportsOpen = (s: DelegationStatus) => s === 'returned' || s === 'closed';

export interface ReportStanding {
  state: 'not_due' | 'waiting' | 'overdue' | 'submitted';
  dueOn: string;
  daysLate: number | null;
}

/**
 * Due on return + days (the last day allowed). Submitted wins; a delegation not back yet (or
 * cancelled) has nothing due; after the due day the report is overdue by the days since then;
 * a report handed in after the due day shows how late it was.
 */
export function reportStanding(
  d: { status: DelegationStatus; returnsOn: string },
  dueDays: number,
  submittedOn: string | null,
  today: string,
): ReportStanding {
  const dueOn = addDays(d.returnsOn, dueDays);
  if (submittedOn)
    return {
      state: 'submitted',
      dueOn,
      daysLate: submittedOn > dueOn ? daysBetween(dueOn, submittedOn) : null,
    };
  if (!reportsOpen(d.status) || today <= dueOn)
    return { state: reportsOpen(d.status) ? 'waiting' : 'not_due', dueOn, daysLate: null };
  return { state: 'overdue', dueOn, daysLate: daysBetween(dueOn, today) };
}
