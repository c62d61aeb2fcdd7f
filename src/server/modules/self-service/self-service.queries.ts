/**
 * Reads of a learner's own classes (ADR 017), each set-based over the person: their nominations,
 * the sessions and marks, assessments and scores of the classes they are enrolled in, stored
 * results; the open classes their unit could send them to; join requests.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { NominationStatus } from '../../../contracts/nominations';
import type { AttendanceStatus } from '../../../contracts/results';
import type { JoinRequest, JoinRequestStatus, SelfClass } from '../../../contracts/self-service';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { nominationWindow } from '../nominations/nominations.rules';

type Klass = z.infer<typeof SelfClass>;

/** The class columns a learner may read, from `classes c` (aliases p, o, i). */
const CLASS_COLUMNS = sql`c.id as "classId", c.code, c.name, p.name_vi as "programmeName",
  i.name as "institutionName", o.name as "organiserUnitName", c.starts_on::text as "startsOn",
  c.ends_on::text as "endsOn", c.venue, c.mode, c.status as "classStatus",
  c.nomination_deadline::text as "nominationDeadline"`;
const CLASS_JOINS = sql`join programmes p on p.id = c.programme_id
  join org_units o on o.id = c.organiser_unit_id
  left join institutions i on i.id = c.institution_id
  left join org_units iu on iu.id = i.org_unit_id`;

type ClassCols = Omit<Klass, 'id' | 'status'> & { classId: number; classStatus: Klass['status'] };

function classOf(r: ClassCols): Klass {
  return {
    id: Number(r.classId),
    code: r.code,
    name: r.name,
    programmeName: r.programmeName,
    institutionName: r.institutionName,
    organiserUnitName: r.organiserUnitName,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    venue: r.venue,
    mode: r.mode,
    status: r.classStatus,
    nominationDeadline: r.nominationDeadline,
  };
}

export interface MyNominationRow {
  nominationId: number;
  status: NominationStatus;
  waitlistPosition: number | null;
  reason: string | null;
  note: string | null;
  nominatedAt: string;
  decidedAt: string | null;
  class: Klass;
}

/** Every nomination of the person, the newest class first, with its waitlist place. */
export async function nominationsOfPerson(q: Queryable, personId: number): Promise<MyNominationRow[]> {
  const rows = rowsOf<
    ClassCols & Omit<MyNominationRow, 'class'> & { waitlistPosition: number | null; nominationId: number }
  >(
    await q.execute(sql`select n.id as "nominationId", n.status, n.reason, n.note,
        n.created_at::text as "nominatedAt", n.decided_at::text as "decidedAt",
        case when n.status = 'waitlisted' then (select count(*)::int from class_nominations w
          where w.class_id = n.class_id and w.status = 'waitlisted'
            and (w.queued_at, w.id) <= (n.queued_at, n.id)) end as "waitlistPosition",
        ${CLASS_COLUMNS}
      from class_nominations n join classes c on c.id = n.class_id ${CLASS_JOINS}
      where n.person_id = ${personId}
      order by c.starts_on desc, c.id desc, n.id desc`),
  );
  return rows.map((r) => ({
    nominationId: Number(r.nominationId),
    status: r.status,
    waitlistPosition: r.waitlistPosition === null ? null : Number(r.waitlistPosition),
    reason: r.reason,
    note: r.note,
    nominatedAt: r.nominatedAt,
    decidedAt: r.decidedAt,
    class: classOf(r),
  }));
}

/** The sessions of the classes the person is enrolled in (approved), with their mark at each. */
export async function sessionsOfPerson(q: Queryable, personId: number) {
  return rowsOf<{
    nominationId: number;
    sessionId: number;
    day: string;
    startsAt: string;
    endsAt: string;
    topicName: string | null;
    mark: AttendanceStatus | null;
    reason: string | null;
  }>(
    await q.execute(sql`select n.id as "nominationId", s.id as "sessionId", s.day::text as day,
        s.starts_at as "startsAt", s.ends_at as "endsAt", t.name as "topicName", a.status as mark, a.reason
      from class_nominations n join classes c on c.id = n.class_id
      join class_sessions s on s.class_id = n.class_id
      left join programme_topics t on t.programme_id = c.programme_id and t.topic_code = s.topic_code
      left join class_attendance a on a.session_id = s.id and a.nomination_id = n.id
      where n.person_id = ${personId} and n.status = 'approved'
      order by s.day, s.starts_at, s.id`),
  ).map((r) => ({ ...r, nominationId: Number(r.nominationId), sessionId: Number(r.sessionId) }));
}

/** The assessments of the classes the person is enrolled in, with their score of each. */
export async function scoresOfPerson(q: Queryable, personId: number) {
  return rowsOf<{
    nominationId: number;
    assessmentId: number;
    name: string;
    kind: 'test' | 'essay' | 'project';
    weight: number;
    score: number | null;
  }>(
    await q.execute(sql`select n.id as "nominationId", a.id as "assessmentId", a.name, a.kind,
        a.weight::float8 as weight, sc.score::float8 as score
      from class_nominations n join class_assessments a on a.class_id = n.class_id
      left join class_scores sc on sc.assessment_id = a.id and sc.nomination_id = n.id
      where n.person_id = ${personId} and n.status = 'approved'
      order by a.position, a.id`),
  ).map((r) => ({
    ...r,
    nominationId: Number(r.nominationId),
    assessmentId: Number(r.assessmentId),
    weight: Number(r.weight),
    score: r.score === null ? null : Number(r.score),
  }));
}

/**
 * Classes open for nomination, deadline not passed, that a unit at `unitPath` sees (the class
 * policy with the unit as the subtree), with the person's live nomination and latest request.
 */
export async function openClassesFor(q: Queryable, unitPath: string, personId: number, today: string) {
  const rows = rowsOf<
    ClassCols & {
      capacity: number;
      seatsTaken: number;
      nominationId: number | null;
      nominationStatus: NominationStatus | null;
      requestId: number | null;
      requestStatus: JoinRequestStatus | null;
    }
  >(
    await q.execute(sql`select ${CLASS_COLUMNS}, c.capacity, c.seats_taken as "seatsTaken",
        n.id as "nominationId", n.status as "nominationStatus", jr.id as "requestId", jr.status as "requestStatus"
      from classes c ${CLASS_JOINS}
      left join class_nominations n on n.class_id = c.id and n.person_id = ${personId}
        and n.status in ('pending', 'approved', 'waitlisted')
      left join lateral (select r.id, r.status from join_requests r
        where r.class_id = c.id and r.person_id = ${personId} order by r.created_at desc, r.id desc limit 1) jr on true
      where c.status = 'open_for_nomination'
        and (c.nomination_deadline is null or c.nomination_deadline >= ${today}::date)
        and (o.path <@ ${unitPath}::ltree or ${unitPath}::ltree <@ o.path
          or (iu.path is not null and iu.path <@ ${unitPath}::ltree))
      order by coalesce(c.nomination_deadline, c.starts_on), c.starts_on, c.code`),
  );
  return rows.map((r) => ({
    ...classOf(r),
    capacity: Number(r.capacity),
    seatsTaken: Number(r.seatsTaken),
    nomination: r.nominationId === null ? null : { id: Number(r.nominationId), status: r.nominationStatus! },
    request: r.requestId === null ? null : { id: Number(r.requestId), status: r.requestStatus! },
    canRequest: r.nominationId === null && r.requestStatus !== 'pending',
  }));
}

export interface JoinRequestRow extends JoinRequest {
  /** Current unit path of the person (who may decide), not sent to clients. */
  personUnitPath: string;
  personId: number;
  classId: number;
}

/** Join requests matching `where` (aliases jr, c, pe, pu), the newest first. */
export async function findJoinRequests(
  q: Queryable,
  where: SQL,
  today: string,
  limit = 500,
): Promise<JoinRequestRow[]> {
  const rows = rowsOf<
    ClassCols & {
      id: number;
      status: JoinRequestStatus;
      note: string | null;
      reason: string | null;
      createdAt: string;
      decidedAt: string | null;
      decidedBy: string | null;
      personId: number;
      fullName: string;
      birthDate: string | null;
      unitName: string;
      personUnitPath: string;
      nominationId: number | null;
      nominationStatus: NominationStatus | null;
    }
  >(
    await q.execute(sql`select jr.id, jr.status, jr.note, jr.reason, jr.created_at::text as "createdAt",
        jr.decided_at::text as "decidedAt", du.display_name as "decidedBy",
        pe.id as "personId", pe.full_name as "fullName", pe.birth_date::text as "birthDate",
        pu.name as "unitName", pu.path::text as "personUnitPath",
        n.id as "nominationId", n.status as "nominationStatus", ${CLASS_COLUMNS}
      from join_requests jr join classes c on c.id = jr.class_id ${CLASS_JOINS}
      join people pe on pe.id = jr.person_id join org_units pu on pu.id = pe.unit_id
      left join users du on du.id = jr.decided_by
      left join class_nominations n on n.id = jr.nomination_id
      where ${where}
      order by case jr.status when 'pending' then 0 else 1 end, jr.created_at desc, jr.id desc
      limit ${limit}`),
  );
  return rows.map((r) => {
    const k = classOf(r);
    return {
      id: Number(r.id),
      status: r.status,
      note: r.note,
      reason: r.reason,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      decidedBy: r.decidedBy,
      class: k,
      classId: k.id,
      personId: Number(r.personId),
      personUnitPath: r.personUnitPath,
      person: { id: Number(r.personId), fullName: r.fullName, birthDate: r.birthDate, unitName: r.unitName },
      nomination:
        r.nominationId === null ? null : { id: Number(r.nominationId), status: r.nominationStatus! },
      classOpen: nominationWindow(k, today).open,
    };
  });
}
