import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CodeAlias, CreateCodeAliasBody } from '../../../../contracts/code-aliases';
import { api } from '../../../lib/api-client';

const aliasesKey = (list: string) => ['codes', 'aliases', list] as const;
const path = (list: string) => `/codes/${encodeURIComponent(list)}/aliases`;

/** The import aliases of one code list (ADR 028). */
export function useCodeAliases(list: string) {
  return useQuery({
    queryKey: aliasesKey(list),
    queryFn: ({ signal }) => api.get<{ items: CodeAlias[] }>(path(list), { signal }),
    enabled: !!list,
  });
}

export function useAddCodeAlias(list: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCodeAliasBody) => api.post<CodeAlias>(path(list), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliasesKey(list) }),
  });
}

export function useDeleteCodeAlias(list: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ ok: true }>(`${path(list)}/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliasesKey(list) }),
  });
}
