export { ratingFromPoints } from '../../../contracts/rules';

/**
 * The per-unit "excellent" cap (Decree 335/2025, as read in ADR 007): the number rated EXCELLENT
 * may be at most `capPct`% of those rated GOOD or EXCELLENT in the same unit and year. Integer
 * arithmetic (`excellent * 100 <= capPct * goodOrBetter`), so 1 of 5 at 20% is allowed, 1 of 4 is not.
 */
export function checkExcellentCap(excellent: number, good: number, capPct: number) {
  const goodOrBetter = excellent + good;
  const maxExcellent = Math.floor((capPct * goodOrBetter) / 100 + 1e-9);
  const excellentPct = goodOrBetter === 0 ? 0 : Math.round((excellent * 1000) / goodOrBetter) / 10;
  return { capPct, excellent, goodOrBetter, maxExcellent, excellentPct, breaksCap: excellent > maxExcellent };
}

/** 31 December of a rating year: the day whose unit, category and scale a year's rating uses. */
export function yearEnd(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}
