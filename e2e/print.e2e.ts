import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { launchBrowser, login, newSession, screenshot, visible } from './support/browser';

/** The text of each page of a PDF (pdf.js), whitespace folded. */
async function pdfPages(pdf: Buffer): Promise<{ text: string; width: number; height: number }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    const text = content.items
      .map((it) => ('str' in it ? it.str + (it.hasEOL ? ' ' : '') : ' '))
      .join('')
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    pages.push({ text, width, height });
  }
  return pages;
}

/** Print the page as Chromium's "Save as PDF" does (the page's own @page size and orientation). */
async function printToPdf(page: Page) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  return pdfPages(pdf);
}

function expectOfficialPaper(all: string, title: string) {
  expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(all).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(all).toContain(title.toLocaleUpperCase('vi-VN'));
  expect(all).toMatch(/ngày \d{2} tháng \d{2} năm \d{4}/);
  expect(all).toContain('NGƯỜI LẬP BIỂU');
  expect(all).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  // Nothing a hand presses goes on paper.
  expect(all).not.toContain('Xuất Excel');
  expect(all).not.toMatch(/(^| )In( |$)/);
  expect(all).not.toContain('Đăng xuất');
}

/**
 * Journey (issue 17): the province's officer prints the annual statistics form and the people list;
 * each PDF reads back as an official A4 paper: national heading, issuing office, title, filters in
 * words, the whole table (its last column too), date line and signature block, and no buttons.
 */
describe('printed reports journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the annual statistics form prints on A4 landscape, whole, as an official paper', async () => {
    const api = await apiSession(baseURL, 'sonoivu');
    const me = await api.get<{ scopeUnitName: string; displayName: string }>('/auth/me');
    const report = await api.get<{
      title: string;
      filters: { label: string; value: string }[];
      columns: { label: string }[];
    }>('/reports/annual-statistics?year=2025');
    expect(report.title).toMatch(/ năm 2025$/);
    expect(report.title).not.toContain('hằng năm năm');

    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    await page.goto('/reports/annual-statistics?year=2025');
    await visible(page.getByRole('heading', { name: report.title }));
    await visible(page.locator('.report-sheet .ant-table-row').first());

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'In' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Xuất Excel' }).isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('print-heading').isVisible()).resolves.toBe(true);
    await screenshot(page, 'print-01-annual-statistics-print-media');

    const pages = await printToPdf(page);
    const all = pages.map((p) => p.text).join(' ');
    expectOfficialPaper(all, report.title);
    expect(all).toContain(me.scopeUnitName.toLocaleUpperCase('vi-VN'));
    expect(all).toContain(me.displayName);
    // The layout is named in words on paper, not by its code (ADR 052).
    for (const f of report.filters)
      expect(all).toContain(`${f.label}: ${f.value.replace(/^[A-Z][A-Z0-9]*_[A-Z0-9_]+ — /, '')}`);
    expect(all).not.toContain('BNV_DTBD_NAM');
    // Landscape, and the last column is on the paper (not cut off at the right edge).
    for (const p of pages) expect(p.width).toBeGreaterThan(p.height);
    expect(all).toContain(report.columns[report.columns.length - 1].label);
    await context.close();
  });

  it("a plan's lines print on A4 landscape with unit, year and the totals row", async () => {
    const api = await apiSession(baseURL, 'sonoivu');
    const plans = await api.get<{ items: { id: number; title: string; unitName: string; lines: number }[] }>(
      '/plans?pageSize=50&sort=-lines',
    );
    const plan = plans.items.find((p) => p.lines > 0);
    expect(plan, 'the demo has a plan with lines').toBeDefined();
    if (!plan) return;
    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    await page.goto(`/plans/${plan.id}`);
    await visible(page.getByRole('heading', { name: plan.title }));
    await visible(page.locator('.ant-table-row').first());
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'print-03-plan-print-media');
    const pages = await printToPdf(page);
    const all = pages.map((p) => p.text).join(' ');
    expectOfficialPaper(all, plan.title);
    expect(all).toContain(`Đơn vị: ${plan.unitName}`);
    expect(all).toContain('Tổng cộng');
    for (const p of pages) expect(p.width).toBeGreaterThan(p.height);
    await context.close();
  });

  it('the people list prints its filters in words and the rows on screen', async () => {
    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    await page.goto('/people?category=CC&pageSize=20');
    await visible(page.getByRole('heading', { name: 'Hồ sơ cán bộ, công chức, viên chức' }));
    const firstName = await visible(page.locator('.ant-table-row a').first());
    const name = (await firstName.textContent())?.trim() ?? '';
    expect(name).not.toBe('');

    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'print-02-people-print-media');
    const pages = await printToPdf(page);
    const all = pages.map((p) => p.text).join(' ');
    expectOfficialPaper(all, 'Hồ sơ cán bộ, công chức, viên chức');
    expect(all).toContain('Đối tượng: Công chức');
    expect(all).not.toContain('Đối tượng: CC');
    expect(all).toContain(name);
    expect(all).toMatch(/Danh sách in các dòng 1–20 trong tổng số/);
    await context.close();
  });
});
