/** The programme catalogue and topic overlap (ADR 009): requests and responses. */
import { z } from 'zod';
import {
  customMessage,
  Id,
  Int,
  IsoDate,
  OptionalText,
  Page,
  paged,
  RequiredText,
  sortParam,
} from './common';
import { updateShape } from './update';

/** How a programme is delivered. */
export const PROGRAMME_MODES = ['in_person', 'online', 'blended'] as const;
export type ProgrammeMode = (typeof PROGRAMME_MODES)[number];
export const PROGRAMME_MODE_LABELS: Record<ProgrammeMode, { vi: string; en: string }> = {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  blended: { vi: 'Kết hợp', en: 'Blended' },
};

/** Levels of the tree that may organise a programme (codes of the unit_level list). */
export const ORGANISER_LEVELS = ['central', 'province', 'commune'] as const;

/** Topic and programme codes: letters, digits, `_ . -`; stored upper case. */
const Code = (max: number) =>
  z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(
      z
        .string()
        .min(1)
        .max(max)
        .refine(
          (v) => /^[A-Z0-9][A-Z0-9_.\-/]*$/.test(v),
          customMessage(
            'chỉ gồm chữ không dấu, số và _ . - /',
            'only letters without accents, digits and _ . - /',
          ),
        ),
    );

export const TopicInput = z.object({
  /** What overlap detection compares: the same code in two programmes is the same content. */
  topicCode: Code(40),
  name: RequiredText(300),
  periods: z.number().int().min(1).max(2000),
});
export type TopicInput = z.infer<typeof TopicInput>;

const ProgrammeFields = {
  code: Code(40),
  nameVi: RequiredText(300),
  nameEn: RequiredText(300),
  /** programme_kind code. */
  kind: z.string().min(1).max(40),
  /** A code of `level_<kind>`, when the kind has levels. */
  level: z.string().min(1).max(40).nullable().optional(),
  /** Total periods (1 week = 40). */
  periods: z.number().int().min(1).max(10000),
  mode: z.enum(PROGRAMME_MODES),
  /** The qualification a pass grants: a qualification_kind code and a level of it, or both null. */
  grantsKind: z.string().min(1).max(40).nullable().optional(),
  grantsLevel: z.string().min(1).max(40).nullable().optional(),
  organiserLevels: z.array(z.enum(ORGANISER_LEVELS)).min(1).max(3),
  /** Topics in teaching order; their periods add up to at most the programme's. */
  topics: z.array(TopicInput).max(100),
  legalBasis: OptionalText(500),
  description: OptionalText(2000),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable().optional(),
  active: z.boolean().optional(),
};

export const CreateProgrammeBody = z.object(ProgrammeFields).strict();
/** Only the fields named change (ADR 023). */
export const UpdateProgrammeBody = z.object(updateShape(ProgrammeFields)).strict();

/** The columns the programme list sorts by (`sort=name`, `sort=-periods`). */
export const PROGRAMME_SORT_KEYS = ['code', 'name', 'periods', 'topicCount'] as const;

export const ProgrammesQuery = Page.extend({
  /** Sort by one column (a "-" before the key: descending; the name in Vietnamese); default: kind, code. */
  sort: sortParam(PROGRAMME_SORT_KEYS),
  q: z.string().max(200).optional(),
  kind: z.string().max(40).optional(),
  level: z.string().max(40).optional(),
  mode: z.enum(PROGRAMME_MODES).optional(),
  organiserLevel: z.enum(ORGANISER_LEVELS).optional(),
  /** 'true' (default): active entries only; 'all': every entry. */
  active: z.enum(['true', 'false', 'all']).default('true'),
});

export const Topic = z.object({
  topicCode: z.string(),
  name: z.string(),
  periods: z.number(),
});

export const ProgrammeSummary = z.object({
  id: z.number(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  level: z.string().nullable(),
  periods: z.number(),
  mode: z.enum(PROGRAMME_MODES),
  grantsKind: z.string().nullable(),
  grantsLevel: z.string().nullable(),
  organiserLevels: z.array(z.string()),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  active: z.boolean(),
  ownerUnitId: z.number(),
  ownerUnitName: z.string(),
  topicCount: z.number(),
  /** The actor may change it (owner in their subtree and the permission). */
  editable: z.boolean(),
});
export const ProgrammeList = paged(ProgrammeSummary);

/** A topic both programmes teach, with its periods in each. */
export const SharedTopic = z.object({
  topicCode: z.string(),
  name: z.string(),
  periods: z.number(),
  otherPeriods: z.number(),
});

/** Another programme sharing topics with the one in view: a warning, never a block. */
export const ProgrammeOverlap = z.object({
  programmeId: z.number(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  sharedTopics: z.array(SharedTopic),
  /** Periods of the programme in view that the other one also teaches. */
  sharedPeriods: z.number(),
  /** sharedPeriods as a % of the topics' periods of the programme in view. */
  sharedPct: z.number(),
});
export type ProgrammeOverlap = z.infer<typeof ProgrammeOverlap>;

/** A standard rule the granted qualification satisfies (derived, not stored: ADR 009). */
export const SatisfiedStandard = z.object({
  ruleId: z.number(),
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  minLevel: z.string(),
});

export const ProgrammeDetail = ProgrammeSummary.extend({
  topics: z.array(Topic),
  legalBasis: z.string().nullable(),
  description: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  overlaps: z.array(ProgrammeOverlap),
  standardsSatisfied: z.array(SatisfiedStandard),
});
export type ProgrammeDetail = z.infer<typeof ProgrammeDetail>;

/** Topics of a form not yet saved, checked against the catalogue. */
export const OverlapCheckBody = z.object({
  topics: z
    .array(
      z.object({
        topicCode: Code(40),
        name: z.string().max(300).optional(),
        periods: z.number().int().min(1).max(2000),
      }),
    )
    .max(100),
  /** The programme being edited, left out of the answer. */
  excludeId: Id.optional(),
});
export const OverlapCheck = z.object({ overlaps: z.array(ProgrammeOverlap) });

export const OverlapReportQuery = z.object({
  /** Only pairs sharing at least this many periods. */
  minPeriods: Int(1, 10000).default(1),
  kind: z.string().max(40).optional(),
});
export const OverlapPair = z.object({
  a: z.object({
    id: z.number(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    periods: z.number(),
  }),
  b: z.object({
    id: z.number(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    periods: z.number(),
  }),
  sharedTopics: z.array(SharedTopic),
  /** Periods of `a` also taught in `b`, and of `b` also taught in `a`. */
  sharedPeriodsA: z.number(),
  sharedPeriodsB: z.number(),
});
export const OverlapReport = z.object({ pairs: z.array(OverlapPair) });

export const PersonOverlapQuery = z.object({ personId: Id });

/** Why a nomination would repeat training: the reason in both languages. */
export const OverlapReason = z.object({
  code: z.enum(['HOLDS_QUALIFICATION', 'HOLDS_HIGHER', 'TOPICS_COVERED']),
  vi: z.string(),
  en: z.string(),
});

export const PersonOverlap = z.object({
  programmeId: z.number(),
  personId: z.number(),
  /** True when any reason applies: warn before confirming. */
  overlap: z.boolean(),
  /** The held qualification equal to or above the one the programme grants. */
  heldQualification: z
    .object({ id: z.number(), kind: z.string(), level: z.string(), higher: z.boolean() })
    .nullable(),
  coveredTopics: z.array(
    z.object({
      topicCode: z.string(),
      name: z.string(),
      periods: z.number(),
      via: z.array(z.object({ source: z.enum(['qualification', 'class']), id: z.number() })),
    }),
  ),
  coveredPeriods: z.number(),
  /** coveredPeriods as a % of the programme's topic periods. */
  coveredPct: z.number(),
  reasons: z.array(OverlapReason),
});
export type PersonOverlap = z.infer<typeof PersonOverlap>;
