/**
 * The shape every report answers with, so one web view, one .xlsx writer and one print layout
 * serve them all (ADR 019). A report's server definition builds a `ReportTable` in the actor's
 * language; each number that stands for people carries an opaque drill token that
 * `GET /reports/<name>/people?cell=<token>` turns into the people behind it.
 */
import { z } from 'zod';
import { Id, Int, IsoDate, Page, paged } from './common';

export const REPORT_CELL_KINDS = ['text', 'int', 'number', 'money', 'percent', 'date'] as const;
export type ReportCellKind = (typeof REPORT_CELL_KINDS)[number];

export const ReportColumn = z.object({
  key: z.string(),
  label: z.string(),
  /** How the value is shown: `percent` holds 0-100 (45.2 is 45,2 %), `money` is VND, `date` ISO. */
  kind: z.enum(REPORT_CELL_KINDS),
  /** A header above several neighbouring columns (two header rows). */
  group: z.string().optional(),
  /** Width in characters for the sheet (the web sizes itself). */
  width: z.number().int().positive().optional(),
  /**
   * A breakdown column (e.g. by funding source) the web table folds behind "Hiện cột chi tiết" so
   * the rest fits the screen (ADR 061); the .xlsx always has it.
   */
  detail: z.boolean().optional(),
});
export type ReportColumn = z.infer<typeof ReportColumn>;

export const ReportCell = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportRow = z.object({
  key: z.string(),
  /** Indentation of a roll-up (0 = top). */
  depth: z.number().int().min(0).optional(),
  /** A subtotal row (shown bold). */
  subtotal: z.boolean().optional(),
  cells: z.record(z.string(), ReportCell),
  /** Column key -> drill token for the people (or classes) behind that number. */
  drill: z.record(z.string(), z.string()).optional(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportTable = z.object({
  report: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  /** When the data was read (ISO date-time); every figure of the table is from this one read. */
  readAt: z.string(),
  /** The filters applied, in words ("Đơn vị: Xã Đầm Hà", "Kỳ: 01/01/2026 - 31/12/2026"). */
  filters: z.array(z.object({ label: z.string(), value: z.string() })),
  columns: z.array(ReportColumn),
  rows: z.array(ReportRow),
  totals: ReportRow.optional(),
  /** Definitions and legal sources shown under the table and in the sheet. */
  notes: z.array(z.string()),
});
export type ReportTable = z.infer<typeof ReportTable>;

/**
 * The administrative tiers a report can narrow to: a person or class counts at the tier of the
 * nearest province, district or commune above (or at) its unit, so a province's departments are
 * provincial and a commune's offices are communal.
 */
export const ORG_LEVELS = ['province', 'district', 'commune'] as const;
export const ORG_LEVEL_LABELS: Record<(typeof ORG_LEVELS)[number], { vi: string; en: string }> = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
};

/**
 * The filters every report understands (each report uses those that apply):
 * the subtree (a unit of the actor's), a period (from/to dates, or a year), a staff category and
 * an org level.
 */
export const ReportFilters = z.object({
  unitId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  year: Int(1990, 2100).optional(),
  category: z.string().max(40).optional(),
  level: z.enum(ORG_LEVELS).optional(),
});
export type ReportFilters = z.infer<typeof ReportFilters>;

/**
 * The post filters (issue 16, ADR 048): a post group (list `post_group`) and a post (list `post`),
 * matched on the person's post code. Codes of the lists only: an unknown code is refused (400).
 */
export const PostFilters = z.object({
  /** Post group code (list `post_group`), e.g. FRONT_MASS_HEAD. */
  postGroup: z.string().max(40).optional(),
  /** Post code (list `post`). */
  post: z.string().max(40).optional(),
});
export type PostFilters = z.infer<typeof PostFilters>;

/** The common filters with the post filters, for the reports that count people by their post. */
export const ReportPostFilters = ReportFilters.extend(PostFilters.shape);
export type ReportPostFilters = z.infer<typeof ReportPostFilters>;

export const ReportPeopleQuery = ReportFilters.extend(Page.shape).extend({
  cell: z.string().min(1).max(1000),
});

/** One person behind a number. `detail` says why they are counted (e.g. the class, the level held). */
export const ReportPerson = z.object({
  id: z.number().int(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  unitName: z.string(),
  category: z.string().nullable(),
  rank: z.string().nullable(),
  post: z.string().nullable(),
  detail: z.string().nullable(),
});
export type ReportPerson = z.infer<typeof ReportPerson>;

export const ReportPeoplePage = paged(ReportPerson).extend({ readAt: z.string(), title: z.string() });
export type ReportPeoplePage = z.infer<typeof ReportPeoplePage>;

/** Encode a drill cell (any small JSON value) as a URL-safe token; reports decode with their schema. */
export function encodeCell(value: unknown): string {
  const json = JSON.stringify(value);
  const bytes = new TextEncoder().encode(json);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decode a token made by `encodeCell` and check it with the report's schema (null if it does not fit). */
export function decodeCell<T extends z.ZodType>(token: string, schema: T): z.infer<T> | null {
  try {
    const b64 = token.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const parsed = schema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
