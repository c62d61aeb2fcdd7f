/** Multi-year programmes and annual training plans with targets (ADR 010). */
import { z } from 'zod';
import { Id, Int, IsoDate, MAX_PAGE, OptionalText, RequiredText, sortParam } from './common';
import { DecisionFields } from './decisions';
import { updateOf, updateShape } from './update';

const Code = z.string().min(1).max(40);
const Year = z.number().int().min(2000).max(2200);
const Count = z.number().int().min(0).max(10_000_000);
/** VND; 10^13 is far above any provincial training budget and below 2^53. */
const Money = z.number().int().min(0).max(10_000_000_000_000);

export const MULTIYEAR_STATUSES = ['draft', 'issued', 'closed'] as const;
/** draft -> submitted -> approved, or submitted -> returned -> submitted ...; approved -> (revise) draft v+1. */
export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** The code lists a plan line's target group may come from. */
export const TARGET_LISTS = ['category', 'leadership_tier', 'rank'] as const;
export const LINE_SOURCES = ['manual', 'needs'] as const;

// ---------------------------------------------------------------- multi-year programmes

export const MultiyearTargetBody = z.object({
  /** A year of the period, or null for a target over the whole period. */
  year: Year.nullable().optional(),
  /** Code of `programme_kind`. */
  programmeKind: Code,
  /** Code of `level_<kind>` when the kind has levels. */
  level: Code.nullable().optional(),
  trainees: Count,
  classes: Count.nullable().optional(),
  note: OptionalText(500),
});

export const CreateMultiyearBody = z
  .object({
    /** Short code, unique in the issuing unit, e.g. "28-CTr/TU". */
    code: RequiredText(60),
    name: RequiredText(400),
    fromYear: Year,
    toYear: Year,
    decisionNo: OptionalText(100),
    decisionDate: IsoDate.nullable().optional(),
    note: OptionalText(2000),
    targets: z.array(MultiyearTargetBody).max(500).default([]),
  })
  .refine((b) => b.toYear >= b.fromYear, {
    path: ['toYear'],
    params: { vi: 'không được trước năm bắt đầu', en: 'must not be before the first year' },
  })
  .refine((b) => b.toYear - b.fromYear <= 20, {
    path: ['toYear'],
    params: { vi: 'giai đoạn tối đa 20 năm', en: 'a period is at most 20 years' },
  });

/** Only the fields named change (ADR 023); `targets`, when given, replaces every target. */
export const UpdateMultiyearBody = z
  .object(updateShape(CreateMultiyearBody.shape))
  .extend({ status: z.enum(MULTIYEAR_STATUSES).optional() });

export const MultiyearTarget = z.object({
  id: z.number(),
  year: z.number().nullable(),
  programmeKind: z.string(),
  level: z.string().nullable(),
  trainees: z.number(),
  classes: z.number().nullable(),
  note: z.string().nullable(),
  /** Trainees in the annual plans linked to the programme (in the target's year, or every year). */
  planned: z.number(),
});

export const Multiyear = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  code: z.string(),
  name: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  status: z.enum(MULTIYEAR_STATUSES),
  note: z.string().nullable(),
  /** Annual plans linked to it. */
  plans: z.number(),
  createdAt: z.string(),
});
export const MultiyearDetail = Multiyear.extend({ targets: z.array(MultiyearTarget) });
export const MultiyearList = z.object({ items: z.array(Multiyear) });
export const MultiyearQuery = z.object({
  year: Int(2000, 2200).optional(),
  status: z.enum(MULTIYEAR_STATUSES).optional(),
});

// ---------------------------------------------------------------- annual plans and lines

export const PlanLineBody = z.object({
  /** Code of `programme_kind`. */
  programmeKind: Code,
  /** The code list of the target group; omit for everyone. */
  targetList: z.enum(TARGET_LISTS).nullable().optional(),
  /** A code of `targetList`. */
  targetCode: Code.nullable().optional(),
  /** Code of `level_<kind>` (POSTGRADUATE uses level_EDUCATION) when the kind has levels. */
  level: Code.nullable().optional(),
  classes: Count.default(0),
  trainees: Count.default(0),
  /** Periods (tiết) of one class; 1 week = 40 periods. */
  periods: Count.nullable().optional(),
  /** VND by funding source code (`funding_source`). */
  budget: z.record(Code, Money).default({}),
  note: OptionalText(1000),
});
/** Only the fields named change (ADR 023). */
export const UpdatePlanLineBody = updateOf(PlanLineBody);

export const PlanLine = z.object({
  /** Stable across versions: classes refer to it. */
  id: z.number(),
  programmeKind: z.string(),
  targetList: z.enum(TARGET_LISTS).nullable(),
  targetCode: z.string().nullable(),
  level: z.string().nullable(),
  classes: z.number(),
  trainees: z.number(),
  periods: z.number().nullable(),
  budget: z.record(z.string(), z.number()),
  budgetTotal: z.number(),
  note: z.string().nullable(),
  source: z.enum(LINE_SOURCES),
  /** For lines drafted from needs: campaign, kind, level, people and quantity of the needs group. */
  sourceRef: z.record(z.string(), z.unknown()).nullable(),
});
export type PlanLine = z.infer<typeof PlanLine>;

export const Totals = z.object({
  lines: z.number(),
  classes: z.number(),
  trainees: z.number(),
  budget: z.number(),
  /** VND by funding source. */
  byFunding: z.record(z.string(), z.number()),
  byKind: z.array(
    z.object({
      programmeKind: z.string(),
      lines: z.number(),
      classes: z.number(),
      trainees: z.number(),
      budget: z.number(),
    }),
  ),
});
export type Totals = z.infer<typeof Totals>;

export const CreatePlanBody = z.object({
  /** The unit whose plan it is; the actor's scope unit when omitted. */
  unitId: Id.optional(),
  year: Year,
  title: RequiredText(400),
  multiyearId: Id.nullable().optional(),
  note: OptionalText(2000),
});
/** Only the fields named change (ADR 023); the unit and the year are fixed once created. */
export const UpdatePlanBody = updateOf(CreatePlanBody).omit({ unitId: true, year: true });

export const PlanSummary = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  year: z.number(),
  title: z.string(),
  multiyearId: z.number().nullable(),
  multiyearName: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  version: z.number(),
  /** The latest approved version, if any (the working version may be a newer draft). */
  approvedVersion: z.number().nullable(),
  lines: z.number(),
  classes: z.number(),
  trainees: z.number(),
  budget: z.number(),
  updatedAt: z.string(),
});
/** The columns the plan list sorts by (`sort=unitName`, `sort=-budget`). */
export const PLAN_SORT_KEYS = [
  'unitName',
  'year',
  'title',
  'lines',
  'classes',
  'trainees',
  'budget',
  'updatedAt',
] as const;

export const PlanQuery = z.object({
  /** Sort by one column (a "-" before the key: descending); default: newest year, then by unit. */
  sort: sortParam(PLAN_SORT_KEYS),
  year: Int(2000, 2200).optional(),
  /** Plans of this unit and its subtree. */
  unitId: Id.optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  page: Int(1, MAX_PAGE).default(1),
  pageSize: Int(1, 200).default(50),
});
export const PlanList = z.object({
  items: z.array(PlanSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const PlanEvent = z.object({
  id: z.number(),
  version: z.number(),
  action: z.string(),
  actorName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});
export const PlanVersion = z.object({
  version: z.number(),
  title: z.string(),
  approvedAt: z.string(),
  approvedByName: z.string().nullable(),
  /** The approving decision (ADR 038): number, date and who signed it. */
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  comment: z.string().nullable(),
});

export const PlanDetail = PlanSummary.omit({
  lines: true,
  classes: true,
  trainees: true,
  budget: true,
}).extend({
  unitPath: z.string(),
  note: z.string().nullable(),
  reviewComment: z.string().nullable(),
  sourceCampaignId: z.number().nullable(),
  lines: z.array(PlanLine),
  totals: Totals,
  /** Approved (frozen) versions, newest first. */
  versions: z.array(PlanVersion),
  /** Who did what, newest first (at most 200). */
  events: z.array(PlanEvent),
  /** What the actor may do now. */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    /** Review, and not held back by the four-eyes rule (ADR 038). */
    approve: z.boolean(),
    revise: z.boolean(),
  }),
  /** Why the actor may not approve (the server's own refusal, in the actor's language), or null. */
  approveBlockedReason: z.string().nullable(),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const VersionParams = z.object({ id: Id, version: Id });
export const LineParams = z.object({ id: Id, lineId: Id });

export const PlanVersionDetail = PlanVersion.extend({
  planId: z.number(),
  lines: z.array(PlanLine),
  totals: Totals,
});

export const DiffQuery = z.object({
  from: Id,
  /** A frozen version, or the working version when omitted. */
  to: Id.optional(),
});
const LineFields = PlanLine.omit({ id: true, sourceRef: true });
export const LineDiff = z.object({
  lineId: z.number(),
  change: z.enum(['added', 'removed', 'changed']),
  before: LineFields.nullable(),
  after: LineFields.nullable(),
  /** Fields whose value differs (for `changed`). */
  fields: z.array(z.string()),
});
export type LineDiff = z.infer<typeof LineDiff>;
export const PlanDiff = z.object({
  from: z.number(),
  /** Null when compared with the working version. */
  to: z.number().nullable(),
  changes: z.array(LineDiff),
  totals: z.object({ from: Totals, to: Totals }),
});

export const ReturnPlanBody = z.object({ comment: RequiredText(2000) });
export const ApprovePlanBody = z
  .object({
    comment: OptionalText(2000),
    /** The approving decision (ADR 038, 044): "Quyết định số ...", its date, the signer and their title. */
    ...DecisionFields,
  })
  .default({ comment: undefined, decisionNo: undefined, signerName: undefined, signerTitle: undefined });

// ---------------------------------------------------------------- drafting from needs

export const FromNeedsQuery = z.object({
  campaignId: Id,
  /** Trainees per class; the class-size setting applies when omitted. */
  classSize: Int(1, 1000).optional(),
});
export const FromNeedsBody = z.object({
  campaignId: Id,
  classSize: z.number().int().min(1).max(1000).optional(),
  /** The campaign's year when omitted. */
  year: Year.optional(),
  title: RequiredText(400).optional(),
  multiyearId: Id.nullable().optional(),
});
export const DraftLine = PlanLine.omit({ id: true }).extend({ classSize: z.number() });
export const FromNeedsPreview = z.object({
  campaignId: z.number(),
  campaignTitle: z.string(),
  year: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  /** The plan of that unit and year, if one exists already (drafting would then be refused). */
  existingPlanId: z.number().nullable(),
  lines: z.array(DraftLine),
  totals: Totals,
  /** Accepted proposals counted vs still pending at the root. */
  reviewedByRoot: z.object({ total: z.number(), accepted: z.number(), pending: z.number() }),
});

// ---------------------------------------------------------------- class sizes

export const ClassSize = z.object({
  id: z.number(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  programmeKind: z.string().nullable(),
  size: z.number(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  /** It is the size used today for the actor's unit (for its kind, or for every kind). */
  applies: z.boolean(),
});
export const ClassSizeList = z.object({ items: z.array(ClassSize) });
export const SetClassSizeBody = z.object({
  programmeKind: Code.nullable().optional(),
  size: z.number().int().min(1).max(1000),
  effectiveFrom: IsoDate,
  /** Why (a decision, a policy). */
  note: OptionalText(500),
});
