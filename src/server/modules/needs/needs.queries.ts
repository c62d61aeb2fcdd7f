/** Reading campaigns, proposals and lines: grouped SQL, one statement per screen. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { viOrder } from '../../lib/vi-sort';

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

export interface BoardSqlRow {
  proposalId: number;
  unitId: number;
  unitName: string;
  reviewerUnitId: number | null;
  reviewerName: string | null;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  submittedAt: string | null;
  reviewedAt: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  signerName: string | null;
  total: number;
  gap: number;
  manual: number;
  consolidated: number;
  people: number;
  lastAction: string | null;
  lastActor: string | null;
  lastComment: string | null;
  lastAt: string | null;
}

/**
 * Every proposal of a campaign in a subtree, with line counts and its latest event. The counts
 * and latest events are materialised once: right after a campaign opens the planner's statistics
 * still say "no lines", and a nested loop would recount the lines for every proposal.
 */
export async function boardRows(q: Queryable, campaignId: number, scopePath: string) {
  const rows = rowsOf<BoardSqlRow>(
    await q.execute(sql`
      with mine as materialized (
        select p.id from needs_proposals p join org_units u on u.id = p.unit_id
        where p.campaign_id = ${campaignId} and u.path <@ ${scopePath}::ltree
      ), counts as materialized (
        select l.proposal_id, count(*) as total,
          count(*) filter (where l.source = 'gap') as gap,
          count(*) filter (where l.source = 'manual') as manual,
          count(*) filter (where l.source = 'consolidated') as consolidated,
          count(distinct l.person_id) as people
        from needs_lines l where l.proposal_id in (select id from mine)
        group by l.proposal_id
      ), last as materialized (
        select distinct on (ev.proposal_id) ev.proposal_id, ev.action, ev.actor_name, ev.comment, ev.at
        from needs_events ev where ev.proposal_id in (select id from mine)
        order by ev.proposal_id, ev.at desc, ev.id desc
      )
      select p.id as "proposalId", p.unit_id as "unitId", u.name as "unitName",
        p.reviewer_unit_id as "reviewerUnitId", r.name as "reviewerName", p.status,
        p.submitted_at as "submittedAt", p.reviewed_at as "reviewedAt",
        p.decision_no as "decisionNo", p.decision_date::text as "decisionDate", p.signer_name as "signerName",
        coalesce(c.total, 0)::int as total, coalesce(c.gap, 0)::int as gap,
        coalesce(c.manual, 0)::int as manual, coalesce(c.consolidated, 0)::int as consolidated,
        coalesce(c.people, 0)::int as people,
        e.action as "lastAction", e.actor_name as "lastActor", e.comment as "lastComment", e.at as "lastAt"
      from mine m
      join needs_proposals p on p.id = m.id
      join org_units u on u.id = p.unit_id
      left join org_units r on r.id = p.reviewer_unit_id
      left join counts c on c.proposal_id = p.id
      left join last e on e.proposal_id = p.id
      order by u.path`),
  );
  return rows.map((r) => ({
    ...r,
    submittedAt: iso(r.submittedAt),
    reviewedAt: iso(r.reviewedAt),
    lastAt: iso(r.lastAt),
  }));
}

/** Proposal statuses of campaigns in one query (for the campaign list). */
export async function statusRows(q: Queryable, campaignIds: number[], scopePath: string) {
  if (campaignIds.length === 0) return [];
  return rowsOf<{ campaignId: number; status: string; n: number }>(
    await q.execute(sql`
      select p.campaign_id as "campaignId", p.status, count(*)::int as n
      from needs_proposals p join org_units u on u.id = p.unit_id
      where p.campaign_id = any(${sql.param(campaignIds)}::int[]) and u.path <@ ${scopePath}::ltree
      group by 1, 2`),
  );
}

export async function proposalTotals(q: Queryable, proposalId: number, unitId: number, campaignId: number) {
  const [row] = rowsOf<{
    lines: number;
    people: number;
    quantity: number;
    subTotal: number;
    subAccepted: number;
  }>(
    await q.execute(sql`
      select (select count(*) from needs_lines where proposal_id = ${proposalId})::int as lines,
        (select count(distinct person_id) from needs_lines where proposal_id = ${proposalId})::int as people,
        (select coalesce(sum(quantity), 0) from needs_lines where proposal_id = ${proposalId})::int as quantity,
        (select count(*) from needs_proposals where campaign_id = ${campaignId} and reviewer_unit_id = ${unitId})::int
          as "subTotal",
        (select count(*) from needs_proposals where campaign_id = ${campaignId} and reviewer_unit_id = ${unitId}
          and status = 'accepted')::int as "subAccepted"`),
  );
  return row;
}

export interface LineSqlRow {
  id: number;
  personId: number | null;
  personName: string | null;
  programmeKind: string;
  level: string | null;
  priority: number;
  quantity: number;
  note: string | null;
  source: 'gap' | 'manual' | 'consolidated';
  ruleCode: string | null;
  fromProposalId: number | null;
  fromUnitName: string | null;
}

const LINE_SELECT = sql`select l.id, l.person_id as "personId", pe.full_name as "personName",
    l.programme_kind as "programmeKind", l.level, l.priority, l.quantity, l.note, l.source,
    l.rule_code as "ruleCode", l.from_proposal_id as "fromProposalId", fu.name as "fromUnitName"
  from needs_lines l
  left join people pe on pe.id = l.person_id
  left join needs_proposals fp on fp.id = l.from_proposal_id
  left join org_units fu on fu.id = fp.unit_id`;

/** One page of a proposal's lines, by programme kind, level, priority, then roster order. */
export async function linesPage(q: Queryable, proposalId: number, page: number, pageSize: number) {
  return rowsOf<LineSqlRow>(
    await q.execute(sql`${LINE_SELECT} where l.proposal_id = ${proposalId}
      order by l.programme_kind, l.level nulls first, l.priority, pe.sort_key collate "C" nulls last, l.id
      limit ${pageSize} offset ${(page - 1) * pageSize}`),
  );
}

export async function findLine(q: Queryable, proposalId: number, lineId: number) {
  const [row] = rowsOf<LineSqlRow>(
    await q.execute(sql`${LINE_SELECT} where l.proposal_id = ${proposalId} and l.id = ${lineId}`),
  );
  return row;
}

export async function listEvents(q: Queryable, proposalId: number) {
  const rows = rowsOf<{
    id: number;
    action: string;
    actorName: string | null;
    comment: string | null;
    at: string;
  }>(
    await q.execute(sql`select id, action, actor_name as "actorName", comment, at from needs_events
      where proposal_id = ${proposalId} order by at desc, id desc limit 200`),
  );
  return rows.map((r) => ({ ...r, at: iso(r.at)! }));
}

/** The person's current unit path, if the person exists. */
export async function personUnitPath(q: Queryable, personId: number) {
  const [row] = rowsOf<{ path: string }>(
    await q.execute(sql`select u.path::text as path from people p join org_units u on u.id = p.unit_id
      where p.id = ${personId}`),
  );
  return row?.path;
}

/** Copy an accepted proposal's lines into the reviewer's proposal, remembering where each began. */
export async function consolidateLines(q: Queryable, fromId: number, intoId: number) {
  const rows = rowsOf<{ id: number }>(
    await q.execute(sql`insert into needs_lines
        (proposal_id, person_id, programme_kind, level, priority, quantity, note, source, rule_code, from_proposal_id)
      select ${intoId}, person_id, programme_kind, level, priority, quantity, note, 'consolidated', rule_code,
        coalesce(from_proposal_id, ${fromId})
      from needs_lines where proposal_id = ${fromId}
      returning id`),
  );
  return rows.length;
}

export interface ConsolidatedSqlRow {
  programmeKind: string;
  level: string | null;
  unitId: number;
  unitName: string;
  proposalId: number;
  viaUnitId: number;
  viaUnitName: string;
  people: number;
  quantity: number;
  priority1: number;
  priority2: number;
  priority3: number;
}

/**
 * The root's table: lines of the proposals the root accepted (each already holding what its own
 * sub-units' accepted proposals brought), by programme kind, level and the unit that wrote them.
 */
export async function consolidatedRows(q: Queryable, campaignId: number, rootUnitId: number) {
  return rowsOf<ConsolidatedSqlRow>(
    await q.execute(sql`
      select l.programme_kind as "programmeKind", l.level, ou.id as "unitId", ou.name as "unitName",
        coalesce(l.from_proposal_id, p.id) as "proposalId", p.unit_id as "viaUnitId", vu.name as "viaUnitName",
        count(distinct l.person_id)::int as people, sum(l.quantity)::int as quantity,
        coalesce(sum(l.quantity) filter (where l.priority = 1), 0)::int as priority1,
        coalesce(sum(l.quantity) filter (where l.priority = 2), 0)::int as priority2,
        coalesce(sum(l.quantity) filter (where l.priority = 3), 0)::int as priority3
      from needs_lines l
      join needs_proposals p on p.id = l.proposal_id
      join org_units vu on vu.id = p.unit_id
      left join needs_proposals fp on fp.id = l.from_proposal_id
      join org_units ou on ou.id = coalesce(fp.unit_id, p.unit_id)
      where p.campaign_id = ${campaignId} and p.reviewer_unit_id = ${rootUnitId} and p.status = 'accepted'
      group by l.programme_kind, l.level, ou.id, ou.name, coalesce(l.from_proposal_id, p.id), p.unit_id, vu.name
      order by l.programme_kind, l.level nulls first, ${viOrder(sql`vu.name`)}, ${viOrder(sql`ou.name`)}, ou.id`),
  );
}

/** Totals by programme kind and level over the same lines (people counted once per group). */
export async function consolidatedGroups(q: Queryable, campaignId: number, rootUnitId: number) {
  return rowsOf<{
    programmeKind: string;
    level: string | null;
    units: number;
    people: number;
    quantity: number;
    priority1: number;
    priority2: number;
    priority3: number;
  }>(
    await q.execute(sql`
      select l.programme_kind as "programmeKind", l.level,
        count(distinct coalesce(fp.unit_id, p.unit_id))::int as units,
        count(distinct l.person_id)::int as people, sum(l.quantity)::int as quantity,
        coalesce(sum(l.quantity) filter (where l.priority = 1), 0)::int as priority1,
        coalesce(sum(l.quantity) filter (where l.priority = 2), 0)::int as priority2,
        coalesce(sum(l.quantity) filter (where l.priority = 3), 0)::int as priority3
      from needs_lines l
      join needs_proposals p on p.id = l.proposal_id
      left join needs_proposals fp on fp.id = l.from_proposal_id
      where p.campaign_id = ${campaignId} and p.reviewer_unit_id = ${rootUnitId} and p.status = 'accepted'
      group by l.programme_kind, l.level
      order by l.programme_kind, l.level nulls first`),
  );
}

/** Proposals the root reviews (all, accepted) and the distinct people and quantity it accepted. */
export async function rootReviewCounts(q: Queryable, campaignId: number, rootUnitId: number) {
  const [row] = rowsOf<{ total: number; accepted: number; people: number; quantity: number }>(
    await q.execute(sql`
      select count(*)::int as total, count(*) filter (where p.status = 'accepted')::int as accepted,
        (select count(distinct l.person_id) from needs_lines l join needs_proposals a on a.id = l.proposal_id
          where a.campaign_id = ${campaignId} and a.reviewer_unit_id = ${rootUnitId} and a.status = 'accepted')::int
          as people,
        (select coalesce(sum(l.quantity), 0) from needs_lines l join needs_proposals a on a.id = l.proposal_id
          where a.campaign_id = ${campaignId} and a.reviewer_unit_id = ${rootUnitId} and a.status = 'accepted')::int
          as quantity
      from needs_proposals p where p.campaign_id = ${campaignId} and p.reviewer_unit_id = ${rootUnitId}`),
  );
  return row;
}
