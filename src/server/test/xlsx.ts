/** Read back a downloaded workbook in tests: the first sheet's rows as arrays of cell values. */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';

export async function sheetRows(res: LightMyRequestResponse): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** The file name of a download (decoded from `filename*`). */
export function downloadName(res: LightMyRequestResponse): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']));
  return m ? decodeURIComponent(m[1]) : '';
}
