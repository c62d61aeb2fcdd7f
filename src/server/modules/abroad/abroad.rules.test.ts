import { describe, expect, it } from 'vitest';
import type { DelegationStatus } from '../../../contracts/abroad';
import { canMove, reportStanding } from './abroad.rules';

describe('delegation life cycle', () => {
  it.each([
    ['planned', 'approved', true],
    ['planned', 'travelling', false],
    ['approved', 'travelling', true],
    ['approved', 'planned', true],
    ['travelling', 'returned', true],
    ['travelling', 'cancelled', false],
    ['returned', 'closed', true],
    ['closed', 'returned', false],
    ['cancelled', 'planned', false],
  ] as [DelegationStatus, DelegationStatus, boolean][])('%s -> %s: %s', (from, to, ok) => {
    expect(canMove(from, to)).toBe(ok);
  });
});

describe('reportStanding (15 days after return)', () => {
  const back = { status: 'returned' as const, returnsOn: '2026-10-01' };
  it.each([
    [
      'not back yet',
      { status: 'travelling' as const, returnsOn: '2026-10-01' },
      null,
      '2026-11-20',
      'not_due',
      null,
    ],
    [
      'cancelled',
      { status: 'cancelled' as const, returnsOn: '2026-10-01' },
      null,
      '2026-11-20',
      'not_due',
      null,
    ],
    ['back, within the days', back, null, '2026-10-10', 'waiting', null],
    ['the due day itself', back, null, '2026-10-16', 'waiting', null],
    ['one day late', back, null, '2026-10-17', 'overdue', 1],
    ['closed and still missing', { ...back, status: 'closed' as const }, null, '2026-11-20', 'overdue', 35],
    ['handed in on time', back, '2026-10-12', '2026-11-20', 'submitted', null],
    ['handed in 4 days late', back, '2026-10-20', '2026-11-20', 'submitted', 4],
  ] as const)('%s', (_l, d, submitted, today, state, late) => {
    const r = reportStanding(d, 15, submitted, today);
    expect(r).toEqual({ state, dueOn: '2026-10-16', daysLate: late });
  });
});
