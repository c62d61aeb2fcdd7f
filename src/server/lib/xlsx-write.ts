/**
 * Excel (.xlsx) output: formatted report tables (title, filters, time read, grouped headers,
 * totals, notes, print set-up) and streamed plain lists (any list with its filters, written row by
 * row so a whole province never sits in memory). ADR 019.
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../../contracts/errors';
import type { ReportCellKind, ReportColumn, ReportRow, ReportTable } from '../../contracts/reports';
import { safeCell } from './cell-safety';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUM_FMT: Record<ReportCellKind, string | undefined> = {
  text: undefined,
  int: '#,##0',
  number: '#,##0.##',
  money: '#,##0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** An ISO date (yyyy-mm-dd) as a UTC Date, so Excel shows the same day everywhere. */
function isoToDate(v: string): Date | string {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v;
}

/** The value a sheet cell holds for a report cell of this kind (text that could run as a formula neutralised). */
export function sheetValue(kind: ReportCellKind, v: string | number | null | undefined) {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'percent' && typeof v === 'number') return Number((v / 100).toFixed(8));
  if (kind === 'date' && typeof v === 'string') return safeCell(isoToDate(v));
  return safeCell(v);
}

function readAtText(iso: string, lang: Lang): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  // Shown in Vietnam's time zone (UTC+7), whatever the server's.
  const local = new Date(d.getTime() + 7 * 3600_000);
  const text = `${p(local.getUTCDate())}/${p(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}`;
  return lang === 'vi' ? `Số liệu đọc lúc ${text}` : `Data read at ${text} (UTC+7)`;
}

function writeRow(ws: ExcelJS.Worksheet, columns: ReportColumn[], row: ReportRow, bold: boolean) {
  const r = ws.addRow(columns.map((c) => sheetValue(c.kind, row.cells[c.key])));
  columns.forEach((c, i) => {
    const cell = r.getCell(i + 1);
    const fmt = NUM_FMT[c.kind];
    if (fmt) cell.numFmt = fmt;
    cell.border = THIN;
    if (bold) cell.font = { bold: true };
    if (i === 0 && row.depth) cell.alignment = { indent: row.depth };
  });
}

/** The header rows: one row of labels, or two when columns carry groups (merged over their span). */
function writeHeader(ws: ExcelJS.Worksheet, columns: ReportColumn[]): number {
  const grouped = columns.some((c) => c.group);
  const top = ws.addRow(columns.map((c) => safeCell(c.group ?? c.label)));
  const rows = [top];
  if (grouped) rows.push(ws.addRow(columns.map((c) => (c.group ? safeCell(c.label) : null))));
  for (const r of rows) {
    r.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
  }
  if (grouped) {
    const first = top.number;
    let i = 0;
    while (i < columns.length) {
      const g = columns[i].group;
      let j = i;
      if (g) while (j + 1 < columns.length && columns[j + 1].group === g) j++;
      if (!g) ws.mergeCells(first, i + 1, first + 1, i + 1);
      else if (j > i) ws.mergeCells(first, i + 1, first, j + 1);
      i = j + 1;
    }
  }
  return rows.length;
}

/** A report table as a formatted workbook: one sheet, ready to print (A4 landscape, fit to width). */
export async function reportWorkbook(table: ReportTable, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dtbd';
  wb.created = new Date(table.readAt);
  const ws = wb.addWorksheet(lang === 'vi' ? 'Báo cáo' : 'Report', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = Math.max(table.columns.length, 1);
  const titleRow = ws.addRow([safeCell(table.title)]);
  titleRow.font = { bold: true, size: 14 };
  ws.mergeCells(titleRow.number, 1, titleRow.number, n);
  titleRow.alignment = { horizontal: 'center' };
  const lines = [
    ...(table.subtitle ? [table.subtitle] : []),
    ...table.filters.map((f) => `${f.label}: ${f.value}`),
    readAtText(table.readAt, lang),
  ];
  for (const line of lines) {
    const r = ws.addRow([safeCell(line)]);
    r.font = { italic: true };
    ws.mergeCells(r.number, 1, r.number, n);
  }
  ws.addRow([]);
  const headerStart = ws.rowCount + 1;
  const headerRows = writeHeader(ws, table.columns);
  for (const row of table.rows) writeRow(ws, table.columns, row, Boolean(row.subtotal));
  if (table.totals) writeRow(ws, table.columns, table.totals, true);
  if (table.notes.length) ws.addRow([]);
  for (const note of table.notes) {
    const r = ws.addRow([safeCell(note)]);
    ws.mergeCells(r.number, 1, r.number, n);
    r.alignment = { wrapText: true };
  }
  table.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? (i === 0 ? 36 : Math.max(10, Math.min(24, c.label.length + 2)));
  });
  ws.views = [{ state: 'frozen', ySplit: headerStart + headerRows - 1, xSplit: 1 }];
  ws.pageSetup.printTitlesRow = `${headerStart}:${headerStart + headerRows - 1}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ListColumn {
  key: string;
  label: string;
  kind?: ReportCellKind;
  /** Overrides the kind's number format (e.g. `dd/mm/yyyy hh:mm` for a time of day). */
  numFmt?: string;
  width?: number;
}

/**
 * A plain list written row by row (exceljs streaming writer): bold frozen header with filters,
 * dates as real dates shown dd/mm/yyyy. `rows` is pulled lazily (e.g. keyset pages from the
 * database), so memory stays flat whatever the size.
 */
export async function writeListXlsx(
  out: Writable,
  opts: { sheetName: string; columns: ListColumn[]; rows: AsyncIterable<Record<string, unknown>> },
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(opts.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = opts.columns.map((c) => ({
    key: c.key,
    width: c.width ?? Math.max(10, Math.min(40, c.label.length + 4)),
    style: (c.numFmt ?? NUM_FMT[c.kind ?? 'text']) ? { numFmt: c.numFmt ?? NUM_FMT[c.kind ?? 'text'] } : {},
  }));
  const header = ws.addRow(opts.columns.map((c) => safeCell(c.label)));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  header.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: opts.columns.length } };
  for await (const row of opts.rows) {
    ws.addRow(
      opts.columns.map((c) => {
        const v = row[c.key];
        return v instanceof Date ? v : sheetValue(c.kind ?? 'text', v as string | number | null);
      }),
    ).commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * Start a streamed list and hand back the stream to send (Fastify: `reply.send(stream)`); a failure
 * halfway destroys the stream so the client sees a broken download, never a silently short file.
 */
export function listXlsxStream(opts: Parameters<typeof writeListXlsx>[1]): PassThrough {
  const out = new PassThrough();
  writeListXlsx(out, opts).catch((err) => out.destroy(err as Error));
  return out;
}

/** Content-Disposition for a download with a Vietnamese file name (RFC 5987, ASCII fallback). */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
