/**
 * Layouts of the annual statistical report (ADR 021): the Ministry's forms change, so the rows
 * (groups of staff) and the columns (measures) are data. A row is a selector over the staff's
 * current record; a column is one measure of a small fixed vocabulary. The report builds any layout
 * with one set-based query per measure kind and drills every cell to its people.
 */
import { z } from 'zod';
import { customMessage, Id, IsoDate, RequiredText, Text } from './common';
import { ORG_LEVELS } from './reports';
import { updateOf } from './update';

const Code = z.string().trim().min(1).max(40);

/** Which staff a row counts (category: the one held on the report's reference date, ADR 043): every given list must match (and), any item of a list (or). */
export const LayoutSelector = z.object({
  category: z.array(Code).max(20).optional(),
  /** The org level of the person's unit. */
  level: z.array(z.enum(ORG_LEVELS)).max(4).optional(),
  rank: z.array(Code).max(20).optional(),
  leadershipTier: z.array(Code).max(10).optional(),
  /** Post groups (list `post_group`) of the person's current post code (ADR 036, ADR 045). */
  postGroup: z.array(Code).max(10).optional(),
});
export type LayoutSelector = z.infer<typeof LayoutSelector>;

/** The measures a column may hold. */
export const LAYOUT_MEASURES = ['staff', 'holds', 'trained', 'abroad', 'rated'] as const;
export type LayoutMeasureKind = (typeof LAYOUT_MEASURES)[number];
export const LAYOUT_MEASURE_LABELS: Record<LayoutMeasureKind, { vi: string; en: string }> = {
  staff: { vi: 'Số người đang công tác', en: 'Staff working' },
  holds: { vi: 'Có trình độ (từ mức … trở lên)', en: 'Holding a qualification (level … or higher)' },
  trained: {
    vi: 'Được đào tạo, bồi dưỡng trong năm (theo loại chương trình)',
    en: 'Trained in the year (by programme kind)',
  },
  abroad: { vi: 'Đào tạo, bồi dưỡng ở nước ngoài trong năm', en: 'Trained abroad in the year' },
  rated: {
    vi: 'Được xếp loại trong năm (từ mức … trở lên, vd. "tốt trở lên")',
    en: 'Rated in the year (at … or better, e.g. "good or better")',
  },
};

export const LayoutMeasure = z.discriminatedUnion('measure', [
  /** People working now in the row's group. */
  z.object({ measure: z.literal('staff') }),
  /** People working now holding a live qualification of `kind` at `minLevel` or higher. */
  z.object({ measure: z.literal('holds'), kind: Code, minLevel: Code }),
  /**
   * People approved in an opened class of a programme of `programmeKind` (and `level`, when given)
   * that ends in the report's year.
   */
  z.object({ measure: z.literal('trained'), programmeKind: Code, level: Code.optional() }),
  /** Members of a delegation (not cancelled) that left for training abroad in the year. */
  z.object({ measure: z.literal('abroad') }),
  /**
   * People whose rating for the report's year is `minRating` or better (the order of the
   * annual_rating code list: "GOOD" counts good and excellent).
   */
  z.object({ measure: z.literal('rated'), minRating: Code }),
]);
export type LayoutMeasure = z.infer<typeof LayoutMeasure>;

/**
 * Rows, columns and the layout's fields, built twice: with NFC-normalising text for what comes in,
 * with plain strings for what goes out (response schemas must not transform).
 */
function shapes(text: (max: number, required?: boolean) => z.ZodType<string>) {
  const Label = z.object({ vi: text(200, true), en: text(200) });
  const Key = z
    .string()
    .refine(
      (k) => /^[a-z0-9_]{1,30}$/.test(k),
      customMessage('chỉ gồm a-z, 0-9, _ (tối đa 30)', 'only a-z, 0-9, _ (30 at most)'),
    );
  const Row = z.object({
    key: Key,
    label: Label,
    /** Indentation (0 = a group, 1 = inside it, 2 = deeper). */
    depth: z.number().int().min(0).max(2).default(0),
    selector: LayoutSelector,
    /**
     * The days the row belongs to the form (inclusive; absent = open): a report shows the rows
     * valid on its reference date, so a level or category abolished on 1 July 2025 leaves the
     * forms of later years (ADR 043).
     */
    validFrom: IsoDate.nullable().optional(),
    validTo: IsoDate.nullable().optional(),
  });
  const Column = z.object({
    key: Key,
    label: Label,
    /** A header over neighbouring columns (the form's two header rows). */
    group: z.object({ vi: text(200), en: text(200) }).optional(),
    measure: LayoutMeasure,
  });
  const Body = z.object({
    code: z
      .string()
      .trim()
      .refine(
        (c) => /^[A-Za-z0-9_.-]{1,40}$/.test(c),
        customMessage(
          'chỉ gồm chữ không dấu, số, _ . - (tối đa 40)',
          'letters, digits, _ . - only (40 at most)',
        ),
      ),
    nameVi: text(300, true),
    nameEn: text(300),
    /** The form and circular it follows ("cần đối chiếu" when not verified). */
    legalSource: text(500, true),
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.nullable().default(null),
    rows: z
      .array(Row)
      .min(1)
      .max(80)
      .refine(
        (rows) => rows.every((r) => !r.validFrom || !r.validTo || r.validFrom <= r.validTo),
        customMessage('dòng có ngày bắt đầu sau ngày kết thúc', 'a row starts after it ends'),
      ),
    columns: z.array(Column).min(1).max(40),
  });
  return { Row, Column, Body };
}

const input = shapes((max, required) => (required ? RequiredText(max) : Text(max)));
const output = shapes(() => z.string());

export const LayoutRow = input.Row;
export type LayoutRow = z.infer<typeof LayoutRow>;

/** Whether a row belongs to the form on `date` (ISO): its own dates, inclusive. */
export const rowValidAt = (r: Pick<LayoutRow, 'validFrom' | 'validTo'>, date: string) =>
  (!r.validFrom || r.validFrom <= date) && (!r.validTo || date <= r.validTo);
export const LayoutColumn = input.Column;
export type LayoutColumn = z.infer<typeof LayoutColumn>;
export const ReportLayoutBody = input.Body;
export type ReportLayoutBody = z.infer<typeof ReportLayoutBody>;

/** Only the fields named change (ADR 023); `version` guards against a stale edit (409). */
export const ReportLayoutUpdate = updateOf(ReportLayoutBody).extend({ version: z.number().int().positive() });

export const ReportLayout = output.Body.extend({
  id: z.number().int(),
  ownerUnitId: z.number().int().nullable(),
  ownerUnitName: z.string().nullable(),
  builtIn: z.boolean(),
  /** A copy not yet published: usable by choosing it, never the layout in force (ADR 037). */
  draft: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** The actor may change it (reports.manage and owned by a unit of their subtree). */
  editable: z.boolean(),
});
export type ReportLayout = z.infer<typeof ReportLayout>;

export const ReportLayoutList = z.object({ items: z.array(ReportLayout), canManage: z.boolean() });
export type ReportLayoutList = z.infer<typeof ReportLayoutList>;

export const CopyLayoutBody = z.object({ code: ReportLayoutBody.shape.code });
export const LayoutIdParams = z.object({ id: Id });

/** Publish a draft layout: the version seen (409 when stale). */
export const PublishLayoutBody = z.object({ version: z.number().int().positive() });
