/**
 * Date arithmetic on ISO `yyyy-mm-dd` strings, matching PostgreSQL exactly so the pure engine
 * and the set-based SQL agree. `addMonths` lives in lib/dates.ts.
 */

/** Whole years from `from` to `to` (an age, or years of service), as PostgreSQL `age()` counts them. */
export function fullYears(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) years -= 1;
  return years;
}

/** `dd/mm/yyyy`, the way offices write dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The calendar year of an ISO date. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Whole months from `from` to `to` (a month counts once its day of month is reached). */
export function fullMonths(from: string, to: string): number {
  const months = yearOf(to) * 12 + Number(to.slice(5, 7)) - (yearOf(from) * 12 + Number(from.slice(5, 7)));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}
