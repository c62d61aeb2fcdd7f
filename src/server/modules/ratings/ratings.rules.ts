import { type RatingBands, ratingFromPoints } from '../../../contracts/rules';

export { ratingFromPoints };

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

/** A broken rule of a rating: the field, the shared code (API and import, ADR 024) and why. */
export interface RatingViolation {
  field: 'rating' | 'points' | 'year';
  code: 'POINTS_REQUIRED' | 'POINTS_BELOW_SCALE' | 'RATING_POINTS_MISMATCH' | 'POINTS_NOT_USED' | 'BAD_YEAR';
  vi: string;
  en: string;
}

/**
 * The rating a year's values give, or the rules they break (the one check of `PUT
 * /people/:id/ratings/:year` and of the ratings import). With a scale in force for the person's
 * category that year, points are required and the rating is derived from the bands (a given rating
 * must agree); without one (Decree 90/2020 criteria), points are refused and the rating is given.
 * `today`: no future year is rated. A missing rating without a scale is left to the caller
 * (the API says "required", the import's column is required).
 */
export function checkRatingValues(
  v: { year: number; rating?: string | null; points?: number | null },
  scale: { code: string; scale: RatingBands } | null | undefined,
  today: string,
): { rating: string | null; points: number | null; errors: RatingViolation[] } {
  const { year, rating, points } = v;
  const fail = (e: RatingViolation) => ({ rating: null, points: null, errors: [e] });
  if (year > Number(today.slice(0, 4)))
    return fail({
      field: 'year',
      code: 'BAD_YEAR',
      vi: 'không được là năm tương lai',
      en: 'must not be a future year',
    });
  if (scale) {
    if (points == null)
      return fail({
        field: 'points',
        code: 'POINTS_REQUIRED',
        vi: `bắt buộc: năm ${year} xếp loại theo điểm (thang ${scale.code})`,
        en: `required: ${year} is rated in points (scale ${scale.code})`,
      });
    const derived = ratingFromPoints(scale.scale, points);
    if (!derived)
      return fail({
        field: 'points',
        code: 'POINTS_BELOW_SCALE',
        vi: 'thấp hơn mọi mức của thang điểm',
        en: 'is below every band of the scale',
      });
    if (rating && rating !== derived)
      return fail({
        field: 'rating',
        code: 'RATING_POINTS_MISMATCH',
        vi: `không khớp với số điểm: ${points} điểm tương ứng mức ${derived}`,
        en: `contradicts the points: ${points} points give ${derived}`,
      });
    return { rating: derived, points, errors: [] };
  }
  if (points != null)
    return fail({
      field: 'points',
      code: 'POINTS_NOT_USED',
      vi: `không dùng cho năm ${year}: chưa có thang điểm, xếp loại theo tiêu chí (Nghị định 90/2020)`,
      en: `not used for ${year}: no points scale in force, the rating is given by criteria (Decree 90/2020)`,
    });
  return { rating: rating ?? null, points: null, errors: [] };
}
