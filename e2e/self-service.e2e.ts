import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { answered, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

interface MyClasses {
  items: {
    status: string;
    class: { id: number; code: string; status: string };
    attendance: { sessions: number; attended: number };
    scores: { score: number | null }[];
  }[];
}
interface OpenClasses {
  items: { id: number; code: string; canRequest: boolean }[];
}
interface Requests {
  items: { id: number; status: string; class: { id: number }; nomination: { status: string } | null }[];
}

/**
 * Journey: the demo learner reads their class (attendance, scores, result), asks to be sent to
 * the open demo class; the commune officer reads the check and sends them; the learner sees the
 * nomination awaiting the school's approval.
 */
describe('learner self-service journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads my class, asks to join an open class, and the unit officer sends me', async () => {
    const me = await apiSession(baseURL, 'hocvien');
    const person = await me.get<{ fullName: string }>('/me/person');
    const mine = await me.get<MyClasses>('/me/classes');
    const done = mine.items.find((c) => c.status === 'approved');
    expect(done, 'the demo learner has a class with attendance and scores').toBeDefined();
    expect(done!.attendance.sessions).toBeGreaterThan(0);
    expect(done!.scores.length).toBeGreaterThan(0);
    const open = (await me.get<OpenClasses>('/me/open-classes')).items.find((c) => c.canRequest);
    expect(open, 'the demo has a class open for nomination for the commune').toBeDefined();
    const { code } = open!;

    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'hocvien');
      await page.getByRole('link', { name: 'Lớp học của tôi' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Lớp học của tôi' }));
      const table = page.getByRole('table', { name: 'Các lớp học của tôi' });
      await visible(table.getByText(done!.class.code));
      await table.getByRole('button', { name: `Xem chi tiết ${done!.class.code}` }).click();
      const drawer = page.getByRole('dialog', { name: `Chi tiết lớp ${done!.class.code}` });
      await visible(drawer.getByRole('table', { name: 'Điểm danh của tôi theo buổi học' }));
      await visible(drawer.getByRole('table', { name: 'Điểm của tôi theo bài đánh giá' }));
      await visible(drawer.getByText('Kết quả học tập'));
      await screenshot(page, 'self-service-01-my-class');
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'Đăng ký học' }).first().click();
      await visible(page.getByRole('heading', { level: 1, name: 'Đăng ký học' }));
      const openTable = page.getByRole('table', { name: 'Các lớp đang nhận đăng ký' });
      await openTable.getByRole('button', { name: `Đề nghị được cử đi học lớp ${code}` }).click();
      const dialog = page.getByRole('dialog', { name: `Đề nghị được cử đi học lớp ${code}` });
      await dialog
        .getByLabel('Lý do, nguyện vọng gửi cán bộ tổ chức')
        .fill('Đáp ứng tiêu chuẩn chức danh đang đảm nhiệm');
      await answered(page, 'POST', '/me/join-requests', () =>
        dialog.getByRole('button', { name: 'Gửi đề nghị' }).click(),
      );
      await visible(page.getByText('Đã gửi đề nghị tới cán bộ tổ chức đơn vị.'));
      const requests = page.getByRole('table', { name: 'Các đề nghị được cử đi học của tôi' });
      await visible(requests.getByRole('row').filter({ hasText: code }).getByText('Chờ đơn vị xem xét'));
      await screenshot(page, 'self-service-02-requested');
      await context.close();
    }

    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'canbo.xa');
      await page.getByRole('link', { name: 'Đề nghị đi học' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Đề nghị đi học' }));
      const table = page.getByRole('table', { name: 'Đề nghị được cử đi học' });
      await visible(table.getByText(person.fullName));
      await table.getByRole('button', { name: `Cử ${person.fullName} đi học`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Cử ${person.fullName} đi học lớp ${code}` });
      // The nominations check comes first: a seat or the waitlist, and any warnings.
      await visible(dialog.getByText(/^Còn chỗ|^Hết chỗ/));
      await screenshot(page, 'self-service-03-officer-check');
      await answered(page, 'POST', /^\/join-requests\/\d+\/accept$/, () =>
        dialog.getByRole('button', { name: /^(Vẫn cử đi học|Cử đi học)$/ }).click(),
      );
      await visible(page.getByText(`Đã cử ${person.fullName} đi học lớp ${code}.`));
      await context.close();
    }

    const after = await me.get<Requests>('/me/join-requests');
    expect(after.items.find((r) => r.class.id === open!.id)).toMatchObject({
      status: 'accepted',
      nomination: { status: 'pending' },
    });

    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'hocvien');
      await page.goto('/me/classes');
      const table = page.getByRole('table', { name: 'Các lớp học của tôi' });
      const row = table.getByRole('row').filter({ hasText: code });
      await visible(row.getByText('Chờ duyệt'));
      await screenshot(page, 'self-service-04-nominated');
      await page.goto('/me/join');
      const requests = page.getByRole('table', { name: 'Các đề nghị được cử đi học của tôi' });
      await visible(requests.getByRole('row').filter({ hasText: code }).getByText('Đơn vị đã cử'));
      await context.close();
    }
  }, 180_000);
});
