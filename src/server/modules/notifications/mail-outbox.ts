/**
 * The mail outbox (ADR 042): notifications queue their mail in `mail_outbox` inside the event's
 * transaction; this worker sends the due rows through nodemailer outside any request. A failure
 * (SMTP down, refused) counts an attempt and waits twice as long each time; after the last
 * attempt the row is `failed` with its error. Rows older than `maxAgeHours` when first tried (mail
 * queued while no SMTP server was configured) expire instead of arriving days late.
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Queryable } from '../../db/client';
import { mailOutbox } from '../../db/schema/index';
import type { Clock } from '../../lib/dates';

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://... */
  url: string;
  from: string;
  retryBaseMs: number;
  maxAttempts: number;
  maxAgeHours: number;
  pollMs: number;
}

export interface Sender {
  send(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close(): void;
}

export function smtpSender(url: string): Sender {
  // Short timeouts: an unreachable server is retried later, never waited on.
  const transport = nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as object);
  return { send: (m) => transport.sendMail(m), close: () => transport.close() };
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  expired: number;
}

/** Send the due rows once (at most `batch`). */
export async function drainOutbox(
  db: Queryable,
  clock: Clock,
  sender: Sender,
  s: Pick<MailSettings, 'from' | 'retryBaseMs' | 'maxAttempts' | 'maxAgeHours'>,
  batch = 50,
): Promise<DrainResult> {
  const now = clock.now();
  const out: DrainResult = { sent: 0, retried: 0, failed: 0, expired: 0 };
  const expired = await db
    .update(mailOutbox)
    .set({ status: 'failed', lastError: 'expired: queued too long before a mail server was available' })
    .where(
      and(
        eq(mailOutbox.status, 'pending'),
        eq(mailOutbox.attempts, 0),
        lte(mailOutbox.createdAt, new Date(now.getTime() - s.maxAgeHours * 3_600_000)),
      ),
    )
    .returning({ id: mailOutbox.id });
  out.expired = expired.length;
  const due = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(mailOutbox.nextAttemptAt, mailOutbox.id)
    .limit(batch);
  for (const m of due) {
    try {
      await sender.send({ from: s.from, to: m.toAddress, subject: m.subject, text: m.body });
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: clock.now(), attempts: m.attempts + 1, lastError: null })
        .where(eq(mailOutbox.id, m.id));
      out.sent += 1;
    } catch (err) {
      const attempts = m.attempts + 1;
      const last = attempts >= s.maxAttempts;
      await db
        .update(mailOutbox)
        .set({
          attempts,
          status: last ? 'failed' : 'pending',
          lastError: String((err as Error).message ?? err).slice(0, 500),
          nextAttemptAt: new Date(clock.now().getTime() + s.retryBaseMs * 2 ** (attempts - 1)),
        })
        .where(eq(mailOutbox.id, m.id));
      if (last) out.failed += 1;
      else out.retried += 1;
    }
  }
  return out;
}

/** Poll the outbox every `pollMs` (unref'd timer); `stop()` ends it and closes the transport. */
export function startMailOutbox(opts: {
  db: Queryable;
  clock: Clock;
  settings: MailSettings;
  sender?: Sender;
  log?: (msg: string) => void;
}): { tick: () => Promise<DrainResult | null>; stop: () => void } {
  const sender = opts.sender ?? smtpSender(opts.settings.url);
  let running = false;
  const tick = async () => {
    if (running) return null;
    running = true;
    try {
      const r = await drainOutbox(opts.db, opts.clock, sender, opts.settings);
      if (r.sent || r.retried || r.failed || r.expired)
        opts.log?.(
          `mail outbox: ${r.sent} sent, ${r.retried} to retry, ${r.failed} failed, ${r.expired} expired`,
        );
      return r;
    } catch (err) {
      opts.log?.(`mail outbox: ${(err as Error).message}`);
      return null;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.settings.pollMs);
  timer.unref();
  return {
    tick,
    stop: () => {
      clearInterval(timer);
      sender.close();
    },
  };
}

/** Counts of the outbox by status (for tests and the CLI). */
export async function outboxCounts(db: Queryable) {
  const rows = await db
    .select({ status: mailOutbox.status, n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .groupBy(mailOutbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}
