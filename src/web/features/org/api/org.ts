import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateUnitBody,
  MergeUnitsBody,
  MoveUnitBody,
  OrgEvent as OrgEventSchema,
  RenameUnitBody,
  SplitUnitBody,
  UnitDetail as UnitDetailSchema,
  UnitVersion as UnitVersionSchema,
} from '../../../../contracts/org';
import type { PersonListItem as PersonListItemSchema } from '../../../../contracts/people';
import { api, type Paged } from '../../../lib/api-client';
import type { OrgUnit } from '../../../lib/org-tree';

export type UnitDetail = z.infer<typeof UnitDetailSchema>;
export type UnitVersion = z.infer<typeof UnitVersionSchema>;
export type OrgEvent = z.infer<typeof OrgEventSchema>;
export type CreateUnitInput = z.input<typeof CreateUnitBody>;
export type RenameUnitInput = z.input<typeof RenameUnitBody>;
export type MoveUnitInput = z.input<typeof MoveUnitBody>;
export type MergeUnitsInput = z.input<typeof MergeUnitsBody>;
export type SplitUnitInput = z.input<typeof SplitUnitBody>;
type UnitPerson = z.infer<typeof PersonListItemSchema>;

export function useUnitDetail(id: number | null) {
  return useQuery({
    queryKey: ['org', 'unit', id],
    queryFn: ({ signal }) => api.get<UnitDetail>(`/org/units/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** Every person directly in a unit (not sub-units), loaded 200 at a time, for the split dialog. */
export function useUnitPeople(unitId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['people', 'unit-all', unitId],
    enabled,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const all: UnitPerson[] = [];
      for (let page = 1; page <= 500; page++) {
        const r = await api.get<Paged<UnitPerson>>('/people', {
          signal,
          query: { unitId, subtree: 'false', page, pageSize: 200 },
        });
        all.push(...r.items);
        if (r.items.length < r.pageSize || all.length >= r.total) break;
      }
      return all;
    },
  });
}

function useOrgMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['org'] });
      qc.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

export const useCreateUnit = () =>
  useOrgMutation((body: CreateUnitInput) => api.post<OrgUnit>('/org/units', body));

export const useRenameUnit = () =>
  useOrgMutation(({ id, body }: { id: number; body: RenameUnitInput }) =>
    api.post<OrgUnit>(`/org/units/${id}/rename`, body),
  );

export const useMoveUnit = () =>
  useOrgMutation(({ id, body }: { id: number; body: MoveUnitInput }) =>
    api.post<OrgUnit>(`/org/units/${id}/move`, body),
  );

export const useMergeUnits = () =>
  useOrgMutation((body: MergeUnitsInput) =>
    api.post<{ target: OrgUnit; movedPeople: number }>('/org/merge', body),
  );

/** The new units of a split, and how many people moved. */
export type SplitResult = { parts: OrgUnit[]; movedPeople: number };

export const useSplitUnit = () =>
  useOrgMutation(({ id, body }: { id: number; body: SplitUnitInput }) =>
    api.post<SplitResult>(`/org/units/${id}/split`, body),
  );
