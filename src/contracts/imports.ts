/**
 * Imports from Excel and CSV (ADR 018): the kinds, the row error codes with their messages, and
 * the shapes of the API. Shared by server, web and CLI.
 */
import { z } from 'zod';
import { Id, Page, RequiredText, sortParam } from './common';

export const IMPORT_KINDS = [
  'people',
  'qualifications',
  'ratings',
  'roster',
  'results',
  'units',
  'plans',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, { vi: string; en: string }> = {
  people: { vi: 'Danh sách cán bộ, công chức', en: 'Staff list' },
  qualifications: { vi: 'Văn bằng, chứng chỉ', en: 'Qualifications' },
  ratings: { vi: 'Xếp loại chất lượng hằng năm', en: 'Yearly ratings' },
  roster: { vi: 'Danh sách học viên của lớp', en: 'Class roster' },
  results: { vi: 'Điểm của lớp', en: 'Class results' },
  units: { vi: 'Đơn vị (cơ cấu tổ chức)', en: 'Org units' },
  plans: { vi: 'Kế hoạch ĐTBD hằng năm (các dòng kế hoạch)', en: 'Annual training plans (plan lines)' },
};

/** Kinds that need a class chosen (its learners, its assessments). */
export const CLASS_KINDS: readonly ImportKind[] = ['roster', 'results'];

export const IMPORT_STATUSES = [
  'previewed',
  'running',
  'committed',
  'failed',
  'interrupted',
  'undone',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_STATUS_LABELS: Record<ImportStatus, { vi: string; en: string }> = {
  previewed: { vi: 'Đã kiểm tra, chưa ghi', en: 'Checked, not written' },
  running: { vi: 'Đang ghi', en: 'Writing' },
  committed: { vi: 'Đã ghi', en: 'Written' },
  failed: { vi: 'Bị từ chối — không có dữ liệu nào được ghi', en: 'Refused — nothing written' },
  interrupted: {
    vi: 'Bị gián đoạn — không có dữ liệu nào được ghi',
    en: 'Interrupted — nothing written',
  },
  undone: { vi: 'Đã hoàn tác', en: 'Undone' },
};

export const IMPORT_MODES = ['all', 'valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_MODE_LABELS: Record<ImportMode, { vi: string; en: string }> = {
  all: { vi: 'Tất cả hoặc không', en: 'All or nothing' },
  valid: { vi: 'Chỉ dòng hợp lệ', en: 'Only valid rows' },
};

/** Why a row (or the header) was refused. */
export const ROW_ERRORS = {
  MISSING_COLUMN: { vi: 'Thiếu cột bắt buộc.', en: 'A required column is missing.' },
  REQUIRED: { vi: 'Bắt buộc phải có giá trị.', en: 'A value is required.' },
  BAD_DATE: {
    vi: 'Ngày không hợp lệ (ghi dd/mm/yyyy hoặc dùng kiểu ngày của Excel).',
    en: 'Not a valid date (write dd/mm/yyyy or use an Excel date).',
  },
  FUTURE_DATE: { vi: 'Ngày không được ở tương lai.', en: 'The date must not be in the future.' },
  DATE_BEFORE_BIRTH: { vi: 'Ngày phải sau ngày sinh.', en: 'The date must be after the birth date.' },
  BAD_NUMBER: { vi: 'Không phải số hợp lệ.', en: 'Not a valid number.' },
  BAD_YEAR: { vi: 'Năm phải từ 1990 đến năm nay.', en: 'The year must be 1990 to this year.' },
  BAD_POINTS: {
    vi: 'Điểm từ 0 đến 100, tối đa hai chữ số thập phân.',
    en: 'Points are 0 to 100 with two decimals at most.',
  },
  BAD_SCORE: {
    vi: 'Điểm phải từ 0 đến 10, tối đa hai chữ số thập phân.',
    en: 'A score is 0 to 10 with two decimals at most.',
  },
  BAD_YES_NO: { vi: 'Ghi "Có" hoặc "Không".', en: 'Write "Có" (yes) or "Không" (no).' },
  BAD_PERSONAL_ID: { vi: 'Số định danh phải gồm đúng 12 chữ số.', en: 'A personal ID is exactly 12 digits.' },
  TOO_LONG: { vi: 'Quá dài.', en: 'Too long.' },
  UNKNOWN_CODE: { vi: 'Mã không có trong danh mục.', en: 'The code is not in the code list.' },
  UNKNOWN_UNIT: {
    vi: 'Không có đơn vị mang mã này trong phạm vi của bạn.',
    en: 'No unit with this code in your subtree.',
  },
  DUPLICATE_IN_FILE: {
    vi: 'Trùng với một dòng phía trên trong tệp.',
    en: 'Duplicates a row above in the file.',
  },
  PERSONAL_ID_EXISTS: {
    vi: 'Số định danh đã có trong hồ sơ khác.',
    en: 'The personal ID is already on a record.',
  },
  CATEGORY_NOT_VALID_AT_DATE: {
    vi: 'Đối tượng này không áp dụng vào ngày bắt đầu (ngày vào cơ quan, nếu trống là hôm nay): từ 01/7/2025 không còn "Cán bộ, công chức cấp xã", ghi "Cán bộ" hoặc "Công chức".',
    en: 'This category does not apply on the start date (service start, else today): from 1 July 2025 commune-level staff are "Cán bộ" (cadre) or "Công chức" (civil servant).',
  },
  UNKNOWN_PERSON: { vi: 'Không có hồ sơ mang số định danh này.', en: 'No record has this personal ID.' },
  PERSON_OUT_OF_SCOPE: {
    vi: 'Người này không thuộc phạm vi của bạn.',
    en: 'This person is not in your subtree.',
  },
  QUALIFICATION_EXISTS: {
    vi: 'Người này đã có văn bằng cùng loại và trình độ.',
    en: 'The person already has this kind and level.',
  },
  POINTS_REQUIRED: {
    vi: 'Năm này xếp loại theo điểm: bắt buộc ghi điểm.',
    en: 'This year is rated in points: points are required.',
  },
  POINTS_BELOW_SCALE: {
    vi: 'Điểm thấp hơn mọi mức của thang điểm.',
    en: 'The points are below every band of the scale.',
  },
  RATING_POINTS_MISMATCH: {
    vi: 'Xếp loại không khớp với số điểm theo thang điểm.',
    en: 'The rating contradicts the points on the scale.',
  },
  POINTS_NOT_USED: {
    vi: 'Năm này chưa có thang điểm (xếp loại theo tiêu chí): để trống cột Điểm.',
    en: 'No points scale that year (rated by criteria): leave the points empty.',
  },
  LIKELY_DUPLICATE: {
    vi: 'Có thể trùng người: cùng họ tên, ngày sinh và đơn vị. Nếu là người khác, ghi "x" ở cột "Người khác (trùng tên)".',
    en: 'Likely the same person: same name, birth date and unit. If not, write "x" in "Different person (same name)".',
  },
  ID_GENDER_MISMATCH: {
    vi: 'Cảnh báo: chữ số thứ 4 của số định danh không khớp với giới tính.',
    en: 'Warning: the 4th digit of the personal ID does not match the gender.',
  },
  ID_CENTURY_MISMATCH: {
    vi: 'Cảnh báo: chữ số thứ 4 của số định danh không khớp với thế kỷ của năm sinh.',
    en: 'Warning: the 4th digit of the personal ID does not match the birth century.',
  },
  ID_YEAR_MISMATCH: {
    vi: 'Cảnh báo: chữ số thứ 5-6 của số định danh không khớp với năm sinh.',
    en: 'Warning: digits 5-6 of the personal ID do not match the birth year.',
  },
  ALREADY_RATED: {
    vi: 'Người này đã được xếp loại năm đó.',
    en: 'The person is already rated for that year.',
  },
  ALREADY_IN_CLASS: { vi: 'Người này đã có trong lớp.', en: 'The person is already in the class.' },
  DECISION_INVALID: {
    vi: 'Quyết định cử đi học thiếu hoặc không hợp lệ (số, ngày, người ký).',
    en: 'The send-to-study decision is missing or invalid (number, date, signer).',
  },
  CLASS_FULL: { vi: 'Lớp đã đủ chỗ.', en: 'The class is full.' },
  QUOTA_FULL: { vi: 'Đơn vị đã dùng hết chỉ tiêu của lớp.', en: "The unit's quota of the class is used up." },
  POOL_FULL: {
    vi: 'Hết chỗ dành cho đơn vị không được giao chỉ tiêu.',
    en: 'No seats left for units without a quota.',
  },
  NAME_MISMATCH: { vi: 'Họ tên không khớp hồ sơ.', en: 'The name does not match the record.' },
  UNKNOWN_PARENT: {
    vi: 'Không tìm thấy đơn vị cấp trên (ghi mã đơn vị, hoặc đường dẫn tên "Tỉnh … / Huyện …", hoặc một dòng phía trên).',
    en: 'The parent unit is not found (write a unit code, a name path "Province … / District …", or a row above).',
  },
  UNIT_CODE_TAKEN: {
    vi: 'Mã đơn vị đã được một đơn vị đang hoạt động dùng.',
    en: 'The unit code is already used by an active unit.',
  },
  ALREADY_SCORED: {
    vi: 'Đã có điểm (sửa trong sổ điểm, hoặc để trống ô này).',
    en: 'Already scored (correct it in the grade book, or leave the cell empty).',
  },
  NOT_IN_CLASS: { vi: 'Không có học viên này trong lớp.', en: 'No such learner in the class.' },
  TOO_EARLY: {
    vi: 'Bài đánh giá chưa diễn ra: chưa nhập điểm được (ngày nhập được ghi ở cột bài trong Sổ lớp).',
    en: 'The assessment has not been held yet: no score can be entered (the grade book shows from when).',
  },
  BAD_PLAN_YEAR: {
    vi: 'Năm kế hoạch phải từ 2000 đến năm sau năm nay.',
    en: 'The plan year must be 2000 to next year.',
  },
  PLAN_NOT_EDITABLE: {
    vi: 'Kế hoạch của đơn vị năm này đã trình hoặc đã duyệt: không nhập thêm dòng được.',
    en: "The unit's plan for this year is submitted or approved: no lines can be imported into it.",
  },
  PLAN_LINE_RULE: {
    vi: 'Dòng kế hoạch không hợp lệ (theo quy tắc của màn hình lập kế hoạch).',
    en: 'The plan line breaks a rule of the plan editor.',
  },
  UNKNOWN_ASSESSMENT: {
    vi: 'Cột không khớp bài đánh giá nào của lớp.',
    en: 'The column matches no assessment of the class.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
export type RowErrorCode = keyof typeof ROW_ERRORS;

/** Query of `POST /imports` (the file is the raw body). */
export const UploadQuery = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: RequiredText(200),
  /** Rows without a unit code go to this unit (default: the actor's scope unit). */
  unitId: Id.optional(),
  /** The class of a roster or results import. */
  classId: Id.optional(),
});

export const ImportBatch = z.object({
  id: z.number(),
  kind: z.enum(IMPORT_KINDS),
  unitId: z.number(),
  unitName: z.string(),
  classId: z.number().nullable(),
  fileName: z.string(),
  size: z.number(),
  mode: z.enum(IMPORT_MODES).nullable(),
  status: z.enum(IMPORT_STATUSES),
  totalRows: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  writtenRows: z.number(),
  errorCounts: z.record(z.string(), z.number()),
  /** Warnings by code (e.g. a personal ID that does not fit the birth year): they refuse nothing. */
  warningCounts: z.record(z.string(), z.number()),
  /** Up to ten valid rows, keyed by the column's Vietnamese header. */
  sample: z.array(z.record(z.string(), z.string().nullable())),
  failure: z.string().nullable(),
  username: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  undoneAt: z.string().nullable(),
  undoneReason: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const ImportRowError = z.object({
  row: z.number(),
  column: z.string(),
  value: z.string().nullable(),
  code: z.string(),
  /** `error` refuses the row; `warning` is shown and refuses nothing (ADR 024). */
  severity: z.enum(['error', 'warning']),
  /** Why, in the user's language. */
  message: z.string(),
  /** What the message is built from (UNKNOWN_CODE: `UnknownCodeDetails`, ADR 028). */
  details: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportErrorsQuery = Page.extend({
  /** Only errors, or only warnings (default: both, errors first within a row). */
  severity: z.enum(['error', 'warning']).optional(),
});
/** The columns the import history sorts by (`sort=fileName`, `sort=-createdAt`). */
export const IMPORT_SORT_KEYS = ['createdAt', 'fileName', 'unitName', 'username'] as const;
export type ImportSort = (typeof IMPORT_SORT_KEYS)[number] | `-${(typeof IMPORT_SORT_KEYS)[number]}`;

export const ImportListQuery = Page.extend({
  kind: z.enum(IMPORT_KINDS).optional(),
  /** Sort by one column (a "-" before the key: descending); default: newest first. */
  sort: sortParam(IMPORT_SORT_KEYS),
});

export const CommitBody = z.object({ mode: z.enum(IMPORT_MODES).default('all') });
export const UndoBody = z.object({ reason: RequiredText(500) });

export const ImportProgress = z.object({
  status: z.enum(IMPORT_STATUSES),
  phase: z.enum(['waiting', 'reading', 'checking', 'writing', 'done']),
  done: z.number(),
  total: z.number(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const TemplateQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  classId: Id.optional(),
});
