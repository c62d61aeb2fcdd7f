import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  EligibilityRule as EligibilityRuleSchema,
  EligiblePerson as EligiblePersonSchema,
  GapPersonRow as GapPersonRowSchema,
  GapsSummary as GapsSummarySchema,
} from '../../../../contracts/standards';
import { api, buildQuery, type Paged } from '../../../lib/api-client';
import type { GapSelection, GroupBy } from '../gaps-url';

export type GapsSummary = z.infer<typeof GapsSummarySchema>;
export type GapGroup = GapsSummary['groups'][number];
export type GapCounts = GapsSummary['totals'];
export type GapPersonRow = z.infer<typeof GapPersonRowSchema>;
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>;
export type EligiblePerson = z.infer<typeof EligiblePersonSchema>;
export type EligibilityRuleResult = EligiblePerson['rules'][number];

export interface EligiblePeoplePage extends Paged<EligiblePerson> {
  purpose: string;
  asOf: string;
}

/** Unit and date of a report (both optional: the server defaults to the user's unit and today). */
export interface ReportScope {
  unitId?: number;
  asOf?: string;
  /** Post group code (ADR 048); absent: everyone. */
  postGroup?: string;
}

// A province of 100,000 people takes seconds to count: don't recount on every focus or remount.
const REPORT_STALE_MS = 60_000;

export function useGapsSummary(scope: ReportScope, groupBy: GroupBy) {
  return useQuery({
    queryKey: ['gaps', 'summary', scope.unitId ?? null, scope.asOf ?? null, scope.postGroup ?? null, groupBy],
    queryFn: ({ signal }) =>
      api.get<GapsSummary>('/standards/gaps/summary', { signal, query: { ...scope, groupBy } }),
    // The last result stays on screen (dimmed) while the next one is counted.
    placeholderData: keepPreviousData,
    staleTime: REPORT_STALE_MS,
  });
}

export function useGapPeople(
  scope: ReportScope,
  selection: GapSelection & { page: number; pageSize: number },
  enabled: boolean,
) {
  const query = { ...scope, ...selection };
  return useQuery({
    queryKey: ['gaps', 'people', query],
    queryFn: ({ signal }) => api.get<Paged<GapPersonRow>>('/standards/gaps/people', { signal, query }),
    placeholderData: keepPreviousData,
    staleTime: REPORT_STALE_MS,
    enabled,
  });
}

/**
 * Address of the CSV of a selection: a plain link downloads it with the session cookie, and the
 * server streams it, so the browser never holds the rows in memory.
 */
export function gapsExportUrl(scope: ReportScope, selection: GapSelection = {}): string {
  return `/api/standards/gaps/export.csv${buildQuery({ ...scope, ...selection })}`;
}

export function useEligibilityRules(asOf?: string) {
  return useQuery({
    queryKey: ['eligibility', 'rules', asOf ?? null],
    queryFn: ({ signal }) =>
      api.get<{ asOf: string; items: EligibilityRule[] }>('/eligibility/rules', { signal, query: { asOf } }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useEligiblePeople(
  purpose: string | undefined,
  scope: ReportScope,
  page: { page: number; pageSize: number },
) {
  const query = { ...scope, ...page };
  return useQuery({
    queryKey: ['eligibility', 'people', purpose ?? null, query],
    queryFn: ({ signal }) => api.get<EligiblePeoplePage>(`/eligibility/${purpose}/people`, { signal, query }),
    placeholderData: keepPreviousData,
    staleTime: REPORT_STALE_MS,
    enabled: !!purpose,
  });
}
