import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ltree } from './types';

/**
 * Org units: province, historical districts, communes, agencies, party organs, mass
 * organisations. `path` is the ltree of ids from the root; a dissolved unit keeps its row with
 * `validTo` set and `successorId` pointing at the unit that took over its people.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgUnits.id),
    path: ltree('path').notNull(),
    name: text('name').notNull(),
    searchName: text('search_name').notNull(),
    shortName: text('short_name'),
    code: text('code'),
    level: text('level').notNull(),
    kind: text('kind').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    successorId: integer('successor_id').references((): AnyPgColumn => orgUnits.id),
    /** The import batch that created the unit (undo removes it), ADR 037. */
    importId: integer('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_path_gist').using('gist', t.path),
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
    uniqueIndex('org_units_code_active_uq')
      .on(t.code)
      .where(sql`${t.validTo} is null and ${t.code} is not null`),
  ],
);

/** Dated history of a unit: names and parents over time, so old reports show the old tree. */
export const orgUnitVersions = pgTable(
  'org_unit_versions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name').notNull(),
    parentId: integer('parent_id').references(() => orgUnits.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [index('org_unit_versions_unit_idx').on(t.unitId, t.validFrom)],
);

/** Structural events (create, rename, move, merge, split, dissolve) with what they touched. */
export const orgEvents = pgTable(
  'org_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    effectiveDate: date('effective_date').notNull(),
    unitIds: integer('unit_ids').array().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note'),
    actorId: bigint('actor_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_events_units_gin').using('gin', t.unitIds)],
);
