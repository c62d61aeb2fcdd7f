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
import { users } from './auth';
import { institutions, programmes } from './catalogue';
import { classes } from './classes';
import { classNominations } from './nominations';
import { orgUnits } from './org';
import { people } from './people';
import { qualifications } from './qualifications';

/**
 * The certificate register (sổ cấp chứng chỉ) of an institution, or of an organiser unit for
 * classes taught at no institution (ADR 014). Numbers follow `pattern` (`{school}`, `{year}`,
 * `{seq}` or `{seq:N}` zero-padded); the running number lives in `certificate_counters`.
 */
export const certificateRegisters = pgTable(
  'certificate_registers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    institutionId: integer('institution_id').references(() => institutions.id),
    orgUnitId: integer('org_unit_id').references(() => orgUnits.id),
    pattern: text('pattern').notNull().default('{school}/{year}/{seq:4}'),
    /** Short code of the school, the `{school}` of the pattern ("NVC"). */
    schoolCode: text('school_code').notNull(),
    /** Printed top left: the governing body above the issuer ("TỈNH ỦY QUẢNG NINH"), optional. */
    governingBody: text('governing_body'),
    /** Printed top left under the governing body; defaults to the institution or unit name. */
    issuerName: text('issuer_name').notNull(),
    /** Party bodies print "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the national title and motto. */
    partyBody: boolean('party_body').notNull().default(false),
    /** Place of the date line ("Hạ Long, ngày ... tháng ... năm ..."). */
    place: text('place').notNull(),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certificate_registers_institution_uq')
      .on(t.institutionId)
      .where(sql`${t.institutionId} is not null`),
    uniqueIndex('certificate_registers_unit_uq').on(t.orgUnitId).where(sql`${t.orgUnitId} is not null`),
    check('certificate_registers_owner_ck', sql`(${t.institutionId} is null) <> (${t.orgUnitId} is null)`),
  ],
);

/**
 * The last number taken in a register, per year when the pattern has `{year}` (else period 0).
 * Taken by `insert ... on conflict do update ... returning`: the row stays locked until the
 * issuing transaction ends, so concurrent issuers queue and a rolled-back issue returns its number.
 */
export const certificateCounters = pgTable(
  'certificate_counters',
  {
    registerId: integer('register_id')
      .notNull()
      .references(() => certificateRegisters.id, { onDelete: 'cascade' }),
    period: integer('period').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.registerId, t.period] })],
);

/**
 * A certificate, or the certifying paper of equal value that replaces a lost one (`replacesId`).
 * What is printed is kept as issued (holder, programme, class, grade, signer), so a reprint is
 * the same paper whatever changed since. `token` (128 random bits) is what the QR code carries.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    number: text('number').notNull(),
    token: text('token').notNull(),
    registerId: integer('register_id')
      .notNull()
      .references(() => certificateRegisters.id),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    nominationId: integer('nomination_id')
      .notNull()
      .references(() => classNominations.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    holderName: text('holder_name').notNull(),
    holderBirthDate: date('holder_birth_date'),
    programmeName: text('programme_name').notNull(),
    classCode: text('class_code').notNull(),
    classStartsOn: date('class_starts_on').notNull(),
    classEndsOn: date('class_ends_on').notNull(),
    issuerName: text('issuer_name').notNull(),
    gradeCode: text('grade_code').notNull(),
    gradeVi: text('grade_vi').notNull(),
    gradeEn: text('grade_en').notNull(),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** valid | revoked | replaced */
    status: text('status').notNull().default('valid'),
    statusReason: text('status_reason'),
    statusOn: date('status_on'),
    replacesId: integer('replaces_id'),
    replacedById: integer('replaced_by_id'),
    /** The qualification the certificate put on the person's record (none if the programme grants none). */
    qualificationId: integer('qualification_id').references(() => qualifications.id),
    issuedBy: integer('issued_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certificates_number_uq').on(t.number),
    uniqueIndex('certificates_token_uq').on(t.token),
    // One certificate per learner of a class; replacements hang off it.
    uniqueIndex('certificates_nomination_uq').on(t.nominationId).where(sql`${t.replacesId} is null`),
    uniqueIndex('certificates_replaces_uq').on(t.replacesId).where(sql`${t.replacesId} is not null`),
    index('certificates_class_idx').on(t.classId),
    index('certificates_person_idx').on(t.personId),
    check('certificates_status_ck', sql`${t.status} in ('valid', 'revoked', 'replaced')`),
  ],
);

/** Fixed-window hit counters of public routes (per IP), shared by every app process (ADR 003, 014). */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('rate_limit_hits_window_idx').on(t.windowStart),
  ],
);
