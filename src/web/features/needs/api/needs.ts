import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BoardRow as BoardRowSchema,
  CampaignBoard as CampaignBoardSchema,
  CampaignCreated as CampaignCreatedSchema,
  Campaign as CampaignSchema,
  Consolidated as ConsolidatedSchema,
  CreateCampaignBody,
  LineBody,
  NeedsEvent as NeedsEventSchema,
  NeedsLine as NeedsLineSchema,
  ProposalDetail as ProposalDetailSchema,
  ProposalStatus,
  UpdateLineBody,
} from '../../../../contracts/needs';
import type { PersonListItem } from '../../../../contracts/people';
import { api, type Paged } from '../../../lib/api-client';

export type { ProposalStatus };
export type Campaign = z.infer<typeof CampaignSchema>;
export type CampaignCreated = z.infer<typeof CampaignCreatedSchema>;
export type CampaignBoard = z.infer<typeof CampaignBoardSchema>;
export type BoardRow = z.infer<typeof BoardRowSchema>;
export type Consolidated = z.infer<typeof ConsolidatedSchema>;
export type ConsolidatedRow = Consolidated['rows'][number];
export type ConsolidatedGroup = Consolidated['groups'][number];
export type ProposalDetail = z.infer<typeof ProposalDetailSchema>;
export type NeedsLine = z.infer<typeof NeedsLineSchema>;
export type NeedsEvent = z.infer<typeof NeedsEventSchema>;
export type CreateCampaignInput = z.input<typeof CreateCampaignBody>;
export type LineInput = z.input<typeof LineBody>;
export type UpdateLineInput = z.input<typeof UpdateLineBody>;
export type PersonOption = z.infer<typeof PersonListItem>;

/** Board filters the server applies (late units are listed whatever the filter). */
export interface BoardFilters {
  status?: ProposalStatus;
  late?: boolean;
}

export const needsKeys = {
  all: ['needs'] as const,
  campaigns: ['needs', 'campaigns'] as const,
  board: (id: number, f: BoardFilters = {}) => ['needs', 'board', id, f] as const,
  consolidated: (id: number) => ['needs', 'consolidated', id] as const,
  proposal: (id: number, page: number, pageSize: number) =>
    ['needs', 'proposal', id, page, pageSize] as const,
};

export function useCampaigns() {
  return useQuery({
    queryKey: needsKeys.campaigns,
    queryFn: ({ signal }) =>
      api.get<{ items: Campaign[] }>('/needs/campaigns', { signal }).then((r) => r.items),
  });
}

const boardQuery = (id: number, f: BoardFilters = {}) => ({
  queryKey: needsKeys.board(id, f),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.get<CampaignBoard>(`/needs/campaigns/${id}`, {
      signal,
      query: { status: f.status, late: f.late === undefined ? undefined : String(f.late) },
    }),
});

export function useCampaignBoard(id: number, f: BoardFilters = {}, enabled = true) {
  return useQuery({
    ...boardQuery(id, f),
    enabled: enabled && Number.isInteger(id) && id > 0,
    placeholderData: keepPreviousData,
  });
}

/** Unfiltered boards of several campaigns at once (to find my unit's proposal in each). */
export function useCampaignBoards(ids: number[]) {
  return useQueries({ queries: ids.map((id) => boardQuery(id)) });
}

export function useConsolidated(id: number, enabled = true) {
  return useQuery({
    queryKey: needsKeys.consolidated(id),
    queryFn: ({ signal }) => api.get<Consolidated>(`/needs/campaigns/${id}/consolidated`, { signal }),
    enabled,
  });
}

export function useProposal(id: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: needsKeys.proposal(id, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<ProposalDetail>(`/needs/proposals/${id}`, { signal, query: { page, pageSize } }),
    enabled: Number.isInteger(id) && id > 0,
    placeholderData: keepPreviousData,
  });
}

/** Every needs screen reads the same proposals: after any change refresh them all, and the audit log. */
function useInvalidateNeeds() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: needsKeys.all });
    qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useOpenCampaign() {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (body: CreateCampaignInput) => api.post<CampaignCreated>('/needs/campaigns', body),
    onSuccess: invalidate,
  });
}

export function useCloseCampaign() {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (id: number) => api.post<Campaign>(`/needs/campaigns/${id}/close`),
    onSuccess: invalidate,
  });
}

export function useAddLine(proposalId: number) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (body: LineInput) => api.post<NeedsLine>(`/needs/proposals/${proposalId}/lines`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateLine(proposalId: number) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: ({ lineId, body }: { lineId: number; body: UpdateLineInput }) =>
      api.patch<NeedsLine>(`/needs/proposals/${proposalId}/lines/${lineId}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteLine(proposalId: number) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (lineId: number) => api.delete<unknown>(`/needs/proposals/${proposalId}/lines/${lineId}`),
    onSuccess: invalidate,
  });
}

/** Submit, return (comment required) or accept (comment optional) a proposal. */
export function useProposalTransition(proposalId: number) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: ({
      action,
      comment,
      decision,
    }: {
      action: 'submit' | 'return' | 'accept';
      comment?: string;
      /** The accepting decision (ADR 044): number, date, signer, title. */
      decision?: Record<string, string | undefined>;
    }) =>
      api.post<ProposalDetail>(
        `/needs/proposals/${proposalId}/${action}`,
        action === 'submit' ? undefined : { comment: comment || undefined, ...decision },
      ),
    onSuccess: invalidate,
  });
}

/** People of the proposing unit (and below) matching a name, for a named line. */
export function useUnitPeopleSearch(unitId: number, q: string) {
  return useQuery<PersonOption[]>({
    queryKey: ['needs', 'people', unitId, q],
    queryFn: ({ signal }) =>
      api
        .get<Paged<PersonOption>>('/people', {
          signal,
          query: { q: q || undefined, unitId, status: 'WORKING', pageSize: 30 },
        })
        .then((r) => r.items),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
