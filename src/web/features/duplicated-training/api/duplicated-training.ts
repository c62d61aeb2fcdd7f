import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DuplicatedTraining } from '../../../../contracts/duplicated-training';
import { api } from '../../../lib/api-client';

export type { DuplicatedTraining };
export type DuplicatedRow = DuplicatedTraining['items'][number];
export type DuplicatedClass = DuplicatedTraining['byClass'][number];

export interface DuplicatedFilters {
  year: number;
  /** A unit of the user's subtree; none: the whole subtree. */
  unitId?: number;
  page: number;
  pageSize: number;
}

/** GET /reports/duplicated-training: totals and classes over all rows, one page of rows. */
export function useDuplicatedTraining(f: DuplicatedFilters) {
  return useQuery({
    queryKey: ['reports', 'duplicated-training', f],
    queryFn: ({ signal }) =>
      api.get<DuplicatedTraining>('/reports/duplicated-training', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}
