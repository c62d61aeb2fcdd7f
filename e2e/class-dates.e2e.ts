import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { launchBrowser, login, newSession, screenshot, visible } from './support/browser';

interface Detail {
  id: number;
  code: string;
  notYet: { finished: { possibleFrom: string; message: { vi: string } } | null };
}
interface Nominations {
  items: { id: number; personId: number; status: string }[];
}

/** Vietnam's day `days` from today (the server's calendar: UTC+7), as yyyy-mm-dd. */
const vnDay = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Journey (issue 12): a running class whose sessions are all ahead. Finishing it is disabled, its
 * tooltip saying until when; the grade book's sessions ahead are read-only with the same kind of
 * reason; the server refuses the step if a request reaches it anyway.
 */
describe('class dates journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('disables finishing and the attendance of sessions to come, saying when they become possible', async () => {
    const api = await apiSession(baseURL, 'sonoivu');
    const programme = (await api.get<{ items: { id: number }[] }>('/programmes?active=true&pageSize=1'))
      .items[0];
    const [first, last] = [vnDay(7), vnDay(11)];
    const cls = await api.post<Detail>('/classes', {
      code: `NGAY${Date.now() % 100000}`,
      name: 'Lớp học tuần sau (kiểm thử lịch)',
      programmeId: programme.id,
      startsOn: first,
      endsOn: last,
      mode: 'in_person',
      capacity: 20,
    });
    await api.post(`/classes/${cls.id}/sessions`, { day: first, startsAt: '07:30', endsAt: '11:00' });
    await api.post(`/classes/${cls.id}/sessions`, { day: last, startsAt: '13:30', endsAt: '17:00' });
    await api.post(`/classes/${cls.id}/status`, { to: 'open_for_nomination' });
    // One learner, sent and approved while the class takes nominations.
    const person = (
      await api.get<{ items: { id: number; fullName: string }[] }>('/people?status=WORKING&pageSize=1')
    ).items[0];
    const sent = await api.post<Nominations>(`/classes/${cls.id}/nominations`, {
      personId: person.id,
      confirm: true,
    });
    const nomination = sent.items.find((n) => n.personId === person.id)!;
    await api.post(`/classes/${cls.id}/nominations/${nomination.id}/decision`, { decision: 'approve' });
    // Starting is not held back; finishing is, until the last session ends.
    const running = await api.post<Detail>(`/classes/${cls.id}/status`, { to: 'running' });
    const wait = `Lớp chưa thể kết thúc: buổi học cuối kết thúc lúc 17:00 ngày ${ddmmyyyy(last)}.`;
    expect(running.notYet.finished?.message.vi).toBe(wait);
    const refused = await api.post(`/classes/${cls.id}/status`, { to: 'finished' }).catch((e: Error) => e);
    expect(String(refused)).toContain('409');
    expect(String(refused)).toContain('TOO_EARLY');

    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    await page.goto(`/classes/${cls.id}`);
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(cls.code) }));
    const finish = page.getByRole('button', { name: 'Chuyển sang "Đã kết thúc"' });
    await visible(finish);
    expect(await finish.isDisabled()).toBe(true);
    await finish.hover();
    await visible(page.getByRole('tooltip').filter({ hasText: wait }));
    await screenshot(page, 'class-dates-01-finish-disabled');

    // The grade book: both sessions are ahead, so no "all present" and no tappable cell.
    await visible(page.getByRole('tab', { name: 'Điểm danh' }));
    const grid = page.getByRole('table', { name: 'Bảng điểm danh' });
    await visible(grid.getByText(person.fullName));
    const session = `${ddmmyyyy(first)} 07:30`;
    const reason = `Chưa thể điểm danh buổi ${ddmmyyyy(first)} 07:30–11:00: buổi học chưa bắt đầu; có thể từ 07:30 ngày ${ddmmyyyy(first)}.`;
    await visible(grid.getByLabel(reason));
    expect(await page.getByRole('button', { name: `Cả buổi ${session} có mặt` }).count()).toBe(0);
    expect(await grid.getByRole('button', { name: new RegExp(`^${person.fullName}, buổi `) }).count()).toBe(
      0,
    );
    await grid.getByLabel(`${person.fullName}, buổi ${session}: Chưa điểm danh`).hover();
    await visible(page.getByRole('tooltip').filter({ hasText: reason }));
    await visible(page.getByText('2 buổi chưa diễn ra chỉ xem', { exact: false }));
    await screenshot(page, 'class-dates-02-attendance-ahead');
    await context.close();
  }, 180_000);
});
