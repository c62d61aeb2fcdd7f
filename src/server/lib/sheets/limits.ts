/**
 * How big an uploaded sheet may be (ADR 022), checked before anything is inflated where the zip
 * says it (its central directory: entries, declared sizes, ratios), then while reading (sheets,
 * rows, cells). Every refusal names the limit, the value found and the setting that raises it.
 */
import { AppError } from '../errors';

export interface SheetLimits {
  /** The upload as sent (compressed .xlsx or CSV text), bytes. */
  maxBytes: number;
  /** The declared uncompressed size of all the zip's entries together, bytes. */
  maxInflatedBytes: number;
  /** Declared uncompressed / compressed size of one entry (entries over 1 MB inflated). */
  maxRatio: number;
  /** Entries (files) in the zip. */
  maxEntries: number;
  /** Sheets in the workbook. */
  maxSheets: number;
  /** Data rows (after the header). */
  maxRows: number;
  /** Filled cells of the data rows. */
  maxCells: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 1_000,
  maxSheets: 100,
  maxRows: 500_000,
  maxCells: 10_000_000,
};

/** The environment variable that sets each limit (README, configuration). */
export const LIMIT_ENV: Record<keyof SheetLimits, string> = {
  maxBytes: 'DTBD_IMPORT_MAX_MB',
  maxInflatedBytes: 'DTBD_IMPORT_MAX_INFLATED_MB',
  maxRatio: 'DTBD_IMPORT_MAX_RATIO',
  maxEntries: 'DTBD_IMPORT_MAX_ENTRIES',
  maxSheets: 'DTBD_IMPORT_MAX_SHEETS',
  maxRows: 'DTBD_IMPORT_MAX_ROWS',
  maxCells: 'DTBD_IMPORT_MAX_CELLS',
};

/** Entries this small are never refused for their ratio (a few KB of XML compresses well). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

const num = (n: number) => n.toLocaleString('en-US');
const mb = (n: number) => `${num(Math.ceil(n / (1024 * 1024)))} MB`;

const WHAT: Record<keyof SheetLimits, { vi: string; en: string; show: (n: number) => string }> = {
  maxBytes: { vi: 'dung lượng tệp', en: 'file size', show: mb },
  maxInflatedBytes: { vi: 'dung lượng sau khi giải nén', en: 'uncompressed size', show: mb },
  maxRatio: { vi: 'tỉ lệ nén của một phần trong tệp', en: 'compression ratio of a part', show: num },
  maxEntries: { vi: 'số phần trong tệp .xlsx', en: 'number of parts in the .xlsx', show: num },
  maxSheets: { vi: 'số trang tính', en: 'number of sheets', show: num },
  maxRows: { vi: 'số dòng dữ liệu', en: 'number of data rows', show: num },
  maxCells: { vi: 'số ô có dữ liệu', en: 'number of filled cells', show: num },
};

/**
 * A limit passed: 413 FILE_TOO_LARGE for sizes (the upload, the uncompressed content), 400
 * FILE_LIMIT for the others. `found` is omitted when reading stopped at the limit.
 */
export function overLimit(limit: keyof SheetLimits, max: number, found?: number): AppError {
  const w = WHAT[limit];
  const size = limit === 'maxBytes' || limit === 'maxInflatedBytes';
  const seen = found === undefined ? '' : ` (${w.show(found)})`;
  return new AppError(size ? 'FILE_TOO_LARGE' : 'FILE_LIMIT', {
    message: {
      vi: `Tệp vượt giới hạn ${w.vi}${seen}: tối đa ${w.show(max)} (cấu hình ${LIMIT_ENV[limit]}).`,
      en: `The file exceeds the limit on ${w.en}${seen}: at most ${w.show(max)} (setting ${LIMIT_ENV[limit]}).`,
    },
    details: { limit, max, ...(found === undefined ? {} : { found }) },
  });
}

/** A file that is not a readable .xlsx or CSV: 400 FILE_UNREADABLE with the reason. */
export function unreadable(vi: string, en: string): AppError {
  return new AppError('FILE_UNREADABLE', {
    message: { vi: `Không đọc được tệp: ${vi}.`, en: `The file cannot be read: ${en}.` },
  });
}
