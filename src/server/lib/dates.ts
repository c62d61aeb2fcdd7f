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
