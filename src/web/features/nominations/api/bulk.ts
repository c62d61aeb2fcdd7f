import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BulkResult, BulkCheckResult as CheckSchema } from '../../../../contracts/nominations-bulk';
import { api } from '../../../lib/api-client';
import { nominationsKey } from './nominations';

export type { BulkOutcome, BulkResult } from '../../../../contracts/nominations-bulk';
export type BulkCheckItem = z.infer<typeof CheckSchema>['items'][number];

const base = (classId: number) => `/classes/${classId}/nominations/bulk`;

/** A bulk action answers each item's outcome and the view after all: keep the view, refresh the rest. */
function useBulk<V>(classId: number, fn: (v: V) => Promise<BulkResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.setQueryData(nominationsKey(classId), r.view);
      qc.invalidateQueries({ queryKey: nominationsKey(classId), predicate: (q) => q.queryKey.length > 2 });
      qc.invalidateQueries({ queryKey: ['class', classId] });
      qc.invalidateQueries({ queryKey: ['classes'] });
      qc.invalidateQueries({ queryKey: ['todo'] });
    },
  });
}

/** Each person's warnings and seat-or-waitlist before sending (a read, run on demand). */
export const useBulkCheck = (classId: number) =>
  useMutation({
    mutationFn: (personIds: number[]) =>
      api.post<z.infer<typeof CheckSchema>>(`${base(classId)}/check`, { personIds }),
  });

export const useBulkNominate = (classId: number) =>
  useBulk(classId, (body: { personIds: number[]; note?: string; confirm: boolean }) =>
    api.post<BulkResult>(base(classId), body),
  );

export const useBulkDecide = (classId: number) =>
  useBulk(classId, (body: { nominationIds: number[]; decision: 'approve' | 'reject'; reason?: string }) =>
    api.post<BulkResult>(`${base(classId)}/decision`, body),
  );

export const useBulkWaitlist = (classId: number) =>
  useBulk(classId, (body: { nominationIds: number[]; reason?: string }) =>
    api.post<BulkResult>(`${base(classId)}/waitlist`, body),
  );
