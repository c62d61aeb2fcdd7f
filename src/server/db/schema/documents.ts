import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { orgUnits } from './org';

/**
 * A unit's template of an official document kind (ADR 040): header lines, title, body with
 * placeholders, recipients, signature block. The shipped defaults live in code
 * (modules/documents/documents.defaults.ts); a row here is a unit's own version, read by the
 * unit and every unit below it that has none of its own.
 */
export const documentTemplates = pgTable(
  'document_templates',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The TemplateBody of contracts/documents.ts. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_templates_kind_unit_uq').on(t.kind, t.unitId)],
);

/**
 * The last decision number an issuing unit gave in a year (Decree 30/2020: numbers run from 01
 * on 1 January). Taken by `insert ... on conflict do update ... returning`, which holds the row
 * until the issuing transaction ends: concurrent issuers queue.
 */
export const documentCounters = pgTable(
  'document_counters',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/**
 * A decision issued: its number in the issuing unit's register, the record it decides, and the
 * laid-out pages as issued (`pages`), so a re-print is the same paper whatever changed since.
 */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    /** Null when the number was recorded on approval, not drawn from the register (ADR 053). */
    seq: integer('seq'),
    symbol: text('symbol').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    signerName: text('signer_name').notNull(),
    /** class | plan, and its id. */
    subject: text('subject').notNull(),
    subjectId: integer('subject_id').notNull(),
    /** The DocModel of contracts/documents.ts. */
    pages: jsonb('pages').$type<unknown[]>().notNull(),
    issuedBy: integer('issued_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('issued_documents_unit_year_seq_uq').on(t.unitId, t.year, t.seq),
    index('issued_documents_subject_idx').on(t.subject, t.subjectId),
    check('issued_documents_seq_ck', sql`${t.seq} > 0`),
  ],
);
