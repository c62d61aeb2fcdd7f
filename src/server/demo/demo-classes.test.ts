import { describe, expect, it } from 'vitest';
import { demoClassDates } from './demo-classes';

describe('demo class dates', () => {
  it('keeps the last class open for nomination whatever day the demo starts on', () => {
    for (const today of ['2026-01-02', '2026-06-30', '2026-12-06', '2026-12-07', '2026-12-28']) {
      const dates = demoClassDates(8, 2026, today);
      const last = dates[dates.length - 1];
      expect(last.from > today, `${today}: the last class starts after today`).toBe(true);
      expect(last.to > last.from).toBe(true);
      // The other classes keep the dates of their year: today moves only the last one.
      expect(dates.slice(0, -1)).toEqual(demoClassDates(8, 2026).slice(0, -1));
    }
    expect(demoClassDates(8, 2026, '2026-03-01').at(-1)).toEqual({ from: '2026-12-07', to: '2026-12-18' });
    expect(demoClassDates(8, 2026, '2026-12-28').at(-1)).toEqual({ from: '2027-01-04', to: '2027-01-15' });
  });
});
