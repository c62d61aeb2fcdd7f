import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateProgrammeBody,
  OverlapPair,
  ProgrammeDetail,
  ProgrammeOverlap,
  ProgrammeSummary,
  UpdateProgrammeBody,
} from '../../../../contracts/catalogue';
import { api, type Paged } from '../../../lib/api-client';

export type Programme = z.infer<typeof ProgrammeSummary>;
export type { ProgrammeDetail, ProgrammeOverlap };
export type Pair = z.infer<typeof OverlapPair>;
export type CreateProgrammeInput = z.input<typeof CreateProgrammeBody>;
export type UpdateProgrammeInput = z.input<typeof UpdateProgrammeBody>;

export interface ProgrammeFilters {
  /** A key of PROGRAMME_SORT_KEYS, "-" before it for descending. */
  sort?: string;
  q?: string;
  kind?: string;
  level?: string;
  mode?: string;
  active?: 'true' | 'false' | 'all';
  page: number;
  pageSize: number;
}

export const programmeKeys = {
  all: ['programmes'] as const,
  list: (f: ProgrammeFilters) => ['programmes', 'list', f] as const,
  one: (id: number) => ['programmes', 'one', id] as const,
  report: (minPeriods: number, kind?: string) => ['programmes', 'overlaps', minPeriods, kind] as const,
};

export function useProgrammes(f: ProgrammeFilters) {
  return useQuery({
    queryKey: programmeKeys.list(f),
    queryFn: ({ signal }) => api.get<Paged<Programme>>('/programmes', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: number | null) {
  return useQuery({
    queryKey: programmeKeys.one(id ?? 0),
    queryFn: ({ signal }) => api.get<ProgrammeDetail>(`/programmes/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSaveProgramme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: CreateProgrammeInput | UpdateProgrammeInput }) =>
      id
        ? api.patch<ProgrammeDetail>(`/programmes/${id}`, body)
        : api.post<ProgrammeDetail>('/programmes', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}

export interface TopicDraft {
  topicCode: string;
  periods: number;
  name?: string;
}

/** Programmes sharing the topics of a form being edited (only complete rows are sent). */
export function useOverlapCheck(topics: TopicDraft[], excludeId?: number) {
  const valid = topics.filter(
    (t) => /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/.test(t.topicCode ?? '') && t.periods > 0,
  );
  return useQuery({
    queryKey: ['programmes', 'overlap-check', valid, excludeId],
    queryFn: () =>
      api
        .post<{ overlaps: ProgrammeOverlap[] }>('/programmes/overlap-check', { topics: valid, excludeId })
        .then((r) => r.overlaps),
    enabled: valid.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useOverlapReport(minPeriods: number, kind?: string) {
  return useQuery({
    queryKey: programmeKeys.report(minPeriods, kind),
    queryFn: ({ signal }) =>
      api
        .get<{ pairs: Pair[] }>('/programmes/overlaps', { signal, query: { minPeriods, kind } })
        .then((r) => r.pairs),
  });
}
