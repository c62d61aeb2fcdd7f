/** Reading delegations and their members (ADR 016): rows with the paths the policy needs. */
import { type SQL, sql } from 'drizzle-orm';
import type { DELEGATION_SORT_KEYS, DelegationStatus } from '../../../contracts/abroad';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';

export interface DelegationRow {
  id: number;
  code: string;
  name: string;
  partnerInstitutionId: number;
  partnerName: string;
  programmeId: number | null;
  programmeName: string | null;
  grantsKind: string | null;
  grantsLevel: string | null;
  programmePeriods: number | null;
  organiserUnitId: number;
  organiserUnitName: string;
  organiserPath: string;
  country: string;
  departsOn: string;
  returnsOn: string;
  status: DelegationStatus;
  decisionNo: string | null;
  decisionDate: string | null;
  budget: Record<string, number>;
  actualCost: Record<string, number>;
  planLineId: number | null;
  note: string | null;
  version: number;
  memberCount: number;
}

const SELECT = sql`select d.id, d.code, d.name, d.partner_institution_id as "partnerInstitutionId",
    i.name as "partnerName", d.programme_id as "programmeId", p.name_vi as "programmeName",
    p.grants_kind as "grantsKind", p.grants_level as "grantsLevel", p.periods as "programmePeriods",
    d.organiser_unit_id as "organiserUnitId", o.name as "organiserUnitName", o.path::text as "organiserPath",
    d.country, d.departs_on::text as "departsOn", d.returns_on::text as "returnsOn", d.status,
    d.decision_no as "decisionNo", d.decision_date::text as "decisionDate", d.budget, d.note, d.version,
    d.actual_cost as "actualCost", d.plan_line_id as "planLineId",
    (select count(*)::int from abroad_members m where m.delegation_id = d.id) as "memberCount"
  from abroad_delegations d
  join institutions i on i.id = d.partner_institution_id
  join org_units o on o.id = d.organiser_unit_id
  left join programmes p on p.id = d.programme_id`;

const norm = (r: DelegationRow): DelegationRow => ({
  ...r,
  id: Number(r.id),
  memberCount: Number(r.memberCount),
  planLineId: r.planLineId === null ? null : Number(r.planLineId),
  programmePeriods: r.programmePeriods === null ? null : Number(r.programmePeriods),
});

/** Seen by its organiser's subtree and by the subtrees its members work in. */
export function delegationVisibleSql(actor: Actor): SQL {
  return sql`(o.path <@ ${actor.scopePath}::ltree or exists (select 1 from abroad_members vm
    join people vp on vp.id = vm.person_id join org_units vu on vu.id = vp.unit_id
    where vm.delegation_id = d.id and vu.path <@ ${actor.scopePath}::ltree))`;
}

export async function findDelegation(
  q: Queryable,
  actor: Actor,
  id: number,
): Promise<DelegationRow | undefined> {
  const [row] = rowsOf<DelegationRow>(
    await q.execute(sql`${SELECT} where d.id = ${id} and ${delegationVisibleSql(actor)}`),
  );
  return row ? norm(row) : undefined;
}

type DelegationSortKey = (typeof DELEGATION_SORT_KEYS)[number];

/** The delegation list's sort keys over the selected row `x` (texts in Vietnamese order). */
const SORT_EXPRS: Record<DelegationSortKey, SQL> = {
  code: sql`x.code`,
  name: viOrder(sql`x.name`),
  organiser: viOrder(sql`x."organiserUnitName"`),
  departsOn: sql`x."departsOn"`,
  memberCount: sql`x."memberCount"`,
};

export async function pageDelegations(
  q: Queryable,
  where: SQL[],
  page: { offset: number; limit: number },
  sort?: DelegationSortKey | `-${DelegationSortKey}`,
) {
  const cond = sql.join(where, sql` and `);
  const order = sortedBy(sort, SORT_EXPRS, sql`x."departsOn" desc, x.id desc`);
  const rows = rowsOf<DelegationRow & { total: number }>(
    await q.execute(sql`select *, count(*) over () as total from (${SELECT} where ${cond}) x
      order by ${order} limit ${page.limit} offset ${page.offset}`),
  );
  return { rows: rows.map(norm), total: rows.length ? Number(rows[0].total) : 0 };
}

export interface MemberRow {
  id: number;
  personId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  role: string | null;
  warnings: { code: 'LEARNER_CLASH' | 'DELEGATION_CLASH'; vi: string; en: string }[];
  reportSubmittedOn: string | null;
  reportSummary: string | null;
  reportFileName: string | null;
  completed: boolean | null;
  qualificationId: number | null;
}

/** Members in roster order; `unitPath` is the person's current unit (what scopes them). */
export async function listMembers(q: Queryable, delegationId: number): Promise<MemberRow[]> {
  return rowsOf<MemberRow>(
    await q.execute(sql`select m.id, m.person_id as "personId", p.full_name as "fullName", p.unit_id as "unitId",
        u.name as "unitName", u.path::text as "unitPath", m.role, m.warnings,
        m.report_submitted_on::text as "reportSubmittedOn", m.report_summary as "reportSummary",
        m.report_file_name as "reportFileName", m.completed, m.qualification_id as "qualificationId"
      from abroad_members m join people p on p.id = m.person_id join org_units u on u.id = p.unit_id
      where m.delegation_id = ${delegationId}
      order by p.sort_key collate "C", m.id`),
  ).map((m) => ({ ...m, id: Number(m.id), personId: Number(m.personId), unitId: Number(m.unitId) }));
}

/** Other live delegations of these people whose dates overlap the range. */
export async function overlappingDelegations(
  q: Queryable,
  personIds: number[],
  delegationId: number,
  range: { departsOn: string; returnsOn: string },
) {
  if (personIds.length === 0) return [];
  return rowsOf<{
    personId: number;
    code: string;
    name: string;
    departsOn: string;
    returnsOn: string;
    organiserPath: string;
  }>(
    await q.execute(sql`select m.person_id as "personId", d.code, d.name, d.departs_on::text as "departsOn",
        d.returns_on::text as "returnsOn", o.path::text as "organiserPath"
      from abroad_members m join abroad_delegations d on d.id = m.delegation_id
      join org_units o on o.id = d.organiser_unit_id
      where m.person_id = any(${sql.param(personIds)}::int[]) and d.id <> ${delegationId}
        and d.status <> 'cancelled'
        and d.departs_on <= ${range.returnsOn}::date and ${range.departsOn}::date <= d.returns_on`),
  );
}

/**
 * Members without a report of delegations back (returned or closed) whose return is before
 * `returnedBefore` (the latest return that can be overdue), in the actor's subtree (organiser or
 * member's unit). The service keeps those past their own due day.
 */
export async function reportCandidates(q: Queryable, actor: Actor, returnedBefore: string) {
  return rowsOf<{
    memberId: number;
    delegationId: number;
    delegationCode: string;
    delegationName: string;
    country: string;
    status: DelegationStatus;
    organiserPath: string;
    personId: number;
    fullName: string;
    unitName: string;
    returnsOn: string;
  }>(
    await q.execute(sql`select m.id as "memberId", d.id as "delegationId", d.code as "delegationCode",
        d.name as "delegationName", d.country, d.status, o.path::text as "organiserPath",
        p.id as "personId", p.full_name as "fullName", u.name as "unitName", d.returns_on::text as "returnsOn"
      from abroad_members m join abroad_delegations d on d.id = m.delegation_id
      join org_units o on o.id = d.organiser_unit_id
      join people p on p.id = m.person_id join org_units u on u.id = p.unit_id
      where d.status in ('returned', 'closed') and m.report_submitted_on is null
        and d.returns_on < ${returnedBefore}::date
        and (o.path <@ ${actor.scopePath}::ltree or u.path <@ ${actor.scopePath}::ltree)
      order by d.returns_on, d.id, p.sort_key collate "C"`),
  );
}

/** The delegations a person was a member of, newest first. */
export async function delegationsOfPerson(q: Queryable, personId: number) {
  return rowsOf<{
    memberId: number;
    delegationId: number;
    code: string;
    name: string;
    partnerName: string;
    country: string;
    departsOn: string;
    returnsOn: string;
    status: DelegationStatus;
    completed: boolean | null;
    reportSubmittedOn: string | null;
    qualificationId: number | null;
  }>(
    await q.execute(sql`select m.id as "memberId", d.id as "delegationId", d.code, d.name, i.name as "partnerName",
        d.country, d.departs_on::text as "departsOn", d.returns_on::text as "returnsOn", d.status, m.completed,
        m.report_submitted_on::text as "reportSubmittedOn", m.qualification_id as "qualificationId"
      from abroad_members m join abroad_delegations d on d.id = m.delegation_id
      join institutions i on i.id = d.partner_institution_id
      where m.person_id = ${personId} order by d.departs_on desc, d.id desc`),
  );
}
