import { describe, expect, it } from 'vitest';
import {
  canMoveNomination,
  nominationWindow,
  poolOf,
  promotions,
  type QuotaState,
  quotaErrors,
  quotaFor,
  type SeatState,
  seatFor,
} from './nominations.rules';

const quotas: QuotaState[] = [
  { unitId: 10, path: '1.10', seats: 2, taken: 0 },
  { unitId: 11, path: '1.10.11', seats: 1, taken: 0 },
  { unitId: 20, path: '1.20', seats: 3, taken: 3 },
];

describe('quotaFor', () => {
  it.each([
    ['1.10.11.5', 11],
    ['1.10.11', 11],
    ['1.10.12', 10],
    ['1.10', 10],
    ['1.20.7', 20],
    ['1.30', null],
    ['1.101', null],
  ])('a person of %s is charged to %s', (path, unitId) => {
    expect(quotaFor(quotas, path)?.unitId ?? null).toBe(unitId);
  });
});

describe('seatFor', () => {
  const state = (taken: number, qs: QuotaState[] = []): SeatState => ({ capacity: 10, taken, quotas: qs });
  it.each([
    ['an empty class without quotas', state(0), null, 'seat', null],
    ['a full class', state(10), null, 'waitlist', 'CLASS_FULL'],
    ['a quota with room', state(3, quotas), quotas[0], 'seat', null],
    ['a used-up quota', state(3, quotas), quotas[2], 'waitlist', 'QUOTA_FULL'],
    // capacity 10, quotas give 6: pool 4; held 5 of which 3 by quotas: pool taken 2 -> seat
    ['the pool with room', state(5, quotas), null, 'seat', null],
    // held 7, 3 by quotas: pool taken 4 of 4
    ['an exhausted pool', state(7, quotas), null, 'waitlist', 'POOL_FULL'],
    ['a full class beats a free quota', state(10, quotas), quotas[0], 'waitlist', 'CLASS_FULL'],
  ] as const)('%s', (_n, s, q, outcome, reason) => {
    expect(seatFor(s, q)).toEqual({ outcome, reason });
  });

  it('pool is what no unit was given', () => {
    expect(poolOf({ capacity: 10, taken: 5, quotas })).toEqual({ seats: 4, taken: 2 });
    expect(poolOf({ capacity: 5, taken: 0, quotas: [{ ...quotas[0], seats: 6 }] })).toEqual({
      seats: 0,
      taken: 0,
    });
  });
});

describe('promotions', () => {
  it('fills freed seats in waitlist order, skipping those whose quota is full', () => {
    const s: SeatState = {
      capacity: 5,
      taken: 3,
      quotas: [
        { unitId: 10, path: '1.10', seats: 2, taken: 2 },
        { unitId: 20, path: '1.20', seats: 2, taken: 1 },
      ],
    };
    // pool 1 seat, 0 taken; quota 20 has one seat; quota 10 is full.
    expect(
      promotions(s, [
        { id: 1, quotaUnitId: 10 },
        { id: 2, quotaUnitId: 20 },
        { id: 3, quotaUnitId: 20 },
        { id: 4, quotaUnitId: null },
        { id: 5, quotaUnitId: null },
      ]),
    ).toEqual([2, 4]);
  });

  it('promotes nobody when the class is full', () => {
    expect(promotions({ capacity: 2, taken: 2, quotas: [] }, [{ id: 1, quotaUnitId: null }])).toEqual([]);
  });

  it('promotes as many as a grown capacity allows', () => {
    const wl = [1, 2, 3, 4].map((id) => ({ id, quotaUnitId: null }));
    expect(promotions({ capacity: 5, taken: 2, quotas: [] }, wl)).toEqual([1, 2, 3]);
  });
});

describe('moves', () => {
  it.each([
    ['pending', 'approved', true],
    ['pending', 'withdrawn', true],
    ['waitlisted', 'pending', true],
    ['waitlisted', 'approved', false],
    ['approved', 'rejected', false],
    ['approved', 'substituted', true],
    ['rejected', 'pending', false],
    ['withdrawn', 'pending', false],
  ] as const)('%s -> %s: %s', (from, to, ok) => {
    expect(canMoveNomination(from, to)).toBe(ok);
  });
});

describe('nominationWindow', () => {
  it.each([
    ['open_for_nomination', null, '2026-05-01', true],
    ['open_for_nomination', '2026-05-01', '2026-05-01', true],
    ['open_for_nomination', '2026-05-01', '2026-05-02', false],
    ['planned', null, '2026-05-01', false],
    ['running', null, '2026-05-01', false],
  ] as const)('%s, deadline %s, on %s: open %s', (status, deadline, today, open) => {
    expect(nominationWindow({ status, nominationDeadline: deadline }, today).open).toBe(open);
  });

  it('says the deadline in dd/mm/yyyy', () => {
    const w = nominationWindow(
      { status: 'open_for_nomination', nominationDeadline: '2026-05-01' },
      '2026-06-01',
    );
    expect(w.reason?.vi).toContain('01/05/2026');
  });
});

describe('quotaErrors', () => {
  it('refuses quotas over the capacity, under the held seats, or squeezing the pool', () => {
    expect(quotaErrors(10, [{ unitId: 1, seats: 11, held: 0, name: 'A' }], 0)).toHaveLength(1);
    expect(quotaErrors(10, [{ unitId: 1, seats: 2, held: 3, name: 'A' }], 0)[0].en).toContain('A: 3');
    expect(quotaErrors(10, [{ unitId: 1, seats: 8, held: 0, name: 'A' }], 3)[0].en).toContain('only 2');
    expect(quotaErrors(10, [{ unitId: 1, seats: 8, held: 8, name: 'A' }], 2)).toEqual([]);
  });
});
