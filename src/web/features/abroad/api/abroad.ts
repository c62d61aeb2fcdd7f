import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateDelegationBody,
  DelegationList,
  DelegationStatus,
  DelegationDetail as DetailSchema,
  MemberCheck,
  OverdueReports,
  PersonDelegations,
  ReportBody,
  UpdateDelegationBody,
} from '../../../../contracts/abroad';
import { api, type Paged } from '../../../lib/api-client';

export type DelegationDetail = z.infer<typeof DetailSchema>;
export type DelegationSummary = z.infer<typeof DelegationList>['items'][number];
export type DelegationMember = DelegationDetail['members'][number];
export type CreateDelegationInput = z.input<typeof CreateDelegationBody>;
export type UpdateDelegationInput = z.input<typeof UpdateDelegationBody>;
export type ReportInput = z.input<typeof ReportBody>;

export interface DelegationFilters {
  /** A key of DELEGATION_SORT_KEYS, "-" before it for descending. */
  sort?: string;
  year?: number;
  status?: DelegationStatus;
  q?: string;
  page: number;
  pageSize: number;
}

export function useDelegations(f: DelegationFilters) {
  return useQuery({
    queryKey: ['delegations', f],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof DelegationList>>('/abroad/delegations', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useDelegation(id: number) {
  return useQuery({
    queryKey: ['delegation', id],
    queryFn: ({ signal }) => api.get<DelegationDetail>(`/abroad/delegations/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useOverdueReports() {
  return useQuery({
    queryKey: ['delegations', 'overdue'],
    queryFn: ({ signal }) => api.get<z.infer<typeof OverdueReports>>('/abroad/reports/overdue', { signal }),
  });
}

export function usePersonDelegations(personId: number) {
  return useQuery({
    queryKey: ['person', personId, 'abroad'],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof PersonDelegations>>(`/people/${personId}/abroad`, { signal }),
  });
}

/** After any change the server sends the delegation back: keep it, refresh lists. */
function useDelegationMutation<V>(fn: (v: V) => Promise<DelegationDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(['delegation', d.id], d);
      qc.invalidateQueries({ queryKey: ['delegations'] });
    },
  });
}

export const useCreateDelegation = () =>
  useDelegationMutation((body: CreateDelegationInput) =>
    api.post<DelegationDetail>('/abroad/delegations', body),
  );
export const useUpdateDelegation = (id: number) =>
  useDelegationMutation((body: UpdateDelegationInput) =>
    api.patch<DelegationDetail>(`/abroad/delegations/${id}`, body),
  );
export const useMoveDelegation = (id: number) =>
  useDelegationMutation((body: { to: DelegationStatus; comment?: string; completedMemberIds?: number[] }) =>
    api.post<DelegationDetail>(`/abroad/delegations/${id}/status`, body),
  );
export const useAddMember = (id: number) =>
  useDelegationMutation((body: { personId: number; role?: string | null; confirm?: boolean }) =>
    api.post<DelegationDetail>(`/abroad/delegations/${id}/members`, body),
  );
export const useRemoveMember = (id: number) =>
  useDelegationMutation((memberId: number) =>
    api.delete<DelegationDetail>(`/abroad/delegations/${id}/members/${memberId}`),
  );
export const useSaveReport = (id: number) =>
  useDelegationMutation(({ memberId, body }: { memberId: number; body: ReportInput }) =>
    api.put<DelegationDetail>(`/abroad/delegations/${id}/members/${memberId}/report`, body),
  );

export const checkMember = (id: number, personId: number) =>
  api.post<z.infer<typeof MemberCheck>>(`/abroad/delegations/${id}/members/check`, { personId });

export const reportFileUrl = (id: number, memberId: number) =>
  `/api/abroad/delegations/${id}/members/${memberId}/report/file`;

/** Foreign partners of the catalogue, for a select. */
export function usePartnerOptions() {
  return useQuery({
    queryKey: ['delegations', 'partners'],
    queryFn: async ({ signal }) =>
      (
        await api.get<Paged<{ id: number; name: string; active: boolean }>>('/institutions', {
          signal,
          query: { kind: 'FOREIGN_PARTNER', pageSize: 200 },
        })
      ).items
        .filter((i) => i.active)
        .map((i) => ({ value: i.id, label: i.name })),
  });
}
