import { describe, expect, it } from 'vitest';
import { CLASS_STATUSES, type ClassStatus } from '../../../contracts/classes';
import {
  canMove,
  clashKinds,
  isEditable,
  nextClassCode,
  periodsByLecturerYear,
  rangesOverlap,
  roomKey,
  type SessionSlot,
  sessionPeriods,
  timesOverlap,
} from './classes.rules';

const slot = (over: Partial<SessionSlot>): SessionSlot => ({
  id: 1,
  classId: 1,
  day: '2026-03-02',
  startsAt: '07:30',
  endsAt: '11:00',
  lecturerId: null,
  place: 'inst:1',
  roomKey: null,
  ...over,
});

describe('class status life cycle', () => {
  const allowed: [ClassStatus, ClassStatus][] = [
    ['planned', 'open_for_nomination'],
    ['planned', 'cancelled'],
    ['open_for_nomination', 'planned'],
    ['open_for_nomination', 'running'],
    ['open_for_nomination', 'cancelled'],
    ['running', 'finished'],
    ['finished', 'closed'],
  ];
  const key = (a: ClassStatus, b: ClassStatus) => `${a}->${b}`;
  const ok = new Set(allowed.map(([a, b]) => key(a, b)));
  const cases = CLASS_STATUSES.flatMap((from) => CLASS_STATUSES.map((to) => [from, to] as const));
  it.each(cases)('%s -> %s', (from, to) => {
    expect(canMove(from, to)).toBe(ok.has(key(from, to)));
  });
  it.each([
    ['planned', true],
    ['open_for_nomination', true],
    ['running', true],
    ['finished', false],
    ['closed', false],
    ['cancelled', false],
  ] as const)('sessions of a %s class can change: %s', (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });
});

describe('session clashes', () => {
  it.each([
    [
      'same lecturer, overlapping',
      { lecturerId: 7 },
      { classId: 2, id: 2, lecturerId: 7, startsAt: '10:00', endsAt: '12:00' },
      ['lecturer'],
    ],
    [
      'same lecturer, back to back',
      { lecturerId: 7 },
      { classId: 2, id: 2, lecturerId: 7, startsAt: '11:00', endsAt: '12:00' },
      [],
    ],
    [
      'same lecturer, another day',
      { lecturerId: 7 },
      { classId: 2, id: 2, lecturerId: 7, day: '2026-03-03' },
      [],
    ],
    [
      'same room folded, same institution',
      { roomKey: roomKey('Phòng 201') },
      { classId: 2, id: 2, roomKey: roomKey(' phong  201') },
      ['room'],
    ],
    [
      'same room name, another institution',
      { roomKey: 'phong 201' },
      { classId: 2, id: 2, roomKey: 'phong 201', place: 'inst:2' },
      [],
    ],
    [
      'both, at once',
      { lecturerId: 7, roomKey: 'hoi truong' },
      { classId: 2, id: 2, lecturerId: 7, roomKey: 'hoi truong' },
      ['lecturer', 'room'],
    ],
    ['same class is not a clash', { lecturerId: 7 }, { id: 2, lecturerId: 7 }, []],
    ['no lecturer on either', {}, { classId: 2, id: 2 }, []],
  ] as const)('%s', (_label, a, b, expected) => {
    expect(clashKinds(slot(a), slot(b))).toEqual(expected);
  });

  it('times overlap only on the same day and strictly inside', () => {
    expect(timesOverlap(slot({}), slot({ startsAt: '10:59', endsAt: '12:00' }))).toBe(true);
    expect(timesOverlap(slot({}), slot({ startsAt: '06:00', endsAt: '07:30' }))).toBe(false);
  });
});

describe('learner clash and codes', () => {
  it.each([
    ['2026-03-02', '2026-03-06', '2026-03-06', '2026-03-10', true],
    ['2026-03-02', '2026-03-06', '2026-03-07', '2026-03-10', false],
    ['2026-03-02', '2026-03-30', '2026-03-10', '2026-03-12', true],
  ])('%s..%s vs %s..%s overlap: %s', (a1, a2, b1, b2, expected) => {
    expect(rangesOverlap({ startsOn: a1, endsOn: a2 }, { startsOn: b1, endsOn: b2 })).toBe(expected);
  });

  it.each([
    [[], 2026, 'K1/2026'],
    [['K1/2026', 'K7/2026', 'K9/2025', 'QLNN 03/2026'], 2026, 'K8/2026'],
    [['K3/2025'], 2026, 'K1/2026'],
  ] as const)('after %j in %i comes %s', (used, year, next) => {
    expect(nextClassCode([...used], year)).toBe(next);
  });
});

describe('periods taught from sessions', () => {
  it.each([
    ['07:30', '11:00', 4],
    ['07:30', '11:15', 5],
    ['13:30', '17:00', 4],
    ['08:00', '08:45', 1],
    ['08:00', '08:44', 0],
    ['08:00', '16:00', 10],
  ])('%s-%s is %i periods', (from, to, n) => {
    expect(sessionPeriods(from, to)).toBe(n);
  });

  it('sums per lecturer and year of the day, leaving out zero totals', () => {
    const s = (lecturerId: number, day: string, startsAt: string, endsAt: string) => ({
      lecturerId,
      day,
      startsAt,
      endsAt,
    });
    expect(
      periodsByLecturerYear([
        s(1, '2026-03-02', '07:30', '11:00'),
        s(1, '2026-03-03', '13:30', '17:00'),
        s(1, '2027-01-05', '07:30', '09:00'),
        s(2, '2026-03-02', '07:30', '08:00'),
      ]),
    ).toEqual([
      { lecturerId: 1, year: 2026, periods: 8 },
      { lecturerId: 1, year: 2027, periods: 2 },
    ]);
  });
});
