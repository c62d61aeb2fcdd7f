import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { answered, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

interface ClassList {
  items: { id: number; code: string; status: string; seatsTaken: number }[];
}
interface View {
  taken: number;
  approved: number;
  items: { personId: number; personName: string; status: string; warnings: unknown[] }[];
}
interface PlanActual {
  lines: { lineId: number; actualTrainees: number; plannedTrainees: number }[];
}
interface Suggestions {
  items: { personId: number; fullName: string }[];
}

/**
 * Journey: the commune officer nominates from the assistant; the political school approves; the
 * province sees plan vs actual move (drafting a plan from needs and opening a class from its line
 * are the plans and classes journeys).
 */
describe('nomination journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('nominates a suggested person after reading the check, and the school approves them', async () => {
    const xa = await apiSession(baseURL, 'canbo.xa');
    const classes = await xa.get<ClassList>('/classes?status=open_for_nomination&pageSize=50');
    // A demo class the school teaches, open for nomination, with someone of the commune to suggest.
    let target: { id: number; code: string; person: string; personId: number } | undefined;
    for (const c of classes.items) {
      const s = await xa.get<Suggestions>(`/classes/${c.id}/nominations/suggestions`);
      if (s.items.length) {
        target = { id: c.id, code: c.code, person: s.items[0].fullName, personId: s.items[0].personId };
        break;
      }
    }
    expect(target, 'the demo has an open class with suggestions for the commune').toBeDefined();
    const { id, code, person, personId } = target!;
    const before = await xa.get<View>(`/classes/${id}/nominations`);
    // The class carries out a line of the province's approved plan: its trainees will move.
    const so = await apiSession(baseURL, 'sonoivu');
    const cls = await so.get<{ planLine: { id: number; plan: { id: number } | null } | null }>(
      `/classes/${id}`,
    );
    const planId = cls.planLine!.plan!.id;
    const lineOf = async () =>
      (await so.get<PlanActual>(`/plans/${planId}/actual`)).lines.find((l) => l.lineId === cls.planLine!.id)!;
    const lineBefore = await lineOf();
    const check = await xa.post<{ outcome: string }>(`/classes/${id}/nominations/check`, { personId });
    expect(check.outcome, 'the commune still has a seat in the demo class').toBe('seat');

    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'canbo.xa');
      await page.goto(`/classes/${id}`);
      await visible(page.getByRole('heading', { level: 1, name: new RegExp(code) }));
      await page.getByRole('button', { name: 'Cử người đi học' }).click();
      const dialog = page.getByRole('dialog', { name: `Cử người đi học lớp ${code}` });
      const suggestions = dialog.getByRole('table', { name: 'Người được gợi ý cử đi học' });
      await visible(suggestions.getByText(person));
      await screenshot(page, 'nominations-01-assistant');
      await suggestions.getByRole('button', { name: `Cử ${person}`, exact: true }).click();
      // The check comes first: a free seat (or the waitlist) and any warnings to read.
      await visible(dialog.getByText(/^Còn chỗ|^Hết chỗ/));
      await screenshot(page, 'nominations-02-check');
      await dialog.getByLabel('Ghi chú gửi kèm').fill('Đề nghị bồi dưỡng theo quy định sau bổ nhiệm');
      await answered(page, 'POST', `/classes/${id}/nominations`, () =>
        dialog.getByRole('button', { name: /cử đi học$/i }).click(),
      );
      await visible(page.getByText(`Đã cử ${person}`, { exact: false }));
      // Sent people leave the suggestions.
      await suggestions.getByText(person).waitFor({ state: 'detached' });
      await dialog.getByRole('button', { name: 'Đóng' }).last().click();
      const table = page.getByRole('table', { name: 'Danh sách học viên được cử' });
      const row = table.getByRole('row').filter({ hasText: person });
      await visible(row.getByText('Chờ duyệt'));
      await screenshot(page, 'nominations-03-sent');
      await context.close();
    }

    const sent = await xa.get<View>(`/classes/${id}/nominations`);
    const mine = sent.items.find((n) => n.personName === person && n.status === 'pending');
    expect(mine).toBeDefined();
    expect(sent.taken).toBe(before.taken + 1);

    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'truongchinhtri');
      await page.goto(`/classes/${id}`);
      const table = page.getByRole('table', { name: 'Danh sách học viên được cử' });
      await table.getByRole('button', { name: `Duyệt cử ${person} đi học`, exact: true }).click();
      await answered(page, 'POST', /^\/classes\/\d+\/nominations\/\d+\/decision$/, () =>
        page.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click(),
      );
      const row = table.getByRole('row').filter({ hasText: person });
      await visible(row.getByText('Đã duyệt'));
      // The history of the nomination opens under its row.
      await row.getByRole('button', { name: 'Mở rộng dòng' }).click();
      await visible(page.getByText(`Diễn biến cử ${person} đi học`));
      await visible(page.getByText('Duyệt (Chờ duyệt → Đã duyệt)', { exact: false }));
      await screenshot(page, 'nominations-04-approved');
      await context.close();
    }

    const after = await xa.get<View>(`/classes/${id}/nominations`);
    expect(after.approved).toBe(before.approved + 1);
    const list = await xa.get<ClassList>(`/classes?q=${encodeURIComponent(code)}`);
    expect(list.items.find((c) => c.id === id)?.seatsTaken).toBe(after.taken);

    // Plan vs actual moved: one more approved trainee on the plan line, in the browser too.
    const lineAfter = await lineOf();
    expect(lineAfter.actualTrainees).toBe(lineBefore.actualTrainees + 1);
    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'sonoivu');
      await page.goto(`/plans/${planId}`);
      const actualTable = page.getByRole('table', { name: 'Thực hiện kế hoạch' });
      const money = (n: number) => n.toLocaleString('vi-VN');
      await visible(
        actualTable
          .getByText(`${money(lineAfter.actualTrainees)}/${money(lineAfter.plannedTrainees)}`)
          .first(),
      );
      await screenshot(page, 'nominations-05-plan-vs-actual');
      await context.close();
    }
  }, 180_000);
});
