import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgUnits } from './org';

/** One record per person (one identifier); the current state. History lives in person_history. */
export const people = pgTable(
  'people',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    fullName: text('full_name').notNull(),
    searchName: text('search_name').notNull(),
    sortKey: text('sort_key').notNull(),
    birthDate: date('birth_date'),
    gender: text('gender').notNull(),
    ethnicity: text('ethnicity').notNull().default('KINH'),
    personalId: text('personal_id'),
    partyMember: boolean('party_member').notNull().default(false),
    partyJoinDate: date('party_join_date'),
    category: text('category').notNull(),
    rank: text('rank'),
    /** Free text of the post, kept as a note; rules and reports read `postCode`. */
    post: text('post'),
    /** Code of list `post` (chức vụ); its group is the item's `meta.group` (ADR 036). */
    postCode: text('post_code'),
    leadershipTier: text('leadership_tier').notNull().default('NONE'),
    appointedOn: date('appointed_on'),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    managementAuthority: text('management_authority'),
    planningTitle: text('planning_title'),
    status: text('status').notNull().default('WORKING'),
    serviceStart: date('service_start'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    /** The import that wrote the row (undo deletes by it); null when typed. */
    importId: integer('import_id'),
  },
  (t) => [
    uniqueIndex('people_personal_id_uq').on(t.personalId).where(sql`${t.personalId} is not null`),
    index('people_unit_sort_idx').on(t.unitId, t.sortKey),
    // people_sort_cover (sort_key collate "C", id) INCLUDE (unit_id) is created by migration
    // 0003: Drizzle cannot declare INCLUDE. It serves roster order with index-only scans.
    index('people_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('people_category_idx').on(t.category),
    index('people_rank_idx').on(t.rank),
    index('people_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
  ],
);

/**
 * Dated history of a person's category, rank, post, tier, unit, authority, planning and status.
 * A row is valid from `validFrom` until the next row's `validFrom` (`validTo` null = current).
 */
export const personHistory = pgTable(
  'person_history',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    category: text('category').notNull(),
    rank: text('rank'),
    post: text('post'),
    /** Code of list `post` on these dates (ADR 036). */
    postCode: text('post_code'),
    leadershipTier: text('leadership_tier').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    managementAuthority: text('management_authority'),
    planningTitle: text('planning_title'),
    status: text('status').notNull(),
    reason: text('reason'),
    actorId: bigint('actor_id', { mode: 'number' }),
    /** The import that wrote the row (undo deletes by it); null when typed. */
    importId: integer('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('person_history_person_idx').on(t.personId, t.validFrom),
    index('person_history_unit_idx').on(t.unitId),
    index('person_history_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
  ],
);
