import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { foldText } from '../src/contracts/text';
import { apiSession } from './support/api';
import { choose, launchBrowser, login, logout, newSession, screenshot, visible } from './support/browser';

interface PersonRow {
  id: number;
  fullName: string;
  unitName: string;
}

/**
 * Journey 1 (foundation): a training officer finds a person by a name typed without accents,
 * records a qualification; the administrator sees it in the audit log.
 */
describe('foundation journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds a person without accents, adds a qualification, and the admin sees it audited', async () => {
    // A real name from the demo data with diacritics, taken from far down the list so it cannot
    // be on the first page by chance: only the search can bring it up.
    const api = await apiSession(baseURL, 'sonoivu');
    const { items, total } = await api.get<{ items: PersonRow[]; total: number }>(
      '/people?pageSize=200&page=4',
    );
    const person = items.find(
      (p) => foldText(p.fullName) !== p.fullName.toLowerCase() && p.fullName.split(' ').length >= 3,
    );
    expect(person, 'a demo person with diacritics in the name').toBeDefined();
    const target = person!;
    const folded = foldText(target.fullName);

    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    await page.getByRole('link', { name: 'Hồ sơ cán bộ' }).click();
    await visible(page.getByRole('heading', { name: 'Hồ sơ cán bộ, công chức, viên chức' }));
    await visible(page.getByRole('row').nth(1).getByRole('link'));
    await screenshot(page, '01-people-list');

    // Accent-free search finds the accented name.
    const firstPageLink = page.getByRole('link', { name: target.fullName, exact: true });
    expect(await firstPageLink.count()).toBe(0);
    await page.getByLabel('Họ tên hoặc số định danh').fill(folded);
    await page.waitForURL((url) => url.searchParams.get('q') === folded);
    const link = page.getByRole('link', { name: target.fullName, exact: true });
    await visible(link);
    // The list now holds the matches only, not the whole province.
    const range = await page.getByText(/^\d+–\d+ \/ [\d.]+$/).textContent();
    const shownTotal = Number(range!.split('/')[1].replace(/\D/g, ''));
    expect(shownTotal).toBeGreaterThan(0);
    expect(shownTotal).toBeLessThan(total);
    for (const name of await page.locator('tbody tr td:nth-child(2) a').allTextContents())
      expect(foldText(name)).toContain(folded);
    await screenshot(page, '02-people-search-accent-free');

    await link.first().click();
    await visible(page.getByRole('heading', { level: 1, name: target.fullName }));
    await visible(page.getByRole('tab', { name: 'Thông tin chung' }));
    await screenshot(page, '03-person-detail');

    // Add an IT qualification.
    await page.getByRole('tab', { name: 'Trình độ, bằng cấp' }).click();
    await page.getByRole('button', { name: 'Thêm bằng cấp, chứng chỉ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm bằng cấp, chứng chỉ' });
    await visible(dialog);
    await choose(page, 'Loại', 'tin hoc');
    await choose(page, 'Trình độ', 'co ban');
    await dialog.getByLabel('Nơi cấp').fill('Trung tâm Tin học tỉnh Quảng Ninh');
    await dialog.getByLabel('Ngày cấp').fill('15/03/2024');
    await page.keyboard.press('Enter');
    const certificateNo = `E2E-${Date.now()}`;
    await dialog.getByLabel('Số hiệu văn bằng').fill(certificateNo);
    await screenshot(page, '04-qualification-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: certificateNo });
    await visible(row);
    expect(await row.textContent()).toContain('Ứng dụng CNTT cơ bản');
    expect(await row.textContent()).toContain('15/03/2024');
    await screenshot(page, '05-qualification-added');

    // The administrator sees the creation in the audit log.
    await logout(page);
    await login(page, 'admin');
    await page.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await visible(page.getByRole('heading', { name: 'Nhật ký hệ thống' }));
    const entry = page
      .getByRole('row')
      .filter({ hasText: 'Tạo mới văn bằng' })
      .filter({ hasText: target.fullName });
    await visible(entry);
    await entry.first().click();
    await visible(page.getByText(certificateNo));
    await screenshot(page, '06-audit-qualification-created');
    await context.close();
  });
});
