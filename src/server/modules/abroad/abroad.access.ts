/**
 * Who may see and run a delegation (ADR 016), shared by the delegation and member services: the
 * row seen (404 out of sight), locked and manageable (403 when seen but not the actor's), the
 * detail read back after a change, a member of the delegation, and a person who may join it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { can } from '../../../contracts/roles';
import type { Queryable } from '../../db/client';
import { abroadMembers } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';
import { getVisiblePerson } from '../people/people.service';
import { reportRuleOf } from './abroad.checks';
import { type DelegationRow, findDelegation } from './abroad.queries';
import { DELEGATION_TRANSITIONS } from './abroad.rules';
import { presentDetail } from './abroad.view';

export const DELEGATION = { vi: 'đoàn đi nước ngoài', en: 'Delegation' };
export const MEMBER = { vi: 'thành viên đoàn', en: 'Member' };

const budgetTotal = (b: Record<string, number>) => Object.values(b).reduce((s, v) => s + v, 0);
export const summaryOf = (d: DelegationRow) => ({
  id: d.id,
  code: d.code,
  name: d.name,
  partnerInstitutionId: d.partnerInstitutionId,
  partnerName: d.partnerName,
  programmeId: d.programmeId,
  programmeName: d.programmeName,
  organiserUnitId: d.organiserUnitId,
  organiserUnitName: d.organiserUnitName,
  country: d.country,
  departsOn: d.departsOn,
  returnsOn: d.returnsOn,
  status: d.status,
  decisionNo: d.decisionNo,
  memberCount: d.memberCount,
  budgetTotal: budgetTotal(d.budget),
  actualCostTotal: budgetTotal(d.actualCost),
  planLineId: d.planLineId,
});

export const canManage = (actor: Actor, d: DelegationRow) =>
  can(actor.role, 'abroad.manage') && pathWithin(d.organiserPath, actor.scopePath);

export function delegationAccess(clock: Clock) {
  const today = () => todayOf(clock);

  async function visible(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'abroad.read');
    const d = await findDelegation(q, actor, id);
    if (!d) throw notFound(DELEGATION);
    return d;
  }

  /** Locks the row, then 404 out of sight, 403 when seen but not the actor's to run. */
  async function manageable(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'abroad.manage');
    await q.execute(sql`select id from abroad_delegations where id = ${id} for update`);
    const d = await visible(q, actor, id);
    if (!canManage(actor, d)) throw new AppError('FORBIDDEN');
    return d;
  }

  async function detail(q: Queryable, actor: Actor, id: number) {
    const d = (await findDelegation(q, actor, id))!;
    const manage = canManage(actor, d);
    const rule = await reportRuleOf(q, d.returnsOn, d.organiserPath, today());
    return presentDetail(q, actor, d, {
      rule,
      today: today(),
      canManage: manage,
      nextStatuses: manage ? [...DELEGATION_TRANSITIONS[d.status]] : [],
      summary: summaryOf(d),
    });
  }

  async function memberOf(q: Queryable, delegationId: number, memberId: number) {
    const [m] = await q
      .select()
      .from(abroadMembers)
      .where(and(eq(abroadMembers.id, memberId), eq(abroadMembers.delegationId, delegationId)));
    if (!m) throw notFound(MEMBER);
    return m;
  }

  /** The person, seen by the actor and working in the organiser's subtree. */
  async function candidate(q: Queryable, actor: Actor, d: DelegationRow, personId: number) {
    const p = await getVisiblePerson(q, actor, personId);
    if (!pathWithin(p.unitPath, d.organiserPath))
      throw invalid([
        fieldError(
          'personId',
          'không thuộc đơn vị tổ chức đoàn hoặc đơn vị trực thuộc',
          "is not of the organiser's units",
        ),
      ]);
    return p;
  }

  return { today, visible, manageable, detail, memberOf, candidate };
}
