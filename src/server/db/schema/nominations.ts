import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { NominationWarning } from '../../../contracts/nominations';
import { users } from './auth';
import { classes } from './classes';
import { orgUnits } from './org';
import { people } from './people';
import { decisionColumns } from './types';

/**
 * Seats of a class given to a unit (its subtree sends people against them). `taken` counts the
 * seat-holding nominations charged to the quota; the check keeps it within `seats` (ADR 012).
 */
export const classQuotas = pgTable(
  'class_quotas',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    seats: integer('seats').notNull(),
    taken: integer('taken').notNull().default(0),
  },
  (t) => [
    uniqueIndex('class_quotas_class_unit_uq').on(t.classId, t.unitId),
    check('class_quotas_seats_ck', sql`${t.seats} > 0`),
    check('class_quotas_taken_ck', sql`${t.taken} >= 0 and ${t.taken} <= ${t.seats}`),
  ],
);

/**
 * A person sent to a class by a unit. Statuses: pending, approved (seat holders), waitlisted
 * (in line by `queued_at`), rejected, withdrawn, substituted (replaced by `replaced_by_id`).
 */
export const classNominations = pgTable(
  'class_nominations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    /** The person's unit when nominated. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The quota charged (nearest quota unit above or at `unit_id`); null: the unallocated seats. */
    quotaUnitId: integer('quota_unit_id').references(() => orgUnits.id),
    status: text('status').notNull(),
    /** Why rejected, withdrawn or substituted. */
    reason: text('reason'),
    note: text('note'),
    /** Kept the class's rules (the pass rule requires it); false with a discipline note. */
    rulesKept: boolean('rules_kept').notNull().default(true),
    disciplineNote: text('discipline_note'),
    /** The warnings shown and accepted when it was sent. */
    warnings: jsonb('warnings').$type<NominationWarning[]>().notNull().default([]),
    /** Order in the waitlist (the time it joined it). */
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    replacesId: integer('replaces_id'),
    replacedById: integer('replaced_by_id'),
    nominatedBy: integer('nominated_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The send-to-study decision when approved (ADR 044). */
    ...decisionColumns(),
    /** The import that wrote the row (undo deletes by it); null when typed. */
    importId: integer('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('class_nominations_live_uq')
      .on(t.classId, t.personId)
      .where(sql`${t.status} in ('pending', 'approved', 'waitlisted')`),
    index('class_nominations_class_idx').on(t.classId, t.status, t.queuedAt),
    index('class_nominations_person_idx').on(t.personId),
    index('class_nominations_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
    // Trainees sent by the units of a subtree (the dashboard, ADR 020).
    index('class_nominations_unit_approved_idx').on(t.unitId, t.classId).where(sql`${t.status} = 'approved'`),
    check(
      'class_nominations_status_ck',
      sql`${t.status} in ('pending', 'approved', 'waitlisted', 'rejected', 'withdrawn', 'substituted')`,
    ),
  ],
);

/** Every step of a nomination: sent, waitlisted, promoted, approved, rejected, withdrawn, substituted. */
export const nominationEvents = pgTable(
  'nomination_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    nominationId: integer('nomination_id')
      .notNull()
      .references(() => classNominations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    comment: text('comment'),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('nomination_events_nomination_idx').on(t.nominationId, t.at)],
);
