import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { answered, choose, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

const ALIAS = 'CC tiếng dân tộc';
const LIST = 'level_ETHNIC_LANGUAGE';

async function uploadQualification(page: Page, pid: string) {
  await page.goto('/imports');
  await visible(page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }));
  await page.getByLabel('Loại dữ liệu').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'Văn bằng, chứng chỉ' }).click();
  const csv = `\uFEFFSố định danh,Loại,Trình độ\n${pid},Tiếng dân tộc thiểu số,${ALIAS}\n`;
  const res = await answered(page, 'POST', '/imports', () =>
    page.locator('input[type=file]').setInputFiles({
      name: 'van-bang.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    }),
  );
  await visible(page.getByText('Kết quả kiểm tra: van-bang.csv'));
  return (await res.json()) as { errorCounts: Record<string, number> };
}

/**
 * Journey (issue 12): a sheet writes a level the way the office does; the check says what it did
 * not understand and which values it accepts; the admin declares the office's way as an alias of
 * the code list; the same sheet then passes; the alias is deleted again.
 */
describe('code aliases journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an unknown level names the accepted labels; once the admin adds an alias the sheet passes', async () => {
    const api = await apiSession(baseURL, 'admin');
    const people = await api.get<{ items: { id: number }[] }>('/people?pageSize=20');
    let pid = '';
    for (const p of people.items) {
      pid = (await api.get<{ personalId: string | null }>(`/people/${p.id}`)).personalId ?? '';
      if (pid) break;
    }
    expect(pid).toMatch(/^\d{12}$/);
    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'admin');

    const before = await uploadQualification(page, pid);
    expect(before.errorCounts.UNKNOWN_CODE).toBe(1);
    await visible(
      page.getByRole('cell', {
        name: `Không hiểu "${ALIAS}" ở cột "Trình độ" (Tiếng dân tộc thiểu số). Các giá trị được nhận: "Có chứng chỉ". Có thể ghi mã, tên hoặc một từ đồng nghĩa quản trị viên đã khai báo.`,
      }),
    );
    await screenshot(page, 'code-aliases-01-unknown');

    await page.goto(`/admin/codes?list=${LIST}`);
    await visible(page.getByText('Từ đồng nghĩa khi nhập'));
    await page.getByLabel('Cách ghi trong tệp').fill(ALIAS);
    await choose(page, 'Hiểu là', 'Co chung chi');
    await answered(page, 'POST', `/codes/${LIST}/aliases`, () =>
      page.getByRole('button', { name: 'Thêm từ đồng nghĩa' }).click(),
    );
    const row = page.getByRole('row').filter({ hasText: ALIAS });
    await visible(row.getByText('Bổ sung'));
    await screenshot(page, 'code-aliases-02-added');

    const after = await uploadQualification(page, pid);
    expect(after.errorCounts.UNKNOWN_CODE).toBeUndefined();
    await expect(page.getByRole('cell', { name: /^Không hiểu/ }).count()).resolves.toBe(0);

    await page.goto(`/admin/codes?list=${LIST}`);
    await page.getByRole('button', { name: `Xóa ${ALIAS}` }).click();
    await answered(page, 'DELETE', new RegExp(`^/codes/${LIST}/aliases/\\d+$`), () =>
      page.getByRole('button', { name: 'Xóa', exact: true }).click(),
    );
    await visible(page.getByText(`Đã xóa "${ALIAS}".`));
    await expect(page.getByRole('row').filter({ hasText: ALIAS }).count()).resolves.toBe(0);
    await context.close();
  });
});
