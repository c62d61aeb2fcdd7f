/**
 * Reading the first worksheet of an .xlsx (exceljs streaming reader) or a CSV (UTF-8 with or
 * without BOM, `,` `;` or tab) row by row: the header row gives the column names, each later
 * row comes as `{ rowNumber, values }` keyed by the folded header (accents, case and spaces
 * ignored), so "Họ và tên", "HO VA TEN" and " họ  và tên " are the same column. Text is
 * NFC-normalised and trimmed; Excel dates come as Date, numbers as number.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { foldText } from '../../../contracts/text';
import { csvRows } from '../csv-parse';

export type CellValue = string | number | Date | null;
export interface SheetRow {
  /** The row's number in the sheet (the header is row 1 in a sheet that starts at the top). */
  rowNumber: number;
  values: Record<string, CellValue>;
}
export interface OpenSheet {
  /** The header cells as written, in order. */
  headers: string[];
  rows: AsyncGenerator<SheetRow>;
}

/** The key a header is matched by. */
export const headerKey = (h: string) => foldText(h.normalize('NFC'));

export function isXlsx(bytes: Buffer): boolean {
  // A zip file (PK\x03\x04): .xlsx; anything else is read as CSV text.
  return bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'string') {
    const s = v.normalize('NFC').trim();
    return s === '' ? null : s;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (o.richText) return cellValue(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return cellValue(o.result);
    if (o.text !== undefined) return cellValue(o.text);
  }
  return null;
}

async function* xlsxCells(bytes: Buffer): AsyncGenerator<{ line: number; cells: CellValue[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const raw = row.values as unknown[];
      const cells: CellValue[] = [];
      for (let i = 1; i < raw.length; i++) cells.push(cellValue(raw[i]));
      if (cells.some((c) => c !== null)) yield { line: row.number, cells };
    }
    return; // the first worksheet only: the template's "Hướng dẫn" sheet follows it
  }
}

async function* csvCells(bytes: Buffer): AsyncGenerator<{ line: number; cells: CellValue[] }> {
  for (const r of csvRows(bytes.toString('utf8')))
    yield { line: r.line, cells: r.cells.map((c) => c || null) };
}

/** Open a sheet: read its header row and return the data rows as a stream. */
export async function openSheet(bytes: Buffer): Promise<OpenSheet> {
  const source = isXlsx(bytes) ? xlsxCells(bytes) : csvCells(bytes);
  const first = await source.next();
  if (first.done) {
    await source.return(undefined);
    return { headers: [], rows: (async function* () {})() };
  }
  const headers = first.value.cells.map((c) => (c === null ? '' : c instanceof Date ? '' : String(c)));
  const keys = headers.map(headerKey);
  async function* rows(): AsyncGenerator<SheetRow> {
    for await (const r of source) {
      const values: Record<string, CellValue> = {};
      keys.forEach((k, i) => {
        if (k) values[k] = r.cells[i] ?? null;
      });
      yield { rowNumber: r.line, values };
    }
  }
  return { headers, rows: rows() };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A sheet date as ISO `yyyy-mm-dd`: a real Excel date, an Excel serial number, `dd/mm/yyyy`
 * (also `-` or `.` between, one-digit day or month) or `yyyy-mm-dd`. Undefined when it is not a
 * valid date; null when empty.
 */
export function sheetDate(v: CellValue): string | null | undefined {
  if (v === null) return null;
  let y: number;
  let m: number;
  let d: number;
  if (v instanceof Date || typeof v === 'number') {
    const t = v instanceof Date ? v.getTime() : EXCEL_EPOCH + Math.round(v) * 86_400_000;
    if (typeof v === 'number' && (v < 1 || v > 2_958_465)) return undefined;
    // Excel dates are read at midnight UTC; a time of day (or the 1900 leap bug) rounds to the day.
    const day = new Date(Math.round(t / 86_400_000) * 86_400_000);
    if (Number.isNaN(day.getTime())) return undefined;
    return day.toISOString().slice(0, 10);
  }
  const s = v.trim();
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!match) return /^\d{1,6}$/.test(s) ? sheetDate(Number(s)) : undefined;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** A cell as text ('' when empty); numbers without a trailing `.0`, dates as dd/mm/yyyy. */
export function sheetText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  return String(v);
}
