import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { launchBrowser, login, newSession, screenshot, visible } from './support/browser';

/** Journey: the compliance and ratings reports filtered by post group (issue 16, ADR 048). */
describe('post group on the compliance and ratings reports', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the group in the URL, prints it in the filters line and narrows the totals', async () => {
    const api = await apiSession(baseURL, 'sonoivu');
    type Table = { totals: { cells: Record<string, unknown> }; filters: { label: string; value: string }[] };
    const whole = await api.get<Table>('/reports/compliance');
    const part = await api.get<Table>('/reports/compliance?postGroup=COMMUNE_LEADER');
    const group = part.filters.find((f) => f.label === 'Nhóm chức danh');
    expect(group, 'the filters line names the group').toBeDefined();
    expect(Number(part.totals.cells.assessed)).toBeGreaterThan(0);
    expect(Number(part.totals.cells.assessed)).toBeLessThan(Number(whole.totals.cells.assessed));

    const { page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    for (const report of ['compliance', 'ratings-distribution']) {
      await page.goto(`/reports/${report}?postGroup=COMMUNE_LEADER`);
      // The select shows the group read from the URL, and the table's filters line says it too.
      await visible(
        page
          .locator('.ant-select')
          .filter({ has: page.locator('#report-post-group') })
          .getByText(group!.value),
      );
      await visible(page.getByText(`Nhóm chức danh: ${group!.value}`).filter({ visible: true }));
      await screenshot(page, `post-group-${report}`);
    }
  });
});
