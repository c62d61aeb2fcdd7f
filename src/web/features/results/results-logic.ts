/**
 * Pure helpers of the grade book: the tap cycle of an attendance cell, typed scores, the edits
 * waiting to be saved, and the figures shown beside a row before the server recomputes them.
 */
import type { AttendanceStatus } from '../../../contracts/results';
import { formatDecimal, formatPercent } from '../../kit/numbers';

/** One tap moves a cell on: C -> M -> P -> K -> empty -> C. */
const CYCLE: (AttendanceStatus | null)[] = ['present', 'late', 'excused', 'absent', null];

export function nextStatus(s: AttendanceStatus | null): AttendanceStatus | null {
  return CYCLE[(CYCLE.indexOf(s) + 1) % CYCLE.length];
}

/** Statuses that take a reason (absent with or without leave). */
export const needsReason = (s: AttendanceStatus | null) => s === 'excused' || s === 'absent';

/** Present and late count as attended (ADR 013). */
export const attended = (s: AttendanceStatus | null | undefined) => s === 'present' || s === 'late';

export const cellKey = (a: number, nominationId: number) => `${a}:${nominationId}`;

export interface Mark {
  status: AttendanceStatus | null;
  reason: string | null;
}

/** Edits not saved yet, by cell key; a key equal to the saved value is dropped (nothing to send). */
export function withEdit<V>(
  edits: Map<string, V>,
  key: string,
  value: V,
  saved: V,
  same: (a: V, b: V) => boolean,
) {
  const next = new Map(edits);
  if (same(value, saved)) next.delete(key);
  else next.set(key, value);
  return next;
}

export const sameMark = (a: Mark, b: Mark) =>
  a.status === b.status && (a.status === null || (a.reason ?? '') === (b.reason ?? ''));

/** Attended sessions of a learner and the share of all the class's sessions (an empty schedule: 100%). */
export function attendanceOf(statuses: (AttendanceStatus | null)[]): { attended: number; pct: number } {
  const n = statuses.filter(attended).length;
  return { attended: n, pct: statuses.length ? Math.round((n / statuses.length) * 10_000) / 100 : 100 };
}

export type ParsedScore =
  | { ok: true; value: number | null }
  | { ok: false; error: 'number' | 'range' | 'decimals' };

/** A typed score: empty clears it; "7,5" and "7.5" are the same; 0-10 with two decimals at most. */
export function parseScore(text: string): ParsedScore {
  const s = text.trim().replace(',', '.');
  if (s === '') return { ok: true, value: null };
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(s)) return { ok: false, error: 'number' };
  const n = Number(s);
  if (!Number.isFinite(n)) return { ok: false, error: 'number' };
  if (n < 0 || n > 10) return { ok: false, error: 'range' };
  if ((s.split('.')[1] ?? '').length > 2) return { ok: false, error: 'decimals' };
  return { ok: true, value: n };
}

/** A score as typed in Vietnamese: 7,5 (shown back in the input). */
export const scoreText = (n: number | null | undefined) => (n == null ? '' : String(n).replace('.', ','));

/**
 * The weighted average of the scores entered so far, as the results rule computes it (weights of
 * zero everywhere: the plain mean); null with no score. Shown live while typing.
 */
export function weightedAverage(scores: { weight: number; score: number | null }[]): number | null {
  const scored = scores.filter((s): s is { weight: number; score: number } => s.score !== null);
  if (!scored.length) return null;
  const weights = scored.reduce((a, s) => a + s.weight, 0);
  const avg =
    weights > 0
      ? scored.reduce((a, s) => a + s.score * s.weight, 0) / weights
      : scored.reduce((a, s) => a + s.score, 0) / scored.length;
  return Math.round(avg * 100) / 100;
}

/** A number the Vietnamese way (7,25); English keeps the dot. */
export const decimal = (n: number | null | undefined, lang: 'vi' | 'en') => formatDecimal(n, lang, 2);

/** A percentage in the language of the page (92,5%). */
export const percent = (n: number | null | undefined, lang: 'vi' | 'en') => formatPercent(n, lang, 2);
