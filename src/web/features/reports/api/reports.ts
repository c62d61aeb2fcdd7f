import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReportPeoplePage, ReportTable } from '../../../../contracts/reports';
import { api, buildQuery, type QueryValue } from '../../../lib/api-client';
import { getLang } from '../../../lib/lang';

export type { ReportPeoplePage, ReportTable };
export type ReportQuery = Record<string, QueryValue>;

// A province's figures take a moment to count: do not recount on every focus or remount.
const STALE_MS = 60_000;

export function useReport(name: string, query: ReportQuery) {
  return useQuery({
    queryKey: ['reports', name, query],
    queryFn: ({ signal }) => api.get<ReportTable>(`/reports/${name}`, { signal, query }),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}

export function useReportPeople(
  name: string,
  query: ReportQuery,
  cell: string | null,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: ['reports', name, 'people', query, cell, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<ReportPeoplePage>(`/reports/${name}/people`, {
        signal,
        query: { ...query, cell, page, pageSize },
      }),
    enabled: cell !== null,
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}

/** The .xlsx of the same table (a plain link: the browser downloads it with the session cookie). */
export function reportExportUrl(name: string, query: ReportQuery): string {
  return `/api/reports/${name}/export.xlsx${buildQuery({ ...query, lang: getLang() })}`;
}
