import { z } from 'zod';
import { IsoDate, Page, sortParam } from './common';

/**
 * What an update request asked for (ADR 023): the fields its body named (a field not named was
 * left as it was), and for a repair of a reset the audit row it undoes.
 */
export const AuditRequest = z.object({
  fields: z.array(z.string()),
  restores: z.number().optional(),
});
export type AuditRequest = z.infer<typeof AuditRequest>;

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** Null on entries written before 0.2 and on entries that are not updates. */
  request: AuditRequest.nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

/** The columns the audit log sorts by (`sort=username`, `sort=-at`). */
export const AUDIT_SORT_KEYS = ['at', 'username', 'action', 'entity'] as const;

export const AuditQuery = Page.extend({
  /** Sort by one column (a "-" before the key: descending); default: newest first. */
  sort: sortParam(AUDIT_SORT_KEYS),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  action: z.string().max(60).optional(),
  username: z.string().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
