/** CSV for Excel users in Vietnam: UTF-8 with BOM, CRLF, quoted when needed, formulas neutralised. */
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
