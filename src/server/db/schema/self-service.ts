import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { classes } from './classes';
import { classNominations } from './nominations';
import { orgUnits } from './org';
import { people } from './people';

/**
 * A learner asks to be sent to a class open for nomination (ADR 017). The unit officer over the
 * person accepts it (a nomination is sent through the nominations service and linked here) or
 * declines it with a reason; the learner may cancel it while it is pending. One pending request
 * per person and class.
 */
export const joinRequests = pgTable(
  'join_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    /** The person's unit when they asked. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    note: text('note'),
    /** pending | accepted | declined | cancelled */
    status: text('status').notNull().default('pending'),
    /** Why it was declined (required then). */
    reason: text('reason'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The nomination sent when the request was accepted. */
    nominationId: integer('nomination_id').references(() => classNominations.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('join_requests_pending_uq').on(t.classId, t.personId).where(sql`${t.status} = 'pending'`),
    index('join_requests_person_idx').on(t.personId, t.createdAt),
    index('join_requests_status_idx').on(t.status, t.createdAt),
    check('join_requests_status_ck', sql`${t.status} in ('pending', 'accepted', 'declined', 'cancelled')`),
    check('join_requests_declined_reason_ck', sql`${t.status} <> 'declined' or ${t.reason} is not null`),
  ],
);
