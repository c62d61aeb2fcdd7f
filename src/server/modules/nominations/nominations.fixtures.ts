/** Test helper: learners already nominated to a class, written straight to the tables (counters kept). */
import { sql } from 'drizzle-orm';
import type { NominationStatus } from '../../../contracts/nominations';
import type { Db } from '../../db/client';
import { classNominations } from '../../db/schema/index';
import { makePerson, type UnitRow } from '../../test/fixtures';

export async function seatLearners(
  db: Db,
  classId: number,
  unit: UnitRow,
  count: number,
  status: NominationStatus = 'approved',
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const p = await makePerson(db, unit);
    await db.insert(classNominations).values({ classId, personId: p.id, unitId: unit.id, status });
    ids.push(p.id);
  }
  if (status === 'pending' || status === 'approved')
    await db.execute(sql`update classes set seats_taken = seats_taken + ${count} where id = ${classId}`);
  return ids;
}
