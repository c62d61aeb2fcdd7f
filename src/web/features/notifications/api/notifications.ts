import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  NotificationsList as ListSchema,
  NotificationSettings as SettingsSchema,
} from '../../../../contracts/notifications';
import { api } from '../../../lib/api-client';

export type NotificationsList = z.infer<typeof ListSchema>;
export type NotificationSettings = z.infer<typeof SettingsSchema>;
export type { Notification } from '../../../../contracts/notifications';

const KEY = ['notifications'] as const;

/** The bell's count, refreshed every minute and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...KEY, 'unread'],
    queryFn: ({ signal }) => api.get<{ unread: number }>('/notifications/unread-count', { signal }),
    refetchInterval: 60_000,
  });
}

export function useNotifications(page: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: [...KEY, 'list', page, unreadOnly],
    queryFn: ({ signal }) =>
      api.get<NotificationsList>('/notifications', {
        signal,
        query: { page, pageSize: 20, unread: unreadOnly ? 'true' : undefined },
      }),
  });
}

function useRefreshing<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useMarkRead = () => useRefreshing((id: number) => api.post(`/notifications/${id}/read`, {}));
export const useMarkAllRead = () => useRefreshing(() => api.post('/notifications/read-all', {}));

export function useNotificationSettings() {
  return useQuery({
    queryKey: [...KEY, 'settings'],
    queryFn: ({ signal }) => api.get<NotificationSettings>('/notifications/settings', { signal }),
  });
}

export const useSaveNotificationSettings = () =>
  useRefreshing((body: { email: string | null; emailNotifications: boolean }) =>
    api.post<NotificationSettings>('/notifications/settings', body),
  );
