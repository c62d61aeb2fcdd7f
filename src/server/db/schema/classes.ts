import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { institutions, lecturers, programmes } from './catalogue';
import { orgUnits } from './org';
import { planLines } from './plans';

/**
 * A class ("K24/2026") of a catalogue programme, organised by a unit, taught at an institution,
 * optionally carrying out a plan line (ADR 011). Status: planned -> open_for_nomination ->
 * running -> finished -> closed, or cancelled.
 */
export const classes = pgTable(
  'classes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    /** Year of the start date (codes are unique per organiser and year). */
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** Folded code + name for accent-insensitive search. */
    searchName: text('search_name').notNull(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    institutionId: integer('institution_id').references(() => institutions.id),
    organiserUnitId: integer('organiser_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    planLineId: integer('plan_line_id').references(() => planLines.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    venue: text('venue'),
    mode: text('mode').notNull(),
    capacity: integer('capacity').notNull(),
    /** Seats held by nominations (pending + approved), kept by locked updates (ADR 012). */
    seatsTaken: integer('seats_taken').notNull().default(0),
    /** Last day units may send nominations (inclusive); null: until the class starts running. */
    nominationDeadline: date('nomination_deadline'),
    /** funding_source code -> VND, as plan lines. */
    budget: jsonb('budget').$type<Record<string, number>>().notNull().default({}),
    status: text('status').notNull().default('planned'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('classes_organiser_year_code_uq').on(t.organiserUnitId, t.year, t.code),
    index('classes_plan_line_idx').on(t.planLineId),
    // The dashboard's year tiles (ADR 020).
    index('classes_year_idx').on(t.year),
    index('classes_programme_idx').on(t.programmeId),
    index('classes_institution_idx').on(t.institutionId),
    index('classes_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    check('classes_capacity_ck', sql`${t.capacity} > 0`),
    check('classes_seats_ck', sql`${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.capacity}`),
    check('classes_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** One teaching session of a class: a day, a time, a topic, a lecturer, a room or a link. */
export const classSessions = pgTable(
  'class_sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    /** HH:MM. */
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    topicCode: text('topic_code'),
    lecturerId: integer('lecturer_id').references(() => lecturers.id),
    room: text('room'),
    /** Folded room name, compared for room clashes. */
    roomKey: text('room_key'),
    onlineUrl: text('online_url'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('class_sessions_class_idx').on(t.classId, t.day),
    index('class_sessions_day_lecturer_idx').on(t.day, t.lecturerId),
    check('class_sessions_times_ck', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Who did what to a class, when (status changes with their comment, edits). */
export const classEvents = pgTable(
  'class_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    comment: text('comment'),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('class_events_class_idx').on(t.classId, t.at)],
);
