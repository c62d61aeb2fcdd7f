import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { classes } from './classes';

/**
 * One line of what a class actually spent (ADR 039): an item of the dated code list
 * `spending_item` (lecturer fees, materials, venue, learner allowances, other; Circular
 * 36/2018/TT-BTC), the funding source (`funding_source`), the amount in VND and the day it was
 * spent. Lines are locked once the class is settled.
 */
export const classSpending = pgTable(
  'class_spending',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    fundingSource: text('funding_source').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    spentOn: date('spent_on').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('class_spending_class_idx').on(t.classId),
    check('class_spending_amount_ck', sql`${t.amount} >= 0`),
  ],
);

/**
 * The settlement (quyết toán) of a class's spending: the decision's number and date, the settled
 * total and a note. One per class; while it exists the spending lines cannot change.
 */
export const classSettlements = pgTable(
  'class_settlements',
  {
    classId: integer('class_id')
      .primaryKey()
      .references(() => classes.id, { onDelete: 'cascade' }),
    settledOn: date('settled_on').notNull(),
    number: text('number').notNull(),
    settledTotal: bigint('settled_total', { mode: 'number' }).notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('class_settlements_total_ck', sql`${t.settledTotal} >= 0`)],
);
