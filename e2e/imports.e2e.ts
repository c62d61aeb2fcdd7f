import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answered, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

const HEAD = 'Họ và tên,Ngày sinh,Giới tính,Số định danh,Đối tượng,Ngạch';
const stamp = String(Date.now()).slice(-6);
const BAD = `\uFEFF${HEAD}\nĐào Thị E2E ${stamp},31/02/1990,Nữ,,CC,CV\nLương Văn E2E ${stamp},01/01/1988,M,,ZZ,CV\n`;
const FIXED = `\uFEFF${HEAD}\nĐào Thị E2E ${stamp},28/02/1990,Nữ,,CC,CV\nLương Văn E2E ${stamp},01/01/1988,M,,CC,CV\n`;
const STAFF = 'Cán bộ, công chức, viên chức';

/** The staff KPI of the dashboard ("Cán bộ, công chức, viên chức: 2.922"), as a number. */
async function staffOnDashboard(page: Page): Promise<number> {
  await page.getByRole('link', { name: 'Tổng quan' }).click();
  await page.reload();
  const kpi = await visible(page.getByRole('button', { name: new RegExp(`^${STAFF}: `) }));
  const label = (await kpi.first().getAttribute('aria-label')) ?? '';
  return Number(label.slice(STAFF.length + 2).replace(/\./g, ''));
}

/**
 * Journey (issue 6): the province's HR office reads the dashboard, imports a staff list from a
 * sheet (the check names the errors; the fixed sheet goes in), sees the dashboard count the new
 * people, then reads the qualification structure report and downloads it as .xlsx.
 */
describe('imports, dashboard and reports journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports a fixed sheet after reading its errors, sees the dashboard change, downloads a report', async () => {
    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    const before = await staffOnDashboard(page);
    expect(before).toBeGreaterThan(1000);
    await screenshot(page, 'imports-00-dashboard');

    await page.getByRole('link', { name: 'Nhập dữ liệu từ Excel' }).click();
    await visible(page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }));
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Tải mẫu Excel/ }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('mau-nhap-people.xlsx');

    const file = page.locator('input[type=file]');
    // Each upload is checked row by row on the server: wait for its answer, however long.
    await answered(page, 'POST', '/imports', () =>
      file.setInputFiles({ name: 'ds-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) }),
    );
    await visible(page.getByText('Kết quả kiểm tra: ds-loi.csv'));
    await visible(page.getByRole('cell', { name: /Ngày không hợp lệ/ }));
    await visible(page.getByRole('cell', { name: /^Không hiểu "ZZ" ở cột "Đối tượng"/ }));
    await screenshot(page, 'imports-01-errors');

    await answered(page, 'POST', '/imports', () =>
      file.setInputFiles({ name: 'ds-dung.csv', mimeType: 'text/csv', buffer: Buffer.from(FIXED) }),
    );
    await visible(page.getByText('Kết quả kiểm tra: ds-dung.csv'));
    await visible(page.getByText('Không có lỗi nào.'));
    await answered(page, 'POST', /^\/imports\/\d+\/commit$/, () =>
      page.getByRole('button', { name: 'Ghi dữ liệu' }).click(),
    );
    await visible(page.getByText('Đã ghi 2 dòng.').first());
    const history = page.getByRole('row').filter({ hasText: 'ds-dung.csv' });
    await visible(history.getByText('Đã ghi', { exact: true }));
    await screenshot(page, 'imports-02-history');

    // The dashboard counts the two new people.
    expect(await staffOnDashboard(page)).toBe(before + 2);

    // The qualification structure report, read on screen and downloaded.
    await page.getByRole('link', { name: 'Báo cáo thống kê', exact: true }).click();
    await page.getByRole('link', { name: 'Cơ cấu trình độ cán bộ, công chức, viên chức' }).first().click();
    await visible(page.getByRole('heading', { name: 'Cơ cấu trình độ cán bộ, công chức, viên chức' }));
    await visible(page.getByTestId('report-read-at'));
    await screenshot(page, 'imports-03-report');
    const [sheet] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Xuất Excel/ }).click(),
    ]);
    expect(sheet.suggestedFilename()).toMatch(/^Co_cau_trinh_do|^Cơ cấu trình độ/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await sheet.path()) as string);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('Cơ cấu trình độ cán bộ, công chức, viên chức');
    let total: unknown[] | undefined;
    ws.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v[0] === 'Tổng cộng') total = v;
    });
    expect(total?.[1]).toBe(before + 2);
    await context.close();
  });
});
