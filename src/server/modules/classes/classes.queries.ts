/** Reading classes, their sessions, clashes and events. Scope conditions come from the policy. */
import { type SQL, sql } from 'drizzle-orm';
import type { CLASS_SORT_KEYS, ClassStatus } from '../../../contracts/classes';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';
import type { SessionSlot } from './classes.rules';

export interface ClassRow {
  id: number;
  code: string;
  year: number;
  name: string;
  programmeId: number;
  programmeCode: string;
  programmeName: string;
  programmeKind: string;
  institutionId: number | null;
  institutionName: string | null;
  /** The org unit the institution is, when it is one (its staff manage its classes). */
  institutionPath: string | null;
  organiserUnitId: number;
  organiserUnitName: string;
  organiserPath: string;
  planLineId: number | null;
  /** The plan line's plan, and where that plan sits (for who may follow the link to it). */
  planId: number | null;
  planTitle: string | null;
  planYear: number | null;
  planLineLevel: string | null;
  planUnitPath: string | null;
  startsOn: string;
  endsOn: string;
  venue: string | null;
  mode: 'in_person' | 'online' | 'blended';
  capacity: number;
  seatsTaken: number;
  nominationDeadline: string | null;
  budget: Record<string, number>;
  status: ClassStatus;
  note: string | null;
  version: number;
  sessionCount: number;
}

const SELECT = sql`select c.id, c.code, c.year, c.name, c.programme_id as "programmeId", p.code as "programmeCode",
    p.name_vi as "programmeName", p.kind as "programmeKind", c.institution_id as "institutionId",
    i.name as "institutionName", iu.path::text as "institutionPath", c.organiser_unit_id as "organiserUnitId",
    o.name as "organiserUnitName", o.path::text as "organiserPath", c.plan_line_id as "planLineId",
    pl.plan_id as "planId", ap.title as "planTitle", ap.year as "planYear", pl.level as "planLineLevel",
    pu.path::text as "planUnitPath",
    c.starts_on::text as "startsOn", c.ends_on::text as "endsOn", c.venue, c.mode, c.capacity, c.budget,
    c.seats_taken as "seatsTaken", c.nomination_deadline::text as "nominationDeadline",
    c.status, c.note, c.version,
    (select count(*)::int from class_sessions s where s.class_id = c.id) as "sessionCount"
  from classes c
  join programmes p on p.id = c.programme_id
  join org_units o on o.id = c.organiser_unit_id
  left join institutions i on i.id = c.institution_id
  left join org_units iu on iu.id = i.org_unit_id
  left join plan_lines pl on pl.id = c.plan_line_id
  left join annual_plans ap on ap.id = pl.plan_id
  left join org_units pu on pu.id = ap.unit_id`;

export async function findClass(q: Queryable, id: number): Promise<ClassRow | undefined> {
  return rowsOf<ClassRow>(await q.execute(sql`${SELECT} where c.id = ${id}`))[0];
}

type ClassSortKey = (typeof CLASS_SORT_KEYS)[number];

/** The class list's sort keys over the selected row `x` (texts in Vietnamese order). */
const SORT_EXPRS: Record<ClassSortKey, SQL> = {
  code: sql`x.code`,
  name: viOrder(sql`x.name`),
  institution: viOrder(sql`x."institutionName"`),
  startsOn: sql`x."startsOn"`,
  seatsTaken: sql`x."seatsTaken"`,
  sessionCount: sql`x."sessionCount"`,
};

export async function pageClasses(
  q: Queryable,
  where: SQL[],
  page: { offset: number; limit: number },
  sort?: ClassSortKey | `-${ClassSortKey}`,
): Promise<{ rows: ClassRow[]; total: number }> {
  const cond = where.length ? sql.join(where, sql` and `) : sql`true`;
  const order = sortedBy(sort, SORT_EXPRS, sql`x."startsOn" desc, x.code, x.id`);
  const rows = rowsOf<ClassRow & { total: number }>(
    await q.execute(sql`select *, count(*) over () as total from (${SELECT} where ${cond}) x
      order by ${order} limit ${page.limit} offset ${page.offset}`),
  );
  return { rows, total: rows.length ? Number(rows[0].total) : 0 };
}

/** Codes an organiser already used in a year (for the next "K<n>/<year>"). */
export async function codesOf(q: Queryable, organiserUnitId: number, year: number): Promise<string[]> {
  return rowsOf<{ code: string }>(
    await q.execute(
      sql`select code from classes where organiser_unit_id = ${organiserUnitId} and year = ${year}`,
    ),
  ).map((r) => r.code);
}

export async function listSessions(q: Queryable, classId: number) {
  return rowsOf<{
    id: number;
    day: string;
    startsAt: string;
    endsAt: string;
    topicCode: string | null;
    topicName: string | null;
    lecturerId: number | null;
    lecturerName: string | null;
    room: string | null;
    onlineUrl: string | null;
    note: string | null;
  }>(
    await q.execute(sql`select s.id, s.day::text as day, s.starts_at as "startsAt", s.ends_at as "endsAt",
        s.topic_code as "topicCode", t.name as "topicName", s.lecturer_id as "lecturerId",
        l.full_name as "lecturerName", s.room, s.online_url as "onlineUrl", s.note
      from class_sessions s join classes c on c.id = s.class_id
      left join programme_topics t on t.programme_id = c.programme_id and t.topic_code = s.topic_code
      left join lecturers l on l.id = s.lecturer_id
      where s.class_id = ${classId} order by s.day, s.starts_at, s.id`),
  );
}

/** Where a class's rooms are: its institution, else its venue (folded), else nowhere. */
const PLACE = (c: string) =>
  sql.raw(`coalesce('inst:' || ${c}.institution_id, 'venue:' || nullif(lower(trim(${c}.venue)), ''))`);

/** The other side of a clash, with the paths that say whether the actor may see that class. */
export type ClashOther = SessionSlot & {
  classCode: string;
  className: string;
  organiserPath: string;
  institutionPath: string | null;
};

/**
 * The sessions of other live classes that share a day and overlapping hours with a session of
 * this class, with the same lecturer or the same room of the same place. Checked in TypeScript
 * by `clashKinds` on the candidates the SQL narrows down (same day, overlapping hours).
 */
export async function clashCandidates(q: Queryable, classId: number) {
  return rowsOf<{ mine: SessionSlot; other: ClashOther }>(
    await q.execute(sql`select
        json_build_object('id', s.id, 'classId', s.class_id, 'day', s.day::text, 'startsAt', s.starts_at,
          'endsAt', s.ends_at, 'lecturerId', s.lecturer_id, 'place', ${PLACE('c')}, 'roomKey', s.room_key) as mine,
        json_build_object('id', o.id, 'classId', o.class_id, 'day', o.day::text, 'startsAt', o.starts_at,
          'endsAt', o.ends_at, 'lecturerId', o.lecturer_id, 'place', ${PLACE('oc')}, 'roomKey', o.room_key,
          'classCode', oc.code, 'className', oc.name,
          'organiserPath', ou.path::text, 'institutionPath', oiu.path::text) as other
      from class_sessions s join classes c on c.id = s.class_id
      join class_sessions o on o.day = s.day and o.class_id <> s.class_id
        and o.starts_at < s.ends_at and s.starts_at < o.ends_at
        and (o.lecturer_id = s.lecturer_id or o.room_key = s.room_key)
      join classes oc on oc.id = o.class_id and oc.status <> 'cancelled'
      join org_units ou on ou.id = oc.organiser_unit_id
      left join institutions oi on oi.id = oc.institution_id
      left join org_units oiu on oiu.id = oi.org_unit_id
      where s.class_id = ${classId}
      order by s.day, s.starts_at, o.id`),
  );
}

export async function listEvents(q: Queryable, classId: number) {
  return rowsOf<{
    at: string;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    comment: string | null;
    by: string | null;
  }>(
    await q.execute(sql`select e.at::text as at, e.action, e.from_status as "fromStatus", e.to_status as "toStatus",
        e.comment, u.display_name as by
      from class_events e left join users u on u.id = e.user_id
      where e.class_id = ${classId} order by e.at desc, e.id desc`),
  );
}
