import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The dashboard's trends tile from stored figures (ADR 047). One row per person, programme kind
 * and trend period (contracts/dashboard TREND_PERIODS) in which the person was trained
 * (qualification issued, not by a class; approved place in a finished or closed class), with the
 * first day of it in the period and the person's current unit. Derived data: rebuilt for the
 * people marked in `trend_dirty` by the next reader (dashboard/dashboard.trends.ts).
 */
export const personTrends = pgTable(
  'person_trends',
  {
    personId: integer('person_id').notNull(),
    kind: text('kind').notNull(),
    period: text('period').notNull(),
    unitId: integer('unit_id').notNull(),
    firstOn: date('first_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.kind, t.period] }),
    index('person_trends_unit_idx').on(t.unitId),
    // Rows dated after today are subtracted at read time: few, found by this index.
    index('person_trends_first_on_idx').on(t.firstOn),
  ],
);

/** Per unit, kind and period: the people of `person_trends` (whatever their first day). */
export const trendUnitCounts = pgTable(
  'trend_unit_counts',
  {
    unitId: integer('unit_id').notNull(),
    kind: text('kind').notNull(),
    period: text('period').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.kind, t.period] })],
);

/**
 * People whose trend rows must be rebuilt, written by triggers on qualifications, class places,
 * classes, programmes and people; a null person means everyone. Consumed by the refresh.
 */
export const trendDirty = pgTable(
  'trend_dirty',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id'),
  },
  (t) => [index('trend_dirty_everyone_idx').on(t.id).where(sql`${t.personId} is null`)],
);

/** One row once the trend tables were first built (absent: the next reader builds everyone). */
export const trendState = pgTable('trend_state', {
  id: integer('id').primaryKey(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
  people: integer('people').notNull().default(0),
  ms: integer('ms').notNull().default(0),
});
