import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { launchBrowser, login, newSession, screenshot, visible } from './support/browser';

interface Unit {
  id: number;
  parentId: number | null;
  name: string;
}
interface PersonRow {
  id: number;
  fullName: string;
  unitId: number;
}

/** Journey 2: a commune officer sees only their commune; a viewer sees no edit buttons. */
describe('scope and read-only journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a commune officer sees only their commune and cannot open a person of another unit', async () => {
    const officer = await apiSession(baseURL, 'canbo.xa');
    const mine = await officer.get<{ units: Unit[]; rootIds: number[] }>('/org/tree');
    const mineIds = new Set(mine.units.map((u) => u.id));
    const commune = mine.units.find((u) => u.id === mine.rootIds[0])!;
    const province = await apiSession(baseURL, 'sonoivu');
    const { items } = await province.get<{ items: PersonRow[] }>('/people?pageSize=200');
    const outsider = items.find((p) => !mineIds.has(p.unitId));
    expect(outsider, 'a person outside the commune').toBeDefined();

    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'canbo.xa');
    await page.getByRole('link', { name: 'Cơ cấu tổ chức' }).click();
    const tree = page.getByRole('tree');
    await visible(tree);
    const root = tree.getByText(commune.name, { exact: true });
    await visible(root);
    // Nothing above or beside the commune: every node shown is a unit of its subtree.
    expect(await tree.getByText('Tỉnh Quảng Ninh', { exact: true }).count()).toBe(0);
    const shown = await tree.getByRole('treeitem').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(mine.units.some((u) => text.startsWith(u.name))).toBe(true);
    await root.click();
    await visible(page.getByRole('heading', { level: 2, name: commune.name }));
    await screenshot(page, '07-commune-officer-tree');

    // A person of another unit: the direct URL shows "not found", nothing of the record.
    await page.goto(`/people/${outsider!.id}`);
    await visible(page.getByText('Không tìm thấy'));
    expect(await page.getByText(outsider!.fullName).count()).toBe(0);
    await screenshot(page, '08-commune-officer-other-unit-not-found');
    await context.close();
  });

  it('a viewer sees the records but no edit buttons', async () => {
    const { context, page } = await newSession(browser, baseURL);
    // A wrong password first: the login page says so.
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu' }));
    await screenshot(page, '09-login-wrong-password');

    await login(page, 'lanhdao');
    // The leader lands on the dashboard (ADR 042); the staff list is a menu choice away.
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await page.goto('/people');
    await visible(page.getByRole('heading', { name: 'Hồ sơ cán bộ, công chức, viên chức' }));
    const firstPerson = page.getByRole('row').nth(1).getByRole('link');
    await visible(firstPerson);
    expect(await page.getByRole('button', { name: 'Thêm hồ sơ' }).count()).toBe(0);
    await screenshot(page, '10-viewer-people-list');

    await firstPerson.first().click();
    await visible(page.getByRole('tab', { name: 'Thông tin chung' }));
    expect(await page.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Trình độ, bằng cấp' }).click();
    await visible(page.getByText('Hiện cả bản đã xóa'));
    expect(await page.getByRole('button', { name: 'Thêm bằng cấp, chứng chỉ' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Sửa / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Xóa / }).count()).toBe(0);
    await screenshot(page, '11-viewer-person-read-only');

    await page.getByRole('link', { name: 'Cơ cấu tổ chức' }).click();
    const tree = page.getByRole('tree');
    await visible(tree);
    await tree.getByRole('treeitem').first().click();
    await visible(page.getByRole('button', { name: 'Xem danh sách cán bộ' }));
    for (const name of ['Thêm đơn vị trực thuộc', 'Đổi tên', 'Chuyển trực thuộc', 'Sáp nhập', 'Chia tách'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
    await screenshot(page, '12-viewer-org-read-only');
    await context.close();
  });
});
