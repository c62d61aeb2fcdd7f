import { describe, expect, it } from 'vitest';
import {
  attendanceOf,
  decimal,
  nextStatus,
  parseScore,
  sameMark,
  scoreText,
  weightedAverage,
  withEdit,
} from './results-logic';

describe('nextStatus', () => {
  it.each([
    [null, 'present'],
    ['present', 'late'],
    ['late', 'excused'],
    ['excused', 'absent'],
    ['absent', null],
  ] as const)('%s -> %s', (from, to) => {
    expect(nextStatus(from)).toBe(to);
  });
});

describe('parseScore', () => {
  it.each([
    ['', { ok: true, value: null }],
    ['  ', { ok: true, value: null }],
    ['7', { ok: true, value: 7 }],
    ['7,5', { ok: true, value: 7.5 }],
    ['7.25', { ok: true, value: 7.25 }],
    ['0', { ok: true, value: 0 }],
    ['10', { ok: true, value: 10 }],
    ['8,', { ok: true, value: 8 }],
    [',5', { ok: true, value: 0.5 }],
    ['10,01', { ok: false, error: 'range' }],
    ['11', { ok: false, error: 'range' }],
    ['-1', { ok: false, error: 'number' }],
    ['7,255', { ok: false, error: 'decimals' }],
    ['abc', { ok: false, error: 'number' }],
    ['7,5,1', { ok: false, error: 'number' }],
    ['1e1', { ok: false, error: 'number' }],
  ] as const)('"%s"', (text, expected) => {
    expect(parseScore(text)).toEqual(expected);
  });

  it('reads back what scoreText writes', () => {
    for (const n of [0, 4.99, 5, 7.5, 8.25, 10])
      expect(parseScore(scoreText(n))).toEqual({ ok: true, value: n });
  });
});

describe('weightedAverage', () => {
  it.each([
    [[], null],
    [[{ weight: 1, score: null }], null],
    [
      [
        { weight: 1, score: 6 },
        { weight: 1, score: 8 },
      ],
      7,
    ],
    [
      [
        { weight: 1, score: 6 },
        { weight: 3, score: 8 },
      ],
      7.5,
    ],
    [
      [
        { weight: 0, score: 6 },
        { weight: 0, score: 9 },
      ],
      7.5,
    ],
    [
      [
        { weight: 2, score: 5 },
        { weight: 1, score: null },
      ],
      5,
    ],
    [
      [
        { weight: 1, score: 7 },
        { weight: 1, score: 8 },
        { weight: 1, score: 8 },
      ],
      7.67,
    ],
  ])('%j -> %s', (scores, avg) => {
    expect(weightedAverage(scores)).toBe(avg);
  });
});

describe('attendanceOf', () => {
  it.each([
    [[], 0, 100],
    [['present', 'late', 'excused'], 2, 66.67],
    [['present', 'present'], 2, 100],
    [['absent', null], 0, 0],
  ] as const)('%j -> %i attended, %s%%', (statuses, n, pct) => {
    expect(attendanceOf([...statuses])).toEqual({ attended: n, pct });
  });
});

describe('withEdit', () => {
  it('keeps an edit that differs from the saved value and drops one that returns to it', () => {
    const saved = { status: null, reason: null };
    const a = withEdit(new Map(), 'k', { status: 'present' as const, reason: null }, saved, sameMark);
    expect(a.get('k')).toEqual({ status: 'present', reason: null });
    const b = withEdit(a, 'k', saved, saved, sameMark);
    expect(b.size).toBe(0);
    expect(a.size).toBe(1);
  });

  it('treats a new reason on the same status as a change, and ignores reasons on a cleared cell', () => {
    const saved = { status: 'absent' as const, reason: 'ốm' };
    expect(sameMark({ status: 'absent', reason: 'việc nhà' }, saved)).toBe(false);
    expect(sameMark({ status: null, reason: 'x' }, { status: null, reason: null })).toBe(true);
  });
});

describe('decimal', () => {
  it('writes a comma in Vietnamese and a dot in English', () => {
    expect(decimal(7.25, 'vi')).toBe('7,25');
    expect(decimal(7.25, 'en')).toBe('7.25');
    expect(decimal(null, 'vi')).toBe('—');
  });
});
