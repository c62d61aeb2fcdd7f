import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { orgUnits } from './org';

/**
 * Dated values of the domain's rules that are not standards (ADR 013): the pass rule of a class,
 * the grade bands, the days a learner abroad has to report, the service commitment of sponsored
 * postgraduate study, the months before a supervisor's effectiveness form. A national row has no
 * owner; a province or unit may set its own from a date for its subtree (the deepest owner wins).
 */
export const policyValues = pgTable(
  'policy_values',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    ownerUnitId: integer('owner_unit_id').references(() => orgUnits.id),
    value: jsonb('value').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    /** Document and article, or "chính sách của tỉnh". */
    legalSource: text('legal_source').notNull(),
    note: text('note'),
    /** Shipped with the product (refreshed on upgrade); a province's rows are never built in. */
    builtIn: boolean('built_in').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('policy_values_code_idx').on(t.code, t.effectiveFrom),
    check('policy_values_dates_ck', sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
  ],
);
