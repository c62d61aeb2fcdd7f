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

  it('fits the cost report at 1440 px and filters plan vs actual by post group', async () => {
    const api = await apiSession(baseURL, 'sonoivu');
    type Table = {
      columns: { key: string }[];
      totals: { cells: Record<string, unknown> };
      filters: { label: string; value: string }[];
      notes: string[];
    };
    const whole = await api.get<Table>('/reports/plan-actual');
    // A group with learners in the plans' classes (the demo posts them across several groups).
    let group: { code: string; label: string } | null = null;
    for (const code of ['COMMUNE_LEADER', 'STAFF', 'FRONT_MASS_HEAD']) {
      const part = await api.get<Table>(`/reports/plan-actual?postGroup=${code}`);
      expect(part.columns.map((c) => c.key)).toEqual(['item', 'target', 'level', 'seats', 'completed']);
      expect(Number(part.totals.cells.seats)).toBeLessThanOrEqual(Number(whole.totals.cells.seats));
      const label = part.filters.find((f) => f.label === 'Nhóm chức danh')?.value;
      if (label && Number(part.totals.cells.seats) > 0) {
        group = { code, label };
        break;
      }
    }
    expect(group, 'a post group with learners in plan vs actual').not.toBeNull();

    const { page } = await newSession(browser, baseURL);
    expect(page.viewportSize()).toEqual({ width: 1440, height: 900 });
    await login(page, 'sonoivu');

    // Plan vs actual by post group: the select and the filters line say it, the note says why.
    await page.goto(`/reports/plan-actual?postGroup=${group!.code}`);
    await visible(
      page
        .locator('.ant-select')
        .filter({ has: page.locator('#report-post-group') })
        .getByText(group!.label),
    );
    await visible(page.getByText(`Nhóm chức danh: ${group!.label}`).filter({ visible: true }));
    await visible(page.getByText(/^Lọc theo nhóm chức danh/));
    await screenshot(page, 'post-group-plan-actual');

    // The cost report fits the screen: the last column's right edge is inside the viewport.
    await page.goto('/reports/costs');
    const firstRow = page.locator('.report-sheet .ant-table-tbody tr.ant-table-row').first();
    await visible(firstRow);
    const lastCell = firstRow.locator('td').last();
    const box = await lastCell.boundingBox();
    expect(box, 'the last cell is laid out').not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    const header = page.locator('.report-sheet .ant-table-thead th').last();
    const headBox = await header.boundingBox();
    expect(headBox!.x + headBox!.width).toBeLessThanOrEqual(1440);
    await screenshot(page, 'costs-1440');

    // The split by funding source unfolds on demand (then the table scrolls, first column fixed).
    await expect(page.getByText('Dự toán theo nguồn (đồng)').count()).resolves.toBe(0);
    await page.getByTestId('report-show-detail').click();
    await visible(page.getByText('Dự toán theo nguồn (đồng)'));
    await screenshot(page, 'costs-1440-detail');
  });
});
