import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { institutions } from './catalogue';
import { orgUnits } from './org';
import { people } from './people';
import { planLines } from './plans';
import { qualifications } from './qualifications';

/**
 * State-sponsored postgraduate study of one person (ADR 016): field, level, institution, the
 * study period, the cost F by funding source, the outcome (studying -> graduated | no_diploma |
 * dropped_out) and the day the person left the service, from which the repayment is computed.
 * The commitment and the repayment are computed on read from these facts and the policy in force
 * on the start day, never stored.
 */
export const postgradSponsorships = pgTable(
  'postgrad_sponsorships',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    /** The sponsoring unit (the person's unit when sent): the record's scope. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    field: text('field').notNull(),
    /** Folded field, country and typed institution name for accent-insensitive search. */
    searchText: text('search_text').notNull().default(''),
    /** level_EDUCATION code: THAC_SI or TIEN_SI. */
    level: text('level').notNull(),
    institutionId: integer('institution_id').references(() => institutions.id),
    /** Free text when the institution is not in the catalogue. */
    institutionName: text('institution_name'),
    country: text('country').notNull(),
    startsOn: date('starts_on').notNull(),
    expectedEndsOn: date('expected_ends_on').notNull(),
    actualEndsOn: date('actual_ends_on'),
    /** funding_source code -> VND: F is the sum. */
    funding: jsonb('funding').$type<Record<string, number>>().notNull().default({}),
    decisionNo: text('decision_no'),
    /** The plan line (kind POSTGRADUATE) the sponsorship carries out, if any (ADR 039). */
    planLineId: integer('plan_line_id').references(() => planLines.id),
    status: text('status').notNull().default('studying'),
    /** Eligible for the POSTGRADUATE purpose on the start day when sent (false: sent over the warning). */
    eligibleAtStart: boolean('eligible_at_start').notNull(),
    diplomaNo: text('diploma_no'),
    diplomaDate: date('diploma_date'),
    outcomeNote: text('outcome_note'),
    leftOn: date('left_on'),
    leftReason: text('left_reason'),
    qualificationId: integer('qualification_id').references(() => qualifications.id),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('postgrad_sponsorships_person_idx').on(t.personId),
    index('postgrad_sponsorships_unit_idx').on(t.unitId),
    index('postgrad_sponsorships_plan_line_idx').on(t.planLineId),
    check('postgrad_sponsorships_dates_ck', sql`${t.expectedEndsOn} > ${t.startsOn}`),
    check(
      'postgrad_sponsorships_institution_ck',
      sql`${t.institutionId} is not null or ${t.institutionName} is not null`,
    ),
    check(
      'postgrad_sponsorships_diploma_ck',
      sql`${t.status} <> 'graduated' or (${t.diplomaNo} is not null and ${t.diplomaDate} is not null)`,
    ),
  ],
);
