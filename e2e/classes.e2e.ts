import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { answered, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

interface PlanList {
  items: { id: number; year: number; title: string; unitName: string; status: string }[];
}
interface Plan {
  lines: { id: number; programmeKind: string }[];
}

/** Journey: open a class from a line of the approved plan, schedule two sessions, see a clash, open it for nomination. */
describe('class journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a class from a plan line, schedules sessions, warns of a lecturer clash, opens nominations', async () => {
    const api = await apiSession(baseURL, 'sonoivu');
    const plans = await api.get<PlanList>('/plans?year=2026&status=approved');
    const plan = plans.items[0];
    expect(plan, 'the demo has an approved 2026 plan').toBeDefined();

    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    await page.goto(`/plans/${plan.id}`);
    await page.getByRole('link', { name: 'Mở lớp 1', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Mở lớp mới' });
    await visible(dialog);
    const code = `E2E${Date.now() % 100000}`;
    await dialog.getByLabel('Mã lớp').fill(code);
    await dialog.getByLabel('Tên lớp').fill('Lớp kiểm thử đầu cuối');
    // Programme kind of the line decides which programmes fit: take the first offered.
    const planDetail = await api.get<Plan>(`/plans/${plan.id}`);
    const kind = planDetail.lines[0].programmeKind;
    const programmes = await api.get<{ items: { code: string; kind: string; active: boolean }[] }>(
      `/programmes?kind=${kind}&pageSize=50`,
    );
    const programme = programmes.items.find((p) => p.active && p.kind === kind)!;
    await dialog.getByLabel('Chương trình').click();
    await page.keyboard.type(programme.code);
    await visible(page.locator('.ant-select-item-option').filter({ hasText: programme.code }));
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Ngày khai giảng').fill('01/12/2026');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Ngày bế giảng').fill('20/12/2026');
    await page.keyboard.press('Enter');
    await screenshot(page, 'classes-01-open-form');
    await answered(page, 'POST', '/classes', () => dialog.getByRole('button', { name: 'Lưu' }).click());
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(code) }));
    await screenshot(page, 'classes-02-opened');
    // The class names the plan it carries out, as a link back to it.
    await visible(page.getByRole('link', { name: plan.title }));

    // Two sessions of this class with the same lecturer at overlapping hours in another class.
    const lecturers = await api.get<{ items: { id: number; fullName: string }[] }>('/lecturers?pageSize=1');
    const lecturer = lecturers.items[0];
    const other = await api.post<{ id: number; code: string }>('/classes', {
      code: `${code}-B`,
      name: 'Lớp song song',
      programmeId: (await api.get<{ items: { id: number }[] }>(`/programmes?kind=${kind}&pageSize=1`))
        .items[0].id,
      startsOn: '2026-12-01',
      endsOn: '2026-12-20',
      mode: 'in_person',
      capacity: 30,
    });
    await api.post(`/classes/${other.id}/sessions`, {
      day: '2026-12-02',
      startsAt: '08:00',
      endsAt: '10:00',
      lecturerId: lecturer.id,
    });
    await page.getByRole('button', { name: 'Thêm buổi học' }).click();
    const s = page.getByRole('dialog', { name: 'Thêm buổi học' });
    await s.getByLabel('Ngày').fill('02/12/2026');
    await page.keyboard.press('Enter');
    await s.getByLabel('Giảng viên').click();
    await page.keyboard.type(lecturer.fullName);
    await visible(page.locator('.ant-select-item-option').filter({ hasText: lecturer.fullName }));
    await page.keyboard.press('Enter');
    await s.getByLabel('Phòng học').fill('Phòng 301');
    await answered(page, 'POST', /^\/classes\/\d+\/sessions$/, () =>
      s.getByRole('button', { name: 'Lưu' }).click(),
    );
    const schedule = page.getByRole('table', { name: 'Các buổi học của lớp' });
    await visible(schedule.getByText(`Giảng viên cũng dạy lớp ${other.code}`));
    await screenshot(page, 'classes-03-clash');
    // The other class is in sight, so the warning leads to it.
    await visible(schedule.getByRole('link', { name: 'Xem lớp đó' }));

    // Open for nomination; the history shows it.
    await page.getByRole('button', { name: 'Chuyển sang "Đang nhận đăng ký"' }).click();
    await answered(page, 'POST', /^\/classes\/\d+\/status$/, () =>
      page.getByRole('dialog').getByRole('button', { name: 'Chuyển sang "Đang nhận đăng ký"' }).click(),
    );
    await visible(page.getByText('Đang nhận đăng ký').first());
    await screenshot(page, 'classes-04-open-for-nomination');
    const list = await api.get<{ items: { code: string; status: string; planLineId: number | null }[] }>(
      `/classes?q=${code}`,
    );
    expect(list.items.find((c) => c.code === code)).toMatchObject({
      status: 'open_for_nomination',
      planLineId: planDetail.lines[0].id,
    });

    // Plan vs actual on the plan page moved: the line now counts the opened class.
    const actual = await api.get<{
      lines: { lineId: number; openedClasses: number; plannedClasses: number }[];
    }>(`/plans/${plan.id}/actual`);
    const first = actual.lines.find((l) => l.lineId === planDetail.lines[0].id)!;
    expect(first.openedClasses).toBeGreaterThanOrEqual(1);
    await page.goto(`/plans/${plan.id}`);
    const actualTable = page.getByRole('table', { name: 'Thực hiện kế hoạch' });
    await visible(
      actualTable.getByRole('link', { name: `${first.openedClasses}/${first.plannedClasses}` }).first(),
    );
    await screenshot(page, 'classes-05-plan-vs-actual');

    // The year's tab rolls the same counts up by unit, and says trainees are approved learners.
    const year = await api.get<{
      units: { planId: number; openedClasses: number; plannedClasses: number }[];
    }>(`/plans/actual?year=${plan.year}`);
    const mine = year.units.find((u) => u.planId === plan.id)!;
    expect(mine.openedClasses).toBeGreaterThanOrEqual(first.openedClasses);
    await page.goto('/plans?tab=actual');
    await page.getByLabel('Năm').fill(String(plan.year));
    const byUnit = page.getByRole('table', { name: 'Theo đơn vị' });
    await visible(byUnit.getByRole('link', { name: plan.unitName }));
    await visible(byUnit.getByText(`${mine.openedClasses}/${mine.plannedClasses}`));
    await visible(page.getByText('học viên đã được duyệt', { exact: false }).first());
    await screenshot(page, 'classes-06-plan-vs-actual-by-unit');
    await context.close();
  }, 180_000);
});
