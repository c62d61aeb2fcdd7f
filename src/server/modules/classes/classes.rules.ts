/**
 * The rules of a class that need no database: the status life cycle (as data), when two
 * sessions clash, and when two date ranges overlap (a learner in two classes at once). Table
 * tests: classes.rules.test.ts.
 */
import type { ClassStatus } from '../../../contracts/classes';
import { foldText } from '../../../contracts/text';

/** Allowed moves. Back from open_for_nomination to planned is allowed (nominations reopen later). */
export const CLASS_TRANSITIONS: Record<ClassStatus, readonly ClassStatus[]> = {
  planned: ['open_for_nomination', 'cancelled'],
  open_for_nomination: ['planned', 'running', 'cancelled'],
  running: ['finished'],
  finished: ['closed'],
  closed: [],
  cancelled: [],
};

export function canMove(from: ClassStatus, to: ClassStatus): boolean {
  return CLASS_TRANSITIONS[from].includes(to);
}

/** Sessions and dates may change until the class is finished. */
export function isEditable(status: ClassStatus): boolean {
  return status === 'planned' || status === 'open_for_nomination' || status === 'running';
}

export interface SessionSlot {
  id: number;
  classId: number;
  day: string;
  startsAt: string;
  endsAt: string;
  lecturerId: number | null;
  /** Where the room is: the institution, else the venue (a "Phòng 201" in two schools is two rooms). */
  place: string | null;
  roomKey: string | null;
}

/** Same day and the times overlap (a session ending at 09:00 does not clash with one at 09:00). */
export function timesOverlap(a: SessionSlot, b: SessionSlot): boolean {
  return a.day === b.day && a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** A folded room name, so "Phòng 201" and "phong 201 " are the same room. */
export function roomKey(room: string | null | undefined): string | null {
  const k = room ? foldText(room).replace(/\s+/g, ' ').trim() : '';
  return k || null;
}

export type ClashKind = 'lecturer' | 'room';

/** Why `a` clashes with `b` (another class's session), or none. */
export function clashKinds(a: SessionSlot, b: SessionSlot): ClashKind[] {
  if (a.id === b.id || a.classId === b.classId || !timesOverlap(a, b)) return [];
  const kinds: ClashKind[] = [];
  if (a.lecturerId !== null && a.lecturerId === b.lecturerId) kinds.push('lecturer');
  if (a.roomKey !== null && a.roomKey === b.roomKey && a.place !== null && a.place === b.place)
    kinds.push('room');
  return kinds;
}

/** Inclusive date ranges overlap: a learner cannot sit in both classes. */
export function rangesOverlap(
  a: { startsOn: string; endsOn: string },
  b: { startsOn: string; endsOn: string },
): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

/** Total of a budget map. */
export function budgetTotal(budget: Record<string, number>): number {
  return Object.values(budget).reduce((a, b) => a + b, 0);
}

/** The next free "K<n>/<year>" among the codes an organiser already used that year. */
export function nextClassCode(used: string[], year: number): string {
  let max = 0;
  for (const c of used) {
    const m = /^K(\d+)\/(\d{4})$/.exec(c.trim());
    if (m && Number(m[2]) === year) max = Math.max(max, Number(m[1]));
  }
  return `K${max + 1}/${year}`;
}

/**
 * Minutes in one period (tiết) of teaching. 45 minutes is the period the political schools and
 * training centres schedule by; no rule table carries it yet (ADR 011).
 */
export const PERIOD_MINUTES = 45;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whole periods a session teaches: 07:30-11:00 (210 min) is 4; breaks inside do not make a fifth. */
export function sessionPeriods(startsAt: string, endsAt: string): number {
  return Math.max(0, Math.floor((minutesOf(endsAt) - minutesOf(startsAt)) / PERIOD_MINUTES));
}

/** Periods per lecturer and calendar year of the session day, zero totals left out. */
export function periodsByLecturerYear(
  sessions: { lecturerId: number; day: string; startsAt: string; endsAt: string }[],
): { lecturerId: number; year: number; periods: number }[] {
  const sums = new Map<string, { lecturerId: number; year: number; periods: number }>();
  for (const s of sessions) {
    const year = Number(s.day.slice(0, 4));
    const key = `${s.lecturerId}:${year}`;
    const row = sums.get(key) ?? { lecturerId: s.lecturerId, year, periods: 0 };
    row.periods += sessionPeriods(s.startsAt, s.endsAt);
    sums.set(key, row);
  }
  return [...sums.values()].filter((r) => r.periods > 0);
}
