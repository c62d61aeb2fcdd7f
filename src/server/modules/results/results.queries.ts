/** Reads of a class's learners, sessions, attendance marks, assessments and scores (ADR 013). */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';

export interface LearnerRow {
  nominationId: number;
  personId: number;
  fullName: string;
  birthDate: string | null;
  unitName: string;
  personalId: string | null;
  rulesKept: boolean;
  disciplineNote: string | null;
}

/** The enrolled learners: approved nominations, in roster order (given name first). */
export async function learnersOf(q: Queryable, classId: number): Promise<LearnerRow[]> {
  return rowsOf<LearnerRow>(
    await q.execute(sql`select n.id as "nominationId", p.id as "personId", p.full_name as "fullName",
        p.birth_date::text as "birthDate", u.name as "unitName", p.personal_id as "personalId",
        n.rules_kept as "rulesKept", n.discipline_note as "disciplineNote"
      from class_nominations n join people p on p.id = n.person_id join org_units u on u.id = n.unit_id
      where n.class_id = ${classId} and n.status = 'approved' order by p.sort_key, p.id`),
  ).map((r) => ({ ...r, nominationId: Number(r.nominationId), personId: Number(r.personId) }));
}

export async function sessionsOf(q: Queryable, classId: number) {
  return rowsOf<{ id: number; day: string; startsAt: string; endsAt: string; topicName: string | null }>(
    await q.execute(sql`select s.id, s.day::text as day, s.starts_at as "startsAt", s.ends_at as "endsAt",
        t.name as "topicName"
      from class_sessions s join classes c on c.id = s.class_id
      left join programme_topics t on t.programme_id = c.programme_id and t.topic_code = s.topic_code
      where s.class_id = ${classId} order by s.day, s.starts_at, s.id`),
  ).map((s) => ({ ...s, id: Number(s.id) }));
}

export async function marksOf(q: Queryable, classId: number) {
  return rowsOf<{
    sessionId: number;
    nominationId: number;
    status: 'present' | 'late' | 'excused' | 'absent';
    reason: string | null;
  }>(
    await q.execute(sql`select a.session_id as "sessionId", a.nomination_id as "nominationId", a.status, a.reason
      from class_attendance a join class_sessions s on s.id = a.session_id
      join class_nominations n on n.id = a.nomination_id and n.status = 'approved'
      where s.class_id = ${classId}`),
  ).map((m) => ({ ...m, sessionId: Number(m.sessionId), nominationId: Number(m.nominationId) }));
}

export async function assessmentsOf(q: Queryable, classId: number) {
  return rowsOf<{
    id: number;
    name: string;
    kind: 'test' | 'essay' | 'project';
    weight: number;
    position: number;
    heldOn: string | null;
  }>(
    await q.execute(sql`select id, name, kind, weight::float8 as weight, position, held_on::text as "heldOn" from class_assessments
      where class_id = ${classId} order by position, id`),
  ).map((a) => ({ ...a, id: Number(a.id), weight: Number(a.weight), position: Number(a.position) }));
}

export async function scoresOf(q: Queryable, classId: number) {
  return rowsOf<{ assessmentId: number; nominationId: number; score: number }>(
    await q.execute(sql`select s.assessment_id as "assessmentId", s.nomination_id as "nominationId",
        s.score::float8 as score
      from class_scores s join class_assessments a on a.id = s.assessment_id
      join class_nominations n on n.id = s.nomination_id and n.status = 'approved'
      where a.class_id = ${classId}`),
  ).map((s) => ({
    assessmentId: Number(s.assessmentId),
    nominationId: Number(s.nominationId),
    score: Number(s.score),
  }));
}

/**
 * The sessions of a class the login teaches: by the lecturer record its login is linked to
 * (ADR 038), or, for an internal lecturer, by its person. A lecturer marks attendance on these
 * only (ADR 063).
 */
export async function taughtSessionIds(
  q: Queryable,
  classId: number,
  who: { lecturerId?: number | null; personId: number | null },
): Promise<Set<number>> {
  const lecturerId = who.lecturerId ?? null;
  if (lecturerId === null && who.personId === null) return new Set();
  const rows = rowsOf<{ id: number }>(
    await q.execute(sql`select s.id from class_sessions s join lecturers l on l.id = s.lecturer_id
      where s.class_id = ${classId}
        and (l.id = ${lecturerId}::int or (${who.personId}::int is not null and l.person_id = ${who.personId}::int))`),
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** Does the login teach one of the class's sessions? */
export async function teaches(
  q: Queryable,
  classId: number,
  who: { lecturerId?: number | null; personId: number | null },
): Promise<boolean> {
  return (await taughtSessionIds(q, classId, who)).size > 0;
}

export interface TaughtSession {
  id: number;
  day: string;
  startsAt: string;
  endsAt: string;
  topicCode: string | null;
  room: string | null;
}

/** The classes the login teaches a session of (newest first), each with the sessions it teaches. */
export async function taughtClasses(
  q: Queryable,
  who: { lecturerId?: number | null; personId: number | null },
) {
  const lecturerId = who.lecturerId ?? null;
  const rows = rowsOf<{
    classId: number;
    code: string;
    name: string;
    status: string;
    startsOn: string;
    endsOn: string;
    sessionId: number;
    day: string;
    startsAt: string;
    endsAt: string;
    topicCode: string | null;
    room: string | null;
  }>(
    await q.execute(sql`select c.id as "classId", c.code, c.name, c.status, c.starts_on::text as "startsOn",
        c.ends_on::text as "endsOn", s.id as "sessionId", s.day::text as day, s.starts_at as "startsAt",
        s.ends_at as "endsAt", s.topic_code as "topicCode", s.room
      from class_sessions s join lecturers l on l.id = s.lecturer_id join classes c on c.id = s.class_id
      where c.status <> 'cancelled'
        and (l.id = ${lecturerId}::int or (${who.personId}::int is not null and l.person_id = ${who.personId}::int))
      order by c.starts_on desc, c.id desc, s.day, s.starts_at
      limit 2000`),
  );
  const byClass = new Map<
    number,
    {
      id: number;
      code: string;
      name: string;
      status: string;
      startsOn: string;
      endsOn: string;
      sessions: TaughtSession[];
    }
  >();
  for (const r of rows) {
    const id = Number(r.classId);
    let c = byClass.get(id);
    if (!c) {
      c = {
        id,
        code: r.code,
        name: r.name,
        status: r.status,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        sessions: [],
      };
      byClass.set(id, c);
    }
    c.sessions.push({
      id: Number(r.sessionId),
      day: r.day,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      topicCode: r.topicCode,
      room: r.room,
    });
  }
  return [...byClass.values()];
}
