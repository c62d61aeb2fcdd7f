import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { launchBrowser, login, newSession, screenshot, visible } from './support/browser';

/** Journey: staff categories before and after 1 July 2025 (issue 16, ADR 043). */
describe('dated categories journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a commune leader's move across on 1 July 2025 and a 2026 form without the district row", async () => {
    const api = await apiSession(baseURL, 'sonoivu');
    const found = await api.get<{ items: { id: number; fullName: string; category: string }[] }>(
      '/people?postGroup=COMMUNE_LEADER&status=WORKING&pageSize=5',
    );
    const leader = found.items.find((p) => p.category === 'CB');
    expect(leader, 'a working commune leader who is a cadre now').toBeDefined();
    const history = await api.get<{
      items: { validFrom: string; validTo: string | null; category: string }[];
    }>(`/people/${leader!.id}/history`);
    expect(history.items.some((h) => h.category === 'CBX' && h.validTo === '2025-07-01')).toBe(true);
    expect(history.items.some((h) => h.category === 'CB' && h.validFrom === '2025-07-01')).toBe(true);

    const { page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    // 1. The person's history: the commune category until 30/06/2025, a cadre from 01/07/2025.
    await page.goto(`/people/${leader!.id}`);
    await visible(page.getByRole('heading', { level: 1, name: leader!.fullName }));
    await page.getByRole('tab', { name: 'Quá trình' }).click();
    const until = page.getByRole('row').filter({ hasText: '30/06/2025' });
    await visible(until.getByText('Cán bộ, công chức cấp xã', { exact: true }));
    const since = page.getByRole('row').filter({ hasText: '01/07/2025' }).filter({ hasText: 'nay' });
    await visible(since.getByText('Cán bộ', { exact: true }));
    await screenshot(page, 'categories-01-history');

    // 2. The people list offers only the categories valid today.
    await page.goto('/people');
    await page.locator('#people-category').click();
    await visible(page.getByRole('option', { name: 'Công chức', exact: true }));
    expect(await page.getByRole('option', { name: 'Cán bộ, công chức cấp xã' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // 3. The annual form of 2026 has no district row; the 2024 form still has it.
    await page.goto('/reports/annual-statistics?year=2026');
    const table = page.getByRole('table').first();
    await visible(table.getByText('Cán bộ, công chức cấp xã', { exact: true }));
    expect(await table.getByText('Cán bộ cấp huyện', { exact: true }).count()).toBe(0);
    await screenshot(page, 'categories-02-form-2026');
    await page.goto('/reports/annual-statistics?year=2024');
    await visible(page.getByRole('table').first().getByText('Cán bộ cấp huyện', { exact: true }));
    await screenshot(page, 'categories-03-form-2024');
  });
});
