import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ltree } from './types';

/** Every change: who, when, what, before/after. `scopePath` lets admins see only their subtree. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    summary: text('summary'),
    scopePath: ltree('scope_path'),
    before: jsonb('before'),
    after: jsonb('after'),
    /**
     * What an update request asked for (ADR 023): `{ fields: [...] }` the body named, and on a
     * repair `restores`: the id of the audit row whose reset it undoes. Null before 0.2.
     */
    request: jsonb('request').$type<{ fields: string[]; restores?: number }>(),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_scope_gist').using('gist', t.scopePath),
  ],
);
