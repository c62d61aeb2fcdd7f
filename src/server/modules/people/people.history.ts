/**
 * The dated history of a person (person_history): a change opens a period; a repaired reset
 * (ADR 023) corrects the periods the reset wrote instead of opening one.
 */
import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { type people, personHistory } from '../../db/schema/index';
import { fieldError, invalid } from '../../lib/errors';

type PersonRow = typeof people.$inferSelect;

/** The fields of a person kept by date. */
export const HISTORY_FIELDS = [
  'category',
  'rank',
  'post',
  'postCode',
  'leadershipTier',
  'unitId',
  'managementAuthority',
  'planningTitle',
  'status',
] as const;
type HistoryField = (typeof HISTORY_FIELDS)[number];
export const isHistoryField = (f: string): f is HistoryField =>
  (HISTORY_FIELDS as readonly string[]).includes(f);

/** The dated part of a person's current state, as a history period holds it. */
export function historyState(p: PersonRow) {
  return {
    category: p.category,
    rank: p.rank,
    post: p.post,
    postCode: p.postCode,
    leadershipTier: p.leadershipTier,
    unitId: p.unitId,
    managementAuthority: p.managementAuthority,
    planningTitle: p.planningTitle,
    status: p.status,
  };
}

/** Close the open history row on `date` and open one with the new state (same day: replace). */
export async function recordHistory(
  tx: Queryable,
  p: PersonRow,
  date: string,
  reason: string | null,
  actorId: number,
) {
  const [open] = await tx
    .select()
    .from(personHistory)
    .where(and(eq(personHistory.personId, p.id), isNull(personHistory.validTo)));
  if (open && date < open.validFrom)
    throw invalid([
      fieldError(
        'effectiveDate',
        `không được trước ngày ${open.validFrom} của lần thay đổi trước`,
        `must not be before the previous change on ${open.validFrom}`,
      ),
    ]);
  const state = { ...historyState(p), reason, actorId };
  if (open && open.validFrom === date) {
    await tx.update(personHistory).set(state).where(eq(personHistory.id, open.id));
    return;
  }
  if (open) await tx.update(personHistory).set({ validTo: date }).where(eq(personHistory.id, open.id));
  await tx.insert(personHistory).values({ personId: p.id, validFrom: date, ...state });
}

/**
 * Undo in the history what a reset wrote (ADR 023): the update audited at `at` put `reset` into
 * `field` of the period it opened (a row created in its transaction) or of the period open then
 * (same-day edits replace the open row); every period from that one on still holds `reset`
 * (the repair runs only while no later change named the field), so each gets `value` back.
 */
export async function repairHistory(
  tx: Queryable,
  personId: number,
  field: HistoryField,
  reset: unknown,
  value: unknown,
  at: Date,
): Promise<number> {
  const rows = await tx
    .select({ id: personHistory.id, validFrom: personHistory.validFrom, createdAt: personHistory.createdAt })
    .from(personHistory)
    .where(eq(personHistory.personId, personId))
    .orderBy(asc(personHistory.validFrom), asc(personHistory.id));
  const written = rows.find((r) => r.createdAt.getTime() === at.getTime());
  const openThen = rows.filter((r) => r.createdAt.getTime() < at.getTime()).at(-1);
  const from = written ?? openThen;
  if (!from) return 0;
  const column = personHistory[field];
  const fixed = await tx
    .update(personHistory)
    .set({ [field]: value })
    .where(
      and(
        eq(personHistory.personId, personId),
        gte(personHistory.validFrom, from.validFrom),
        eq(column, reset as never),
      ),
    )
    .returning({ id: personHistory.id });
  return fixed.length;
}
