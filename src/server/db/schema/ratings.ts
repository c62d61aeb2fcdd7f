import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { orgUnits } from './org';
import { people } from './people';

/** A person's yearly quality rating; points from 2026 (Decree 335/2025). One per person and year. */
export const annualRatings = pgTable(
  'annual_ratings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    rating: text('rating').notNull(),
    points: numeric('points', { precision: 5, scale: 2, mode: 'number' }),
    /** The unit the person was rated in (for the per-unit excellent cap). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    note: text('note'),
    source: text('source').notNull().default('typed'),
    /** The import that wrote the row (undo deletes by it); null when typed. */
    importId: integer('import_id'),
    /** Who recorded the rating last (null for imported rows). */
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_ratings_person_year_uq').on(t.personId, t.year),
    index('annual_ratings_unit_year_idx').on(t.unitId, t.year),
    index('annual_ratings_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
  ],
);

/** Rewards for excellence and disciplinary measures, dated, with the decision. */
export const rewardsDiscipline = pgTable(
  'rewards_discipline',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    form: text('form').notNull(),
    decidedOn: date('decided_on').notNull(),
    decisionNo: text('decision_no'),
    issuer: text('issuer'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rewards_discipline_person_idx').on(t.personId)],
);
