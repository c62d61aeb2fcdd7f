import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type {
  EligibilityCondition,
  Grace,
  LegalSource,
  RatingBands,
  RuleRequirement,
  RuleSelector,
} from '../../../contracts/rules';
import { orgUnits } from './org';

/**
 * Standards: what a rank, grade, leadership tier, commune title or job position requires. A rule
 * is identified by `code`; changing it from a date closes the old version (`effectiveTo`) and
 * adds a new one (`version` + 1, `supersedesId`). Retired rules keep their rows for old reports.
 * `ownerUnitId` null = the national pack shipped with the product; otherwise a province's own.
 */
export const standardRules = pgTable(
  'standard_rules',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    version: integer('version').notNull().default(1),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    appliesTo: jsonb('applies_to').$type<RuleSelector>().notNull(),
    requirement: jsonb('requirement').$type<RuleRequirement>().notNull(),
    grace: jsonb('grace').$type<Grace>(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    legalSource: jsonb('legal_source').$type<LegalSource>().notNull(),
    ownerUnitId: integer('owner_unit_id').references(() => orgUnits.id),
    builtIn: boolean('built_in').notNull().default(false),
    supersedesId: integer('supersedes_id'),
    retiredReason: text('retired_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('standard_rules_code_version_uq').on(t.code, t.version),
    index('standard_rules_effective_idx').on(t.effectiveFrom, t.effectiveTo),
  ],
);

/** Eligibility for a programme (political theory, sponsored postgraduate...), versioned like standards. */
export const eligibilityRules = pgTable(
  'eligibility_rules',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    version: integer('version').notNull().default(1),
    /** What the check is for, e.g. POLITICAL_THEORY_INTERMEDIATE, POSTGRADUATE. */
    purpose: text('purpose').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    /** All must hold. */
    conditions: jsonb('conditions').$type<EligibilityCondition[]>().notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    legalSource: jsonb('legal_source').$type<LegalSource>().notNull(),
    ownerUnitId: integer('owner_unit_id').references(() => orgUnits.id),
    builtIn: boolean('built_in').notNull().default(false),
    supersedesId: integer('supersedes_id'),
    retiredReason: text('retired_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('eligibility_rules_code_version_uq').on(t.code, t.version)],
);

/** Yearly rating scales (points -> rating, excellent cap), by period. */
export const ratingScales = pgTable(
  'rating_scales',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    /** Category codes the scale applies to (empty = everyone). */
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    scale: jsonb('scale').$type<RatingBands>().notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    legalSource: jsonb('legal_source').$type<LegalSource>().notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_scales_code_from_uq').on(t.code, t.effectiveFrom)],
);
