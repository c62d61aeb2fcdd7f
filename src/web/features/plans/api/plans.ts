import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PlanActualByUnit as PlanActualByUnitSchema,
  PlanActual as PlanActualSchema,
} from '../../../../contracts/classes';
import type {
  CreateMultiyearBody,
  CreatePlanBody,
  FromNeedsBody,
  FromNeedsPreview as FromNeedsPreviewSchema,
  MultiyearDetail as MultiyearDetailSchema,
  Multiyear as MultiyearSchema,
  PlanDetail as PlanDetailSchema,
  PlanDiff as PlanDiffSchema,
  PlanLineBody,
  PlanLine as PlanLineSchema,
  PlanSummary as PlanSummarySchema,
  PlanVersionDetail as PlanVersionDetailSchema,
  UpdateMultiyearBody,
  UpdatePlanBody,
} from '../../../../contracts/plans';
import { api, type Paged } from '../../../lib/api-client';

export type PlanSummary = z.infer<typeof PlanSummarySchema>;
export type PlanDetail = z.infer<typeof PlanDetailSchema>;
export type PlanLine = z.infer<typeof PlanLineSchema>;
export type PlanLineInput = z.input<typeof PlanLineBody>;
export type PlanVersionDetail = z.infer<typeof PlanVersionDetailSchema>;
export type PlanDiff = z.infer<typeof PlanDiffSchema>;
export type Multiyear = z.infer<typeof MultiyearSchema>;
export type MultiyearDetail = z.infer<typeof MultiyearDetailSchema>;
export type MultiyearInput = z.input<typeof CreateMultiyearBody>;
export type FromNeedsPreview = z.infer<typeof FromNeedsPreviewSchema>;

export interface PlanFilters {
  year?: number;
  unitId?: number;
  status?: string;
  page: number;
  pageSize: number;
}

const keys = {
  all: ['plans'] as const,
  list: (f: PlanFilters) => ['plans', 'list', f] as const,
  plan: (id: number) => ['plans', 'plan', id] as const,
  version: (id: number, v: number) => ['plans', 'plan', id, 'version', v] as const,
  diff: (id: number, from: number, to?: number) =>
    ['plans', 'plan', id, 'diff', from, to ?? 'working'] as const,
  multiyear: (year?: number) => ['plans', 'multiyear', year ?? 'all'] as const,
  multiyearOne: (id: number) => ['plans', 'multiyear', 'one', id] as const,
  preview: (campaignId: number, classSize?: number) =>
    ['plans', 'preview', campaignId, classSize ?? 'default'] as const,
};

export function usePlans(f: PlanFilters) {
  return useQuery({
    queryKey: keys.list(f),
    queryFn: ({ signal }) => api.get<Paged<PlanSummary>>('/plans', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: keys.plan(id),
    queryFn: ({ signal }) => api.get<PlanDetail>(`/plans/${id}`, { signal }),
  });
}

export function usePlanVersion(id: number, version: number | null) {
  return useQuery({
    queryKey: keys.version(id, version ?? 0),
    queryFn: ({ signal }) => api.get<PlanVersionDetail>(`/plans/${id}/versions/${version}`, { signal }),
    enabled: version !== null,
  });
}

export function usePlanDiff(id: number, from: number | null, to?: number) {
  return useQuery({
    queryKey: keys.diff(id, from ?? 0, to),
    queryFn: ({ signal }) => api.get<PlanDiff>(`/plans/${id}/diff`, { signal, query: { from, to } }),
    enabled: from !== null,
  });
}

export function useMultiyearList(year?: number) {
  return useQuery({
    queryKey: keys.multiyear(year),
    queryFn: ({ signal }) =>
      api.get<{ items: Multiyear[] }>('/plans/multiyear', { signal, query: { year } }).then((r) => r.items),
  });
}

export function useMultiyear(id: number | null) {
  return useQuery({
    queryKey: keys.multiyearOne(id ?? 0),
    queryFn: ({ signal }) => api.get<MultiyearDetail>(`/plans/multiyear/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useNeedsPreview(campaignId: number | null, classSize?: number) {
  return useQuery({
    queryKey: keys.preview(campaignId ?? 0, classSize),
    queryFn: ({ signal }) =>
      api.get<FromNeedsPreview>('/plans/from-needs/preview', { signal, query: { campaignId, classSize } }),
    enabled: campaignId !== null,
    retry: false,
  });
}

/** Needs campaigns the actor can see (read through the needs API). */
export function useNeedsCampaigns() {
  return useQuery({
    queryKey: ['needs', 'campaigns'],
    queryFn: ({ signal }) =>
      api
        .get<{ items: { id: number; year: number; title: string; status: string; rootUnitName: string }[] }>(
          '/needs/campaigns',
          { signal },
        )
        .then((r) => r.items),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.all });
}

export function useCreatePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof CreatePlanBody>) => api.post<PlanDetail>('/plans', body),
    onSuccess: invalidate,
  });
}

export function useDraftFromNeeds() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof FromNeedsBody>) => api.post<PlanDetail>('/plans/from-needs', body),
    onSuccess: invalidate,
  });
}

export function useUpdatePlan(planId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof UpdatePlanBody>) => api.patch<PlanDetail>(`/plans/${planId}`, body),
    onSuccess: invalidate,
  });
}

export function useSaveLine(planId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: PlanLineInput }) =>
      id
        ? api.patch<PlanLine>(`/plans/${planId}/lines/${id}`, body)
        : api.post<PlanLine>(`/plans/${planId}/lines`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteLine(planId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ ok: true }>(`/plans/${planId}/lines/${id}`),
    onSuccess: invalidate,
  });
}

export type PlanActionName = 'submit' | 'return' | 'approve' | 'revise';

export function usePlanAction(planId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      action,
      comment,
      decision,
    }: {
      action: PlanActionName;
      comment?: string;
      /** The approving decision (ADR 038). */
      decision?: { decisionNo?: string; decisionDate?: string; signerName?: string; signerTitle?: string };
    }) =>
      api.post<PlanDetail>(
        `/plans/${planId}/${action}`,
        action === 'return' || action === 'approve'
          ? { comment: comment || undefined, ...decision }
          : undefined,
      ),
    onSuccess: invalidate,
  });
}

export function useSaveMultiyear() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: number;
      body: MultiyearInput | z.input<typeof UpdateMultiyearBody>;
    }) =>
      id
        ? api.patch<MultiyearDetail>(`/plans/multiyear/${id}`, body)
        : api.post<MultiyearDetail>('/plans/multiyear', body),
    onSuccess: invalidate,
  });
}

export type PlanActual = z.infer<typeof PlanActualSchema>;

/** Plan vs actual of a plan, live from its classes. */
export function usePlanActual(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['plan-actual', id],
    queryFn: ({ signal }) => api.get<PlanActual>(`/plans/${id}/actual`, { signal }),
    enabled,
  });
}

export type PlanActualByUnit = z.infer<typeof PlanActualByUnitSchema>;

/** Plan vs actual of a year over the user's subtree, per unit's plan and per kind and level. */
export function usePlanActualByUnit(year: number) {
  return useQuery({
    queryKey: ['plan-actual', 'by-unit', year],
    queryFn: ({ signal }) => api.get<PlanActualByUnit>(`/plans/actual?year=${year}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
