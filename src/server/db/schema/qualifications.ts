import { sql } from 'drizzle-orm';
import { customType, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { people } from './people';

const bytea = customType<{ data: Buffer }>({
  dataType() {
    return 'bytea';
  },
});

/**
 * A person's qualifications (education, political theory, state management, leadership, IT,
 * language, defence-security). Never hard-deleted: a removed record keeps `deletedAt`.
 */
export const qualifications = pgTable(
  'qualifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    major: text('major'),
    issuer: text('issuer'),
    issuedOn: date('issued_on'),
    certificateNo: text('certificate_no'),
    /** Length of a fostering programme in periods (1 week = 40), for yearly-minimum policies. */
    periods: integer('periods'),
    source: text('source').notNull().default('typed'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedReason: text('deleted_reason'),
    /** The import that wrote the row (undo deletes by it); null when typed. */
    importId: integer('import_id'),
  },
  (t) => [
    index('qualifications_person_idx').on(t.personId),
    index('qualifications_kind_level_idx').on(t.kind, t.level),
    index('qualifications_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
    // The dashboard's trends (ADR 020): live qualifications by issue date, index-only.
    index('qualifications_trend_idx')
      .on(t.issuedOn, t.personId, t.kind, t.level)
      .where(sql`${t.deletedAt} is null and ${t.source} <> 'class'`),
  ],
);

/** Optional scanned certificates attached to a qualification (small files, kept in the database). */
export const qualificationAttachments = pgTable(
  'qualification_attachments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    qualificationId: integer('qualification_id')
      .notNull()
      .references(() => qualifications.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('qualification_attachments_q_idx').on(t.qualificationId)],
);
