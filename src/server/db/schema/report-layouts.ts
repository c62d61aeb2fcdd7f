import { sql } from 'drizzle-orm';
import {
  boolean,
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
import type { LayoutColumn, LayoutRow } from '../../../contracts/report-layouts';
import { orgUnits } from './org';

/**
 * Layouts of the annual statistical report (ADR 021): rows (staff groups) and columns (measures)
 * as data, with the form they follow and their period. A shipped layout has no owner and is
 * refreshed on upgrade; a province copies it to change it (its copy is owned by its unit).
 */
export const reportLayouts = pgTable(
  'report_layouts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    legalSource: text('legal_source').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    ownerUnitId: integer('owner_unit_id').references(() => orgUnits.id),
    rows: jsonb('rows').$type<LayoutRow[]>().notNull(),
    columns: jsonb('columns').$type<LayoutColumn[]>().notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    /** A copy being prepared: never the layout in force until published (ADR 037). */
    draft: boolean('draft').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_layouts_owner_code_uq').on(sql`coalesce(${t.ownerUnitId}, 0)`, t.code),
    index('report_layouts_owner_idx').on(t.ownerUnitId),
    check('report_layouts_dates_ck', sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
  ],
);
