/** Pure rules of the needs screens: what a user may do on a proposal, grouping, counts. */
import type { ProposalStatus } from '../../../contracts/needs';

export const STATUS_COLORS: Record<ProposalStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

export const PRIORITY_COLORS: Record<number, string> = { 1: 'red', 2: 'blue', 3: 'default' };

/** The code list holding a programme kind's levels (postgraduate study uses the education levels). */
export const levelListOfProgramme = (kind: string | null | undefined) =>
  !kind ? null : kind === 'POSTGRADUATE' ? 'level_EDUCATION' : `level_${kind}`;

/** Numbers with Vietnamese grouping (1.234), the office convention in both languages. */
export const fmtNumber = (n: number) => n.toLocaleString('vi-VN');

/** Share of `part` in `total` as a whole percentage (0 when there is nothing to count). */
export const percent = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 100) : 0);

interface ProposalLike {
  unitId: number;
  reviewerUnitId: number | null;
  status: ProposalStatus;
  campaign: { status: 'open' | 'closed'; opensOn: string; deadline: string };
}

interface Viewer {
  scopeUnitId: number;
  /** Units of the viewer's subtree (from the org tree), to tell whether they hold the reviewer unit. */
  unitIds: ReadonlySet<number>;
  can: (p: 'needs.propose' | 'needs.review') => boolean;
}

/**
 * What the viewer may do on a proposal, mirroring the server's policy (needs.policy.ts) so that
 * buttons show only when they can succeed; the server stays the authority.
 */
export function proposalAbilities(p: ProposalLike, v: Viewer, today: string) {
  const open = p.campaign.status === 'open';
  const started = today >= p.campaign.opensOn;
  const editable = open && started && (p.status === 'draft' || p.status === 'returned');
  const review =
    open &&
    p.status === 'submitted' &&
    v.can('needs.review') &&
    p.unitId !== v.scopeUnitId &&
    p.reviewerUnitId !== null &&
    v.unitIds.has(p.reviewerUnitId);
  return {
    edit: editable && v.can('needs.propose'),
    submit: editable && v.can('needs.propose'),
    review,
    /** Open, editable by status, but the opening day has not come yet. */
    notStarted: open && !started && (p.status === 'draft' || p.status === 'returned'),
    /** Submitting now would be marked late. */
    lateIfSubmitted: today > p.campaign.deadline,
  };
}

/** Key of a consolidated group (programme kind x level). */
export const groupKey = (r: { programmeKind: string; level: string | null }) =>
  `${r.programmeKind}\u0000${r.level ?? ''}`;

/** The unit rows of each consolidated group, in the server's order. */
export function rowsByGroup<R extends { programmeKind: string; level: string | null }>(
  rows: R[],
): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const k = groupKey(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Sum of the priority columns of consolidated groups (for the totals row). */
export function sumGroups(
  groups: { quantity: number; priority1: number; priority2: number; priority3: number }[],
) {
  return groups.reduce(
    (a, g) => ({
      quantity: a.quantity + g.quantity,
      priority1: a.priority1 + g.priority1,
      priority2: a.priority2 + g.priority2,
      priority3: a.priority3 + g.priority3,
    }),
    { quantity: 0, priority1: 0, priority2: 0, priority3: 0 },
  );
}

/** Days from `today` to `deadline` (negative when past), both ISO dates. */
export function daysUntil(deadline: string, today: string): number {
  const ms = Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** The server writes a consolidation event's comment as "<sub-unit>: <lines>"; split it to say so in words. */
export function parseConsolidateComment(comment: string): { unit: string; lines: number } | null {
  const m = /^(.*): (\d+)$/s.exec(comment);
  return m ? { unit: m[1], lines: Number(m[2]) } : null;
}
