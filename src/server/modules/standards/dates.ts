/**
 * Date arithmetic on ISO `yyyy-mm-dd` strings, matching PostgreSQL exactly so the pure engine
 * and the set-based SQL agree (`date + make_interval(months => n)` clamps to the month's end).
 */

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `iso` plus `months` months; the day is clamped to the last day of the target month. */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

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
