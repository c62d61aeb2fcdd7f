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
import { orgUnits } from './org';

/** Budget of a plan line in VND by funding source (code list `funding_source`). */
export type Budget = Record<string, number>;

/**
 * A multi-year programme ("Đề án ĐTBD cán bộ giai đoạn 2026-2030") issued by a unit (usually the
 * province) by a decision; annual plans of that unit and its subtree may refer to it (ADR 010).
 * Status: draft -> issued -> closed.
 */
export const multiyearProgrammes = pgTable(
  'multiyear_programmes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    searchName: text('search_name').notNull(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date'),
    status: text('status').notNull().default('draft'),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('multiyear_programmes_unit_code_uq').on(t.unitId, t.code),
    check('multiyear_programmes_years_ck', sql`${t.toYear} >= ${t.fromYear}`),
  ],
);

/** A target of a multi-year programme: for one year, or for the whole period when `year` is null. */
export const multiyearTargets = pgTable(
  'multiyear_targets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => multiyearProgrammes.id, { onDelete: 'cascade' }),
    year: integer('year'),
    programmeKind: text('programme_kind').notNull(),
    level: text('level'),
    trainees: integer('trainees').notNull().default(0),
    classes: integer('classes'),
    note: text('note'),
  },
  (t) => [index('multiyear_targets_programme_idx').on(t.programmeId)],
);

/**
 * The annual training plan of one unit for one year: one row whatever its versions. `version` is
 * the working version; approving freezes it into `annual_plan_versions`, revising an approved plan
 * increments it and reopens it as a draft. Status: draft -> submitted -> approved, or returned.
 */
export const annualPlans = pgTable(
  'annual_plans',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    multiyearId: integer('multiyear_id').references(() => multiyearProgrammes.id),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    note: text('note'),
    reviewComment: text('review_comment'),
    /** The needs campaign the plan was drafted from, if any. */
    sourceCampaignId: integer('source_campaign_id'),
    createdBy: integer('created_by'),
    /** Who submitted the working version last (user id), for the four-eyes rule (ADR 038). */
    submittedBy: integer('submitted_by'),
    /** The plan import (ADR 045) that created the plan, if any: its undo removes the plan. */
    importId: integer('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_plans_unit_year_uq').on(t.unitId, t.year),
    index('annual_plans_year_idx').on(t.year),
  ],
);

/**
 * A line of a plan: programme kind x target group x level with its targets. The id is stable
 * across versions (classes will reference it as `plan_line_id`); a line removed from a plan keeps
 * its row with `removedAt` so such references and older versions stay valid.
 */
export const planLines = pgTable(
  'plan_lines',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => annualPlans.id, { onDelete: 'cascade' }),
    programmeKind: text('programme_kind').notNull(),
    /** Which code list the target group comes from: category, leadership_tier or rank (null: everyone). */
    targetList: text('target_list'),
    targetCode: text('target_code'),
    level: text('level'),
    classes: integer('classes').notNull().default(0),
    trainees: integer('trainees').notNull().default(0),
    /** Periods (tiết) of one class. */
    periods: integer('periods'),
    budget: jsonb('budget').$type<Budget>().notNull().default({}),
    note: text('note'),
    /** manual | needs (drafted from a needs campaign; `sourceRef` says which group). */
    source: text('source').notNull().default('manual'),
    sourceRef: jsonb('source_ref').$type<Record<string, unknown>>(),
    createdInVersion: integer('created_in_version').notNull().default(1),
    /** The plan import (ADR 045) that wrote the line, if any. */
    importId: integer('import_id'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_lines_plan_idx').on(t.planId),
    index('plan_lines_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
    check(
      'plan_lines_numbers_ck',
      sql`${t.classes} >= 0 and ${t.trainees} >= 0 and coalesce(${t.periods}, 0) >= 0`,
    ),
  ],
);

/** A frozen (approved) version of a plan: who approved it, when. */
export const annualPlanVersions = pgTable(
  'annual_plan_versions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => annualPlans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: integer('approved_by'),
    approvedByName: text('approved_by_name'),
    /** The approving decision (ADR 038): its number, date and who signed it, with their title. */
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date'),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    comment: text('comment'),
  },
  (t) => [uniqueIndex('annual_plan_versions_plan_version_uq').on(t.planId, t.version)],
);

/** The lines of a frozen version, as they were on approval (same `lineId` as the live line). */
export const annualPlanVersionLines = pgTable(
  'annual_plan_version_lines',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => annualPlanVersions.id, { onDelete: 'cascade' }),
    lineId: integer('line_id')
      .notNull()
      .references(() => planLines.id),
    programmeKind: text('programme_kind').notNull(),
    targetList: text('target_list'),
    targetCode: text('target_code'),
    level: text('level'),
    classes: integer('classes').notNull(),
    trainees: integer('trainees').notNull(),
    periods: integer('periods'),
    budget: jsonb('budget').$type<Budget>().notNull(),
    note: text('note'),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('annual_plan_version_lines_uq').on(t.versionId, t.lineId)],
);

/** Who did what on a plan, and when (create, draft from needs, line edits, submit, return, approve, revise). */
export const annualPlanEvents = pgTable(
  'annual_plan_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => annualPlans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('annual_plan_events_plan_idx').on(t.planId)],
);

/**
 * Trainees per class used to suggest a class count when drafting from needs. `unitId` null is the
 * product default; a unit's row applies to its subtree (the deepest wins); `programmeKind` null
 * applies to every kind. Rows are appended with an effective date, never changed.
 */
export const planClassSizes = pgTable(
  'plan_class_sizes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id').references(() => orgUnits.id),
    programmeKind: text('programme_kind'),
    size: integer('size').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_class_sizes_unit_idx').on(t.unitId),
    check('plan_class_sizes_size_ck', sql`${t.size} > 0`),
  ],
);
