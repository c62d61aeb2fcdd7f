import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateInstitutionBody,
  CreateLecturerBody,
  Institution,
  LecturerDetail,
  LecturerSummary,
  UpdateInstitutionBody,
  UpdateLecturerBody,
} from '../../../../contracts/institutions';
import { api, type Paged } from '../../../lib/api-client';

export type { Institution, LecturerDetail };
export type Lecturer = z.infer<typeof LecturerSummary>;
export type InstitutionInput = z.input<typeof CreateInstitutionBody> | z.input<typeof UpdateInstitutionBody>;
export type LecturerInput = z.input<typeof CreateLecturerBody> | z.input<typeof UpdateLecturerBody>;

export interface InstitutionFilters {
  /** A key of INSTITUTION_SORT_KEYS, "-" before it for descending. */
  sort?: string;
  q?: string;
  kind?: string;
  active?: 'true' | 'false' | 'all';
  page: number;
  pageSize: number;
}

export interface LecturerFilters {
  q?: string;
  kind?: 'internal' | 'invited';
  institutionId?: number;
  active?: 'true' | 'false' | 'all';
  page: number;
  pageSize: number;
}

export function useInstitutions(f: InstitutionFilters) {
  return useQuery({
    queryKey: ['institutions', 'list', f],
    queryFn: ({ signal }) => api.get<Paged<Institution>>('/institutions', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

/** Every active institution (for pickers): the list is short. */
export function useInstitutionOptions() {
  return useQuery({
    queryKey: ['institutions', 'options'],
    queryFn: ({ signal }) =>
      api.get<Paged<Institution>>('/institutions', { signal, query: { pageSize: 200 } }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function useSaveInstitution() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: InstitutionInput }) =>
      id ? api.patch<Institution>(`/institutions/${id}`, body) : api.post<Institution>('/institutions', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['institutions'] }),
  });
}

export function useLecturers(f: LecturerFilters) {
  return useQuery({
    queryKey: ['lecturers', 'list', f],
    queryFn: ({ signal }) => api.get<Paged<Lecturer>>('/lecturers', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useLecturer(id: number | null) {
  return useQuery({
    queryKey: ['lecturers', 'one', id],
    queryFn: ({ signal }) => api.get<LecturerDetail>(`/lecturers/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSaveLecturer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: LecturerInput }) =>
      id ? api.patch<LecturerDetail>(`/lecturers/${id}`, body) : api.post<LecturerDetail>('/lecturers', body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['lecturers'] });
      qc.invalidateQueries({ queryKey: ['institutions'] });
    },
  });
}

export function useSetHours() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      year,
      periods,
      note,
    }: {
      id: number;
      year: number;
      periods: number;
      note?: string | null;
    }) => api.put<LecturerDetail>(`/lecturers/${id}/hours/${year}`, { periods, note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['lecturers'] }),
  });
}
