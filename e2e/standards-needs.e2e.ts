import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import {
  answered,
  launchBrowser,
  login,
  newSession,
  nextAnswer,
  screenshot,
  visible,
} from './support/browser';

const COMMUNE = 'Xã Đầm Hà';

/** dd/mm/yyyy of today + `days`, as a user types it. */
function typedDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** Wait for an antd message (toast) with this text. */
const toast = (page: Page, text: string) => visible(page.locator('.ant-message').getByText(text));

/**
 * Journey 2 (standards and needs): the province training officer opens the gaps of the
 * province and one person's standards; opens the needs campaign; the commune officer adds a
 * need to the pre-filled proposal and submits it; the province accepts it and sees it in the
 * consolidated table.
 */
describe('standards and needs journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens a person's gaps, submits a unit's needs, consolidates at the province", async () => {
    // 1. The province's gaps, the people behind a number, one person's standards explained.
    const province = await newSession(browser, baseURL);
    const p = province.page;
    await login(p, 'sonoivu');
    await p.getByRole('link', { name: 'Thiếu hụt tiêu chuẩn' }).click();
    await visible(p.getByRole('heading', { name: 'Thiếu hụt tiêu chuẩn' }));
    const byUnit = p.getByRole('table', { name: /^Thiếu hụt tiêu chuẩn theo đơn vị/ });
    const missingButton = byUnit.getByRole('button', {
      name: /^Số người còn thiếu – .*: [1-9][\d.]*\. Xem danh sách$/,
    });
    await visible(missingButton);
    await screenshot(p, 'std-10-gaps-by-unit');
    await missingButton.first().click();
    const drawerTable = p.getByRole('table', { name: 'Người còn thiếu tiêu chuẩn' });
    await visible(drawerTable.getByRole('link'));
    await screenshot(p, 'std-11-gaps-people');
    const personLink = drawerTable.getByRole('link').first();
    const personName = (await personLink.textContent())!.trim();
    await personLink.click();
    await visible(p.getByRole('heading', { level: 1, name: personName }));
    const standards = p.getByRole('table', { name: 'Tiêu chuẩn phải đáp ứng' });
    await visible(standards.getByText(/^(Chưa đạt|Còn trong hạn)$/));
    await visible(p.getByRole('heading', { name: 'Điều kiện cử đi đào tạo' }));
    await screenshot(p, 'std-12-person-standards');

    // 2. The province opens the needs campaign for next year; proposals are pre-filled.
    const year = new Date().getFullYear() + 1;
    await p.getByRole('link', { name: 'Nhu cầu đào tạo' }).click();
    await visible(p.getByRole('heading', { name: 'Nhu cầu đào tạo, bồi dưỡng' }));
    await p.getByRole('button', { name: 'Mở đợt đăng ký nhu cầu' }).click();
    const openDialog = p.getByRole('dialog');
    await visible(openDialog.getByLabel('Hạn gửi'));
    await openDialog.getByLabel('Năm').fill(String(year));
    await openDialog.getByLabel('Hạn gửi').fill(typedDate(30));
    await p.keyboard.press('Enter');
    await screenshot(p, 'std-13-open-campaign');
    // Opening pre-fills every unit's proposal from its gaps: wait for the answer, however long.
    const opened = await answered(p, 'POST', '/needs/campaigns', () =>
      openDialog.getByRole('button', { name: 'Mở đợt đăng ký nhu cầu' }).click(),
    );
    const campaign = (await opened.json()) as { id: number; title: string };
    await visible(p.getByRole('button', { name: 'Xem tiến độ' }));
    await screenshot(p, 'std-14-campaign-opened');
    await p.getByRole('button', { name: 'Xem tiến độ' }).click();
    await visible(p.getByRole('table', { name: 'Tiến độ đề xuất của các đơn vị' }));
    const campaignUrl = p.url();
    expect(new URL(campaignUrl).pathname).toBe(`/needs/campaigns/${campaign.id}`);

    // 3. The commune officer opens the commune's proposal, adds a need, submits it.
    const commune = await newSession(browser, baseURL);
    const c = commune.page;
    await login(c, 'canbo.xa');
    await c.getByRole('link', { name: 'Nhu cầu đào tạo' }).click();
    // The proposal of this campaign, named by its title: other journeys (plans) open campaigns of
    // their own, and which ran first depends on the order the runner picks.
    await c.getByRole('link', { name: `Mở đề xuất: ${campaign.title}`, exact: true }).click();
    await visible(c.getByRole('heading', { name: `Đề xuất nhu cầu: ${COMMUNE}` }));
    const lines = c.getByRole('table', { name: 'Các dòng nhu cầu của đề xuất' });
    await visible(lines);
    const before = await lines.locator('tbody tr.ant-table-row').count();
    await c.getByRole('button', { name: 'Thêm nhu cầu' }).click();
    const lineDialog = c.getByRole('dialog');
    await lineDialog.getByLabel('Chương trình').click();
    await c.keyboard.type('tin hoc');
    await c.keyboard.press('Enter');
    await lineDialog.getByLabel('Số người').fill('12');
    await lineDialog.getByLabel('Ghi chú').fill('Cán bộ bộ phận một cửa cần kỹ năng số (e2e)');
    await answered(c, 'POST', /^\/needs\/proposals\/\d+\/lines$/, () =>
      lineDialog.getByRole('button', { name: 'Lưu' }).click(),
    );
    await toast(c, 'Đã thêm dòng nhu cầu.');
    await visible(lines.getByText('Cán bộ bộ phận một cửa cần kỹ năng số (e2e)'));
    expect(await lines.locator('tbody tr.ant-table-row').count()).toBe(before + 1);
    await screenshot(c, 'std-15-commune-proposal');
    await c.getByRole('button', { name: 'Gửi lên cấp trên' }).click();
    await answered(c, 'POST', /^\/needs\/proposals\/\d+\/submit$/, () =>
      c.getByRole('dialog').getByRole('button', { name: 'Gửi lên cấp trên' }).click(),
    );
    await toast(c, 'Đã gửi đề xuất lên cấp trên.');
    await screenshot(c, 'std-16-commune-submitted');
    const proposalUrl = c.url();
    await commune.context.close();

    // The API agrees: the commune's proposal is submitted.
    const api = await apiSession(baseURL, 'sonoivu');
    const proposalId = Number(new URL(proposalUrl).pathname.split('/').pop());
    const submitted = await api.get<{ status: string }>(`/needs/proposals/${proposalId}`);
    expect(submitted.status).toBe('submitted');

    // 4. The province accepts it; the commune's needs appear in the consolidated table.
    // The review buttons show once the page knows the officer's units (the org tree, a slow read
    // on a loaded machine): wait for the tree this fresh page asks for, not for a time.
    const tree = nextAnswer(p, 'GET', '/org/tree');
    await p.goto(campaignUrl);
    const board = p.getByRole('table', { name: 'Tiến độ đề xuất của các đơn vị' });
    await visible(board);
    await p.getByLabel('Tìm đơn vị').fill('dam ha');
    await screenshot(p, 'std-17-board-search');
    await board.getByRole('link', { name: COMMUNE, exact: true }).click();
    await visible(p.getByRole('heading', { name: `Đề xuất nhu cầu: ${COMMUNE}` }));
    await tree;
    await p.getByRole('button', { name: 'Chấp nhận' }).click();
    // Accepting consolidates the lines upward (it has taken over 20 s on a loaded CI machine):
    // wait for its answer, then for the message.
    await answered(p, 'POST', /^\/needs\/proposals\/\d+\/accept$/, () =>
      p.getByRole('dialog').getByRole('button', { name: 'Chấp nhận' }).click(),
    );
    await toast(p, 'Đã chấp nhận đề xuất.');
    await p.goto(campaignUrl);
    await p.getByRole('tab', { name: 'Tổng hợp' }).click();
    const consolidated = p.getByRole('table', {
      name: 'Bảng tổng hợp nhu cầu theo chương trình, trình độ và đơn vị',
    });
    await visible(consolidated);
    await p.getByRole('button', { name: 'Mở rộng tất cả' }).click();
    await visible(consolidated.getByRole('link', { name: COMMUNE }));
    await screenshot(p, 'std-18-consolidated');
    const table = await api.get<{ groups?: unknown[] } & Record<string, unknown>>(
      `/needs/campaigns/${new URL(campaignUrl).pathname.split('/').pop()}/consolidated`,
    );
    expect(JSON.stringify(table)).toContain(COMMUNE);
    await province.context.close();
  }, 240_000);
});
