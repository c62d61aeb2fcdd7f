/**
 * The daily reminders (ADR 051): standards coming due, needs proposals overdue and trip reports
 * overdue, pushed to the unit officers of the people and units concerned, in the app and by mail
 * through the outbox when the user wants it. The same counts the to-do list shows, told once each.
 *
 * Idempotent: every notification has a key (who or what, and the due date), unique per recipient,
 * so running again the same day (or a second app process running it too) adds nothing. The run
 * holds a transaction advisory lock, so two processes at the same minute do not both do the work.
 */
import { sql } from 'drizzle-orm';
import { type NotificationKind, notificationText } from '../../../contracts/notifications';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { mailOutbox } from '../../db/schema/index';
import { type Clock, todayOf } from '../../lib/dates';
import { execRows } from '../standards/gaps.exec';
import { gapsOf, loadGapContext } from '../standards/gaps.queries';
import { msToNextVietnamMidnight, realTimers, type Timers } from '../standards/standing.rollover';
import { insertTail, needsOverdue, reportsOverdue, standardsDueCand } from './reminders.sql';

/** What one run wrote. `skipped`: another process held the lock (it does the work). */
export interface ReminderSummary {
  date: string;
  skipped: boolean;
  standardsDue: number;
  needsOverdue: number;
  reportsOverdue: number;
  /** Mails queued in the outbox for those who want them. */
  mails: number;
}

interface Written {
  n: number;
  mails: { id: number; params: Record<string, string | number>; email: string; locale: string }[];
}

const LOCK = sql`hashtext('dtbd.reminders')`;
const MAIL_CHUNK = 500;

async function queueMails(q: Queryable, kind: NotificationKind, w: Written): Promise<number> {
  const rows = (typeof w.mails === 'string' ? JSON.parse(w.mails) : w.mails) as Written['mails'];
  for (let i = 0; i < rows.length; i += MAIL_CHUNK)
    await q.insert(mailOutbox).values(
      rows.slice(i, i + MAIL_CHUNK).map((m) => {
        const text = notificationText(kind, m.params, m.locale === 'en' ? 'en' : 'vi');
        return { notificationId: Number(m.id), toAddress: m.email, subject: text.title, body: text.body };
      }),
    );
  return rows.length;
}

/**
 * Write the reminders of `today` (a yyyy-mm-dd day in Vietnam), stamped `now`. One transaction:
 * the notifications and their mails land together or not at all.
 */
export async function runReminders(db: Db, today: string, now: Date): Promise<ReminderSummary> {
  const out: ReminderSummary = {
    date: today,
    skipped: false,
    standardsDue: 0,
    needsOverdue: 0,
    reportsOverdue: 0,
    mails: 0,
  };
  // The gap context reads the rule versions; the stored standing only when already current.
  const ctx = await loadGapContext(db, today, undefined, { today, refresh: false });
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK}) as ok`),
    );
    if (!lock?.ok) return { ...out, skipped: true };
    const standards = await execRows<Written>(
      tx,
      gapsOf(
        ctx,
        { asOf: today, scopePath: '' },
        sql`, ${standardsDueCand(today)} ${insertTail('standard.due', now)}`,
      ),
    );
    out.standardsDue = Number(standards[0]?.n ?? 0);
    out.mails += await queueMails(tx, 'standard.due', standards[0] ?? { n: 0, mails: [] });
    for (const [k, key] of [
      [needsOverdue, 'needsOverdue'],
      [reportsOverdue, 'reportsOverdue'],
    ] as const) {
      const [w] = rowsOf<Written>(await tx.execute(sql`with ${k.cand(today)} ${insertTail(k.kind, now)}`));
      out[key] = Number(w?.n ?? 0);
      out.mails += await queueMails(tx, k.kind, w ?? { n: 0, mails: [] });
    }
    return out;
  });
}

/** The summary in words, both languages (the server log and the CLI). */
export function reminderText(s: ReminderSummary): string {
  if (s.skipped)
    return `Nhắc việc ngày ${s.date}: tiến trình khác đang chạy / reminders of ${s.date}: another process is running them`;
  return (
    `Nhắc việc ngày ${s.date}: ${s.standardsDue} tiêu chuẩn sắp đến hạn, ${s.needsOverdue} đề xuất nhu cầu quá hạn, ` +
    `${s.reportsOverdue} báo cáo sau chuyến đi quá hạn, ${s.mails} thư / reminders of ${s.date}: ` +
    `${s.standardsDue} standards coming due, ${s.needsOverdue} needs proposals overdue, ` +
    `${s.reportsOverdue} trip reports overdue, ${s.mails} mails`
  );
}

/**
 * Run the reminders now (they are idempotent: a restart the same day adds nothing), then a
 * minute after each midnight in Vietnam (after the standing's rollover). Timers injectable.
 */
export function startReminders(opts: {
  db: Db;
  clock: Clock;
  log?: (msg: string) => void;
  timers?: Timers;
  /** Other daily work run after the reminders (the staged-import clean-up, ADR 058); says what it did. */
  also?: ((today: string) => Promise<string>)[];
}): { tick: () => Promise<ReminderSummary | null>; stop: () => void; done: () => Promise<void> } {
  const timers = opts.timers ?? realTimers;
  let handle: unknown;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    try {
      const r = await runReminders(opts.db, todayOf(opts.clock), opts.clock.now());
      opts.log?.(reminderText(r));
      for (const job of opts.also ?? [])
        await job(todayOf(opts.clock)).then(opts.log, (err: Error) =>
          opts.log?.(`Việc hằng ngày không chạy được / daily job failed: ${err.message}`),
        );
      return r;
    } catch (err) {
      // Nothing half-written (one transaction); tomorrow's run (or the CLI) sends what is due then.
      opts.log?.(`Không chạy được nhắc việc / reminders failed: ${(err as Error).message}`);
      return null;
    }
  };
  const schedule = () => {
    if (stopped) return;
    handle = timers.set(
      () => {
        running = tick().finally(schedule);
      },
      msToNextVietnamMidnight(opts.clock.now(), 60_000),
    );
  };
  running = tick().finally(schedule);
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
