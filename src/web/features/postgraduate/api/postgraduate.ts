import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateSponsorshipBody,
  SponsorshipDetail as DetailSchema,
  LeaveBody,
  OutcomeBody,
  PersonSponsorships,
  PostgradStatus,
  SponsorshipCheck,
  SponsorshipList,
  UpdateSponsorshipBody,
} from '../../../../contracts/postgraduate';
import { api, type Paged } from '../../../lib/api-client';

export type SponsorshipDetail = z.infer<typeof DetailSchema>;
export type SponsorshipSummary = z.infer<typeof SponsorshipList>['items'][number];
export type CheckResult = z.infer<typeof SponsorshipCheck>;

export interface SponsorshipFilters {
  status?: PostgradStatus;
  q?: string;
  page: number;
  pageSize: number;
}

export function useSponsorships(f: SponsorshipFilters) {
  return useQuery({
    queryKey: ['sponsorships', f],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof SponsorshipList>>('/postgraduate', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useSponsorship(id: number) {
  return useQuery({
    queryKey: ['sponsorship', id],
    queryFn: ({ signal }) => api.get<SponsorshipDetail>(`/postgraduate/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function usePersonSponsorships(personId: number) {
  return useQuery({
    queryKey: ['person', personId, 'postgraduate'],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof PersonSponsorships>>(`/people/${personId}/postgraduate`, { signal }),
  });
}

export const checkSponsorship = (body: { personId: number; startsOn: string; expectedEndsOn?: string }) =>
  api.post<CheckResult>('/postgraduate/check', body);

function useSponsorshipMutation<V>(fn: (v: V) => Promise<SponsorshipDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (s) => {
      qc.setQueryData(['sponsorship', s.id], s);
      qc.invalidateQueries({ queryKey: ['sponsorships'] });
    },
  });
}

export const useCreateSponsorship = () =>
  useSponsorshipMutation((b: z.input<typeof CreateSponsorshipBody>) =>
    api.post<SponsorshipDetail>('/postgraduate', b),
  );
export const useUpdateSponsorship = (id: number) =>
  useSponsorshipMutation((b: z.input<typeof UpdateSponsorshipBody>) =>
    api.patch<SponsorshipDetail>(`/postgraduate/${id}`, b),
  );
export const useOutcome = (id: number) =>
  useSponsorshipMutation((b: z.input<typeof OutcomeBody>) =>
    api.post<SponsorshipDetail>(`/postgraduate/${id}/outcome`, b),
  );
export const useLeave = (id: number) =>
  useSponsorshipMutation((b: z.input<typeof LeaveBody>) =>
    api.post<SponsorshipDetail>(`/postgraduate/${id}/leave`, b),
  );

/** Institutions of the catalogue, for a select. */
export function useInstitutionOptions() {
  return useQuery({
    queryKey: ['sponsorships', 'institutions'],
    queryFn: async ({ signal }) =>
      (
        await api.get<Paged<{ id: number; name: string; active: boolean }>>('/institutions', {
          signal,
          query: { pageSize: 200 },
        })
      ).items
        .filter((i) => i.active)
        .map((i) => ({ value: i.id, label: i.name })),
  });
}
