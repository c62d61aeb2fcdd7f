import { describe, expect, it } from 'vitest';
import type { DistributionUnit } from './api/ratings';
import {
  capsInOrder,
  defaultRatingYear,
  formatCount,
  formatPct,
  formatPoints,
  orderUnits,
  parseYear,
  sharePct,
} from './distribution';

const counts = { EXCELLENT: 0, GOOD: 0, COMPLETED: 0, FAILED: 0, total: 0 };
const unit = (unitId: number, breaksCap: boolean): DistributionUnit => ({
  unitId,
  unitName: `U${unitId}`,
  counts,
  caps: [],
  breaksCap,
});
const cap = (scaleCode: string, breaksCap: boolean) => ({
  scaleCode,
  capPct: 20,
  excellent: 1,
  goodOrBetter: 5,
  maxExcellent: 1,
  excellentPct: 20,
  breaksCap,
});

describe('orderUnits', () => {
  const units = [unit(1, false), unit(2, true), unit(3, false), unit(4, true)];

  it('puts the units breaking the cap first, keeping the server order otherwise', () => {
    expect(orderUnits(units, false).map((u) => u.unitId)).toEqual([2, 4, 1, 3]);
  });

  it('keeps only the breaking units when asked', () => {
    expect(orderUnits(units, true).map((u) => u.unitId)).toEqual([2, 4]);
  });
});

describe('capsInOrder', () => {
  it('lists the broken cap first', () => {
    expect(capsInOrder([cap('A', false), cap('B', true)]).map((c) => c.scaleCode)).toEqual(['B', 'A']);
  });
});

describe('numbers', () => {
  it('groups and uses the decimal comma (vi-VN)', () => {
    expect(formatCount(3000)).toBe('3.000');
    expect(formatPoints(85.5)).toBe('85,5');
    expect(formatPoints(90)).toBe('90');
    expect(formatPoints(null)).toBe('—');
    expect(formatPct(23.3)).toBe('23,3%');
  });

  it('computes a share with one decimal and no division by zero', () => {
    expect(sharePct(7, 30)).toBe(23.3);
    expect(sharePct(1, 3)).toBe(33.3);
    expect(sharePct(0, 0)).toBe(0);
  });
});

describe('years', () => {
  const today = new Date(2026, 10, 22);

  it('defaults to the last full year', () => {
    expect(defaultRatingYear(today)).toBe(2025);
  });

  it('accepts plausible years only', () => {
    expect(parseYear('2024', today)).toBe(2024);
    expect(parseYear('2026', today)).toBe(2026);
    expect(parseYear('2027', today)).toBeUndefined();
    expect(parseYear('1989', today)).toBeUndefined();
    expect(parseYear('abc', today)).toBeUndefined();
    expect(parseYear(null, today)).toBeUndefined();
  });
});
