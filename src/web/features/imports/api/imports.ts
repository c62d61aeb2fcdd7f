import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImportBatch,
  ImportKind,
  ImportMode,
  ImportProgress,
  ImportRowError,
} from '../../../../contracts/imports';
import { api, buildQuery, type Paged } from '../../../lib/api-client';

export type { ImportBatch, ImportKind, ImportMode, ImportRowError };
export type IssueSeverity = ImportRowError['severity'];

export const importKeys = {
  all: ['imports'] as const,
  list: (page: number, sort?: string) => ['imports', 'list', page, sort ?? ''] as const,
  errors: (id: number, page: number, severity?: IssueSeverity) =>
    ['imports', 'errors', id, page, severity ?? 'all'] as const,
  progress: (id: number) => ['imports', 'progress', id] as const,
};

export const templateUrl = (kind: ImportKind, format: 'xlsx' | 'csv', classId?: number) =>
  `/api/imports/templates/${kind}${buildQuery({ format, classId })}`;
export const fileUrl = (id: number) => `/api/imports/${id}/file`;

export function useImportHistory(page: number, sort?: string) {
  return useQuery({
    queryKey: importKeys.list(page, sort),
    queryFn: ({ signal }) =>
      api.get<Paged<ImportBatch>>('/imports', { query: { page, pageSize: 20, sort }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The problems of a check, paged; `severity` keeps only errors or only warnings. */
export function useImportErrors(id: number | null, page: number, severity?: IssueSeverity) {
  return useQuery({
    queryKey: importKeys.errors(id ?? 0, page, severity),
    queryFn: ({ signal }) =>
      api.get<Paged<ImportRowError>>(`/imports/${id}/errors`, {
        query: { page, pageSize: 20, severity },
        signal,
      }),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

/** Progress of a commit, polled every half second while it runs. */
export function useImportProgress(id: number | null, running: boolean) {
  return useQuery({
    queryKey: importKeys.progress(id ?? 0),
    queryFn: ({ signal }) => api.get<ImportProgress>(`/imports/${id}/progress`, { signal }),
    enabled: id !== null && running,
    refetchInterval: running ? 500 : false,
  });
}

export function useUploadSheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: ImportKind; file: File; unitId?: number; classId?: number }) =>
      api.post<ImportBatch>('/imports', undefined, {
        query: { kind: v.kind, fileName: v.file.name, unitId: v.unitId, classId: v.classId },
        file: v.file,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: importKeys.all }),
  });
}

export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; mode: ImportMode }) =>
      api.post<ImportBatch>(`/imports/${v.id}/commit`, { mode: v.mode }),
    onSettled: () => qc.invalidateQueries({ queryKey: importKeys.all }),
  });
}

export function useUndoImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; reason: string }) =>
      api.post<ImportBatch>(`/imports/${v.id}/undo`, { reason: v.reason }),
    onSettled: () => qc.invalidateQueries({ queryKey: importKeys.all }),
  });
}
