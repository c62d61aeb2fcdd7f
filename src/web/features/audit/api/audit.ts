import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntry as AuditEntrySchema } from '../../../../contracts/audit';
import { api, type Paged } from '../../../lib/api-client';

export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export interface AuditFilters {
  entity?: string;
  entityId?: string;
  action?: string;
  username?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAudit(f: AuditFilters) {
  return useQuery({
    queryKey: ['audit', f],
    queryFn: ({ signal }) => api.get<Paged<AuditEntry>>('/audit', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}
