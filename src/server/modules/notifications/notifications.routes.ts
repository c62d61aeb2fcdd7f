import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Notification,
  NotificationParams,
  NotificationSettings,
  NotificationSettingsBody,
  NotificationsList,
  NotificationsQuery,
  UnreadCount,
} from '../../../contracts/notifications';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createNotificationService } from './notifications.service';

/** The signed-in user's own notifications (every role has them; another user's id is 404). */
export function notificationsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const service = createNotificationService({
    db: deps.handle.db,
    clock: deps.clock,
    mailConfigured: !!deps.config.mail,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get(
    '/notifications',
    {
      schema: {
        summary: 'My notifications, newest first, with the unread count',
        tags,
        querystring: NotificationsQuery,
        response: { 200: NotificationsList },
      },
    },
    async (req) => service.list(actorOf(req), req.query),
  );
  r.get(
    '/notifications/unread-count',
    {
      schema: {
        summary: 'How many of my notifications are unread (the bell)',
        tags,
        response: { 200: UnreadCount },
      },
    },
    async (req) => service.unread(actorOf(req)),
  );
  r.post(
    '/notifications/:id/read',
    {
      schema: {
        summary: 'Mark one of my notifications read (404 when it is not mine)',
        tags,
        params: NotificationParams,
        response: { 200: Notification },
      },
    },
    async (req) => service.markRead(actorOf(req), req.params.id),
  );
  r.post(
    '/notifications/read-all',
    { schema: { summary: 'Mark all my notifications read', tags, response: { 200: UnreadCount } } },
    async (req) => service.markAllRead(actorOf(req)),
  );
  r.get(
    '/notifications/settings',
    {
      schema: {
        summary: 'My mail address and whether notifications are mailed to me',
        tags,
        response: { 200: NotificationSettings },
      },
    },
    async (req) => service.settings(actorOf(req)),
  );
  r.post(
    '/notifications/settings',
    {
      schema: {
        summary: 'Set my mail address (null: none) and whether notifications are mailed (both replaced)',
        tags,
        body: NotificationSettingsBody,
        response: { 200: NotificationSettings },
      },
    },
    async (req) => service.saveSettings(actorOf(req), req.body),
  );
}
