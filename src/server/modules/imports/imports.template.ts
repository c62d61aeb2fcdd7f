/**
 * The template of a kind: the data sheet (Vietnamese headers, one example row) and a second
 * sheet "Hướng dẫn" listing each column (required, format, example) and the valid codes of each
 * code column with its import aliases, read from the code lists as they are now. CSV: the header
 * and the example row.
 */
import { and, asc, inArray, isNull, like, or } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../contracts/imports';
import type { Queryable } from '../../db/client';
import { codeAliases, codeItems } from '../../db/schema/index';
import { safeCell } from '../../lib/cell-safety';
import { BOM, csvLine } from '../../lib/csv-write';
import type { ImportKindDef } from './kinds/kind';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };

export function templateFileName(kind: ImportKind, format: 'xlsx' | 'csv') {
  return `mau-nhap-${kind}.${format}`;
}

/** `rows`: the first data rows (a class's learners); without them, the example row. */
export function templateCsv(def: ImportKindDef, rows: string[][] | null = null): string {
  const body = rows ?? [def.columns.map((c) => c.example)];
  return BOM + csvLine(def.columns.map((c) => c.vi)) + body.map((r) => csvLine(r)).join('');
}

export async function templateXlsx(
  q: Queryable,
  def: ImportKindDef,
  rows: string[][] | null = null,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dtbd';
  const ws = wb.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = def.columns.map((c) => ({
    header: c.vi,
    key: c.key,
    width: Math.max(14, c.vi.length + 4),
    // Personal IDs and codes stay text, so leading zeros survive.
    style:
      c.type === 'date'
        ? { numFmt: 'dd/mm/yyyy' }
        : c.type === 'pid' || c.type === 'unitCode'
          ? { numFmt: '@' }
          : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  if (rows) for (const r of rows) ws.addRow(r.map(safeCell));
  else
    ws.addRow(
      def.columns.map((c) => {
        if (c.type === 'date' && c.example) {
          const [d, m, y] = c.example.split('/').map(Number);
          return new Date(Date.UTC(y, m - 1, d));
        }
        return c.example || null;
      }),
    );

  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [
    { header: 'Cột', key: 'col', width: 24 },
    { header: 'Bắt buộc', key: 'req', width: 10 },
    { header: 'Cách ghi', key: 'fmt', width: 60 },
    { header: 'Ví dụ', key: 'ex', width: 22 },
    { header: 'Column (English)', key: 'en', width: 22 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of def.columns)
    guide.addRow({
      col: c.vi,
      req: c.required ? 'Có' : '',
      fmt: `${c.help.vi} / ${c.help.en}`,
      ex: c.example,
      en: c.en,
    });
  guide.addRow({});
  guide.addRow({
    col: `${IMPORT_KIND_LABELS[def.kind].vi}: dòng 1 là tiêu đề; mỗi dòng sau là một bản ghi.`,
  });

  const lists = def.columns.filter((c) => c.type === 'code' && c.list).map((c) => c.list!);
  const withLevels = def.columns.some((c) => c.key === 'level');
  if (lists.length || withLevels) {
    const items = await q
      .select({ list: codeItems.list, code: codeItems.code, labelVi: codeItems.labelVi })
      .from(codeItems)
      .where(
        or(
          inArray(codeItems.list, lists.length ? lists : ['-']),
          withLevels ? like(codeItems.list, 'level\\_%') : undefined,
        ),
      )
      .orderBy(asc(codeItems.list), asc(codeItems.sort));
    const aliases = await aliasesOf(q, [...new Set(items.map((i) => i.list))]);
    guide.addRow({});
    const head = guide.addRow({ col: 'Danh mục', req: 'Mã', fmt: 'Tên', ex: 'Cách ghi khác được nhận' });
    head.font = { bold: true };
    const colOf = new Map(def.columns.filter((c) => c.list).map((c) => [c.list!, c.vi]));
    for (const it of items)
      guide.addRow({
        col: colOf.get(it.list) ?? `Trình độ (${it.list.slice(6)})`,
        req: it.code,
        fmt: it.labelVi,
        ex: safeCell(aliases.get(`${it.list}/${it.code}`)?.join(', ') ?? ''),
      });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The live import aliases (ADR 028) of some lists, by `list/code`. */
async function aliasesOf(q: Queryable, lists: string[]): Promise<Map<string, string[]>> {
  const rows = lists.length
    ? await q
        .select({ list: codeAliases.list, code: codeAliases.code, alias: codeAliases.alias })
        .from(codeAliases)
        .where(and(inArray(codeAliases.list, lists), isNull(codeAliases.deletedAt)))
        .orderBy(asc(codeAliases.id))
    : [];
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const k = `${r.list}/${r.code}`;
    out.set(k, [...(out.get(k) ?? []), r.alias]);
  }
  return out;
}
