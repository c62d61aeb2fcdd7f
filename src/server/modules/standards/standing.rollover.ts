/**
 * The day's rollover of the stored standing (ADR 035): a timer in the server refreshes the
 * standing just after midnight in Vietnam, so "due" turns "missing" and dated rows take effect
 * before anyone reads, and the first user of the day does not pay for it. On a day of the same
 * year only the people a date crossed are rebuilt (`markDayCrossing`). The clock and the timer are
 * injected: tests move the clock and fire the timer instead of waiting.
 */
import type { Queryable } from '../../db/client';
import { type Clock, todayOf, vietnamMoment } from '../../lib/dates';
import { refreshStanding, type StandingRefresh } from './standing';

export interface Timers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

export const realTimers: Timers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Milliseconds from `now` to the next midnight in Vietnam (plus `slackMs`, never less than 1 s). */
export function msToNextVietnamMidnight(now: Date, slackMs = 5_000): number {
  const day = vietnamMoment(now).day;
  const next = Date.parse(`${day}T00:00:00+07:00`) + 86_400_000;
  return Math.max(1_000, next - now.getTime() + slackMs);
}

/**
 * Refresh the standing for the clock's day now (a no-op read when current), then again after each
 * midnight in Vietnam. `stop()` cancels the timer; `tick()` runs one refresh (the timer's work).
 */
export function startStandingRollover(opts: {
  db: Queryable;
  clock: Clock;
  log?: (msg: string) => void;
  timers?: Timers;
}): { tick: () => Promise<StandingRefresh | null>; stop: () => void; done: () => Promise<void> } {
  const timers = opts.timers ?? realTimers;
  let handle: unknown;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async (): Promise<StandingRefresh | null> => {
    try {
      const r = await refreshStanding(opts.db, todayOf(opts.clock));
      if (r.kind !== 'none')
        opts.log?.(
          `Cập nhật tình trạng tiêu chuẩn ngày ${r.asOf}: ${r.people} người, ${r.ms} ms / standing rolled over to ${r.asOf}: ${r.kind}, ${r.people} people, ${r.ms} ms`,
        );
      return r;
    } catch (err) {
      // The next reader refreshes anyway (ensureStanding): a failed timer costs time, not truth.
      opts.log?.(
        `Không cập nhật được tình trạng tiêu chuẩn / standing rollover failed: ${(err as Error).message}`,
      );
      return null;
    }
  };
  const schedule = () => {
    if (stopped) return;
    handle = timers.set(() => {
      running = tick().finally(schedule);
    }, msToNextVietnamMidnight(opts.clock.now()));
  };
  schedule();
  return {
    tick,
    stop: () => {
      stopped = true;
      timers.clear(handle);
    },
    done: async () => {
      await running;
    },
  };
}
