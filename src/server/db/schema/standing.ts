import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { ltree } from './types';

/**
 * Each person's standards standing on one day (ADR 033): their state on that day as the gap
 * statement reads it (history row valid then, WORKING only), the qualifications they held
 * ("KIND|LEVEL"), the ids of the rule versions that apply to them and, in
 * `person_standing_gaps`, the rules they fall short of (missing or due). Derived data: built by
 * the gap statement itself (standards/standing.ts) and rebuilt for the people marked in
 * `standing_dirty`, or for everyone when the day or the rules change. No foreign keys: a deleted
 * person is marked dirty and their rows go at the next refresh.
 */
export const personStanding = pgTable(
  'person_standing',
  {
    personId: integer('person_id').primaryKey(),
    unitId: integer('unit_id').notNull(),
    unitPath: ltree('unit_path').notNull(),
    unitLevel: text('unit_level').notNull(),
    category: text('category').notNull(),
    rank: text('rank'),
    post: text('post'),
    postCode: text('post_code'),
    postGroup: text('post_group'),
    leadershipTier: text('leadership_tier').notNull(),
    appointedOn: date('appointed_on'),
    serviceStart: date('service_start'),
    birthDate: date('birth_date'),
    partyMember: boolean('party_member').notNull(),
    partyJoinDate: date('party_join_date'),
    profile: text('profile').notNull(),
    held: text('held').array().notNull(),
    periodsYear: integer('periods_year').notNull(),
    /** The standard rule versions that apply to the person on the day (met = these minus the gaps). */
    ruleIds: integer('rule_ids').array().notNull(),
  },
  (t) => [index('person_standing_path_gist').using('gist', t.unitPath)],
);

/** One row per person and rule version they fall short of on the standing's day. */
export const personStandingGaps = pgTable(
  'person_standing_gaps',
  {
    personId: integer('person_id').notNull(),
    ruleId: integer('rule_id').notNull(),
    unitId: integer('unit_id').notNull(),
    unitPath: ltree('unit_path').notNull(),
    category: text('category').notNull(),
    ruleCode: text('rule_code').notNull(),
    status: text('status').notNull(),
    dueBy: date('due_by'),
    periodsDone: integer('periods_done'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.ruleId] })],
);

/**
 * People whose standing must be rebuilt, written by triggers on people, person_history and
 * qualifications (every write path, SQL included); a null person means everyone (rules, code
 * lists or unit paths changed). Rows are consumed by the refresh that reads them.
 */
export const standingDirty = pgTable(
  'standing_dirty',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id'),
  },
  // "Everyone" is looked up by every trigger call: a batch that marked it writes no more rows.
  (t) => [index('standing_dirty_everyone_idx').on(t.id).where(sql`${t.personId} is null`)],
);

/** One row: the day the standing was built for. Written only by the refresh (under its lock). */
export const standingState = pgTable('standing_state', {
  id: integer('id').primaryKey(),
  asOf: date('as_of').notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
  /** People written by the last refresh and how long it took (ms), for the log and the benches. */
  people: integer('people').notNull().default(0),
  ms: integer('ms').notNull().default(0),
});

/**
 * Per-unit rollups of the stored standing (ADR 035), kept by the same refresh that writes
 * `person_standing` (the marked people's old rows subtracted, their new rows added): per unit and
 * category, with `rule_code` '' the headcount, the people with any gap and the gap counts over
 * every rule in force, and with `rule_code` a rule's code the people with a gap of that code and
 * its counts. A province summary sums a few thousand of these rows instead of scanning millions.
 */
export const standingUnitCounts = pgTable(
  'standing_unit_counts',
  {
    unitId: integer('unit_id').notNull(),
    category: text('category').notNull(),
    ruleCode: text('rule_code').notNull(),
    unitPath: ltree('unit_path').notNull(),
    headcount: integer('headcount').notNull(),
    peopleWithGaps: integer('people_with_gaps').notNull(),
    gaps: integer('gaps').notNull(),
    missing: integer('missing').notNull(),
    due: integer('due').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.category, t.ruleCode] }),
    index('standing_unit_counts_path_gist').using('gist', t.unitPath),
  ],
);

/**
 * Per unit and category, how many people of the stored standing hold each measure of the
 * dashboard's qualification structure (contracts/dashboard STRUCTURE_MEASURES: a kind at a level
 * or higher, on the standing's day). Kept with `standing_unit_counts` (ADR 035).
 */
export const standingUnitHeld = pgTable(
  'standing_unit_held',
  {
    unitId: integer('unit_id').notNull(),
    category: text('category').notNull(),
    measure: text('measure').notNull(),
    unitPath: ltree('unit_path').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.category, t.measure] }),
    index('standing_unit_held_path_gist').using('gist', t.unitPath),
  ],
);
