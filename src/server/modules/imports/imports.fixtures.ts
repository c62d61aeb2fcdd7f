/** Helpers of the import tests: sheets as CSV or .xlsx bytes, and the upload call. */
import ExcelJS from 'exceljs';
import { classes } from '../../db/schema/index';
import type { Session, TestContext } from '../../test/app';

export function csvOf(rows: (string | number)[][], sep = ',', bom = true): Buffer {
  const cell = (v: string | number) => {
    const s = String(v);
    return s.includes(sep) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from((bom ? '\uFEFF' : '') + rows.map((r) => r.map(cell).join(sep)).join('\r\n'), 'utf8');
}

export async function xlsxOf(rows: unknown[][], dateCols: number[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu');
  for (const r of rows) ws.addRow(r);
  for (const c of dateCols) ws.getColumn(c + 1).numFmt = 'dd/mm/yyyy';
  wb.addWorksheet('Hướng dẫn').addRow(['not data']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function upload(
  t: TestContext,
  s: Session | null,
  kind: string,
  body: Buffer,
  extra: Record<string, string | number> = {},
) {
  const q = new URLSearchParams({
    kind,
    fileName: `tệp-${kind}.csv`,
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])),
  });
  return t.call(s, {
    method: 'POST',
    url: `/api/imports?${q}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: body,
  });
}

export async function allErrors(t: TestContext, s: Session, id: number) {
  const res = await t.call(s, { method: 'GET', url: `/api/imports/${id}/errors?pageSize=200` });
  return (
    res.json().items as { row: number; column: string; code: string; value: string | null; message: string }[]
  ).map((e) => `${e.row} ${e.column} ${e.code}`);
}

/** A class written straight to the table (organiser, capacity, status), for the class kinds. */
export async function makeClassRow(
  t: TestContext,
  programmeId: number,
  organiser: { id: number },
  o: { code: string; capacity: number; status: string },
): Promise<number> {
  const [c] = await t.handle.db
    .insert(classes)
    .values({
      code: o.code,
      year: 2026,
      name: `Lớp ${o.code}`,
      searchName: o.code.toLowerCase(),
      programmeId,
      organiserUnitId: organiser.id,
      startsOn: '2026-10-01',
      endsOn: '2026-12-20',
      mode: 'in_person',
      capacity: o.capacity,
      status: o.status,
    })
    .returning({ id: classes.id });
  return c.id;
}

export const commit = (t: TestContext, s: Session, id: number, mode: 'all' | 'valid') =>
  t.call(s, { method: 'POST', url: `/api/imports/${id}/commit`, payload: { mode } });
export const undo = (t: TestContext, s: Session, id: number) =>
  t.call(s, { method: 'POST', url: `/api/imports/${id}/undo`, payload: { reason: 'Nhập nhầm' } });
