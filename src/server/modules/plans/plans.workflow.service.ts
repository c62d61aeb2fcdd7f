/**
 * Review and versions of a plan: submit, return with a comment, approve (freezes the working
 * version), revise (opens version n+1 as a draft, the approved one kept), read a frozen version,
 * diff two versions by the lines' stable ids (ADR 010).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DecisionInput } from '../../../contracts/decisions';
import type { DiffQuery } from '../../../contracts/plans';
import type { Db, Queryable } from '../../db/client';
import { annualPlans, annualPlanVersions } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { notify } from '../notifications/notify';
import { checkDecision } from '../policies/decision';
import { assertFourEyes } from '../policies/four-eyes';
import { actorName, assertAllowed, getVisiblePlan, record, VERSION_NOT_FOUND } from './plans.policy';
import { freezeLines, frozenLines, liveLines, moveStatus } from './plans.queries';
import { diffLines, planTotals } from './plans.rules';
import { createPlanService, toLine } from './plans.service';

/** The approving decision (ADR 038, 044): number, date, who signed it and their title. */
export type PlanDecision = DecisionInput;

const raced = () =>
  new AppError('CONFLICT', {
    message: {
      vi: 'Kế hoạch vừa được người khác thay đổi trạng thái. Hãy tải lại trang.',
      en: 'Someone else has just changed the plan. Reload the page.',
    },
  });

async function findVersion(q: Queryable, planId: number, version: number) {
  const [v] = await q
    .select()
    .from(annualPlanVersions)
    .where(and(eq(annualPlanVersions.planId, planId), eq(annualPlanVersions.version, version)));
  if (!v) throw notFound(VERSION_NOT_FOUND);
  return v;
}

export function createPlanWorkflowService({ db, clock }: { db: Db; clock: Clock }) {
  const plans = createPlanService({ db, clock });

  /** Move the plan's status with a guard on its current one, record and answer the new detail. */
  async function transition(
    actor: Actor,
    id: number,
    action: 'submit' | 'return' | 'approve' | 'revise',
    opts: { comment?: string | null; decision?: PlanDecision } = {},
  ) {
    requirePermission(actor, action === 'submit' || action === 'revise' ? 'plans.draft' : 'plans.manage');
    await db.transaction(async (tx) => {
      const p = await getVisiblePlan(tx, actor, id);
      const next = assertAllowed(p, action);
      const decision =
        action === 'approve'
          ? await checkDecision(tx, opts.decision, { unitPath: p.unitPath, today: todayOf(clock) })
          : null;
      const [sent] = await tx
        .select({ submittedBy: annualPlans.submittedBy })
        .from(annualPlans)
        .where(eq(annualPlans.id, id));
      if (action === 'approve') {
        await assertFourEyes(tx, actor, {
          submittedBy: sent?.submittedBy ?? null,
          unitPath: p.unitPath,
          date: todayOf(clock),
          subject: 'plan',
        });
      }
      const version = action === 'revise' ? p.version + 1 : p.version;
      const moved = await moveStatus(tx, id, [p.status], {
        status: next,
        version: action === 'revise' ? sql`version + 1` : undefined,
        reviewComment: action === 'return' ? (opts.comment ?? null) : action === 'approve' ? null : undefined,
      });
      if (!moved) throw raced();
      if (action === 'submit')
        await tx
          .update(annualPlans)
          .set({ submittedBy: actor.userId || null })
          .where(eq(annualPlans.id, id));
      if (action === 'approve') {
        const [v] = await tx
          .insert(annualPlanVersions)
          .values({
            planId: id,
            version: p.version,
            title: p.title,
            approvedBy: actor.userId || null,
            approvedByName: await actorName(tx, actor),
            ...decision,
            comment: opts.comment ?? null,
          })
          .returning();
        await freezeLines(tx, id, v.id);
      }
      // The submitter hears of the answer (ADR 051), in the same transaction.
      if (action === 'approve' || action === 'return')
        await notify(tx, {
          userIds: [sent?.submittedBy],
          kind: action === 'approve' ? 'plan.approved' : 'plan.returned',
          params: { title: p.title, ...(opts.comment ? { comment: opts.comment } : {}) },
          link: `/plans/${id}`,
          exceptUserId: actor.userId,
        });
      await record(tx, actor, p, action, {
        before: { status: p.status, version: p.version },
        after: { status: next, version, ...(decision ?? {}) },
        comment: opts.comment,
        version,
      });
    });
    return plans.detail(actor, id);
  }

  return {
    submit: (actor: Actor, id: number) => transition(actor, id, 'submit'),
    return: (actor: Actor, id: number, comment: string) => transition(actor, id, 'return', { comment }),
    approve: (actor: Actor, id: number, comment?: string | null, decision?: PlanDecision) =>
      transition(actor, id, 'approve', { comment, decision }),
    revise: (actor: Actor, id: number) => transition(actor, id, 'revise'),

    /** An approved version as it was frozen. */
    async version(actor: Actor, id: number, version: number) {
      requirePermission(actor, 'plans.read');
      await getVisiblePlan(db, actor, id);
      const v = await findVersion(db, id, version);
      const lines = await frozenLines(db, v.id);
      return {
        planId: id,
        version: v.version,
        title: v.title,
        approvedAt: v.approvedAt.toISOString(),
        approvedByName: v.approvedByName,
        decisionNo: v.decisionNo,
        decisionDate: v.decisionDate,
        signerName: v.signerName,
        signerTitle: v.signerTitle,
        comment: v.comment,
        lines: lines.map(toLine),
        totals: planTotals(lines),
      };
    },

    /** Lines added, removed and changed from a frozen version to another one or to the working lines. */
    async diff(actor: Actor, id: number, query: z.infer<typeof DiffQuery>) {
      requirePermission(actor, 'plans.read');
      await getVisiblePlan(db, actor, id);
      const from = await frozenLines(db, (await findVersion(db, id, query.from)).id);
      const to = query.to
        ? await frozenLines(db, (await findVersion(db, id, query.to)).id)
        : await liveLines(db, id);
      return {
        from: query.from,
        to: query.to ?? null,
        changes: diffLines(from, to),
        totals: { from: planTotals(from), to: planTotals(to) },
      };
    },
  };
}
