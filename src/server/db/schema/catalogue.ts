import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgUnits } from './org';
import { people } from './people';

/**
 * The programme catalogue (ADR 009). An entry belongs to the unit that keeps it (the province's
 * training office in practice): units on the owner's path and below it read it, the owner's
 * training officers change it. Entries are never deleted (classes will refer to them): they are
 * deactivated or closed with `effectiveTo`.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** Folded code + names for accent-insensitive search (computed on write). */
    searchName: text('search_name').notNull(),
    /** programme_kind code. */
    kind: text('kind').notNull(),
    /** A code of `level_<kind>` when the kind has levels. */
    level: text('level'),
    /** Total length in periods (1 week = 40). */
    periods: integer('periods').notNull(),
    mode: text('mode').notNull(),
    /** Qualification a pass grants (qualification_kind + level_<kind>), both or neither. */
    grantsKind: text('grants_kind'),
    grantsLevel: text('grants_level'),
    /** unit_level codes that may organise it: central, province, commune. */
    organiserLevels: text('organiser_levels').array().notNull(),
    /**
     * Plausible length of one class, first to last day in calendar days (issue 16, ADR 038): a
     * class outside it is implausible (a 1,520-period course does not run 7 weeks). Null: no check.
     */
    typicalDaysMin: integer('typical_days_min'),
    typicalDaysMax: integer('typical_days_max'),
    legalBasis: text('legal_basis'),
    description: text('description'),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('programmes_owner_code_uq').on(t.ownerUnitId, t.code),
    index('programmes_kind_level_idx').on(t.kind, t.level),
    index('programmes_grants_idx').on(t.grantsKind, t.grantsLevel),
    index('programmes_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    check('programmes_periods_ck', sql`${t.periods} > 0`),
    check('programmes_grants_ck', sql`(${t.grantsKind} is null) = (${t.grantsLevel} is null)`),
    check('programmes_dates_ck', sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
  ],
);

/** Ordered topics/modules of a programme; `topicCode` is what overlap detection compares. */
export const programmeTopics = pgTable(
  'programme_topics',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    topicCode: text('topic_code').notNull(),
    name: text('name').notNull(),
    periods: integer('periods').notNull(),
  },
  (t) => [
    uniqueIndex('programme_topics_code_uq').on(t.programmeId, t.topicCode),
    uniqueIndex('programme_topics_position_uq').on(t.programmeId, t.position),
    index('programme_topics_topic_idx').on(t.topicCode),
    check('programme_topics_periods_ck', sql`${t.periods} > 0`),
  ],
);

/**
 * Training institutions. `orgUnitId` links an institution that IS a unit of the tree (the
 * provincial political school): its staff users are scoped to that unit.
 */
export const institutions = pgTable(
  'institutions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** institution_kind code. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    searchName: text('search_name').notNull(),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    contactPerson: text('contact_person'),
    orgUnitId: integer('org_unit_id').references(() => orgUnits.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('institutions_org_unit_uq').on(t.orgUnitId).where(sql`${t.orgUnitId} is not null`),
    uniqueIndex('institutions_owner_name_uq').on(t.ownerUnitId, t.searchName),
    index('institutions_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
  ],
);

/**
 * Lecturers: internal (a person of the registry, `personId`) or invited (name and workplace
 * only). The name is stored for both so lists and search need no join; for internal lecturers
 * it is refreshed from the person on every change of the lecturer.
 */
export const lecturers = pgTable(
  'lecturers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** 'internal' | 'invited'. */
    kind: text('kind').notNull(),
    personId: integer('person_id').references(() => people.id),
    fullName: text('full_name').notNull(),
    searchName: text('search_name').notNull(),
    /** Roster order (given name first, ADR 004), compared under COLLATE "C". */
    sortKey: text('sort_key').notNull(),
    workplace: text('workplace'),
    /** level_EDUCATION code (university, master, doctorate...). */
    degree: text('degree'),
    /** academic_title code (professor, associate professor). */
    academicTitle: text('academic_title'),
    /** Topic codes of the catalogue or free text. */
    subjects: text('subjects').array().notNull().default(sql`'{}'::text[]`),
    phone: text('phone'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lecturers_person_uq').on(t.personId).where(sql`${t.personId} is not null`),
    index('lecturers_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('lecturers_subjects_gin').using('gin', t.subjects),
    check(
      'lecturers_kind_ck',
      sql`(${t.kind} = 'internal' and ${t.personId} is not null) or (${t.kind} = 'invited' and ${t.personId} is null)`,
    ),
  ],
);

/** Which institutions a lecturer teaches for. */
export const lecturerInstitutions = pgTable(
  'lecturer_institutions',
  {
    lecturerId: integer('lecturer_id')
      .notNull()
      .references(() => lecturers.id, { onDelete: 'cascade' }),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id),
  },
  (t) => [
    primaryKey({ columns: [t.lecturerId, t.institutionId] }),
    index('lecturer_institutions_inst_idx').on(t.institutionId),
  ],
);

/**
 * Periods taught per lecturer per year and source. 'manual' rows are typed by the training
 * office (teaching before the system, or elsewhere); the classes work writes 'classes' rows
 * recomputed from its sessions, so the total is the sum over sources (ADR 009).
 */
export const lecturerHours = pgTable(
  'lecturer_hours',
  {
    lecturerId: integer('lecturer_id')
      .notNull()
      .references(() => lecturers.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    source: text('source').notNull(),
    periods: integer('periods').notNull(),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.lecturerId, t.year, t.source] }),
    check('lecturer_hours_periods_ck', sql`${t.periods} >= 0`),
    check('lecturer_hours_source_ck', sql`${t.source} in ('manual', 'classes')`),
  ],
);
