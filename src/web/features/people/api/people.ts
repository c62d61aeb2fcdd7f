import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePersonBody,
  PersonHistoryRow as PersonHistoryRowSchema,
  PersonListItem as PersonListItemSchema,
  Person as PersonSchema,
  UpdatePersonBody,
} from '../../../../contracts/people';
import { api, buildQuery, type Paged } from '../../../lib/api-client';

export type Person = z.infer<typeof PersonSchema>;
export type PersonListItem = z.infer<typeof PersonListItemSchema>;
export type PersonHistoryRow = z.infer<typeof PersonHistoryRowSchema>;
export type CreatePersonInput = z.input<typeof CreatePersonBody>;
export type UpdatePersonInput = z.input<typeof UpdatePersonBody>;

/** Filters of the people list, as kept in the URL. */
export interface PeopleFilters {
  /** A key of PEOPLE_SORT_KEYS, "-" before it for descending; none: roster order. */
  sort?: string;
  q?: string;
  unitId?: number;
  subtree?: boolean;
  category?: string;
  rank?: string;
  leadershipTier?: string;
  post?: string;
  /** Post group code (list `post_group`). */
  postGroup?: string;
  status?: string;
  page: number;
  pageSize: number;
}

/** The filtered list as .xlsx in the staff-list import layout ("Xuất Excel"). */
export function exportUrl(f: PeopleFilters): string {
  const { page, pageSize, subtree, sort, ...rest } = f;
  return `/api/people/export.xlsx${buildQuery({ ...rest, subtree: subtree === false ? 'false' : undefined })}`;
}

export const peopleKeys = {
  all: ['people'] as const,
  list: (f: PeopleFilters) => ['people', 'list', f] as const,
  detail: (id: number) => ['people', 'detail', id] as const,
  history: (id: number) => ['people', 'history', id] as const,
  mine: ['people', 'mine'] as const,
};

export function usePeople(f: PeopleFilters) {
  return useQuery({
    queryKey: peopleKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<Paged<PersonListItem>>('/people', {
        signal,
        query: {
          sort: f.sort,
          q: f.q,
          unitId: f.unitId,
          subtree: f.unitId ? (f.subtree === false ? 'false' : 'true') : undefined,
          category: f.category,
          rank: f.rank,
          leadershipTier: f.leadershipTier,
          post: f.post,
          postGroup: f.postGroup,
          status: f.status,
          page: f.page,
          pageSize: f.pageSize,
        },
      }),
    // Keep the last page on screen while the next loads: no flicker when paging 100,000 rows.
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number) {
  return useQuery({
    queryKey: peopleKeys.detail(id),
    queryFn: ({ signal }) => api.get<Person>(`/people/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useMyPerson() {
  return useQuery({
    queryKey: peopleKeys.mine,
    queryFn: ({ signal }) => api.get<Person>('/me/person', { signal }),
  });
}

export function usePersonHistory(id: number, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.history(id),
    queryFn: ({ signal }) =>
      api.get<{ items: PersonHistoryRow[] }>(`/people/${id}/history`, { signal }).then((r) => r.items),
    enabled,
  });
}

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePersonInput) => api.post<Person>('/people', body),
    onSuccess: (person) => {
      qc.setQueryData(peopleKeys.detail(person.id), person);
      qc.invalidateQueries({ queryKey: ['people', 'list'] });
      qc.invalidateQueries({ queryKey: ['org'] });
    },
  });
}

export function useUpdatePerson(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePersonInput) => api.patch<Person>(`/people/${id}`, body),
    onSuccess: (person) => {
      qc.setQueryData(peopleKeys.detail(id), person);
      qc.invalidateQueries({ queryKey: ['people', 'list'] });
      qc.invalidateQueries({ queryKey: peopleKeys.history(id) });
      qc.invalidateQueries({ queryKey: ['org'] });
    },
  });
}
