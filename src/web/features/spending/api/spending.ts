import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClassSpending, SettlementBody, SpendingBody } from '../../../../contracts/spending';
import { api } from '../../../lib/api-client';

export type Spending = z.infer<typeof ClassSpending>;
export type SpendingLine = Spending['lines'][number];

export function useClassSpending(classId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['spending', classId],
    queryFn: ({ signal }) => api.get<Spending>(`/classes/${classId}/spending`, { signal }),
    enabled,
  });
}

function useSpendingMutation<V>(classId: number, fn: (v: V) => Promise<Spending>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (s) => qc.setQueryData(['spending', classId], s) });
}

export const useSaveLine = (classId: number) =>
  useSpendingMutation(
    classId,
    ({ lineId, body }: { lineId: number | null; body: z.input<typeof SpendingBody> }) =>
      lineId === null
        ? api.post<Spending>(`/classes/${classId}/spending`, body)
        : api.put<Spending>(`/classes/${classId}/spending/${lineId}`, body),
  );
export const useDeleteLine = (classId: number) =>
  useSpendingMutation(classId, (lineId: number) =>
    api.delete<Spending>(`/classes/${classId}/spending/${lineId}`),
  );
export const useSettle = (classId: number) =>
  useSpendingMutation(classId, (body: z.input<typeof SettlementBody>) =>
    api.post<Spending>(`/classes/${classId}/settlement`, body),
  );
export const useReopen = (classId: number) =>
  useSpendingMutation(classId, () => api.delete<Spending>(`/classes/${classId}/settlement`));
