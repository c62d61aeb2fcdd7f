import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LoginThrottle as LoginThrottleSchema } from '../../../../contracts/auth';
import type { Role } from '../../../../contracts/roles';
import type { CreateUserBody, UpdateUserBody, User as UserSchema } from '../../../../contracts/users';
import { api, type Paged } from '../../../lib/api-client';

export type User = z.infer<typeof UserSchema>;
export type CreateUserInput = z.input<typeof CreateUserBody>;
export type UpdateUserInput = z.input<typeof UpdateUserBody>;

export interface UsersFilters {
  /** A key of USER_SORT_KEYS, "-" before it for descending. */
  sort?: string;
  q?: string;
  role?: Role;
  page: number;
  pageSize: number;
}

export function useUsers(f: UsersFilters) {
  return useQuery({
    queryKey: ['users', f],
    queryFn: ({ signal }) => api.get<Paged<User>>('/users', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => api.post<User>('/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserInput }) =>
      api.patch<User>(`/users/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export type LoginThrottle = z.infer<typeof LoginThrottleSchema>;

/** Usernames and client addresses whose logins are slowed down now (ADR 027). */
export function useLoginThrottles() {
  return useQuery({
    queryKey: ['auth', 'throttles'],
    queryFn: ({ signal }) => api.get<{ items: LoginThrottle[] }>('/auth/throttles', { signal }),
    refetchInterval: 30_000,
  });
}

export function useLiftThrottle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (username: string) =>
      api.delete<unknown>(`/auth/throttles/users/${encodeURIComponent(username)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['auth', 'throttles'] }),
  });
}
