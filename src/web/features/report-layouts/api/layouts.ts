import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportLayout, ReportLayoutBody, ReportLayoutList } from '../../../../contracts/report-layouts';
import { api } from '../../../lib/api-client';

export type { ReportLayout, ReportLayoutBody };

const KEY = ['report-layouts'] as const;

export function useReportLayouts() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<ReportLayoutList>('/report-layouts', { signal }),
  });
}

/** After a change: the list and every report table (a layout's figures change with it). */
function useRefresh() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: KEY });
    qc.invalidateQueries({ queryKey: ['reports', 'annual-statistics'] });
  };
}

export function useCopyLayout() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, code }: { id: number; code: string }) =>
      api.post<ReportLayout>(`/report-layouts/${id}/copy`, { code }),
    onSuccess: refresh,
  });
}

export function useSaveLayout() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ReportLayoutBody & { version: number } }) =>
      api.put<ReportLayout>(`/report-layouts/${id}`, body),
    onSuccess: refresh,
  });
}

export function useDeleteLayout() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ ok: true }>(`/report-layouts/${id}`),
    onSuccess: refresh,
  });
}

/** Publish a draft copy (confirmed in the UI): it may then be the layout in force. */
export function usePublishLayout() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.post<ReportLayout>(`/report-layouts/${id}/publish`, { version }),
    onSuccess: refresh,
  });
}
