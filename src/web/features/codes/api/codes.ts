import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateCodeItemBody, UpdateCodeItemBody } from '../../../../contracts/code-items';
import { api } from '../../../lib/api-client';
import { type CodeItem, codesQueryKey } from '../../../lib/codes';

export type CreateCodeItemInput = z.input<typeof CreateCodeItemBody>;
export type UpdateCodeItemInput = z.input<typeof UpdateCodeItemBody>;

export function useCreateCodeItem(list: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCodeItemInput) => api.post<CodeItem>(`/codes/${encodeURIComponent(list)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: codesQueryKey }),
  });
}

export function useUpdateCodeItem(list: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: UpdateCodeItemInput }) =>
      api.patch<CodeItem>(`/codes/${encodeURIComponent(list)}/${encodeURIComponent(code)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: codesQueryKey }),
  });
}
