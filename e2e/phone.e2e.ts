import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, screenshot, visible } from './support/browser';

/** The menu drawer (antd keeps a closed one in the page, hidden). */
const drawerMenu = (page: Page) => page.locator('.ant-drawer nav[aria-label="Menu chính"]');

/** The tab's title once it reads `title` (it is set just after the page renders). */
async function titled(page: Page, title: string): Promise<string> {
  await page.waitForFunction((t) => document.title === t, title, { timeout: 20_000 }).catch(() => {});
  return page.title();
}

/**
 * Journey (issue 17): on a 390 px phone the menu is a drawer behind a named button, a choice in it
 * navigates and closes it, the page keeps the whole width; the tab names the page in the user's
 * language; at 1366 px a class name keeps a readable width.
 */
describe('phone journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('menu as a drawer, page titles, tables that scroll instead of squeezing', async () => {
    const context = await browser.newContext({
      baseURL,
      locale: 'vi-VN',
      viewport: { width: 390, height: 844 },
    });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto('/login');
    expect(await titled(page, 'Đăng nhập – dtbd')).toBe('Đăng nhập – dtbd');
    await login(page, 'sonoivu');

    // No side menu squeezing the page: the content has (nearly) the whole width.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    const content = await page.locator('.app-content').boundingBox();
    expect(content?.width ?? 0).toBeGreaterThan(370);
    // The training officer lands on the to-do list (ADR 042).
    expect(await titled(page, 'Việc cần làm – dtbd')).toBe('Việc cần làm – dtbd');

    // The menu button has a name; the menu opens as a drawer.
    const button = page.getByRole('button', { name: 'Mở menu' });
    await visible(button);
    await button.click();
    await visible(drawerMenu(page));
    await screenshot(page, 'phone-menu-open');

    // A choice navigates and closes the drawer.
    await drawerMenu(page).getByRole('link', { name: 'Lớp học', exact: true }).click();
    await page.waitForURL(/\/classes$/);
    await drawerMenu(page).waitFor({ state: 'hidden' });
    expect(await titled(page, 'Lớp học – dtbd')).toBe('Lớp học – dtbd');
    await visible(page.locator('.ant-table'));
    // A wide table scrolls inside its box; the page itself does not run off the screen sideways.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(392);
    await screenshot(page, 'phone-classes');

    // Another choice: the drawer opens again, goes to plans, closes; the title follows.
    await button.click();
    await visible(drawerMenu(page));
    await drawerMenu(page).getByRole('link', { name: 'Kế hoạch đào tạo', exact: true }).click();
    await page.waitForURL(/\/plans$/);
    await drawerMenu(page).waitFor({ state: 'hidden' });
    expect(await titled(page, 'Kế hoạch đào tạo – dtbd')).toBe('Kế hoạch đào tạo – dtbd');

    // A detail page is titled after its menu entry; in English the title and the button are English.
    await page.evaluate(() => localStorage.setItem('dtbd.lang', 'en'));
    await page.goto('/classes');
    expect(await titled(page, 'Classes – dtbd')).toBe('Classes – dtbd');
    await visible(page.getByRole('button', { name: 'Open the menu' }));
    await page.evaluate(() => localStorage.setItem('dtbd.lang', 'vi'));
    await context.close();
  });

  it('at 1366 px a class name is not squeezed', async () => {
    const context = await browser.newContext({
      baseURL,
      locale: 'vi-VN',
      viewport: { width: 1366, height: 768 },
    });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await login(page, 'sonoivu');
    await page.goto('/classes');
    await visible(page.locator('.ant-table'));
    expect(await titled(page, 'Lớp học – dtbd')).toBe('Lớp học – dtbd');
    // The side menu is back on a wide screen, no menu button.
    expect(await page.locator('.ant-layout-sider').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Mở menu' }).count()).toBe(0);
    const names = page.locator('.name-cell');
    if (await names.count()) {
      const box = await names.first().boundingBox();
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(220);
    }
    await screenshot(page, 'desktop-classes');
    await context.close();
  });
});
