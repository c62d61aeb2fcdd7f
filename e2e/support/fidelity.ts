/**
 * Helpers of the issue 16 journeys (e2e/fidelity.e2e.ts): a sheet built in the test, and picks in
 * antd selects that wait for the option they need instead of pressing Enter on whatever is there.
 */
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { visible } from './browser';

/** An .xlsx with one sheet "Dữ liệu" holding `rows` (the first is the header). */
export async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Type `text` into the select labelled `label` inside `scope` (a dialog, a card, the page), wait
 * for the option showing `option` and click it: the dropdown closes on the pick.
 */
export async function pick(
  page: Page,
  scope: Locator | Page,
  label: string,
  text: string,
  option: string | RegExp,
): Promise<void> {
  // The field's input only: a sortable column header of the same name carries the label too.
  const box = scope.getByLabel(label, { exact: true }).and(page.locator('input'));
  await box.click();
  await box.fill(text);
  const item = page
    .locator('.ant-select-dropdown:visible')
    .locator('.ant-select-item-option, .ant-select-tree-treenode')
    .filter({ hasText: option });
  await visible(item);
  // On a loaded machine a click can land while the list re-renders after the typing and be lost
  // (seen: the option stayed, unselected): the pick is the list closing. Click, then Enter on the
  // active option, at most PICK_TRIES times.
  for (let attempt = 1; ; attempt++) {
    if (attempt % 2) await item.first().click();
    else await page.keyboard.press('Enter');
    const closed = await item
      .first()
      .waitFor({ state: 'hidden', timeout: PICK_CLOSES_MS })
      .then(
        () => true,
        () => false,
      );
    if (closed) return;
    if (attempt >= PICK_TRIES)
      throw new Error(`pick ${label}: the option ${String(option)} is still open after ${attempt} tries`);
  }
}

const PICK_TRIES = 3;
/** How long a picked option's list may take to close on a loaded machine. */
const PICK_CLOSES_MS = 8_000;

/** Fill a date field (dd/mm/yyyy) and confirm it, as the class and plan journeys do. */
export async function fillDate(page: Page, scope: Locator | Page, label: string, ddmmyyyy: string) {
  const box = scope.getByLabel(label, { exact: true }).and(page.locator('input'));
  await box.fill(ddmmyyyy);
  await page.keyboard.press('Enter');
}

/** The antd card whose title is `title`. */
export function card(page: Page, title: string): Locator {
  return page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });
}
