import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { answered, choose, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

interface Board {
  proposals: { proposalId: number; reviewerUnitId: number | null; lines: { total: number } }[];
}

/** Journey: draft a plan from the consolidated needs, edit a line, submit, approve, revise into v2. */
describe('annual plan journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the province drafts its 2029 plan from needs, approves it and opens version 2', async () => {
    // Set-up through the API: a needs campaign for 2029 with some proposals accepted at the province.
    const province = await apiSession(baseURL, 'sonoivu');
    const campaign = await province.post<{ id: number; rootUnitId: number }>('/needs/campaigns', {
      year: 2029,
      title: 'Tổng hợp nhu cầu ĐTBD năm 2029',
      opensOn: '2020-01-01',
      deadline: '2099-12-31',
    });
    const board = await province.get<Board>(`/needs/campaigns/${campaign.id}`);
    const direct = board.proposals
      .filter((p) => p.reviewerUnitId === campaign.rootUnitId && p.lines.total > 0)
      .slice(0, 6);
    expect(direct.length).toBeGreaterThan(0);
    for (const p of direct) {
      await province.post(`/needs/proposals/${p.proposalId}/submit`);
      await province.post(`/needs/proposals/${p.proposalId}/accept`, {});
    }

    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    await page.getByRole('link', { name: 'Kế hoạch đào tạo' }).click();
    await visible(page.getByRole('heading', { name: 'Kế hoạch đào tạo, bồi dưỡng' }));
    await page.getByRole('button', { name: 'Lập dự thảo từ nhu cầu' }).click();
    await choose(page, 'Đợt tổng hợp nhu cầu', '2029');
    await visible(page.getByText('Các dòng sẽ được tạo'));
    await screenshot(page, 'plans-01-draft-preview');
    await answered(page, 'POST', '/plans/from-needs', () =>
      page.getByRole('button', { name: 'Tạo dự thảo' }).click(),
    );
    await visible(page.getByRole('heading', { name: 'Kế hoạch đào tạo, bồi dưỡng năm 2029' }));
    await visible(page.getByText('Lập dự thảo từ nhu cầu (v1)'));

    // Give the first line a budget from the provincial budget.
    await page.getByRole('button', { name: 'Sửa 1', exact: true }).click();
    await page.getByRole('dialog').getByLabel('Ngân sách tỉnh').fill('120000000');
    await page.getByRole('dialog').getByLabel('Số tiết/lớp').fill('40');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(page.getByText('120.000.000').first());

    // Submit, approve with a comment: the plan is approved as v1.
    await page.getByRole('button', { name: 'Trình duyệt' }).click();
    await answered(page, 'POST', /^\/plans\/\d+\/submit$/, () =>
      page.getByRole('button', { name: /^(OK|Đồng ý)$/ }).click(),
    );
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByLabel('Ý kiến').fill('Quyết định phê duyệt kế hoạch năm 2029');
    await answered(page, 'POST', /^\/plans\/\d+\/approve$/, () =>
      page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt' }).click(),
    );
    await visible(page.getByRole('button', { name: 'Điều chỉnh (tạo phiên bản mới)' }));
    await screenshot(page, 'plans-02-approved');

    // Revise: version 2 in draft, nothing changed yet against v1.
    await page.getByRole('button', { name: 'Điều chỉnh (tạo phiên bản mới)' }).click();
    await answered(page, 'POST', /^\/plans\/\d+\/revise$/, () =>
      page.getByRole('button', { name: /^(OK|Đồng ý)$/ }).click(),
    );
    await visible(page.getByText('Bản đang soạn (v2)'));
    await choose(page, 'So sánh với', 'v1');
    await visible(page.getByText('Không có thay đổi.'));
    await screenshot(page, 'plans-03-v2-compared');
    const planPath = new URL(page.url()).pathname;
    await context.close();

    // The commune officer does not see the province's plan.
    const commune = await newSession(browser, baseURL);
    await login(commune.page, 'canbo.xa');
    await commune.page.goto(planPath);
    await visible(commune.page.getByText('Không tìm thấy'));
    await commune.context.close();
  });
});
