import type { AuditRequest } from '../../contracts/audit';
import type { Queryable } from '../db/client';
import { auditLog } from '../db/schema/index';
import type { Actor } from './actor';
import { AppError } from './errors';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  summary?: string;
  /** Path of the unit the record belongs to, so admins of a subtree see its entries. */
  scopePath?: string | null;
  before?: unknown;
  after?: unknown;
  /** On updates: the fields the request named (`namedIn(body)`), so a reader can tell what was asked. */
  request?: AuditRequest;
}

/** Write one audit row inside the caller's transaction: the change and its record land together. */
export async function audit(q: Queryable, actor: Actor, e: AuditEntry): Promise<void> {
  await q.insert(auditLog).values({
    userId: actor.userId || null,
    username: actor.username,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    summary: e.summary ?? null,
    scopePath: e.scopePath ?? null,
    before: (e.before ?? null) as object | null,
    after: (e.after ?? null) as object | null,
    request: e.request ?? null,
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
  });
}

/**
 * An update that puts back values a 0.1.0 update reset without being asked (ADR 023): the audit
 * row of that update, when it ran, and the values it wrote (which the fields must still hold).
 */
export interface RestoreOf {
  auditId: number;
  at: Date;
  resets: Record<string, unknown>;
}

/** Refuse (409) a repair of a field that no longer holds the value the reset wrote. */
export function assertStillReset(current: Record<string, unknown>, r: RestoreOf): void {
  const moved = Object.entries(r.resets).filter(([f, v]) => JSON.stringify(current[f]) !== JSON.stringify(v));
  if (moved.length)
    throw new AppError('CONFLICT', {
      message: {
        vi: `Không khôi phục: ${moved.map(([f]) => f).join(', ')} đã được sửa sau lần đặt lại #${r.auditId}.`,
        en: `Not restored: ${moved.map(([f]) => f).join(', ')} changed after the reset #${r.auditId}.`,
      },
    });
}

/** The audit action of an entity's update, or of its repair of a reset. */
export const updateAction = (entity: string, restores?: RestoreOf) =>
  `${entity}.${restores ? 'restore_reset' : 'update'}`;

/** The fields an update body named (present, even as null), for the audit row's `request`. */
export function namedIn(body: object, extra: Partial<AuditRequest> = {}): AuditRequest {
  const fields = Object.entries(body)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort();
  return { fields, ...extra };
}

/** Only the fields that changed, for compact before/after rows. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const was = before[key];
    const now = after[key];
    if (now !== undefined && JSON.stringify(was) !== JSON.stringify(now)) {
      b[key] = was;
      a[key] = now;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
