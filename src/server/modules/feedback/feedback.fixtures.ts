/** Test helpers of the feedback routes: classes taught by lecturers, learners, full answers. */
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ClassStatus } from '../../../contracts/classes';
import { classes, classNominations } from '../../db/schema/index';
import type { Session, TestContext } from '../../test/app';
import { makePerson, type UnitRow } from '../../test/fixtures';
import { FEEDBACK_FORM_PACK } from './feedback-forms';

let seq = 0;
const hour = (h: number) => `${String(h).padStart(2, '0')}:30`;

/**
 * A class of the programme at the institution from `startsOn` to `endsOn`, one session per
 * lecturer, put straight into `status` (the life cycle is the classes module's business).
 */
export async function taughtClass(
  t: TestContext,
  officer: Session,
  o: {
    programmeId: number;
    institutionId: number;
    lecturerIds: number[];
    startsOn: string;
    endsOn: string;
    status: ClassStatus;
  },
): Promise<number> {
  seq += 1;
  const res = await t.call(officer, {
    method: 'POST',
    url: '/api/classes',
    payload: {
      code: `F${seq}/${o.startsOn.slice(0, 4)}`,
      name: `Lớp bồi dưỡng ${seq}`,
      programmeId: o.programmeId,
      institutionId: o.institutionId,
      startsOn: o.startsOn,
      endsOn: o.endsOn,
      mode: 'in_person',
      capacity: 30,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json().id as number;
  for (const [i, lecturerId] of o.lecturerIds.entries()) {
    const s = await t.call(officer, {
      method: 'POST',
      url: `/api/classes/${id}/sessions`,
      payload: { day: o.startsOn, startsAt: hour(7 + i * 2), endsAt: hour(8 + i * 2), lecturerId },
    });
    expect(s.statusCode, s.body).toBe(200);
  }
  await t.handle.db.update(classes).set({ status: o.status }).where(eq(classes.id, id));
  return id;
}

/** A person of `unit` sent to the class with `status`; returns the person and nomination ids. */
export async function enrol(
  t: TestContext,
  classId: number,
  unit: UnitRow,
  fullName: string,
  status: 'approved' | 'pending' = 'approved',
) {
  const p = await makePerson(t.handle.db, unit, { fullName });
  const [n] = await t.handle.db
    .insert(classNominations)
    .values({ classId, personId: p.id, unitId: unit.id, status })
    .returning({ id: classNominations.id });
  await t.handle.db.execute(sql`update classes set seats_taken = seats_taken + 1 where id = ${classId}`);
  return { personId: p.id, nominationId: n.id, fullName };
}

/**
 * A level-1 body: `content` = [CONTENT_RELEVANT, CONTENT_UPDATED], `org` = [ORG_MANAGEMENT,
 * ORG_FACILITIES], `lecturers` = lecturer id -> [KNOWLEDGE, METHOD].
 */
export function level1Body(
  formId: number,
  s: { content: [number, number]; org: [number, number]; lecturers: Record<number, [number, number]> },
  comment?: string,
) {
  const one = (questionCode: string, score: number, lecturerId: number | null = null) => ({
    questionCode,
    lecturerId,
    score,
  });
  return {
    formId,
    comment,
    scores: [
      one('CONTENT_RELEVANT', s.content[0]),
      one('CONTENT_UPDATED', s.content[1]),
      one('ORG_MANAGEMENT', s.org[0]),
      one('ORG_FACILITIES', s.org[1]),
      ...Object.entries(s.lecturers).flatMap(([id, [k, m]]) => [
        one('LECTURER_KNOWLEDGE', k, Number(id)),
        one('LECTURER_METHOD', m, Number(id)),
      ]),
    ],
  };
}

/** A level-3 body in the order of the shipped form. */
export function level3Body(formId: number, scores: [number, number, number], comment?: string) {
  const codes = FEEDBACK_FORM_PACK.find((f) => f.level === 3)!.questions.map((q) => q.code);
  return {
    formId,
    comment,
    scores: codes.map((questionCode, i) => ({ questionCode, lecturerId: null, score: scores[i] })),
  };
}
