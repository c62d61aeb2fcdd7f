import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, newSession, screenshot, visible } from './support/browser';

const HEAD = 'Họ và tên,Ngày sinh,Giới tính,Số định danh,Đối tượng,Ngạch';
const stamp = String(Date.now()).slice(-6);
const BAD = `\uFEFF${HEAD}\nĐào Thị E2E ${stamp},31/02/1990,Nữ,,CC,CV\nLương Văn E2E ${stamp},01/01/1988,M,,ZZ,CV\n`;
const FIXED = `\uFEFF${HEAD}\nĐào Thị E2E ${stamp},28/02/1990,Nữ,,CC,CV\nLương Văn E2E ${stamp},01/01/1988,M,,CC,CV\n`;

/** Journey: the province's HR office imports a staff list from a sheet, fixing it after the check. */
describe('imports journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('downloads the template, reads the errors of a sheet, imports the fixed sheet, sees the history', async () => {
    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    await page.getByRole('link', { name: 'Nhập dữ liệu từ Excel' }).click();
    await visible(page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Tải mẫu Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mau-nhap-people.xlsx');

    const file = page.locator('input[type=file]');
    await file.setInputFiles({ name: 'ds-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) });
    await visible(page.getByText('Kết quả kiểm tra: ds-loi.csv'));
    await visible(page.getByRole('cell', { name: /Ngày không hợp lệ/ }));
    await visible(page.getByRole('cell', { name: 'Mã không có trong danh mục.' }));
    await screenshot(page, 'imports-01-errors');

    await file.setInputFiles({ name: 'ds-dung.csv', mimeType: 'text/csv', buffer: Buffer.from(FIXED) });
    await visible(page.getByText('Kết quả kiểm tra: ds-dung.csv'));
    await visible(page.getByText('Không có lỗi nào.'));
    await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
    await visible(page.getByText('Đã ghi 2 dòng.').first());

    const history = page.getByRole('row').filter({ hasText: 'ds-dung.csv' });
    await visible(history.getByText('Đã ghi', { exact: true }));
    await screenshot(page, 'imports-02-history');
    await context.close();
  });
});
