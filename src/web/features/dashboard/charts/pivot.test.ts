import { describe, expect, it } from 'vitest';
import { pivot } from './pivot';

describe('pivot', () => {
  it('gives one row per x in order, zero for a missing cell, series in order of appearance', () => {
    const rows = [
      { year: 2026, level: 'province', n: 3 },
      { year: 2025, level: 'province', n: 2 },
      { year: 2026, level: 'commune', n: 2 },
    ];
    const out = pivot(
      rows,
      [2024, 2025, 2026],
      (r) => r.year,
      (r) => r.level,
      (r) => r.n,
    );
    expect(out.series).toEqual(['province', 'commune']);
    expect(out.data).toEqual([
      { x: 2024, province: 0, commune: 0 },
      { x: 2025, province: 2, commune: 0 },
      { x: 2026, province: 3, commune: 2 },
    ]);
  });

  it('leaves out rows whose x is not asked for', () => {
    const out = pivot(
      [{ x: 'a', s: 'k', n: 1 }],
      ['b'],
      (r) => r.x,
      (r) => r.s,
      (r) => r.n,
    );
    expect(out.data).toEqual([{ x: 'b', k: 0 }]);
  });
});
