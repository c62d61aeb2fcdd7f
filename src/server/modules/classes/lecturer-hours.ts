/**
 * Periods taught, derived from sessions (ADR 011): the 'classes' rows of lecturer_hours are
 * recomputed, in the transaction of the change, for the lecturers a session save, a session
 * delete or a status move touches. The catalogue reads the sum over sources (ADR 009), so typed
 * ('manual') rows are never touched here.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { periodsByLecturerYear } from './classes.rules';

/** Recompute for these lecturers (nulls ignored), or for every lecturer ('all', the demo seed). */
export async function recomputeLecturerHours(q: Queryable, lecturerIds: (number | null)[] | 'all') {
  const ids = lecturerIds === 'all' ? null : [...new Set(lecturerIds.filter((x): x is number => x !== null))];
  if (ids && ids.length === 0) return;
  const only = ids ? sql`and s.lecturer_id = any(${sql.param(ids)}::int[])` : sql``;
  // A cancelled class was not taught: its sessions count for nobody.
  const sessions = rowsOf<{ lecturerId: number; day: string; startsAt: string; endsAt: string }>(
    await q.execute(sql`select s.lecturer_id as "lecturerId", s.day::text as day, s.starts_at as "startsAt",
        s.ends_at as "endsAt"
      from class_sessions s join classes c on c.id = s.class_id
      where s.lecturer_id is not null and c.status <> 'cancelled' ${only}`),
  );
  await q.execute(
    ids
      ? sql`delete from lecturer_hours where source = 'classes' and lecturer_id = any(${sql.param(ids)}::int[])`
      : sql`delete from lecturer_hours where source = 'classes'`,
  );
  const rows = periodsByLecturerYear(sessions);
  if (rows.length === 0) return;
  await q.execute(sql`insert into lecturer_hours (lecturer_id, year, source, periods)
    select * from unnest(${sql.param(rows.map((r) => r.lecturerId))}::int[],
      ${sql.param(rows.map((r) => r.year))}::int[], ${sql.param(rows.map(() => 'classes'))}::text[],
      ${sql.param(rows.map((r) => r.periods))}::int[])`);
}

/** Recompute for every lecturer of a class's sessions (its status decides whether they count). */
export async function recomputeClassLecturers(q: Queryable, classId: number) {
  const rows = rowsOf<{ id: number }>(
    await q.execute(sql`select distinct lecturer_id as id from class_sessions
      where class_id = ${classId} and lecturer_id is not null`),
  );
  await recomputeLecturerHours(
    q,
    rows.map((r) => r.id),
  );
}
