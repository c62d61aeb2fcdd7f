/**
 * Writing notifications (ADR 042): called by the modules whose events notify someone, inside the
 * transaction of the event, so the change and its notification land (or roll back) together.
 * Each recipient with a mail address who wants mail also gets a row in the outbox; the outbox
 * worker sends it later (never in the request).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type NotificationKind, notificationText } from '../../../contracts/notifications';
import type { Queryable } from '../../db/client';
import { mailOutbox, notifications, users } from '../../db/schema/index';

export interface NotifyInput {
  /** Recipients (user ids); duplicates and the acting user are dropped. */
  userIds: readonly (number | null | undefined)[];
  kind: NotificationKind;
  params: Record<string, string | number>;
  link?: string | null;
  /** One notification per recipient and key, ever (daily reminders run again without repeating). */
  dedupeKey?: string | null;
  /** The user whose action caused it: not notified of their own action. */
  exceptUserId?: number | null;
}

/** Write the notifications (and queue their mails); returns how many were written. */
export async function notify(q: Queryable, input: NotifyInput): Promise<number> {
  const ids = [...new Set(input.userIds.filter((u): u is number => !!u && u !== input.exceptUserId))];
  if (!ids.length) return 0;
  const recipients = await q
    .select({ id: users.id, email: users.email, wantsMail: users.emailNotifications, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  if (!recipients.length) return 0;
  const rows = await q
    .insert(notifications)
    .values(
      recipients.map((r) => ({
        userId: r.id,
        kind: input.kind,
        params: input.params,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing({
      target: [notifications.userId, notifications.dedupeKey],
      where: sql`${notifications.dedupeKey} is not null`,
    })
    .returning({ id: notifications.id, userId: notifications.userId });
  const mails = rows.flatMap((row) => {
    const r = recipients.find((x) => x.id === row.userId);
    if (!r?.email || !r.wantsMail) return [];
    const lang = r.locale === 'en' ? 'en' : 'vi';
    const text = notificationText(input.kind, input.params, lang);
    return [{ notificationId: row.id, toAddress: r.email, subject: text.title, body: text.body }];
  });
  if (mails.length) await q.insert(mailOutbox).values(mails);
  return rows.length;
}

/** The active users linked to a person (a learner's own login). */
export async function usersOfPerson(q: Queryable, personId: number): Promise<number[]> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.personId, personId), eq(users.active, true)));
  return rows.map((r) => r.id);
}
