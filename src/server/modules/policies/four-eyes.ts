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

export async function assertFourEyes(
  q: Queryable,
  actor: Actor,
  o: { submittedBy: number | null; unitPath: string; date: string; subject: FourEyesSubject },
): Promise<void> {
  if (!actor.userId || !o.submittedBy || o.submittedBy !== actor.userId) return;
  const rule = await policyAt(q, 'approvals.four_eyes', o.date, o.unitPath);
  if (!rule.value) return;
  const what = WHAT[o.subject];
  throw new AppError('FORBIDDEN', {
    message: {
      vi: `Theo quy định đang áp dụng cho đơn vị (${rule.legalSource}, từ ngày ${ddmmyyyy(rule.effectiveFrom)}), người phê duyệt ${what.vi} phải khác người đã trình. Đề nghị người khác phê duyệt.`,
      en: `By the rule in force for the unit (${rule.legalSource}, from ${ddmmyyyy(rule.effectiveFrom)}), whoever approves a ${what.en} must not be whoever submitted it. Ask someone else to approve it.`,
    },
    details: { rule: 'approvals.four_eyes', policyId: rule.id },
  });
}
