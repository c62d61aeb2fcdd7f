import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
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
import { institutions, programmes } from './catalogue';
import { orgUnits } from './org';
import { people } from './people';
import { planLines } from './plans';
import { qualifications } from './qualifications';

const bytea = customType<{ data: Buffer }>({
  dataType() {
    return 'bytea';
  },
});

/**
 * A delegation trained abroad (ADR 016): a partner institution of the catalogue (kind
 * FOREIGN_PARTNER), an optional catalogue programme, an organiser unit, dates, country, cost by
 * funding source and the decision that forms it. Status: planned -> approved -> travelling ->
 * returned -> closed, or cancelled from the first two.
 */
export const abroadDelegations = pgTable(
  'abroad_delegations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Folded code + name for accent-insensitive search. */
    searchName: text('search_name').notNull(),
    partnerInstitutionId: integer('partner_institution_id')
      .notNull()
      .references(() => institutions.id),
    programmeId: integer('programme_id').references(() => programmes.id),
    organiserUnitId: integer('organiser_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    country: text('country').notNull(),
    departsOn: date('departs_on').notNull(),
    returnsOn: date('returns_on').notNull(),
    /** funding_source code -> VND, as class budgets. */
    budget: jsonb('budget').$type<Record<string, number>>().notNull().default({}),
    /** What was actually spent, funding_source code -> VND (ADR 039); empty until recorded. */
    actualCost: jsonb('actual_cost').$type<Record<string, number>>().notNull().default({}),
    /** The plan line (kind ABROAD) the delegation carries out, if any (ADR 039). */
    planLineId: integer('plan_line_id').references(() => planLines.id),
    status: text('status').notNull().default('planned'),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('abroad_delegations_organiser_code_uq').on(t.organiserUnitId, t.code),
    index('abroad_delegations_dates_idx').on(t.departsOn, t.returnsOn),
    index('abroad_delegations_plan_line_idx').on(t.planLineId),
    check('abroad_delegations_dates_ck', sql`${t.returnsOn} >= ${t.departsOn}`),
  ],
);

/**
 * A member of a delegation: a person of the organiser's subtree, the warnings accepted when
 * added, the report due after return (text summary and/or a file) and the completion recorded on
 * closing, with the qualification it put on the person's record.
 */
export const abroadMembers = pgTable(
  'abroad_members',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    delegationId: integer('delegation_id')
      .notNull()
      .references(() => abroadDelegations.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    /** The person's unit when added. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    role: text('role'),
    warnings: jsonb('warnings').$type<{ code: string; vi: string; en: string }[]>().notNull().default([]),
    reportSubmittedOn: date('report_submitted_on'),
    reportSummary: text('report_summary'),
    reportFileName: text('report_file_name'),
    reportMimeType: text('report_mime_type'),
    reportFile: bytea('report_file'),
    /** Set when the delegation closes: true completed, false not completed. */
    completed: boolean('completed'),
    qualificationId: integer('qualification_id').references(() => qualifications.id),
    addedBy: integer('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('abroad_members_delegation_person_uq').on(t.delegationId, t.personId),
    index('abroad_members_person_idx').on(t.personId),
  ],
);
