/**
 * Dates travel as ISO `yyyy-mm-dd` strings; "now" comes from an injectable clock. The product's
 * calendar is Vietnam's (Asia/Ho_Chi_Minh, UTC+7 all year, no summer time): "today" and the
 * wall-clock time of a session are read there, whatever the server's own time zone (ADR 025).
 */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Vietnam's offset from UTC (UTC+7, no daylight saving since 1975). */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The UTC calendar day of an instant (for dates that are already days, e.g. from `utc()`). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A wall-clock moment in Vietnam: the day and the HH:MM time. */
export interface Moment {
  day: string;
  time: string;
}

/** The Vietnamese wall clock at an instant. */
export function vietnamMoment(at: Date): Moment {
  const s = new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return { day: s.slice(0, 10), time: s.slice(11, 16) };
}

/** The instant of a Vietnamese wall-clock moment (what JSON carries, with its offset). */
export function instantOf(m: Moment): string {
  return `${m.day}T${m.time}:00+07:00`;
}

/** `a` is before `b` (same-day times compare as HH:MM strings). */
export function momentBefore(a: Moment, b: Moment): boolean {
  return a.day < b.day || (a.day === b.day && a.time < b.time);
}

/** The later of two moments. */
export const laterOf = (a: Moment, b: Moment): Moment => (momentBefore(a, b) ? b : a);

/** The moment `minutes` later (negative to go back), across midnight as needed. */
export function addMinutes(m: Moment, minutes: number): Moment {
  const at = Date.parse(`${m.day}T${m.time}:00Z`) + minutes * 60_000;
  const s = new Date(at).toISOString();
  return { day: s.slice(0, 10), time: s.slice(11, 16) };
}

/** Today in Vietnam. */
export function todayOf(clock: Clock): string {
  return vietnamMoment(clock.now()).day;
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

/**
 * The same day `months` later, or the month's last day when it has no such day (31/01 + 1 = 28/02):
 * string arithmetic matching PostgreSQL's `date + make_interval(months => n)` exactly.
 */
export function addMonths(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + (Number(iso.slice(5, 7)) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(Number(iso.slice(8, 10)), last))}`;
}

/** dd/mm/yyyy, as offices write dates. */
export const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "17:00 ngày 18/12/2026" / "17:00 on 18/12/2026". */
export function momentText(m: Moment): { vi: string; en: string } {
  return { vi: `${m.time} ngày ${ddmmyyyy(m.day)}`, en: `${m.time} on ${ddmmyyyy(m.day)}` };
}
