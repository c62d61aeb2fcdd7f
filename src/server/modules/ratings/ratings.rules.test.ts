import { describe, expect, it } from 'vitest';
import type { RatingBands } from '../../../contracts/rules';
import { checkExcellentCap, ratingFromPoints, yearEnd } from './ratings.rules';

/** Decree 335/2025 as the default pack seeds it (data, not code). */
const DECREE_335: RatingBands = {
  bands: [
    { rating: 'EXCELLENT', minPoints: 90 },
    { rating: 'GOOD', minPoints: 70 },
    { rating: 'COMPLETED', minPoints: 50 },
    { rating: 'FAILED', minPoints: 0 },
  ],
  excellentCapPctOfGood: 20,
};

describe('ratingFromPoints', () => {
  it.each([
    [100, 'EXCELLENT'],
    [90, 'EXCELLENT'],
    [89.99, 'GOOD'],
    [70, 'GOOD'],
    [69.5, 'COMPLETED'],
    [50, 'COMPLETED'],
    [49.99, 'FAILED'],
    [0, 'FAILED'],
  ])('%d points -> %s on the Decree 335 bands', (points, rating) => {
    expect(ratingFromPoints(DECREE_335, points)).toBe(rating);
  });

  it('reads the bands in any order, and a province scale with other thresholds', () => {
    const shuffled: RatingBands = { ...DECREE_335, bands: [...DECREE_335.bands].reverse() };
    expect(ratingFromPoints(shuffled, 91)).toBe('EXCELLENT');
    const province: RatingBands = {
      bands: [
        { rating: 'GOOD', minPoints: 60 },
        { rating: 'EXCELLENT', minPoints: 85 },
        { rating: 'COMPLETED', minPoints: 40 },
      ],
      excellentCapPctOfGood: null,
    };
    expect(ratingFromPoints(province, 85)).toBe('EXCELLENT');
    expect(ratingFromPoints(province, 84.5)).toBe('GOOD');
    expect(ratingFromPoints(province, 40)).toBe('COMPLETED');
    expect(ratingFromPoints(province, 39)).toBeNull();
  });
});

describe('checkExcellentCap (excellent <= pct x (good + excellent))', () => {
  it.each([
    // excellent, good, pct, maxExcellent, breaks
    [0, 0, 20, 0, false],
    [1, 4, 20, 1, false],
    [1, 3, 20, 0, true],
    [2, 8, 20, 2, false],
    [3, 8, 20, 2, true],
    [5, 20, 20, 5, false],
    [6, 20, 20, 5, true],
    [1, 0, 20, 0, true],
    [1, 1, 50, 1, false],
    [3, 7, 30, 3, false],
  ])('%d excellent, %d good at %d%% -> max %d, breaks %s', (excellent, good, pct, max, breaks) => {
    const c = checkExcellentCap(excellent, good, pct);
    expect(c.maxExcellent).toBe(max);
    expect(c.breaksCap).toBe(breaks);
    expect(c.goodOrBetter).toBe(excellent + good);
  });

  it('gives the share in % with one decimal', () => {
    expect(checkExcellentCap(1, 2, 20).excellentPct).toBe(33.3);
    expect(checkExcellentCap(0, 0, 20).excellentPct).toBe(0);
  });
});

describe('yearEnd', () => {
  it('is 31 December', () => {
    expect(yearEnd(2026)).toBe('2026-12-31');
  });
});
