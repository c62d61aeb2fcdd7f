/**
 * State-sponsored postgraduate study (ADR 016): eligibility, the service commitment, the outcome
 * and the repayment owed by a person who leaves early, shown step by step.
 */
import { z } from 'zod';
import { Id, IsoDate, OptionalText, Page, RequiredText, sortParam } from './common';
import { EligibilityRuleResult, Explanation } from './standards';
import { updateShape } from './update';

const msg = (vi: string, en: string) => ({ params: { vi, en } });
const Code = z.string().min(1).max(40);
const Money = z.number().int().min(0).max(10_000_000_000_000);

/** level_EDUCATION codes of postgraduate degrees. */
export const POSTGRAD_LEVELS = ['THAC_SI', 'TIEN_SI'] as const;

/** studying -> graduated (diploma) | no_diploma (study ended without one) | dropped_out. */
export const POSTGRAD_STATUSES = ['studying', 'graduated', 'no_diploma', 'dropped_out'] as const;
export type PostgradStatus = (typeof POSTGRAD_STATUSES)[number];
export const POSTGRAD_OUTCOMES = ['graduated', 'no_diploma', 'dropped_out'] as const;

export const POSTGRAD_STATUS_LABELS: Record<PostgradStatus, { vi: string; en: string }> = {
  studying: { vi: 'Đang học', en: 'Studying' },
  graduated: { vi: 'Đã tốt nghiệp', en: 'Graduated' },
  no_diploma: { vi: 'Kết thúc, không được cấp bằng', en: 'Ended without a diploma' },
  dropped_out: { vi: 'Bỏ học', en: 'Dropped out' },
};

const datesInOrder = (b: { startsOn?: string; expectedEndsOn?: string }) =>
  !b.startsOn || !b.expectedEndsOn || b.expectedEndsOn > b.startsOn;
const DATES_ORDER = {
  path: ['expectedEndsOn'],
  ...msg('phải sau ngày bắt đầu học', 'must be after the start date'),
};

const Fields = {
  field: RequiredText(200),
  level: z.enum(POSTGRAD_LEVELS),
  /** A catalogue institution, or `institutionName` as free text. */
  institutionId: Id.nullable().optional(),
  institutionName: OptionalText(300),
  country: RequiredText(100),
  startsOn: IsoDate,
  expectedEndsOn: IsoDate,
  /** funding_source code -> VND; F is the sum. */
  funding: z.record(Code, Money),
  decisionNo: OptionalText(100),
  note: OptionalText(2000),
  /** The plan line (kind POSTGRADUATE, of the start year, in my subtree) carried out (ADR 039). */
  planLineId: Id.nullable().optional(),
};

export const CreateSponsorshipBody = z
  .object({
    personId: Id,
    ...Fields,
    /** Send although the person is not eligible (409 NEEDS_CONFIRMATION otherwise). */
    confirm: z.boolean().default(false),
  })
  .refine(datesInOrder, DATES_ORDER);

/** Only the fields named change (ADR 023); `version` guards against a stale edit (409). */
export const UpdateSponsorshipBody = z
  .object(updateShape(Fields))
  .extend({ version: z.number().int().min(1) })
  .refine(datesInOrder, DATES_ORDER);

export const CheckSponsorshipBody = z
  .object({ personId: Id, startsOn: IsoDate, expectedEndsOn: IsoDate.optional() })
  .refine(datesInOrder, DATES_ORDER);

export const OutcomeBody = z.object({
  status: z.enum(POSTGRAD_OUTCOMES),
  /** Last day of study (the diploma's date at the latest when graduated). */
  actualEndsOn: IsoDate,
  diplomaNo: OptionalText(100),
  diplomaDate: IsoDate.nullable().optional(),
  note: OptionalText(1000),
});

export const LeaveBody = z.object({
  /** First day out of the service (the service counted ends the day before). */
  leftOn: IsoDate,
  reason: RequiredText(1000),
});

/** The columns the sponsorship list sorts by (`sort=fullName`, `sort=-startsOn`). */
export const SPONSORSHIP_SORT_KEYS = ['fullName', 'field', 'institution', 'startsOn'] as const;

export const SponsorshipListQuery = Page.extend({
  /** Sort by one column (a "-" before the key: descending); default: latest start first. */
  sort: sortParam(SPONSORSHIP_SORT_KEYS),
  status: z.enum(POSTGRAD_STATUSES).optional(),
  level: z.enum(POSTGRAD_LEVELS).optional(),
  /** Name of the person or field, accents and case ignored. */
  q: z.string().max(100).optional(),
});

export const Eligibility = z.object({
  asOf: z.string(),
  /** False when no postgraduate rule is in force on the date, or the person is not working then. */
  evaluated: z.boolean(),
  eligible: z.boolean(),
  rules: z.array(EligibilityRuleResult),
});

export const Commitment = z.object({
  multiplier: z.number(),
  /** Study months used: the actual period once ended, the expected one before. */
  studyMonths: z.number(),
  basis: z.enum(['expected', 'actual']),
  /** T1 = multiplier x study months. */
  committedMonths: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** T2 so far (to the leaving day, or today). Null while studying. */
  servedMonths: z.number().nullable(),
  legalSource: z.string(),
});

export const REPAYMENT_CASES = [
  'left_during_study',
  'dropped_out',
  'no_diploma',
  'pro_rata',
  'fulfilled',
] as const;

export const Repayment = z.object({
  case: z.enum(REPAYMENT_CASES),
  /** F, T1, T2 as used (T1/T2 null for the 100% cases). */
  cost: z.number(),
  committedMonths: z.number().nullable(),
  servedMonths: z.number().nullable(),
  amount: z.number(),
  steps: z.array(Explanation),
  legalSource: z.string(),
});

export const SponsorshipSummary = z.object({
  id: z.number(),
  personId: z.number(),
  fullName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  field: z.string(),
  level: z.enum(POSTGRAD_LEVELS),
  institutionId: z.number().nullable(),
  institutionName: z.string(),
  country: z.string(),
  startsOn: z.string(),
  expectedEndsOn: z.string(),
  actualEndsOn: z.string().nullable(),
  status: z.enum(POSTGRAD_STATUSES),
  leftOn: z.string().nullable(),
  /** F, the sum of the funding: what the study actually cost the state (ADR 039). */
  cost: z.number(),
  planLineId: z.number().nullable(),
});

export const SponsorshipList = z.object({
  items: z.array(SponsorshipSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const SponsorshipDetail = SponsorshipSummary.extend({
  funding: z.record(z.string(), z.number()),
  decisionNo: z.string().nullable(),
  eligibleAtStart: z.boolean(),
  diplomaNo: z.string().nullable(),
  diplomaDate: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  leftReason: z.string().nullable(),
  qualificationId: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  canManage: z.boolean(),
  eligibility: Eligibility,
  commitment: Commitment,
  /** Null while nothing is owed nor computed (studying, or graduated and still serving). */
  repayment: Repayment.nullable(),
});

export const SponsorshipCheck = z.object({ eligibility: Eligibility, commitment: Commitment.nullable() });

export const PersonSponsorships = z.object({ items: z.array(SponsorshipSummary) });
