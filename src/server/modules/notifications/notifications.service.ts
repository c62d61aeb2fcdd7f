/**
 * A user's own notifications (ADR 042): the list, the unread count, marking read, and the mail
 * settings. Every query is bound to the actor's user id: another user's notification is 404.
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type Notification,
  type NotificationSettingsBody,
  type NotificationsQuery,
  notificationText,
} from '../../../contracts/notifications';
import type { Db } from '../../db/client';
import { notifications, users } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { notFound } from '../../lib/errors';

const NOTIFICATION = { vi: 'thông báo', en: 'Notification' };

export function createNotificationService({
  db,
  clock,
  mailConfigured,
}: {
  db: Db;
  clock: Clock;
  mailConfigured: boolean;
}) {
  const mine = (actor: Actor) => eq(notifications.userId, actor.userId);

  async function unreadOf(actor: Actor) {
    const [r] = await db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine(actor), isNull(notifications.readAt)));
    return Number(r?.n ?? 0);
  }

  function shape(actor: Actor, r: typeof notifications.$inferSelect): Notification {
    const text = notificationText(r.kind, r.params, actor.lang);
    return {
      id: r.id,
      kind: r.kind,
      title: text.title,
      body: text.body,
      link: r.link,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  }

  return {
    async list(actor: Actor, q: z.infer<typeof NotificationsQuery>) {
      const where = q.unread === 'true' ? and(mine(actor), isNull(notifications.readAt)) : mine(actor);
      const [rows, [total], unread] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(notifications).where(where),
        unreadOf(actor),
      ]);
      return { items: rows.map((r) => shape(actor, r)), total: Number(total?.n ?? 0), unread };
    },

    async unread(actor: Actor) {
      return { unread: await unreadOf(actor) };
    },

    /** Mark one read (idempotent); 404 when it is not the actor's. */
    async markRead(actor: Actor, id: number) {
      const [row] = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${clock.now()})` })
        .where(and(eq(notifications.id, id), mine(actor)))
        .returning();
      if (!row) throw notFound(NOTIFICATION);
      return shape(actor, row);
    },

    async markAllRead(actor: Actor) {
      await db
        .update(notifications)
        .set({ readAt: clock.now() })
        .where(and(mine(actor), isNull(notifications.readAt)));
      return { unread: 0 };
    },

    async settings(actor: Actor) {
      const [u] = await db
        .select({ email: users.email, emailNotifications: users.emailNotifications })
        .from(users)
        .where(eq(users.id, actor.userId));
      if (!u) throw notFound();
      return { ...u, mailConfigured };
    },

    /** Replace the actor's own mail address and choice (audited). */
    async saveSettings(actor: Actor, body: z.infer<typeof NotificationSettingsBody>) {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select({ email: users.email, emailNotifications: users.emailNotifications })
          .from(users)
          .where(eq(users.id, actor.userId));
        if (!before) throw notFound();
        const after = {
          email: body.email || null,
          emailNotifications: body.emailNotifications,
        };
        await tx
          .update(users)
          .set({ ...after, updatedAt: clock.now() })
          .where(eq(users.id, actor.userId));
        await audit(tx, actor, {
          action: 'user.notification-settings',
          entity: 'user',
          entityId: actor.userId,
          summary: `${actor.username}: ${after.email ?? '-'} (${after.emailNotifications ? 'mail' : 'no mail'})`,
          scopePath: actor.scopePath,
          before,
          after,
        });
        return { ...after, mailConfigured };
      });
    },
  };
}
