import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { classes, classSessions } from './classes';
import { classNominations } from './nominations';
import { people } from './people';

/** The tests, essays and projects of a class, each scored on 10 (ADR 013). */
export const classAssessments = pgTable(
  'class_assessments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** test | essay | project */
    kind: text('kind').notNull(),
    /** Weight in the average (the pass rule looks at every score on its own). */
    weight: numeric('weight', { precision: 5, scale: 2 }).notNull().default('1'),
    position: integer('position').notNull().default(0),
    /** The day a test is held or an essay/project is due; scores are taken from that day (ADR 025). */
    heldOn: date('held_on'),
  },
  (t) => [index('class_assessments_class_idx').on(t.classId, t.position)],
);

/** One learner (an approved nomination) at one session. */
export const classAttendance = pgTable(
  'class_attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => classSessions.id, { onDelete: 'cascade' }),
    nominationId: integer('nomination_id')
      .notNull()
      .references(() => classNominations.id, { onDelete: 'cascade' }),
    /** present | late | excused (absent with leave) | absent */
    status: text('status').notNull(),
    reason: text('reason'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.nominationId] }),
    index('class_attendance_nomination_idx').on(t.nominationId),
    check('class_attendance_status_ck', sql`${t.status} in ('present', 'late', 'excused', 'absent')`),
  ],
);

/** A learner's score of one assessment, 0-10 with two decimals. */
export const classScores = pgTable(
  'class_scores',
  {
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => classAssessments.id, { onDelete: 'cascade' }),
    nominationId: integer('nomination_id')
      .notNull()
      .references(() => classNominations.id, { onDelete: 'cascade' }),
    score: numeric('score', { precision: 4, scale: 2 }).notNull(),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** The import that wrote the row (undo deletes by it); null when typed. */
    importId: integer('import_id'),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.nominationId] }),
    check('class_scores_range_ck', sql`${t.score} >= 0 and ${t.score} <= 10`),
    index('class_scores_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
  ],
);

/**
 * The result of a learner when the class finishes: computed by the pass rule and grade bands in
 * force on the class's last day (policy values), kept with the reasons, so a later change of
 * the rule does not rewrite history. Certificates are issued from the passed ones.
 */
export const classResults = pgTable(
  'class_results',
  {
    nominationId: integer('nomination_id')
      .primaryKey()
      .references(() => classNominations.id, { onDelete: 'cascade' }),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    attendancePct: numeric('attendance_pct', { precision: 5, scale: 2 }).notNull(),
    average: numeric('average', { precision: 4, scale: 2 }),
    minScore: numeric('min_score', { precision: 4, scale: 2 }),
    rulesKept: boolean('rules_kept').notNull().default(true),
    disciplineNote: text('discipline_note'),
    passed: boolean('passed').notNull(),
    /** Grade band code (XUAT_SAC, GIOI, KHA, TRUNG_BINH, KHONG_DAT). */
    grade: text('grade').notNull(),
    /** Why not passed / borderline, in vi and en. */
    reasons: jsonb('reasons').$type<{ code: string; vi: string; en: string }[]>().notNull().default([]),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('class_results_class_idx').on(t.classId), index('class_results_person_idx').on(t.personId)],
);
