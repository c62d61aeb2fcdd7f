/**
 * The four-eyes rule (ADR 038): where the policy `approvals.four_eyes` in force for the unit on
 * the day says so, whoever approves a plan, accepts a needs proposal or approves a nomination is
 * not whoever submitted it. Every approving service calls this, so the API, imports and the CLI
 * are held alike. The CLI's system actor (no user) and a submitter not recorded are not compared.
 */
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { ddmmyyyy } from '../../lib/dates';
import { AppError } from '../../lib/errors';
import { policyAt } from './policies';

export type FourEyesSubject = 'plan' | 'proposal' | 'nomination';

const WHAT: Record<FourEyesSubject, { vi: string; en: string }> = {
  plan: { vi: 'kế hoạch', en: 'plan' },
  proposal: { vi: 'đề xuất nhu cầu', en: 'needs proposal' },
  nomination: { vi: 'lượt cử đi học', en: 'nomination' },
};

interface FourEyesCase {
  submittedBy: number | null;
  unitPath: string;
  date: string;
  subject: FourEyesSubject;
}

/**
 * Why the actor may not approve under the four-eyes rule, in both languages, or null when the
 * rule does not stand in the way. The one place the rule is decided: the approving services
 * throw it (assertFourEyes) and the detail records carry it (approveBlockedReason) so the pages
 * disable their approve button with the server's own words.
 */
export async function fourEyesBlock(q: Queryable, actor: Actor, o: FourEyesCase) {
  if (!actor.userId || !o.submittedBy || o.submittedBy !== actor.userId) return null;
  const rule = await policyAt(q, 'approvals.four_eyes', o.date, o.unitPath);
  if (!rule.value) return null;
  const what = WHAT[o.subject];
  return {
    policyId: rule.id,
    message: {
      vi: `Theo quy định đang áp dụng cho đơn vị (${rule.legalSource}, từ ngày ${ddmmyyyy(rule.effectiveFrom)}), người phê duyệt ${what.vi} phải khác người đã trình. Đề nghị người khác phê duyệt.`,
      en: `By the rule in force for the unit (${rule.legalSource}, from ${ddmmyyyy(rule.effectiveFrom)}), whoever approves a ${what.en} must not be whoever submitted it. Ask someone else to approve it.`,
    },
  };
}

/** The refusal, in the actor's language, shown on the record; null when the actor may approve. */
export async function approveBlockedReason(q: Queryable, actor: Actor, o: FourEyesCase) {
  const block = await fourEyesBlock(q, actor, o);
  return block ? block.message[actor.lang] : null;
}

export async function assertFourEyes(q: Queryable, actor: Actor, o: FourEyesCase): Promise<void> {
  const block = await fourEyesBlock(q, actor, o);
  if (!block) return;
  throw new AppError('FORBIDDEN', {
    message: block.message,
    details: { rule: 'approvals.four_eyes', policyId: block.policyId },
  });
}
