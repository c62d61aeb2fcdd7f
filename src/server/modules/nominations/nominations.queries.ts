/** Reads of nominations and quotas (ADR 012); writes live in nominations.seats.ts and the service. */
import { type SQL, sql } from 'drizzle-orm';
import type {
  NOMINATION_SORT_KEYS,
  NominationSort,
  NominationStatus,
  NominationWarning,
} from '../../../contracts/nominations';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';
import type { QuotaState, SeatState } from './nominations.rules';

export interface QuotaRow extends QuotaState {
  name: string;
  waitlisted: number;
}

export async function quotasOf(q: Queryable, classId: number): Promise<QuotaRow[]> {
  const rows = rowsOf<QuotaRow>(
    await q.execute(sql`select cq.unit_id as "unitId", u.path::text as path, u.name, cq.seats, cq.taken,
        (select count(*)::int from class_nominations n
          where n.class_id = cq.class_id and n.quota_unit_id = cq.unit_id and n.status = 'waitlisted') as waitlisted
      from class_quotas cq join org_units u on u.id = cq.unit_id
      where cq.class_id = ${classId} order by u.path`),
  );
  return rows.map((r) => ({ ...r, unitId: Number(r.unitId) }));
}

export async function seatStateOf(
  q: Queryable,
  classId: number,
): Promise<Omit<SeatState, 'quotas'> & { quotas: QuotaRow[] }> {
  const [c] = rowsOf<{ capacity: number; taken: number }>(
    await q.execute(sql`select capacity, seats_taken as taken from classes where id = ${classId}`),
  );
  return { capacity: Number(c.capacity), taken: Number(c.taken), quotas: await quotasOf(q, classId) };
}

export interface NominationRow {
  id: number;
  classId: number;
  personId: number;
  personName: string;
  birthDate: string | null;
  unitId: number;
  unitName: string;
  unitPath: string;
  quotaUnitId: number | null;
  status: NominationStatus;
  reason: string | null;
  note: string | null;
  warnings: NominationWarning[];
  queuedAt: string | null;
  nominatedBy: string | null;
  /** The user who sent the person (the four-eyes rule compares it, ADR 038). */
  nominatedById: number | null;
  nominatedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  signerName: string | null;
  signerTitle: string | null;
  replacesId: number | null;
  replacedById: number | null;
}

const SELECT = sql`select n.id, n.class_id as "classId", n.person_id as "personId", p.full_name as "personName",
    p.birth_date::text as "birthDate", n.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath",
    n.quota_unit_id as "quotaUnitId", n.status, n.reason, n.note, n.warnings, n.queued_at::text as "queuedAt",
    nb.display_name as "nominatedBy", n.nominated_by as "nominatedById", n.created_at::text as "nominatedAt", db.display_name as "decidedBy",
    n.decided_at::text as "decidedAt", n.decision_no as "decisionNo", n.decision_date::text as "decisionDate",
    n.signer_name as "signerName", n.signer_title as "signerTitle", n.replaces_id as "replacesId", n.replaced_by_id as "replacedById"
  from class_nominations n
  join people p on p.id = n.person_id
  join org_units u on u.id = n.unit_id
  left join users nb on nb.id = n.nominated_by
  left join users db on db.id = n.decided_by`;

const LIVE_ORDER = sql`case n.status when 'approved' then 0 when 'pending' then 1 when 'waitlisted' then 2 else 3 end`;

/** Live ones first (approved, pending, then the waitlist in order), then the closed ones. */
const TIE_BREAK = sql`${LIVE_ORDER}, n.queued_at nulls last, p.sort_key collate "C", n.id`;

/** The sort keys of a class's nominations (names by given name, texts in Vietnamese order). */
const SORT_EXPRS: Record<(typeof NOMINATION_SORT_KEYS)[number], SQL> = {
  personName: sql`p.sort_key collate "C"`,
  birthDate: sql`p.birth_date`,
  unitName: viOrder(sql`u.name`),
  status: LIVE_ORDER,
  nominatedAt: sql`n.created_at`,
};

/** The nominations of a class, only those whose unit lies under `underPath` when given. */
export async function nominationsOf(
  q: Queryable,
  classId: number,
  underPath?: string,
  sort?: NominationSort,
): Promise<NominationRow[]> {
  const cond = underPath ? sql`and u.path <@ ${underPath}::ltree` : sql``;
  return rowsOf<NominationRow>(
    await q.execute(
      sql`${SELECT} where n.class_id = ${classId} ${cond} order by ${sortedBy(sort, SORT_EXPRS, TIE_BREAK)}`,
    ),
  );
}

export async function findNomination(
  q: Queryable,
  classId: number,
  id: number,
): Promise<NominationRow | undefined> {
  return rowsOf<NominationRow>(
    await q.execute(sql`${SELECT} where n.class_id = ${classId} and n.id = ${id}`),
  )[0];
}

/** Nominations of the class outside `path` (counted for a unit officer, never shown). */
export async function countOutside(q: Queryable, classId: number, path: string): Promise<number> {
  const [r] = rowsOf<{ n: number }>(
    await q.execute(sql`select count(*)::int as n from class_nominations n join org_units u on u.id = n.unit_id
      where n.class_id = ${classId} and not (u.path <@ ${path}::ltree)`),
  );
  return Number(r.n);
}

export interface EventRow {
  nominationId: number;
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  by: string | null;
}

export async function eventsOf(q: Queryable, nominationIds: number[]): Promise<Map<number, EventRow[]>> {
  const out = new Map<number, EventRow[]>();
  if (nominationIds.length === 0) return out;
  const rows = rowsOf<EventRow>(
    await q.execute(sql`select e.nomination_id as "nominationId", e.at::text as at, e.action,
        e.from_status as "fromStatus", e.to_status as "toStatus", e.comment, us.display_name as by
      from nomination_events e left join users us on us.id = e.user_id
      where e.nomination_id = any(${sql.param(nominationIds)}::int[]) order by e.at, e.id`),
  );
  for (const r of rows) {
    const list = out.get(Number(r.nominationId)) ?? [];
    list.push(r);
    out.set(Number(r.nominationId), list);
  }
  return out;
}

/** The waitlist of a class in order. */
export async function waitlistOf(
  q: Queryable,
  classId: number,
): Promise<{ id: number; quotaUnitId: number | null }[]> {
  return rowsOf<{ id: number; quotaUnitId: number | null }>(
    await q.execute(sql`select id, quota_unit_id as "quotaUnitId" from class_nominations
      where class_id = ${classId} and status = 'waitlisted' order by queued_at, id`),
  ).map((r) => ({ id: Number(r.id), quotaUnitId: r.quotaUnitId === null ? null : Number(r.quotaUnitId) }));
}

/** Live nominations of a person in other classes whose dates overlap [startsOn, endsOn]. */
export async function overlappingNominations(
  q: Queryable,
  personIds: number[],
  classId: number,
  range: { startsOn: string; endsOn: string },
) {
  if (personIds.length === 0) return [];
  return rowsOf<{
    personId: number;
    classId: number;
    code: string;
    name: string;
    startsOn: string;
    endsOn: string;
    organiserPath: string;
    institutionPath: string | null;
  }>(
    await q.execute(sql`select n.person_id as "personId", c.id as "classId", c.code, c.name,
        c.starts_on::text as "startsOn", c.ends_on::text as "endsOn", o.path::text as "organiserPath",
        iu.path::text as "institutionPath"
      from class_nominations n join classes c on c.id = n.class_id
      join org_units o on o.id = c.organiser_unit_id
      left join institutions i on i.id = c.institution_id left join org_units iu on iu.id = i.org_unit_id
      where n.person_id = any(${sql.param(personIds)}::int[]) and n.class_id <> ${classId}
        and n.status in ('pending', 'approved', 'waitlisted') and c.status <> 'cancelled'
        and c.starts_on <= ${range.endsOn}::date and ${range.startsOn}::date <= c.ends_on
      order by c.starts_on`),
  );
}

/** Live nominations of a class by status. */
export async function liveCounts(q: Queryable, classId: number) {
  const counts = { approved: 0, pending: 0, waitlisted: 0 };
  const rows = rowsOf<{ status: keyof typeof counts; n: number }>(
    await q.execute(sql`select status, count(*)::int as n from class_nominations
      where class_id = ${classId} and status in ('approved', 'pending', 'waitlisted') group by status`),
  );
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
