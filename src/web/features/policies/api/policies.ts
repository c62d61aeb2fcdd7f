import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PolicyList, PolicyVersion } from '../../../../contracts/policies';
import { api } from '../../../lib/api-client';

export type Policies = z.infer<typeof PolicyList>;
export type PolicyItem = Policies['items'][number];
export type Version = z.infer<typeof PolicyVersion>;

export function usePolicies(asOf: string | undefined) {
  return useQuery({
    queryKey: ['policies', asOf ?? 'today'],
    queryFn: ({ signal }) => api.get<Policies>('/policies', { signal, query: { asOf } }),
  });
}

export function useSetPolicy(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      value: unknown;
      effectiveFrom: string;
      legalSource: string;
      note?: string | null;
    }) => api.post<Version>(`/policies/${encodeURIComponent(code)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['policies'] }),
  });
}
