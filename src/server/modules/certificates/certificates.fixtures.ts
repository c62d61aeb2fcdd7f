/** Test helpers: a school with its institution, a programme, a finished class with results. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { classNominations, classResults } from '../../db/schema/index';
import type { Session, TestContext } from '../../test/app';
import { makeUnit, type PersonRow, type UnitRow } from '../../test/fixtures';
import { createProgramme } from '../catalogue/catalogue.fixtures';

export interface School {
  unit: UnitRow;
  institutionId: number;
  programmeId: number;
  officer: Session;
  staff: Session;
}

/** A provincial school (a unit and its institution) and a political-theory programme granting TRUNG_CAP. */
export async function makeSchool(t: TestContext, name = 'Trường Chính trị Nguyễn Văn Cừ'): Promise<School> {
  const unit = await makeUnit(t.handle.db, { parent: t.root, name, level: 'agency' });
  const officer = await t.as('training_officer', t.root);
  const staff = await t.as('institution_staff', unit);
  const programme = await createProgramme(t, officer, {
    nameVi: 'Bồi dưỡng trung cấp lý luận chính trị - hành chính',
    nameEn: 'Intermediate political theory and administration',
  });
  const inst = await t.call(officer, {
    method: 'POST',
    url: '/api/institutions',
    payload: { kind: 'PROVINCIAL_SCHOOL', name, orgUnitId: unit.id },
  });
  expect(inst.statusCode, inst.body).toBe(200);
  return { unit, institutionId: inst.json().id, programmeId: programme.id, officer, staff };
}

export async function openRegister(t: TestContext, s: School, over: Record<string, unknown> = {}) {
  const res = await t.call(s.staff, {
    method: 'POST',
    url: '/api/certificate-registers',
    payload: {
      institutionId: s.institutionId,
      pattern: '{school}/{year}/{seq:4}',
      schoolCode: 'NVC',
      governingBody: 'Tỉnh ủy Quảng Ninh',
      issuerName: 'Trường Chính trị Nguyễn Văn Cừ',
      place: 'Hạ Long',
      signerName: 'Đặng Thị Hương',
      signerTitle: 'Hiệu trưởng',
      ...over,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; nextNumber: string };
}

let seq = 0;

/** A class of the school moved to `to` (default finished), created by the training officer. */
export async function makeClass(
  t: TestContext,
  s: School,
  opts: { to?: 'running' | 'finished'; institution?: boolean } = {},
): Promise<number> {
  seq += 1;
  const res = await t.call(s.officer, {
    method: 'POST',
    url: '/api/classes',
    payload: {
      code: `CC${seq}/2027`,
      name: `Lớp trung cấp lý luận chính trị ${seq}`,
      programmeId: s.programmeId,
      ...(opts.institution === false ? {} : { institutionId: s.institutionId }),
      startsOn: '2027-03-01',
      endsOn: '2027-06-30',
      mode: 'in_person',
      capacity: 60,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json().id as number;
  const steps = ['open_for_nomination', 'running', ...(opts.to === 'running' ? [] : ['finished'])];
  for (const to of steps) {
    const moved = await t.call(s.officer, {
      method: 'POST',
      url: `/api/classes/${id}/status`,
      payload: { to },
    });
    expect(moved.statusCode, moved.body).toBe(200);
  }
  return id;
}

/** An approved learner of the class with a result (as the results service writes it). */
export async function enrolWithResult(
  db: Db,
  classId: number,
  person: PersonRow,
  result: { passed: boolean; grade: string },
): Promise<number> {
  const [n] = await db
    .insert(classNominations)
    .values({ classId, personId: person.id, unitId: person.unitId, status: 'approved' })
    .returning({ id: classNominations.id });
  await db.execute(sql`update classes set seats_taken = seats_taken + 1 where id = ${classId}`);
  await db.insert(classResults).values({
    nominationId: n.id,
    classId,
    personId: person.id,
    attendancePct: result.passed ? '100' : '80',
    average: result.passed ? '8.2' : '4.5',
    minScore: result.passed ? '7' : '4',
    passed: result.passed,
    grade: result.grade,
  });
  return n.id;
}

export const countRows = async (db: Db, query: ReturnType<typeof sql>) =>
  Number(rowsOf<{ n: number }>(await db.execute(query))[0].n);
