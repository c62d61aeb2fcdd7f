import { describe, expect, it } from 'vitest';
import { pagerTotal } from './paged-total';

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('pagerTotal', () => {
  it('gives an exact total as it is', () => {
    expect(pagerTotal({ items: rows(50), total: 120 }, 1, 50)).toBe(120);
    expect(pagerTotal({ items: [], total: 0, totalIsLowerBound: false }, 1, 50)).toBe(0);
    expect(pagerTotal(undefined, 3, 50)).toBe(0);
  });

  it('keeps "next" enabled past a lower bound while full pages come back', () => {
    const bound = { total: 10_000, totalIsLowerBound: true };
    expect(pagerTotal({ ...bound, items: rows(50) }, 1, 50)).toBe(10_000);
    expect(pagerTotal({ ...bound, items: rows(50) }, 200, 50)).toBe(10_001);
    expect(pagerTotal({ ...bound, items: rows(50) }, 201, 50)).toBe(10_051);
    // A short page is the last one.
    expect(pagerTotal({ ...bound, items: rows(10) }, 202, 50)).toBe(10_060);
  });
});
