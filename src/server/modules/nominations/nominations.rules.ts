/**
 * The rules of nominations that need no database (ADR 012): the status moves (as data), where a
 * seat is charged (the nearest quota unit, else the pool), whether a seat is free, who is promoted
 * from the waitlist, and whether a class takes nominations today. Table tests:
 * nominations.rules.test.ts.
 */
import type { ClassStatus } from '../../../contracts/classes';
import type { NominationStatus } from '../../../contracts/nominations';
import { pathWithin } from '../../lib/scope';

type Label = { vi: string; en: string };

/** Moves a nomination may make; `pending` from `waitlisted` is the automatic promotion. */
export const NOMINATION_TRANSITIONS: Record<NominationStatus, readonly NominationStatus[]> = {
  pending: ['approved', 'rejected', 'withdrawn', 'substituted', 'waitlisted'],
  approved: ['withdrawn', 'substituted'],
  waitlisted: ['pending', 'rejected', 'withdrawn'],
  rejected: [],
  withdrawn: [],
  substituted: [],
};

export function canMoveNomination(from: NominationStatus, to: NominationStatus): boolean {
  return NOMINATION_TRANSITIONS[from].includes(to);
}

export const holdsSeat = (s: NominationStatus) => s === 'pending' || s === 'approved';

export interface QuotaState {
  unitId: number;
  /** ltree path of the quota unit. */
  path: string;
  seats: number;
  taken: number;
}

export interface SeatState {
  capacity: number;
  /** Seats held in the class (pending + approved). */
  taken: number;
  quotas: QuotaState[];
}

/** The quota a person of `unitPath` is charged to: the deepest quota unit at or above it, or none (the pool). */
export function quotaFor(quotas: readonly QuotaState[], unitPath: string): QuotaState | null {
  let best: QuotaState | null = null;
  for (const q of quotas)
    if (pathWithin(unitPath, q.path) && (!best || q.path.split('.').length > best.path.split('.').length))
      best = q;
  return best;
}

/** The seats no unit was given, and how many of them are held. */
export function poolOf(s: SeatState): { seats: number; taken: number } {
  const given = s.quotas.reduce((a, q) => a + q.seats, 0);
  const held = s.quotas.reduce((a, q) => a + q.taken, 0);
  return { seats: Math.max(0, s.capacity - given), taken: Math.max(0, s.taken - held) };
}

export type WaitReason = 'CLASS_FULL' | 'QUOTA_FULL' | 'POOL_FULL';
export type SeatDecision = { outcome: 'seat'; reason: null } | { outcome: 'waitlist'; reason: WaitReason };

/** Is there a seat for someone charged to `quota` (null: the pool)? */
export function seatFor(s: SeatState, quota: QuotaState | null): SeatDecision {
  if (s.taken >= s.capacity) return { outcome: 'waitlist', reason: 'CLASS_FULL' };
  if (quota) {
    if (quota.taken >= quota.seats) return { outcome: 'waitlist', reason: 'QUOTA_FULL' };
  } else {
    const pool = poolOf(s);
    if (pool.taken >= pool.seats) return { outcome: 'waitlist', reason: 'POOL_FULL' };
  }
  return { outcome: 'seat', reason: null };
}

export const WAIT_REASONS: Record<WaitReason, Label> = {
  CLASS_FULL: { vi: 'Lớp đã đủ chỗ', en: 'The class is full' },
  QUOTA_FULL: { vi: 'Đơn vị đã dùng hết chỉ tiêu', en: "The unit's quota is used up" },
  POOL_FULL: {
    vi: 'Hết chỗ dành cho đơn vị không được giao chỉ tiêu',
    en: 'No seats left for units without a quota',
  },
};

export interface Waiting {
  id: number;
  quotaUnitId: number | null;
}

/**
 * Who takes the freed seats, in waitlist order: each waiting nomination in turn gets a seat if
 * its quota (or the pool) and the class have one. A nomination whose quota is full does not block
 * those behind it charged elsewhere. Returns the ids promoted, in order.
 */
export function promotions(s: SeatState, waitlist: readonly Waiting[]): number[] {
  const state: SeatState = { ...s, quotas: s.quotas.map((q) => ({ ...q })) };
  const out: number[] = [];
  for (const w of waitlist) {
    if (state.taken >= state.capacity) break;
    const quota =
      w.quotaUnitId === null ? null : (state.quotas.find((q) => q.unitId === w.quotaUnitId) ?? null);
    if (seatFor(state, quota).outcome !== 'seat') continue;
    state.taken += 1;
    if (quota) quota.taken += 1;
    out.push(w.id);
  }
  return out;
}

/** Whether new nominations are taken on `today`, and if not why. */
export function nominationWindow(
  c: { status: ClassStatus; nominationDeadline: string | null },
  today: string,
): { open: true; reason: null } | { open: false; reason: Label } {
  if (c.status !== 'open_for_nomination')
    return {
      open: false,
      reason: {
        vi: 'Lớp không trong thời gian nhận đăng ký cử đi học.',
        en: 'The class is not open for nomination.',
      },
    };
  if (c.nominationDeadline && today > c.nominationDeadline) {
    const [y, m, d] = c.nominationDeadline.split('-');
    return {
      open: false,
      reason: {
        vi: `Đã hết hạn cử học viên (${d}/${m}/${y}).`,
        en: `The nomination deadline (${c.nominationDeadline}) has passed.`,
      },
    };
  }
  return { open: true, reason: null };
}

/** Substitutions and decisions while the class has not finished; withdrawals too. */
export const classTakesChanges = (s: ClassStatus) =>
  s === 'planned' || s === 'open_for_nomination' || s === 'running';

/** A substitute may replace someone only before the class runs. */
export const classTakesSubstitutes = (s: ClassStatus) => s === 'planned' || s === 'open_for_nomination';

/** Quotas must fit in the class and never fall under the seats already held against them. */
export function quotaErrors(
  capacity: number,
  quotas: { unitId: number; seats: number; held: number; name: string }[],
  poolHeld: number,
): Label[] {
  const errors: Label[] = [];
  const sum = quotas.reduce((a, q) => a + q.seats, 0);
  if (sum > capacity)
    errors.push({
      vi: `Tổng chỉ tiêu (${sum}) vượt quá số chỗ của lớp (${capacity}).`,
      en: `The quotas (${sum}) exceed the class's seats (${capacity}).`,
    });
  for (const q of quotas)
    if (q.held > q.seats)
      errors.push({
        vi: `${q.name}: đã có ${q.held} người giữ chỗ, chỉ tiêu không được nhỏ hơn.`,
        en: `${q.name}: ${q.held} seats are already held; the quota cannot be lower.`,
      });
  if (sum <= capacity && poolHeld > capacity - sum)
    errors.push({
      vi: `Đã có ${poolHeld} người của đơn vị không được giao chỉ tiêu giữ chỗ; chỉ còn ${capacity - sum} chỗ chung.`,
      en: `${poolHeld} seats are held by units without a quota; only ${capacity - sum} shared seats would remain.`,
    });
  return errors;
}
