import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PersonListItem } from '../../../../contracts/people';
import type { Role } from '../../../../contracts/roles';
import type { CreateUserBody, UpdateUserBody, User as UserSchema } from '../../../../contracts/users';
import { api, type Paged } from '../../../lib/api-client';

export type User = z.infer<typeof UserSchema>;
export type CreateUserInput = z.input<typeof CreateUserBody>;
export type UpdateUserInput = z.input<typeof UpdateUserBody>;
type PersonOption = z.infer<typeof PersonListItem>;

export interface UsersFilters {
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

/** People matching a name, to link a learner account to its record. */
export function usePersonSearch(q: string) {
  return useQuery<PersonOption[]>({
    queryKey: ['users', 'person-search', q],
    queryFn: ({ signal }) =>
      api.get<Paged<PersonOption>>('/people', { signal, query: { q, pageSize: 20 } }).then((r) => r.items),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function usePersonName(id: number | null | undefined) {
  return useQuery({
    queryKey: ['users', 'person-name', id],
    queryFn: ({ signal }) =>
      api.get<{ id: number; fullName: string; unitName: string }>(`/people/${id}`, { signal }),
    enabled: !!id,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
