/**
 * The dashboard ("Tổng quan", ADR 020): KPI tiles and charts over the actor's subtree (or a unit
 * of it) for a year, the gaps tile as its own request, and the people or classes behind every
 * number. What is counted is stated in the ADR and on each tile.
 */
import { z } from 'zod';
import { Id, Int, IsoDate, Page, paged } from './common';

type Label = { vi: string; en: string };

export const TrendPeriodKey = z.enum(['2010-2015', '2015-2020', '2020-2025', '2025-now']);
export type TrendPeriodKey = z.infer<typeof TrendPeriodKey>;
export const StructureKey = z.enum([
  'university',
  'pt_elementary',
  'pt_intermediate',
  'pt_advanced',
  'state_management',
  'it',
  'foreign_language',
]);
export type StructureKey = z.infer<typeof StructureKey>;

/** Periods of the trends chart, half-open [from, to): a qualification or class ending on `to` falls in the next. */
export const TREND_PERIODS: readonly {
  key: TrendPeriodKey;
  from: string;
  to: string | null;
  label: Label;
}[] = [
  { key: '2010-2015', from: '2010-01-01', to: '2015-01-01', label: { vi: '2010-2015', en: '2010-2015' } },
  { key: '2015-2020', from: '2015-01-01', to: '2020-01-01', label: { vi: '2015-2020', en: '2015-2020' } },
  { key: '2020-2025', from: '2020-01-01', to: '2025-01-01', label: { vi: '2020-2025', en: '2020-2025' } },
  { key: '2025-now', from: '2025-01-01', to: null, label: { vi: '2025 đến nay', en: '2025 to date' } },
];

/**
 * The qualification structure of current staff: who holds `kind` at `minLevel` or higher (levels
 * ordered by `meta.rank` of `level_<kind>`, as the standards engine compares them).
 */
export const STRUCTURE_MEASURES: readonly {
  key: StructureKey;
  kind: string;
  minLevel: string;
  label: Label;
}[] = [
  {
    key: 'university',
    kind: 'EDUCATION',
    minLevel: 'DAI_HOC',
    label: { vi: 'Đại học trở lên', en: 'University or higher' },
  },
  {
    key: 'pt_elementary',
    kind: 'POLITICAL_THEORY',
    minLevel: 'SO_CAP',
    label: { vi: 'LLCT sơ cấp trở lên', en: 'Political theory: elementary or higher' },
  },
  {
    key: 'pt_intermediate',
    kind: 'POLITICAL_THEORY',
    minLevel: 'TRUNG_CAP',
    label: { vi: 'LLCT trung cấp trở lên', en: 'Political theory: intermediate or higher' },
  },
  {
    key: 'pt_advanced',
    kind: 'POLITICAL_THEORY',
    minLevel: 'CAO_CAP',
    label: { vi: 'LLCT cao cấp, cử nhân', en: 'Political theory: advanced or bachelor' },
  },
  {
    key: 'state_management',
    kind: 'STATE_MANAGEMENT',
    minLevel: 'CV',
    label: { vi: 'Quản lý nhà nước (từ chuyên viên)', en: 'State management (specialist or higher)' },
  },
  { key: 'it', kind: 'IT', minLevel: 'CO_BAN', label: { vi: 'Tin học', en: 'IT skills' } },
  {
    key: 'foreign_language',
    kind: 'FOREIGN_LANGUAGE',
    minLevel: 'BAC_1',
    label: { vi: 'Ngoại ngữ', en: 'Foreign language' },
  },
];

export const DashboardQuery = z.object({
  /** classes.year and plan year; default: the current year. */
  year: Int(2000, 2200).optional(),
  /** A unit of the actor's subtree (404 otherwise); default: the actor's scope unit. */
  unitId: Id.optional(),
});

const Count = z.number().int();

export const Dashboard = z.object({
  year: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  /** When the data was read (ISO timestamp): every tile shows it. */
  readAt: z.string(),
  /** People WORKING whose current unit lies in the subtree. */
  staff: Count,
  /** Approved learners, sent by units of the subtree, of the year's classes not cancelled. */
  trainees: Count,
  /** Classes of the year organised by units of the subtree, by status. */
  classes: z.object({ total: Count, byStatus: z.array(z.object({ status: z.string(), n: Count })) }),
  /** Plan vs actual of the plans of the subtree's units for the year, by programme kind (GET /plans/actual). */
  plan: z.object({
    plannedTrainees: Count,
    actualTrainees: Count,
    /** actual / planned, one decimal; null without a planned trainee. */
    pct: z.number().nullable(),
    byKind: z.array(
      z.object({
        kind: z.string(),
        plannedTrainees: Count,
        actualTrainees: Count,
        pct: z.number().nullable(),
      }),
    ),
  }),
  /** Budgets (VND) of the year's classes organised in the subtree, not cancelled, by funding source. */
  costs: z.object({
    total: z.number(),
    /** Approved learners of those classes (from anywhere). */
    trainees: Count,
    /** total / trainees, whole VND; null without a trainee. */
    perTrainee: z.number().nullable(),
    bySource: z.array(z.object({ source: z.string(), amount: z.number() })),
  }),
  /** Trainees (as `trainees`) of the last five years, by the level of the class's organiser and by programme kind. */
  traineesByYear: z.object({
    years: z.array(z.number()),
    byLevel: z.array(z.object({ year: z.number(), level: z.string(), n: Count })),
    byKind: z.array(z.object({ year: z.number(), kind: z.string(), n: Count })),
  }),
  /** Share of `staff` holding each measure of STRUCTURE_MEASURES. */
  structure: z.array(z.object({ key: StructureKey, n: Count, pct: z.number().nullable() })),
  /**
   * People of the subtree's staff (any status) trained per period and kind: qualifications issued in
   * the period (except those a class issued) and approved learners of classes ended in it, finished or closed.
   */
  trends: z.array(z.object({ period: TrendPeriodKey, kind: z.string(), n: Count })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DashboardGapsQuery = z.object({ unitId: Id.optional(), asOf: IsoDate.optional() });

/** The gaps tile: the standards gap summary by rule (the set-based gap SQL), top 10. */
export const DashboardGaps = z.object({
  asOf: z.string(),
  readAt: z.string(),
  unitId: z.number(),
  headcount: Count,
  peopleWithGaps: Count,
  byRule: z.array(
    z.object({ ruleCode: z.string(), label: z.object({ vi: z.string(), en: z.string() }), people: Count }),
  ),
});
export type DashboardGaps = z.infer<typeof DashboardGaps>;

/** Which number the people stand behind. */
export const DashboardPeopleQuery = z
  .object({
    metric: z.enum(['staff', 'trainees', 'structure', 'trend']),
    year: Int(2000, 2200).optional(),
    unitId: Id.optional(),
    /** trainees: the tier (province, district, commune) of the class organiser's unit. */
    level: z.string().max(40).optional(),
    /** trainees, trend: programme kind (trend: programme or qualification kind). */
    kind: z.string().max(40).optional(),
    /** structure: the measure held. */
    measure: StructureKey.optional(),
    /** trend: the period. */
    period: TrendPeriodKey.optional(),
  })
  .extend(Page.shape)
  .refine((q) => q.metric !== 'structure' || q.measure, {
    path: ['measure'],
    params: { vi: 'cần chọn chỉ tiêu trình độ', en: 'a qualification measure is required' },
  })
  .refine((q) => q.metric !== 'trend' || q.period, {
    path: ['period'],
    params: { vi: 'cần chọn giai đoạn', en: 'a period is required' },
  });

export const DashboardPerson = z.object({
  personId: z.number(),
  fullName: z.string(),
  unitName: z.string(),
  /** What puts the person behind the number: a class code, a qualification level... */
  detail: z.string().nullable(),
});
export const DashboardPeople = paged(DashboardPerson).extend({ readAt: z.string() });
export type DashboardPeople = z.infer<typeof DashboardPeople>;

export const DashboardClassesQuery = z
  .object({
    year: Int(2000, 2200).optional(),
    unitId: Id.optional(),
    status: z.string().max(40).optional(),
    /** Only classes whose budget has this funding source. */
    source: z.string().max(40).optional(),
  })
  .extend(Page.shape);

export const DashboardClass = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  organiserName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  trainees: Count,
  /** The whole budget, or the part of `source` when asked. */
  cost: z.number(),
});
export const DashboardClasses = paged(DashboardClass).extend({ readAt: z.string() });
export type DashboardClasses = z.infer<typeof DashboardClasses>;
