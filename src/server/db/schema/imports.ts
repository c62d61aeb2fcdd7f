import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { orgUnits } from './org';
import { bytea, ltree } from './types';

/**
 * One import of a sheet (ADR 018). The row is committed as `running` before the data
 * transaction, which sets `committed` together with the data: a killed import stays `running`
 * with nothing written and is marked `interrupted` on the next look.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** people | qualifications | ratings | roster | results */
    kind: text('kind').notNull(),
    /** The unit whose subtree the import may touch (the actor's scope or a unit chosen in it). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    scopePath: ltree('scope_path').notNull(),
    /** The class of a roster or results import. */
    classId: integer('class_id'),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** all (all or nothing) | valid (only valid rows); null until committed. */
    mode: text('mode'),
    status: text('status').notNull().default('previewed'),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    writtenRows: integer('written_rows').notNull().default(0),
    /** Count of errors by code, and a sample of valid rows for the preview. */
    errorCounts: jsonb('error_counts').$type<Record<string, number>>().notNull().default({}),
    /** Warnings by code (ADR 024): shown in the preview, they do not refuse a row. */
    warningCounts: jsonb('warning_counts').$type<Record<string, number>>().notNull().default({}),
    sample: jsonb('sample').$type<Record<string, string | null>[]>().notNull().default([]),
    /** Why a commit failed (a message, both languages). */
    failure: jsonb('failure').$type<{ vi: string; en: string } | null>(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    username: text('username').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /**
     * While `running`: the lease of the process writing it (ADR 027), renewed by its heartbeat.
     * Past it, with no live transaction holding the row, the batch is `interrupted`.
     */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    undoneBy: text('undone_by'),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneReason: text('undone_reason'),
  },
  (t) => [
    index('import_batches_scope_idx').using('gist', t.scopePath),
    index('import_batches_status_idx').on(t.status),
    check(
      'import_batches_status_ck',
      sql`${t.status} in ('previewed', 'running', 'committed', 'failed', 'interrupted', 'undone')`,
    ),
  ],
);

/**
 * The uploaded file as sent, for download and for the commit to read again, in parts of 1 MB
 * (ADR 022): one large bytea parameter costs PGlite many times its size in memory.
 */
export const importFiles = pgTable(
  'import_files',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    /** 0, 1, 2...: the parts in order (a file stored before parts existed is part 0). */
    part: integer('part').notNull().default(0),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.part] })],
);

/**
 * Every problem found in a sheet: row, column, value and a code (messages in contracts); an
 * `error` refuses its row, a `warning` does not (ADR 024). `message`: the problem told with the
 * row's facts (the person on record, the scale), when the code's general message is not enough.
 */
export const importIssues = pgTable(
  'import_issues',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    rowNumber: integer('row_number').notNull(),
    column: text('column').notNull(),
    value: text('value'),
    code: text('code').notNull(),
    /** What else the message needs (UNKNOWN_CODE: the accepted labels and the closest ones). */
    details: jsonb('details').$type<Record<string, unknown>>(),
    severity: text('severity').$type<'error' | 'warning'>().notNull().default('error'),
    message: jsonb('message').$type<{ vi: string; en: string } | null>(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.seq] })],
);

/**
 * The rows of a checked file as the preview staged them (ADR 047): the cells of each sheet row
 * in the kind's staging columns (their order in `cells`), kept between preview and commit so the
 * commit re-checks and writes them without reading the .xlsx again. Deleted by the commit that
 * writes them; a refused or failed commit keeps them for the next try.
 */
export const importStaged = pgTable(
  'import_staged',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    cells: text('cells').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.rowNo] })],
);

/** The shape errors found while the preview read the sheet (the SQL checks run again at commit). */
export const importStagedIssues = pgTable(
  'import_staged_issues',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    col: text('col').notNull(),
    value: text('value'),
    code: text('code').notNull(),
    sev: text('sev').notNull(),
    msgVi: text('msg_vi'),
    msgEn: text('msg_en'),
  },
  (t) => [index('import_staged_issues_batch_idx').on(t.batchId)],
);
