import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClassDetail as ClassDetailSchema,
  ClassList,
  ClassStatus,
  CreateClassBody,
  SessionBody,
  UpdateClassBody,
} from '../../../../contracts/classes';
import { api, type Paged } from '../../../lib/api-client';

export type ClassDetail = z.infer<typeof ClassDetailSchema>;
export type ClassSummary = z.infer<typeof ClassList>['items'][number];
export type CreateClassInput = z.input<typeof CreateClassBody>;
export type UpdateClassInput = z.input<typeof UpdateClassBody>;
export type SessionInput = z.input<typeof SessionBody>;

export interface ClassFilters {
  /** A key of CLASS_SORT_KEYS, "-" before it for descending. */
  sort?: string;
  year?: number;
  status?: ClassStatus;
  programmeKind?: string;
  planLineId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export function useClasses(f: ClassFilters) {
  return useQuery({
    queryKey: ['classes', f],
    queryFn: ({ signal }) => api.get<z.infer<typeof ClassList>>('/classes', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useClass(id: number) {
  return useQuery({
    queryKey: ['class', id],
    queryFn: ({ signal }) => api.get<ClassDetail>(`/classes/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useNextCode(year: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['classes', 'next-code', year],
    queryFn: ({ signal }) => api.get<{ code: string }>('/classes/next-code', { signal, query: { year } }),
    enabled: enabled && !!year,
  });
}

/**
 * After any change the server sends the class back: keep it, and refresh the lists and its
 * nominations (status, capacity and deadline decide the seats and whether nominations are taken).
 */
function useClassMutation<V>(fn: (v: V) => Promise<ClassDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => {
      qc.setQueryData(['class', c.id], c);
      qc.invalidateQueries({ queryKey: ['classes'] });
      qc.invalidateQueries({ queryKey: ['nominations', c.id] });
      // Finishing stores the results; closing issues the certificates.
      qc.invalidateQueries({ queryKey: ['results', c.id] });
      qc.invalidateQueries({ queryKey: ['certificates', 'class', c.id] });
    },
  });
}

export const useCreateClass = () =>
  useClassMutation((body: CreateClassInput) => api.post<ClassDetail>('/classes', body));
export const useUpdateClass = (id: number) =>
  useClassMutation((body: UpdateClassInput) => api.patch<ClassDetail>(`/classes/${id}`, body));
export const useMoveClass = (id: number) =>
  useClassMutation((body: { to: ClassStatus; comment?: string }) =>
    api.post<ClassDetail>(`/classes/${id}/status`, body),
  );
export const useSaveSession = (id: number) =>
  useClassMutation(({ sessionId, body }: { sessionId: number | null; body: SessionInput }) =>
    sessionId === null
      ? api.post<ClassDetail>(`/classes/${id}/sessions`, body)
      : api.put<ClassDetail>(`/classes/${id}/sessions/${sessionId}`, body),
  );
export const useDeleteSession = (id: number) =>
  useClassMutation((sessionId: number) => api.delete<ClassDetail>(`/classes/${id}/sessions/${sessionId}`));

interface Option {
  id: number;
  label: string;
}

export function useProgrammeTopics(programmeId: number | undefined) {
  return useQuery({
    queryKey: ['classes', 'programme', programmeId],
    queryFn: ({ signal }) =>
      api.get<{ id: number; topics: { topicCode: string; name: string; periods: number }[] }>(
        `/programmes/${programmeId}`,
        { signal },
      ),
    enabled: !!programmeId,
  });
}

export function useInstitutionOptions() {
  return useQuery({
    queryKey: ['classes', 'institution-options'],
    queryFn: async ({ signal }): Promise<Option[]> =>
      (
        await api.get<Paged<{ id: number; name: string }>>('/institutions', {
          signal,
          query: { pageSize: 200 },
        })
      ).items.map((i) => ({ id: i.id, label: i.name })),
  });
}

export function useLecturerOptions(q: string) {
  return useQuery({
    queryKey: ['classes', 'lecturer-options', q],
    queryFn: async ({ signal }): Promise<Option[]> =>
      (
        await api.get<Paged<{ id: number; fullName: string; workplace: string | null }>>('/lecturers', {
          signal,
          query: { q: q || undefined, pageSize: 50 },
        })
      ).items.map((l) => ({ id: l.id, label: l.workplace ? `${l.fullName} (${l.workplace})` : l.fullName })),
    placeholderData: keepPreviousData,
  });
}
