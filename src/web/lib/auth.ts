import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Me } from '../../contracts/auth';
import type { Permission } from '../../contracts/roles';
import { ApiError, api, setCsrfToken } from './api-client';

export type { Me };

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me', { noAuthRedirect: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
}

/** The signed-in user; only for screens behind the login guard. */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe() outside an authenticated screen');
  return data;
}

/** `can('people.write')`: the permissions the server granted this session. */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useMeQuery();
  return useCallback((permission) => !!data?.permissions.includes(permission), [data]);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; password: string }) => {
      const me = await api.post<Me>('/auth/login', body, { noAuthRedirect: true });
      setCsrfToken(me.csrfToken);
      return me;
    },
    onSuccess: (me) => {
      // A different user may log in on the same tab: drop everything cached for the last one.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      qc.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/auth/logout', {}, { noAuthRedirect: true }).catch(() => undefined),
    onSettled: () => {
      setCsrfToken(null);
      qc.setQueryData(meQueryKey, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<unknown>('/auth/password', body),
  });
}

/**
 * The part of the server's password policy checked before sending: at least 8 characters. The
 * server's strength estimator decides the rest and says why (ADR 027).
 */
export const PASSWORD_PATTERN = /^.{8,}$/u;

const EXPIRED_KEY = 'dtbd.sessionExpired';

/** Remember that the session ended under the user, so the login page can say so once. */
export function markSessionExpired(): void {
  try {
    sessionStorage.setItem(EXPIRED_KEY, '1');
  } catch {
    // storage unavailable: the login page just won't explain
  }
}

/** Whether the last session expired (read once, then forgotten). */
export function takeSessionExpired(): boolean {
  try {
    const was = sessionStorage.getItem(EXPIRED_KEY) === '1';
    sessionStorage.removeItem(EXPIRED_KEY);
    return was;
  } catch {
    return false;
  }
}
