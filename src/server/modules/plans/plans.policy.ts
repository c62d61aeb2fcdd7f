/**
 * Who may see and change a plan, and the record of what they did. A plan belongs to a unit: it is
 * visible to actors whose subtree holds that unit (another subtree answers 404); a role that may
 * not act answers 403; a status that does not allow the action answers 409 saying why.
 */
import { eq, sql } from 'drizzle-orm';
import type { AuditRequest } from '../../../contracts/audit';
import type { PlanStatus } from '../../../contracts/plans';
import { can } from '../../../contracts/roles';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { annualPlanEvents, codeItems, users } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, type FieldError, fieldError, invalid, notFound } from '../../lib/errors';
import { pathWithin } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import { levelListOfProgramme } from '../needs/needs.proposals.service';
import { findPlan, type PlanRow } from './plans.queries';
import { nextStatus, type PlanAction } from './plans.rules';

export const PLAN_NOT_FOUND = { vi: 'kế hoạch', en: 'Plan' };
export const LINE_NOT_FOUND = { vi: 'dòng kế hoạch', en: 'Plan line' };
export const VERSION_NOT_FOUND = { vi: 'phiên bản kế hoạch', en: 'Plan version' };

export async function getVisiblePlan(q: Queryable, actor: Actor, id: number): Promise<PlanRow> {
  const p = await findPlan(q, id);
  if (!p || !pathWithin(p.unitPath, actor.scopePath)) throw notFound(PLAN_NOT_FOUND);
  return p;
}

const STATUS_VI: Record<PlanStatus, string> = {
  draft: 'dự thảo',
  submitted: 'đã trình',
  returned: 'bị trả lại',
  approved: 'đã phê duyệt',
};

const WHY: Record<PlanAction, { vi: string; en: string }> = {
  edit: {
    vi: 'chỉ sửa được kế hoạch dự thảo hoặc bị trả lại; kế hoạch đã phê duyệt cần tạo phiên bản điều chỉnh trước',
    en: 'only a draft or returned plan can be changed; open a new version of an approved plan first',
  },
  submit: {
    vi: 'chỉ trình được kế hoạch dự thảo hoặc bị trả lại',
    en: 'only a draft or returned plan can be submitted',
  },
  return: { vi: 'chỉ trả lại được kế hoạch đã trình', en: 'only a submitted plan can be returned' },
  approve: { vi: 'chỉ phê duyệt được kế hoạch đã trình', en: 'only a submitted plan can be approved' },
  revise: {
    vi: 'chỉ điều chỉnh được kế hoạch đã phê duyệt',
    en: 'only an approved plan can be revised into a new version',
  },
};

/** 409 unless the action is allowed in the plan's status; returns the status it leads to. */
export function assertAllowed(p: Pick<PlanRow, 'status'>, action: PlanAction): PlanStatus {
  const next = nextStatus(p.status, action);
  if (!next)
    throw new AppError('CONFLICT', {
      message: {
        vi: `Kế hoạch đang ở trạng thái "${STATUS_VI[p.status]}": ${WHY[action].vi}.`,
        en: `The plan is "${p.status}": ${WHY[action].en}.`,
      },
    });
  return next;
}

/** What the actor may do on a plan now (for the screen's buttons). */
export function abilities(actor: Actor, p: Pick<PlanRow, 'status'>) {
  const draft = can(actor.role, 'plans.draft');
  return {
    edit: draft && nextStatus(p.status, 'edit') !== null,
    submit: draft && nextStatus(p.status, 'submit') !== null,
    review: can(actor.role, 'plans.manage') && p.status === 'submitted',
    revise: draft && p.status === 'approved',
  };
}

/** The name shown in "who did what". */
export async function actorName(q: Queryable, actor: Actor): Promise<string> {
  if (!actor.userId) return actor.username;
  const [u] = await q.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
  return u?.name ?? actor.username;
}

/** One event row and one audit row, in the caller's transaction. */
export async function record(
  q: Queryable,
  actor: Actor,
  plan: Pick<PlanRow, 'id' | 'version' | 'unitPath' | 'year' | 'title'>,
  action: string,
  e: {
    before?: unknown;
    after?: unknown;
    comment?: string | null;
    version?: number;
    request?: AuditRequest;
  } = {},
) {
  await q.insert(annualPlanEvents).values({
    planId: plan.id,
    version: e.version ?? plan.version,
    action,
    actorId: actor.userId || null,
    actorName: await actorName(q, actor),
    comment: e.comment ?? null,
  });
  await audit(q, actor, {
    action: `plans.${action}`,
    entity: 'annual_plan',
    entityId: plan.id,
    summary: `${plan.year}: ${plan.title} (v${e.version ?? plan.version})`,
    scopePath: plan.unitPath,
    before: e.before,
    after: e.after ?? (e.comment ? { comment: e.comment } : undefined),
    request: e.request,
  });
}

export interface LineInput {
  programmeKind: string;
  targetList?: string | null;
  targetCode?: string | null;
  level?: string | null;
  budget: Record<string, number>;
}

/** Codes of a line: kind, its level, the target group in its list, the funding sources. */
export async function checkLine(q: Queryable, line: LineInput) {
  const errors: FieldError[] = await findUnknownCodes(q, [
    { field: 'programmeKind', list: 'programme_kind', code: line.programmeKind },
    ...(line.targetList ? [{ field: 'targetCode', list: line.targetList, code: line.targetCode }] : []),
    ...Object.keys(line.budget).map((code) => ({ field: `budget.${code}`, list: 'funding_source', code })),
  ]);
  if (line.targetCode && !line.targetList)
    errors.push(fieldError('targetList', 'cần chọn nhóm đối tượng', 'is required with a target code'));
  if (line.targetList && !line.targetCode)
    errors.push(fieldError('targetCode', 'cần chọn đối tượng', 'is required with a target list'));
  if (line.level) {
    const list = levelListOfProgramme(line.programmeKind);
    const [{ n }] = rowsOf<{ n: number }>(
      await q.execute(sql`select count(*)::int as n from ${codeItems} where list = ${list} and active`),
    );
    if (n === 0)
      errors.push(
        fieldError('level', 'loại chương trình này không chia trình độ', 'this programme kind has no levels'),
      );
    else errors.push(...(await findUnknownCodes(q, [{ field: 'level', list, code: line.level }])));
  }
  if (errors.length) throw invalid(errors);
}
