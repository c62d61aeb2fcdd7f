/** The declared columns of a sheet (an import's layout, and the export that reads back in). */
import type { RowErrorCode } from '../../../contracts/imports';

export type ColumnType =
  | 'text'
  | 'date'
  | 'code'
  | 'pid'
  | 'int'
  | 'decimal'
  | 'bool'
  | 'unitCode'
  | 'year'
  /** A score on 10, read by the grade book's own rule (`parseScore`). */
  | 'score';

export interface ColumnSpec {
  /** The staging column (snake_case). */
  key: string;
  /** The header in the sheet. */
  vi: string;
  en: string;
  type: ColumnType;
  required?: boolean;
  /** The code list of a `code` column (codes or their Vietnamese labels are accepted). */
  list?: string;
  max?: number;
  /** For decimals: range, decimals and the error code when out of it. */
  range?: { min: number; max: number; decimals: number; error: RowErrorCode };
  /** A date that may not lie in the future. */
  past?: boolean;
  example: string;
  /** What to write, for the guide sheet. */
  help: { vi: string; en: string };
}
