/**
 * The columns of an import sheet and how one cell becomes a staged value (pure): each kind
 * declares its columns; a cell is checked for its shape here (dates, numbers, personal IDs,
 * lengths) and for what needs the database (codes, units, people) by set-based SQL later.
 */
import type { RowErrorCode } from '../../../contracts/imports';
import { type CellValue, headerKey, sheetDate, sheetText } from '../../lib/sheets/read';
import { parseScore } from '../results/results.sheets';

export type { ColumnSpec, ColumnType } from '../../lib/sheets/columns';

import type { ColumnSpec } from '../../lib/sheets/columns';

export type Staged = Record<string, string | null>;
export interface CellError {
  key: string;
  value: string;
  code: RowErrorCode;
}

const YES = new Set(['co', 'x', '1', 'yes', 'true', 'dung']);
const NO = new Set(['khong', '0', 'no', 'false', 'sai']);

/** One cell checked for its shape: the staged text (dates ISO, decimals with '.') or an error. */
export function stageCell(
  col: ColumnSpec,
  v: CellValue,
  today: string,
): { value: string | null; error?: RowErrorCode } {
  const text = sheetText(v).trim();
  if (text === '') return col.required ? { value: null, error: 'REQUIRED' } : { value: null };
  switch (col.type) {
    case 'date': {
      const iso = sheetDate(v);
      if (!iso) return { value: null, error: 'BAD_DATE' };
      if (col.past && iso > today) return { value: null, error: 'FUTURE_DATE' };
      return { value: iso };
    }
    case 'pid': {
      // Excel turns 001085012345 into the number 1085012345: pad it back.
      const digits =
        typeof v === 'number' && Number.isInteger(v) ? String(v).padStart(12, '0') : text.replace(/\s/g, '');
      return /^\d{12}$/.test(digits) ? { value: digits } : { value: null, error: 'BAD_PERSONAL_ID' };
    }
    case 'int':
    case 'year': {
      const n = typeof v === 'number' ? v : /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isInteger(n) || n < 0)
        return { value: null, error: col.type === 'year' ? 'BAD_YEAR' : 'BAD_NUMBER' };
      if (col.type === 'year' && (n < 1990 || n > Number(today.slice(0, 4))))
        return { value: null, error: 'BAD_YEAR' };
      return { value: String(n) };
    }
    case 'decimal': {
      const n =
        typeof v === 'number'
          ? v
          : /^\d{1,3}([.,]\d+)?$/.test(text)
            ? Number(text.replace(',', '.'))
            : Number.NaN;
      const r = col.range ?? { min: 0, max: Number.MAX_SAFE_INTEGER, decimals: 2, error: 'BAD_NUMBER' };
      const scaled = n * 10 ** r.decimals;
      if (!(n >= r.min && n <= r.max) || Math.abs(Math.round(scaled) - scaled) > 1e-6)
        return { value: null, error: r.error };
      return { value: String(n) };
    }
    case 'score': {
      const n = parseScore(typeof v === 'number' ? String(v) : text);
      return n === null ? { value: null, error: 'BAD_SCORE' } : { value: String(n) };
    }
    case 'bool': {
      const f = headerKey(text);
      if (YES.has(f)) return { value: 't' };
      if (NO.has(f)) return { value: 'f' };
      return { value: null, error: 'BAD_YES_NO' };
    }
    default:
      if (text.length > (col.max ?? 200)) return { value: null, error: 'TOO_LONG' };
      return { value: text };
  }
}

const keys = new WeakMap<ColumnSpec, string>();
/** The header key of a column, computed once. */
function keyOf(col: ColumnSpec): string {
  let k = keys.get(col);
  if (k === undefined) {
    k = headerKey(col.vi);
    keys.set(col, k);
  }
  return k;
}

/** Stage one row: the values by key and the shape errors. */
export function stageRow(
  columns: ColumnSpec[],
  values: Record<string, CellValue>,
  today: string,
): { staged: Staged; errors: CellError[] } {
  const staged: Staged = {};
  const errors: CellError[] = [];
  for (const col of columns) {
    const raw = values[keyOf(col)] ?? null;
    const r = stageCell(col, raw, today);
    staged[col.key] = r.value;
    if (r.error) errors.push({ key: col.key, value: sheetText(raw), code: r.error });
  }
  return { staged, errors };
}

/** The required columns the header row lacks. */
export function missingColumns(columns: ColumnSpec[], headers: string[]): ColumnSpec[] {
  const have = new Set(headers.map(headerKey));
  return columns.filter((c) => c.required && !have.has(headerKey(c.vi)));
}

/** Headers that are neither a column nor one of `ignore` (blank headers are ignored). */
export function unknownHeaders(columns: ColumnSpec[], headers: string[], ignore: string[]): string[] {
  const known = new Set([...columns.map(keyOf), ...ignore.map(headerKey)]);
  return headers.filter((h) => h.trim() !== '' && !known.has(headerKey(h)));
}

/**
 * A staged cell as the preview shows it (issue 17): in the words the sheet uses, not the staged
 * form: codes as their labels, yes/no as "Có"/"Không", dates as dd/mm/yyyy.
 */
export function sampleCell(
  col: ColumnSpec,
  value: string | null,
  word: (list: string, code: string | null) => string | null,
): string | null {
  if (value == null) return null;
  if (col.type === 'bool') return value === 't' ? 'Có' : value === 'f' ? 'Không' : value;
  if (col.type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
  }
  if (col.type === 'code' && col.list) return word(col.list, value);
  return value;
}
