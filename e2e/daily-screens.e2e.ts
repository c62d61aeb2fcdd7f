import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { answered, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

interface View {
  items: { personId: number; status: string }[];
}

/** Vietnam's day `days` from today (the server's calendar: UTC+7), as yyyy-mm-dd. */
const vnDay = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Journey (issue 17): each role lands where its work is; the commune officer sends three people
 * at once and the organiser approves them at once; the officer's bell then shows the approvals.
 */
describe('daily screens journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const landing = async (username: string, path: string, heading: string | RegExp, shot: string) => {
    const { context, page } = await newSession(browser, baseURL);
    await login(page, username);
    await page.goto('/');
    await page.waitForURL((u) => u.pathname === path);
    await visible(page.getByRole('heading', { level: 1, name: heading }));
    await screenshot(page, shot);
    await context.close();
  };

  it('lands each role on its own page', async () => {
    await landing('lanhdao', '/dashboard', /Tổng quan/, 'daily-01-leader-dashboard');
    await landing('giangvien', '/teaching', /Lớp của tôi/, 'daily-02-lecturer-classes');
    await landing('canbo.xa', '/todo', 'Việc cần làm', 'daily-03-commune-todo');
    await landing('truongchinhtri', '/classes', /Lớp/, 'daily-04-school-classes');
  }, 120_000);

  it('sends three people at once, approves them at once, and the bell tells the sender', async () => {
    // Its own class, opened by the province (the organiser), so the three seats never depend on
    // what the demo's classes hold today.
    const xa = await apiSession(baseURL, 'canbo.xa');
    const so = await apiSession(baseURL, 'sonoivu');
    const programme = (await so.get<{ items: { id: number }[] }>('/programmes?active=true&pageSize=1'))
      .items[0];
    const [first, last] = [vnDay(20), vnDay(22)];
    const cls = await so.post<{ id: number; code: string }>('/classes', {
      code: `NHIEU${Date.now() % 100000}`,
      name: 'Lớp cử nhiều người (kiểm thử)',
      programmeId: programme.id,
      startsOn: first,
      endsOn: last,
      mode: 'in_person',
      capacity: 20,
    });
    await so.post(`/classes/${cls.id}/sessions`, { day: first, startsAt: '07:30', endsAt: '11:00' });
    await so.post(`/classes/${cls.id}/sessions`, { day: last, startsAt: '13:30', endsAt: '17:00' });
    await so.post(`/classes/${cls.id}/status`, { to: 'open_for_nomination' });
    const staff = await xa.get<{ items: { id: number; fullName: string }[] }>(
      '/people?status=WORKING&pageSize=3',
    );
    const people = staff.items.map((p) => ({ personId: p.id, fullName: p.fullName }));
    expect(people).toHaveLength(3);
    const { id, code } = cls;
    const unreadBefore = (await xa.get<{ unread: number }>('/notifications/unread-count')).unread;

    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'canbo.xa');
      await page.goto(`/classes/${id}`);
      await page.getByRole('button', { name: 'Cử người đi học' }).click();
      const dialog = page.getByRole('dialog', { name: `Cử người đi học lớp ${code}` });
      await dialog.getByRole('tab', { name: 'Chọn nhiều người' }).click();
      const box = dialog.getByLabel('Tìm và chọn những người cần cử');
      const picker = dialog.locator('.ant-select:has(#bulk-people)');
      for (const p of people) await pickPerson(page, picker, box, p.fullName);
      // Leave the picker: its open list covers the buttons below it.
      await dialog.getByText(`Cử người đi học lớp ${code}`).click();
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      await screenshot(page, 'daily-05-bulk-picked');
      await answered(page, 'POST', `/classes/${id}/nominations/bulk/check`, () =>
        dialog.getByRole('button', { name: 'Kiểm tra' }).click(),
      );
      const checks = dialog.getByRole('table', { name: 'Kiểm tra trước khi cử' });
      for (const p of people) await visible(checks.getByRole('row').filter({ hasText: p.fullName }));
      const confirm = dialog.getByRole('checkbox', { name: /Vẫn cử những người có cảnh báo/ });
      if (await confirm.count()) await confirm.check();
      await screenshot(page, 'daily-06-bulk-checked');
      await answered(page, 'POST', `/classes/${id}/nominations/bulk`, () =>
        dialog.getByRole('button', { name: 'Cử 3 người' }).click(),
      );
      await visible(page.getByText('Kết quả: 3 thành công, 0 không thực hiện được'));
      await screenshot(page, 'daily-07-bulk-sent');
      await context.close();
    }
    const sent = await xa.get<View>(`/classes/${id}/nominations`);
    for (const p of people) expect(sent.items.find((n) => n.personId === p.personId)?.status).toBe('pending');

    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'sonoivu');
      await page.goto(`/classes/${id}`);
      const table = page.getByRole('table', { name: 'Danh sách học viên được cử' });
      for (const p of people) await table.getByRole('checkbox', { name: `Chọn ${p.fullName}` }).check();
      const bar = page.getByRole('toolbar', { name: 'Đã chọn 3 người' });
      await bar.getByRole('button', { name: 'Duyệt 3 người', exact: true }).click();
      await answered(page, 'POST', `/classes/${id}/nominations/bulk/decision`, () =>
        page.getByRole('dialog').getByRole('button', { name: 'Duyệt 3 người', exact: true }).click(),
      );
      await visible(page.getByText('Kết quả: 3 thành công, 0 không thực hiện được'));
      await screenshot(page, 'daily-08-bulk-approved');
      await context.close();
    }
    const approved = await xa.get<View>(`/classes/${id}/nominations`);
    for (const p of people)
      expect(approved.items.find((n) => n.personId === p.personId)?.status).toBe('approved');

    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'canbo.xa');
      const bell = page.getByRole('link', { name: `Thông báo, ${unreadBefore + 3} chưa đọc` });
      await visible(bell);
      await bell.click();
      await visible(page.getByRole('heading', { level: 1, name: 'Thông báo' }));
      await visible(page.getByText(`Đã duyệt cử ${people[0].fullName}`));
      await screenshot(page, 'daily-09-notifications');
      await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
      await visible(page.getByRole('link', { name: 'Thông báo, 0 chưa đọc' }));
      await context.close();
    }
  }, 240_000);
});

/**
 * Type a name into the multi-select and take the option of that person, then wait until the
 * choice shows as a tag. The list re-renders when the search answers (and keeps earlier choices
 * at its top), so a click can land while rows move: retry until the tag is there.
 */
async function pickPerson(page: Page, select: Locator, box: Locator, name: string) {
  const tag = select.getByText(name);
  for (let attempt = 0; attempt < 4 && !(await tag.count()); attempt++) {
    await box.click();
    await box.fill(name);
    const option = page
      .locator('.ant-select-item-option:not(.ant-select-item-option-selected)')
      .filter({ hasText: name })
      .first();
    await option.waitFor({ state: 'visible', timeout: 20_000 });
    // Let the search settle (no spinner) so the row under the pointer is the one we meant.
    await select.locator('.ant-select-arrow-loading, .anticon-loading').waitFor({ state: 'detached' });
    await option.click();
    await tag
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 })
      .catch(() => undefined);
  }
  await visible(tag);
}
