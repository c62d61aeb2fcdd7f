import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { answered, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

interface Teaching {
  classes: { id: number; code: string; status: string; sessions: { id: number }[] }[];
}
interface AttendanceSheet {
  sessions: { id: number; day: string; startsAt: string; notYet: unknown; canEdit: boolean }[];
  learners: { nominationId: number; fullName: string }[];
  marks: { sessionId: number; nominationId: number; status: string }[];
}

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Journey (issue 16, ADR 063): the demo lecturer opens a class it shares with other lecturers
 * from "Lớp của tôi"; its own sessions take attendance, the others' are read only.
 */
describe('lecturer register journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("marks its own session and sees another lecturer's session read only", async () => {
    const gv = await apiSession(baseURL, 'giangvien');
    const teaching = await gv.get<Teaching>('/me/teaching');
    let found: { id: number; code: string; sheet: AttendanceSheet } | undefined;
    for (const c of teaching.classes.filter((x) => ['running', 'finished'].includes(x.status))) {
      const sheet = await gv.get<AttendanceSheet>(`/classes/${c.id}/attendance`);
      const own = sheet.sessions.some((s) => s.canEdit && s.notYet === null);
      if (own && sheet.learners.length && sheet.sessions.some((s) => !s.canEdit)) {
        found = { id: c.id, code: c.code, sheet };
        break;
      }
    }
    expect(found, 'the demo lecturer shares a running class with another lecturer').toBeDefined();
    if (!found) return;
    const { sheet } = found;
    const at = (s: AttendanceSheet['sessions'][number]) => `${ddmmyyyy(s.day)} ${s.startsAt}`;
    const mine = sheet.sessions.find((s) => s.canEdit && s.notYet === null)!;
    const theirs = sheet.sessions.find((s) => !s.canEdit)!;

    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'giangvien');
    await page.goto(`/teaching?class=${found.id}`);
    await visible(page.getByRole('tab', { name: 'Điểm danh' }));
    await visible(page.getByText('GV khác dạy').first());
    // Its own session takes "all present"; the other lecturer's offers no such button.
    const allMine = page.getByRole('button', { name: `Cả buổi ${at(mine)} có mặt`, exact: true });
    await visible(allMine);
    expect(
      await page.getByRole('button', { name: `Cả buổi ${at(theirs)} có mặt`, exact: true }).count(),
    ).toBe(0);
    const grid = page.getByRole('table', { name: 'Bảng điểm danh' });
    const [a] = sheet.learners;
    const cellOf = (s: AttendanceSheet['sessions'][number]) =>
      grid.getByRole('button', { name: new RegExp(`^${a.fullName}, buổi ${at(s)}: `) });
    expect(await cellOf(theirs).count()).toBe(0);
    const before = sheet.marks.find((m) => m.sessionId === mine.id && m.nominationId === a.nominationId);
    await cellOf(mine).click();
    await visible(page.getByText(/\d+ thay đổi chưa lưu/));
    await screenshot(page, 'lecturer-01-own-sessions');
    await answered(page, 'PUT', `/classes/${found.id}/attendance`, () =>
      page.getByRole('button', { name: 'Lưu thay đổi' }).click(),
    );
    await visible(page.getByText('Đã lưu điểm danh.'));
    const after = await gv.get<AttendanceSheet>(`/classes/${found.id}/attendance`);
    const now = after.marks.find((m) => m.sessionId === mine.id && m.nominationId === a.nominationId);
    expect(now?.status).not.toBe(before?.status);
    // The other lecturer's marks are as they were.
    const others = (x: AttendanceSheet) => x.marks.filter((m) => m.sessionId === theirs.id);
    expect(others(after)).toEqual(others(sheet));
    await context.close();
  });
});
