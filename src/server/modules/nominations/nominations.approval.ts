/**
 * What approving a nomination checks beyond its status (ADR 038, 044): the four-eyes rule against
 * whoever sent the person, and the send-to-study decision (number, date, signer) under the policy
 * in force for the person's unit. Used by the typed approval and by bulk approvals alike.
 */
import { eq } from 'drizzle-orm';
import type { Decision, DecisionInput } from '../../../contracts/decisions';
import type { Queryable } from '../../db/client';
import { classNominations } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { checkDecision } from '../policies/decision';
import { assertFourEyes } from '../policies/four-eyes';
import type { NominationRow } from './nominations.queries';

export async function approvalOf(
  q: Queryable,
  actor: Actor,
  n: Pick<NominationRow, 'id' | 'unitPath'>,
  today: string,
  decision: (DecisionInput & Record<string, unknown>) | null | undefined,
): Promise<Decision> {
  const [sent] = await q
    .select({ nominatedBy: classNominations.nominatedBy })
    .from(classNominations)
    .where(eq(classNominations.id, n.id));
  await assertFourEyes(q, actor, {
    submittedBy: sent?.nominatedBy ?? null,
    unitPath: n.unitPath,
    date: today,
    subject: 'nomination',
  });
  return checkDecision(q, decision, { unitPath: n.unitPath, today });
}
