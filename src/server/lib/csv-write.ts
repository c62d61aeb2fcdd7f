/**
 * The one CSV writer. Two dialects:
 * - for Excel users in Vietnam (`csvCell`, `csvLine`): UTF-8 with BOM, CRLF, quoted when needed,
 *   formulas neutralised;
 * - for PostgreSQL COPY (FORMAT csv) (`csvField`, `csvRaw`): NULL is an empty unquoted field,
 *   '' is quoted, booleans are t/f (bulk loads of imports and generated demo data).
 */
import { safeCell } from './cell-safety';

export const BOM = '\uFEFF';

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(safeCell(value));
  return /[",;\r\n\t]/.test(s) || s.startsWith("'") ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

// PostgreSQL COPY (FORMAT csv)
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n\\]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (value === '' || NEEDS_QUOTES.test(value) || value.trim() !== value)
    return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** A value known to need no quoting (numbers, dates, booleans, our own codes). */
export function csvRaw(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}
