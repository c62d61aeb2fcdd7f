import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { planRetirement, planRevision, targetOwner, type VersionRow } from './rule-versions';

const PROVINCE = { id: 10, path: '1.10' };
const COMMUNE = { id: 11, path: '1.10.11' };

let nextId = 1;
const v = (
  owner: { id: number; path: string } | null,
  effectiveFrom: string,
  effectiveTo: string | null,
  version: number,
): VersionRow => ({
  id: nextId++,
  code: 'SM_CV',
  version,
  ownerUnitId: owner?.id ?? null,
  ownerPath: owner?.path ?? null,
  effectiveFrom,
  effectiveTo,
});

const actorAt = (unit: { id: number; path: string }) =>
  ({ scopeUnitId: unit.id, scopePath: unit.path }) as unknown as Actor;

/** The code of the AppError `fn` throws, or 'ok'. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

describe('targetOwner', () => {
  const national = v(null, '2020-01-01', null, 1);
  const provincial = v(PROVINCE, '2024-01-01', null, 2);
  it.each([
    ['national rule, province officer -> override at the province', national, PROVINCE, PROVINCE.id],
    ['province rule, province officer -> the same chain', provincial, PROVINCE, PROVINCE.id],
    ['province rule, commune officer -> override at the commune', provincial, COMMUNE, COMMUNE.id],
  ])('%s', (_label, rule, actorUnit, expected) => {
    expect(targetOwner(actorAt(actorUnit), rule).id).toBe(expected);
  });
});

describe('planRevision', () => {
  const national = [v(null, '2020-01-01', '2025-07-01', 1), v(null, '2025-07-01', null, 2)];
  const own = [v(PROVINCE, '2024-01-01', '2026-01-01', 3), v(PROVINCE, '2026-01-01', null, 4)];
  const closedOwn = [v(PROVINCE, '2024-01-01', '2025-01-01', 5)];

  it.each([
    // label, versions, source index, owner, from, expected: [code, base version, closes?, end, override]
    [
      'override of the national version in force',
      national,
      1,
      PROVINCE.id,
      '2026-03-01',
      ['ok', 2, false, null, true],
    ],
    [
      'override dated in an older national version',
      national,
      1,
      PROVINCE.id,
      '2023-05-01',
      ['ok', 1, false, null, true],
    ],
    ['override before the rule existed', national, 0, PROVINCE.id, '2019-12-31', ['VALIDATION_FAILED']],
    ['own chain: closes the open version', own, 1, PROVINCE.id, '2026-09-01', ['ok', 4, true, null, false]],
    ['own chain: on the start of the latest version', own, 1, PROVINCE.id, '2026-01-01', ['CONFLICT']],
    ['own chain: before the latest version', own, 0, PROVINCE.id, '2025-06-01', ['CONFLICT']],
    [
      'own chain already retired: new version after the gap',
      closedOwn,
      0,
      PROVINCE.id,
      '2025-06-01',
      ['ok', 5, false, null, false],
    ],
  ] as const)('%s', (_label, versions, index, owner, from, expected) => {
    const all = [...versions];
    const result = outcome(() => planRevision(all, all[index], owner, from));
    expect(result).toBe(expected[0]);
    if (result !== 'ok') return;
    const plan = planRevision(all, all[index], owner, from);
    expect([plan.base.version, plan.close !== null, plan.effectiveTo, plan.override]).toEqual(
      expected.slice(1),
    );
    expect(plan.version).toBe(Math.max(...all.map((x) => x.version)) + 1);
  });

  it('keeps the end of a version that was already dated to end', () => {
    const all = [v(PROVINCE, '2024-01-01', '2027-01-01', 1)];
    const plan = planRevision(all, all[0], PROVINCE.id, '2026-01-01');
    expect(plan.close?.id).toBe(all[0].id);
    expect(plan.effectiveTo).toBe('2027-01-01');
  });
});

describe('planRetirement', () => {
  const national = [v(null, '2020-01-01', null, 1)];
  const own = [v(PROVINCE, '2024-01-01', '2026-01-01', 2), v(PROVINCE, '2026-01-01', null, 3)];

  it.each([
    ['national rule: an override that is never in force', national, 0, PROVINCE.id, '2026-12-01', 'insert'],
    ['national rule: on its first day', national, 0, PROVINCE.id, '2020-01-01', 'VALIDATION_FAILED'],
    ['own chain: closes the version in force', own, 1, PROVINCE.id, '2026-12-01', 'close:3'],
    [
      'own chain: inside an older version that has a successor',
      own,
      0,
      PROVINCE.id,
      '2025-06-01',
      'CONFLICT',
    ],
    ['own chain: on the first day of the chain', own, 0, PROVINCE.id, '2024-01-01', 'VALIDATION_FAILED'],
  ] as const)('%s', (_label, versions, index, owner, to, expected) => {
    const all = [...versions];
    const result = outcome(() => planRetirement(all, all[index], owner, to));
    if (result !== 'ok') return expect(result).toBe(expected);
    const plan = planRetirement(all, all[index], owner, to);
    expect('close' in plan ? `close:${plan.close.version}` : 'insert').toBe(expected);
  });

  it('refuses a date after the chain already ended', () => {
    const all = [v(PROVINCE, '2024-01-01', '2025-01-01', 1)];
    expect(outcome(() => planRetirement(all, all[0], PROVINCE.id, '2025-06-01'))).toBe('CONFLICT');
  });
});
