/**
 * The rows of an .xlsx's first worksheet, streamed (ADR 022): the zip's central directory is
 * checked against the limits, the workbook, styles and shared strings are read first, then the
 * sheet is inflated chunk by chunk, decoded by a streaming UTF-8 decoder and parsed by saxes.
 * Only the current chunk and the rows it completed are held; nothing goes to disk.
 *
 * Cells: shared strings, inline strings (rich text runs joined), formula results (`str`, or a
 * number, boolean or error), booleans as '1'/'0', errors as their text ('#N/A'), numbers, dates
 * by their number format (1900 or 1904 system) or ISO (`t="d"`). Cells are placed by their
 * reference (`C5`), so sparse rows keep their columns; rows without a filled cell are skipped.
 */

import { type SheetLimits, unreadable } from './limits';
import type { CellValue } from './read';
import { readWorkbook, type WorkbookInfo } from './workbook';
import { unescapeOoxml, xmlParser } from './xml';
import { openZip } from './zip';

/** Excel's last column (XFD). */
const MAX_COLUMNS = 16_384;
const DAY_MS = 86_400_000;

/** `C5` -> 2 (zero-based), undefined when the reference has no letters. */
export function columnOf(ref: string): number | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === 0 ? undefined : col - 1;
}

/** Text as the import reads it: NFC, trimmed, empty as null. */
export function textCell(s: string): string | null {
  const t = s.normalize('NFC').trim();
  return t === '' ? null : t;
}

/** An Excel serial day number as a Date at UTC (the way exceljs read it). */
export const serialToDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));

function cellOf(wb: WorkbookInfo, type: string, style: number, v: string, inline: string): CellValue {
  switch (type) {
    case 's': {
      const s = wb.sharedStrings[Number(v)];
      if (s === undefined && v !== '')
        throw unreadable(`chuỗi dùng chung số ${v} không có`, `shared string ${v} does not exist`);
      return s === undefined ? null : textCell(s);
    }
    case 'inlineStr':
      return textCell(unescapeOoxml(inline));
    case 'str':
    case 'e':
      return textCell(unescapeOoxml(v));
    case 'b':
      return v === '' ? null : v === '1' || v === 'true' ? '1' : '0';
    case 'd': {
      if (!v) return null;
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isNaN(d.getTime()) ? textCell(v) : d;
    }
    default: {
      if (v.trim() === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return textCell(v);
      return wb.dateStyles[style] ? serialToDate(n, wb.date1904) : n;
    }
  }
}

export async function* xlsxCells(
  bytes: Buffer,
  limits: SheetLimits,
): AsyncGenerator<{ line: number; cells: CellValue[] }> {
  const zip = await openZip(bytes, limits);
  const wb = await readWorkbook(zip, limits);
  const ready: { line: number; cells: CellValue[] }[] = [];
  let line = 0;
  let cells: CellValue[] = [];
  let filled = false;
  let col = -1;
  let type = '';
  let style = 0;
  let value = '';
  let inline = '';
  // What the text in hand belongs to: a cell's <v>, a <t> of its inline string, or nothing.
  let target: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  const parser = xmlParser(wb.sheetPath, {
    open(name, a) {
      switch (name) {
        case 'row':
          line = a.r ? Number(a.r) : line + 1;
          if (!Number.isInteger(line) || line < 1)
            throw unreadable(`số dòng "${a.r}" không hợp lệ`, `invalid row number "${a.r}"`);
          cells = [];
          filled = false;
          col = -1;
          return;
        case 'c':
          col = a.r ? (columnOf(a.r) ?? col + 1) : col + 1;
          if (col >= MAX_COLUMNS)
            throw unreadable(`ô ${a.r} ngoài bảng tính`, `cell ${a.r} is outside the sheet`);
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) : 0;
          value = '';
          inline = '';
          return;
        case 'v':
          target = 'v';
          return;
        case 'is':
          inInline = true;
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (inInline && phonetic === 0) target = 't';
          return;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          target = null;
          return;
        case 'is':
          inInline = false;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'c': {
          const v = cellOf(wb, type, style, value, inline);
          cells[col] = v;
          if (v !== null) filled = true;
          return;
        }
        case 'row':
          if (filled) {
            for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
            ready.push({ line, cells });
          }
          return;
      }
    },
    capturing: () => target !== null,
    text(t) {
      if (target === 'v') value += t;
      else inline += t;
    },
  });
  for await (const chunk of zip.text(wb.sheetPath)) {
    parser.write(chunk);
    for (const row of ready.splice(0)) yield row;
  }
  parser.end();
  for (const row of ready.splice(0)) yield row;
}
