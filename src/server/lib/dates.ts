/** Dates travel as ISO `yyyy-mm-dd` strings; "today" comes from an injectable clock. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function todayOf(clock: Clock): string {
  return isoDate(clock.now());
}

const DAY_MS = 86_400_000;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** `iso` plus `days` (negative to go back). */
export function addDays(iso: string, days: number): string {
  return isoDate(new Date(utc(iso).getTime() + days * DAY_MS));
}

/** Days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b).getTime() - utc(a).getTime()) / DAY_MS);
}

/** The same day `months` later, or the month's last day when it has no such day (31/01 + 1 = 28/02). */
export function addMonths(iso: string, months: number): string {
  const d = utc(iso);
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(d.getUTCFullYear(), m + 1, 0)).getUTCDate();
  return isoDate(new Date(Date.UTC(d.getUTCFullYear(), m, Math.min(d.getUTCDate(), last))));
}
