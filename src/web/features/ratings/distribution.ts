import { formatPercent } from '../../kit/numbers';
import { getLang, type Lang } from '../../lib/lang';
import type { CapCheck, DistributionUnit } from './api/ratings';

/** Rating codes of the list `annual_rating`, best first: the column order everywhere. */
export const RATING_CODES = ['EXCELLENT', 'GOOD', 'COMPLETED', 'FAILED'] as const;
export type RatingCode = (typeof RATING_CODES)[number];

/** Tag colours: the four bands read at a glance (green best, red failed). */
export const RATING_COLORS: Record<string, string> = {
  EXCELLENT: 'green',
  GOOD: 'blue',
  COMPLETED: 'gold',
  FAILED: 'red',
};

const integer = new Intl.NumberFormat('vi-VN');
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 1234 -> "1.234" (vi-VN grouping in both languages, as the rest of the app). */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** 85.5 -> "85,5"; null (rated by criteria) -> fallback. */
export function formatPoints(points: number | null | undefined, fallback = '—'): string {
  return points == null ? fallback : decimal.format(points);
}

/** 23.3 -> "23,3%" (vi) or "23.3%" (en). */
export function formatPct(pct: number, lang: Lang = getLang()): string {
  return formatPercent(pct, lang);
}

/** Share of `part` in `whole` in %, one decimal; 0 when the whole is empty. */
export function sharePct(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

/**
 * The units to show: those breaking the cap first (the ones a reviewer must act on), then by
 * name as the server sent them; only the breaking ones when `onlyBreaking`.
 */
export function orderUnits(units: DistributionUnit[], onlyBreaking: boolean): DistributionUnit[] {
  const kept = onlyBreaking ? units.filter((u) => u.breaksCap) : units;
  return kept
    .map((u, i) => ({ u, i }))
    .sort((a, b) => Number(b.u.breaksCap) - Number(a.u.breaksCap) || a.i - b.i)
    .map(({ u }) => u);
}

/** The caps a unit breaks first, so the explanation leads with the problem. */
export function capsInOrder(caps: CapCheck[]): CapCheck[] {
  return [...caps].sort((a, b) => Number(b.breaksCap) - Number(a.breaksCap));
}

/** The year ratings are usually reported for: the last full year. */
export function defaultRatingYear(today: Date = new Date()): number {
  return today.getFullYear() - 1;
}

export const MIN_YEAR = 1990;

/** A year from the URL, when plausible (the API takes 1990..2200; no future years are rated). */
export function parseYear(value: string | null, today: Date = new Date()): number | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= MIN_YEAR && n <= today.getFullYear() ? n : undefined;
}
