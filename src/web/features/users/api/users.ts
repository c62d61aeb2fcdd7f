import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../../../contracts/roles';
import type { CreateUserBody, UpdateUserBody, User as UserSchema } from '../../../../contracts/users';
import { api, type Paged } from '../../../lib/api-client';

export type User = z.infer<typeof UserSchema>;
export type CreateUserInput = z.input<typeof CreateUserBody>;
export type UpdateUserInput = z.input<typeof UpdateUserBody>;

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
