import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  NominationCheck as NominationCheckSchema,
  NominationsView,
  NominationWarning,
  Suggestions as SuggestionsSchema,
} from '../../../../contracts/nominations';
import { api, isApiError } from '../../../lib/api-client';

export type { Nomination, NominationsView, NominationWarning } from '../../../../contracts/nominations';
export type NominationCheck = z.infer<typeof NominationCheckSchema>;
export type Suggestions = z.infer<typeof SuggestionsSchema>;
export type Suggestion = Suggestions['items'][number];
export type Quota = NominationsView['quotas'][number];

export const nominationsKey = (classId: number) => ['nominations', classId] as const;

export function useNominations(classId: number) {
  return useQuery({
    queryKey: nominationsKey(classId),
    queryFn: ({ signal }) => api.get<NominationsView>(`/classes/${classId}/nominations`, { signal }),
  });
}

/** What sending this person would do now (seat or waitlist) and the warnings; a read, so a query. */
export function useNominationCheck(classId: number, personId: number | null) {
  return useQuery({
    queryKey: [...nominationsKey(classId), 'check', personId],
    queryFn: ({ signal }) =>
      api.post<NominationCheck>(`/classes/${classId}/nominations/check`, { personId }, { signal }),
    enabled: !!personId,
    gcTime: 0,
    retry: false,
  });
}

/** The assistant's proposals: people of my subtree with a gap the programme fills. */
export function useSuggestions(classId: number, unitId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: [...nominationsKey(classId), 'suggestions', unitId],
    queryFn: ({ signal }) =>
      api.get<Suggestions>(`/classes/${classId}/nominations/suggestions`, {
        signal,
        query: { unitId, limit: 100 },
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/**
 * Every change answers with the whole view: keep it, refresh the checks and suggestions under it,
 * and the class (its seats taken) and the class lists.
 */
function useViewMutation<V>(classId: number, fn: (v: V) => Promise<NominationsView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (view) => {
      qc.setQueryData(nominationsKey(classId), view);
      qc.invalidateQueries({ queryKey: nominationsKey(classId), predicate: (q) => q.queryKey.length > 2 });
      qc.invalidateQueries({ queryKey: ['class', classId] });
      qc.invalidateQueries({ queryKey: ['classes'] });
    },
  });
}

const base = (classId: number) => `/classes/${classId}/nominations`;

export const useSaveQuotas = (classId: number) =>
  useViewMutation(classId, (quotas: { unitId: number; seats: number }[]) =>
    api.put<NominationsView>(`/classes/${classId}/quotas`, { quotas }),
  );

export const useNominate = (classId: number) =>
  useViewMutation(classId, (body: { personId: number; note?: string; confirm: boolean }) =>
    api.post<NominationsView>(base(classId), body),
  );

export const useDecide = (classId: number) =>
  useViewMutation(
    classId,
    ({
      id,
      ...body
    }: {
      id: number;
      decision: 'approve' | 'reject';
      reason?: string;
      decisionNo?: string;
      decisionDate?: string;
      signerName?: string;
      signerTitle?: string;
    }) => api.post<NominationsView>(`${base(classId)}/${id}/decision`, body),
  );

export const useWithdraw = (classId: number) =>
  useViewMutation(classId, ({ id, reason }: { id: number; reason: string }) =>
    api.post<NominationsView>(`${base(classId)}/${id}/withdraw`, { reason }),
  );

export const useSubstitute = (classId: number) =>
  useViewMutation(
    classId,
    ({ id, ...body }: { id: number; personId: number; reason: string; confirm: boolean }) =>
      api.post<NominationsView>(`${base(classId)}/${id}/substitute`, body),
  );

/** The warnings of a 409 NEEDS_CONFIRMATION, or null for any other error. */
export function warningsToConfirm(err: unknown): NominationWarning[] | null {
  if (!isApiError(err, 'NEEDS_CONFIRMATION')) return null;
  const w = (err.details as { warnings?: unknown } | undefined)?.warnings;
  return Array.isArray(w) ? (w as NominationWarning[]) : [];
}
