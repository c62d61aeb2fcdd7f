import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Dashboard,
  DashboardClasses,
  DashboardClassesQuery,
  DashboardGaps,
  DashboardPeople,
  DashboardPeopleQuery,
} from '../../../../contracts/dashboard';
import { api } from '../../../lib/api-client';

export type { Dashboard, DashboardClasses, DashboardGaps, DashboardPeople };

export interface DashboardFilters {
  year: number;
  /** A unit of the user's subtree; none: the whole subtree. */
  unitId?: number;
}

/** What a drawer lists: people (GET /dashboard/people) or classes (GET /dashboard/classes). */
export type Drill =
  | ({ what: 'people'; title: string } & Omit<z.infer<typeof DashboardPeopleQuery>, 'page' | 'pageSize'>)
  | ({ what: 'classes'; title: string } & Omit<z.infer<typeof DashboardClassesQuery>, 'page' | 'pageSize'>);

/** GET /dashboard: every tile but the gaps one. */
export function useDashboard(f: DashboardFilters) {
  return useQuery({
    queryKey: ['dashboard', f],
    queryFn: ({ signal }) => api.get<Dashboard>('/dashboard', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

/** GET /dashboard/gaps: its own request, so the slower gap SQL does not hold the other tiles back. */
export function useDashboardGaps(unitId: number | undefined) {
  return useQuery({
    queryKey: ['dashboard', 'gaps', unitId ?? null],
    queryFn: ({ signal }) => api.get<DashboardGaps>('/dashboard/gaps', { signal, query: { unitId } }),
    placeholderData: keepPreviousData,
  });
}

/** The people or classes behind a number, one page. */
export function useDrill(drill: Drill | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['dashboard', 'drill', drill, page, pageSize],
    enabled: drill !== null,
    queryFn: ({ signal }) => {
      const { what, title: _title, ...query } = drill!;
      const url = what === 'people' ? '/dashboard/people' : '/dashboard/classes';
      return api.get<DashboardPeople | DashboardClasses>(url, {
        signal,
        query: { ...query, page, pageSize },
      });
    },
    placeholderData: keepPreviousData,
  });
}
