/** Bodies and helpers shared by the catalogue route tests. */
import { expect } from 'vitest';
import type { Session, TestContext } from '../../test/app';

/** Field names of a 400 answer, comma-joined. */
export const fieldsOf = (res: { json(): { error: { details?: { fields?: { field: string }[] } } } }) =>
  res
    .json()
    .error.details?.fields?.map((f) => f.field)
    .join(',');

let seq = 0;

/** A valid programme body; `over` replaces fields. */
export function programmeBody(over: Record<string, unknown> = {}) {
  seq += 1;
  return {
    code: `CT-${seq}`,
    nameVi: `Bồi dưỡng lý luận chính trị ${seq}`,
    nameEn: `Political theory ${seq}`,
    kind: 'POLITICAL_THEORY',
    level: 'TRUNG_CAP',
    periods: 120,
    mode: 'in_person',
    grantsKind: 'POLITICAL_THEORY',
    grantsLevel: 'TRUNG_CAP',
    organiserLevels: ['province'],
    topics: [
      { topicCode: 'LLCT-TRIET', name: 'Triết học Mác - Lênin', periods: 40 },
      { topicCode: 'LLCT-KTCT', name: 'Kinh tế chính trị', periods: 40 },
    ],
    effectiveFrom: '2025-07-01',
    ...over,
  };
}

/** Create a programme as `session` and return its detail (fails the test otherwise). */
export async function createProgramme(t: TestContext, session: Session, over: Record<string, unknown> = {}) {
  const res = await t.call(session, { method: 'POST', url: '/api/programmes', payload: programmeBody(over) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
