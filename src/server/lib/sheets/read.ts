/**
 * Reading the first worksheet of an .xlsx (our streaming reader, `xlsx.ts`, ADR 022) or a CSV
 * (UTF-8 with or without BOM, `,` `;` or tab) row by row: the header row gives the column names,
 * each later row comes as `{ rowNumber, values }` keyed by the folded header (accents, case and
 * spaces ignored), so "Họ và tên", "HO VA TEN" and " họ  và tên " are the same column. Text is
 * NFC-normalised and trimmed; Excel dates come as Date, numbers as number. The file's size,
 * rows and filled cells are held to `SheetLimits` (a refusal names the limit).
 */
import { foldText } from '../../../contracts/text';
import { csvRows } from '../csv-parse';
import { badTextReason } from '../input-guard';
import { DEFAULT_SHEET_LIMITS, overLimit, type SheetLimits, unreadable } from './limits';
import { xlsxCells } from './xlsx';

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
  /** Stop reading (the rows need not be read to the end); also done when `rows` ends. */
  close(): Promise<void>;
}

/** The key a header is matched by. */
export const headerKey = (h: string) => foldText(h.normalize('NFC'));

export function isXlsx(bytes: Buffer): boolean {
  // A zip file (PK\x03\x04): .xlsx; anything else is read as CSV text.
  return bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

/**
 * An OLE2 compound file: an Excel 97-2003 .xls, or an .xlsx protected by a password (encrypted
 * workbooks are stored that way). Neither is read: it must be saved as .xlsx without a password.
 */
const isOle2 = (bytes: Buffer) =>
  bytes.length > 8 &&
  bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

async function* csvCells(bytes: Buffer): AsyncGenerator<{ line: number; cells: CellValue[] }> {
  for (const r of csvRows(bytes.toString('utf8')))
    yield { line: r.line, cells: r.cells.map((c) => c || null) };
}

/** Open a sheet: read its header row and return the data rows as a stream. */
export async function openSheet(
  bytes: Buffer,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<OpenSheet> {
  if (bytes.length > limits.maxBytes) throw overLimit('maxBytes', limits.maxBytes, bytes.length);
  if (isOle2(bytes))
    throw unreadable(
      'tệp .xls (Excel 97-2003) hoặc tệp có mật khẩu không được hỗ trợ, hãy lưu lại thành .xlsx không đặt mật khẩu',
      'an .xls (Excel 97-2003) or password-protected file is not supported, save it as .xlsx without a password',
    );
  const source = isXlsx(bytes) ? xlsxCells(bytes, limits) : csvCells(bytes);
  const first = await source.next();
  const close = async () => {
    await source.return(undefined);
  };
  if (first.done) return { headers: [], rows: (async function* () {})(), close };
  const headers = first.value.cells.map((c) => (c === null ? '' : c instanceof Date ? '' : String(c)));
  checkText(first.value.line, first.value.cells, headers);
  const keys = headers.map(headerKey);
  async function* rows(): AsyncGenerator<SheetRow> {
    let count = 0;
    let filled = 0;
    try {
      for await (const r of source) {
        if (++count > limits.maxRows) throw overLimit('maxRows', limits.maxRows);
        for (const c of r.cells) if (c !== null) filled++;
        checkText(r.line, r.cells, headers);
        if (filled > limits.maxCells) throw overLimit('maxCells', limits.maxCells);
        const values: Record<string, CellValue> = {};
        keys.forEach((k, i) => {
          if (k) values[k] = r.cells[i] ?? null;
        });
        yield { rowNumber: r.line, values };
      }
    } finally {
      await close();
    }
  }
  return { headers, rows: rows(), close };
}

/**
 * A cell holding a NUL byte or a lone surrogate cannot be stored as text (ADR 029): the file is
 * refused naming the row and column, as the API's input guard refuses such a field.
 */
function checkText(line: number, cells: CellValue[], headers: string[]): void {
  cells.forEach((c, i) => {
    const reason = typeof c === 'string' ? badTextReason(c) : undefined;
    if (!reason) return;
    const column = headers[i] || String(i + 1);
    throw unreadable(
      `ô dòng ${line}, cột "${column}" ${reason.vi}`,
      `the cell at row ${line}, column "${column}" ${reason.en}`,
    );
  });
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
