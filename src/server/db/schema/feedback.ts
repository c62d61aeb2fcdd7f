import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { FeedbackQuestion, FeedbackScaleLabel } from '../../../contracts/feedback';
import { users } from './auth';
import { lecturers } from './catalogue';
import { classes } from './classes';
import { classNominations } from './nominations';

/**
 * The feedback forms as data (ADR 015): level 1 (the learner rates the class, each lecturer and
 * the organisation) and level 3 (the supervisor rates the effect on the work some months later).
 * A new wording is a new version from a date; every answer keeps the version it answered.
 */
export const feedbackForms = pgTable(
  'feedback_forms',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** 1 = reaction (learner), 3 = behaviour (supervisor). */
    level: smallint('level').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    /** Ordered questions on a 1-5 scale, each with its target (class, lecturer, organisation, work). */
    questions: jsonb('questions').$type<FeedbackQuestion[]>().notNull(),
    /** The five labels of the 1-5 scale, lowest first. */
    scale: jsonb('scale').$type<FeedbackScaleLabel[]>().notNull(),
    /** Shipped with the product (refreshed on upgrade). */
    builtIn: boolean('built_in').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_forms_level_version_uq').on(t.level, t.version),
    check('feedback_forms_level_ck', sql`${t.level} in (1, 3)`),
  ],
);

/**
 * One answered form: level 1 by the learner of an approved nomination, level 3 by a supervisor
 * about that learner. Once per nomination and level (the unique index answers a second try with
 * 409). Read paths never return the nomination with level-1 scores (anonymous roll-ups).
 */
export const feedbackAnswers = pgTable(
  'feedback_answers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    level: smallint('level').notNull(),
    formId: integer('form_id')
      .notNull()
      .references(() => feedbackForms.id),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    nominationId: integer('nomination_id')
      .notNull()
      .references(() => classNominations.id, { onDelete: 'cascade' }),
    comment: text('comment'),
    answeredBy: integer('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_answers_once_uq').on(t.nominationId, t.level),
    index('feedback_answers_class_idx').on(t.classId, t.level),
    check('feedback_answers_level_ck', sql`${t.level} in (1, 3)`),
  ],
);

/** The 1-5 scores of an answer; lecturer questions carry the lecturer rated. */
export const feedbackScores = pgTable(
  'feedback_scores',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    answerId: integer('answer_id')
      .notNull()
      .references(() => feedbackAnswers.id, { onDelete: 'cascade' }),
    questionCode: text('question_code').notNull(),
    lecturerId: integer('lecturer_id').references(() => lecturers.id),
    score: smallint('score').notNull(),
  },
  (t) => [
    uniqueIndex('feedback_scores_question_uq').on(
      t.answerId,
      t.questionCode,
      sql`coalesce(${t.lecturerId}, 0)`,
    ),
    index('feedback_scores_lecturer_idx').on(t.lecturerId),
    check('feedback_scores_range_ck', sql`${t.score} between 1 and 5`),
  ],
);
