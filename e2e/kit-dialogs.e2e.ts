import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { answered, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

const stamp = String(Date.now()).slice(-6);

/** The open dialog, the one on top when a question stands over a form (antd keeps closed ones hidden). */
const dialog = (page: Page): Locator => page.getByRole('dialog').last();
/** Every dialog closed. */
const closed = async (page: Page) => {
  await page.getByRole('dialog').first().waitFor({ state: 'hidden' });
  await page.getByRole('dialog').last().waitFor({ state: 'hidden' });
};

/** Pick an option of a Select inside the dialog by typing and pressing Enter. */
async function chooseIn(page: Page, label: string, text: string): Promise<void> {
  const box = dialog(page).getByLabel(label, { exact: true });
  await box.click();
  await box.fill(text);
  await page.keyboard.press('Enter');
}

interface Person {
  id: number;
}
interface Rating {
  year: number;
}

/**
 * Journey (issue 13): the dialogs moved onto the kit's FormModal, opened and sent through the UI;
 * after each one closes, what it saved is on the page. A validation error keeps its dialog open.
 */
describe('kit dialogs journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('rating (with replace), policy, report layout copy, abroad cancel, plan return, import undo', async () => {
    const province = await apiSession(baseURL, 'sonoivu');
    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');

    // 1. Rating form: a validation error keeps it open; a second rating of the year asks first.
    const people = await province.get<{ items: Person[] }>('/people?status=WORKING&pageSize=1');
    const personId = people.items[0].id;
    const rated = await province.get<{ items: Rating[] }>(`/people/${personId}/ratings`);
    const year = [2024, 2023, 2022, 2021, 2020, 2019, 2018].find(
      (y) => !rated.items.some((r) => r.year === y),
    );
    expect(year).toBeDefined();
    await page.goto(`/people/${personId}`);
    await page.getByRole('tab', { name: 'Xếp loại, khen thưởng, kỷ luật' }).click();
    await page.getByRole('button', { name: 'Ghi xếp loại' }).click();
    await dialog(page).getByLabel('Năm đánh giá').fill(String(year));
    await dialog(page).getByRole('button', { name: 'Lưu' }).click();
    await visible(dialog(page).getByText('Nhập điểm hoặc chọn xếp loại'));
    expect(await dialog(page).isVisible()).toBe(true);
    await screenshot(page, 'kit-01-rating-error');
    await chooseIn(page, 'Xếp loại', 'tot');
    await answered(page, 'PUT', `/people/${personId}/ratings/${year}`, () =>
      dialog(page).getByRole('button', { name: 'Lưu' }).click(),
    );
    await closed(page);
    const ratingRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: String(year), exact: true }) });
    await visible(ratingRow.getByText(/tốt/i));

    await page.getByRole('button', { name: 'Ghi xếp loại' }).click();
    await dialog(page).getByLabel('Năm đánh giá').fill(String(year));
    await screenshot(page, 'kit-02-rating-again');
    await chooseIn(page, 'Xếp loại', 'xuat sac');
    // The first click may only close the select's list: click until the question shows.
    const question = page.getByText(`Thay kết quả năm ${year}?`).last();
    for (let i = 0; i < 3 && !(await question.isVisible()); i++) {
      await page.getByRole('dialog').first().getByRole('button', { name: 'Lưu' }).click();
      await question.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
    }
    await visible(question);
    await answered(page, 'PUT', `/people/${personId}/ratings/${year}`, () =>
      page.getByRole('button', { name: 'Thay kết quả' }).click(),
    );
    await question.waitFor({ state: 'hidden' });
    await closed(page);
    await visible(ratingRow.getByText(/xuất sắc/i));
    await screenshot(page, 'kit-02-rating-replaced');

    // 2. Policy form: the unit's own value from a date.
    await page.goto('/policies');
    await page
      .getByRole('button', { name: 'Đặt giá trị của đơn vị: Số ngày nộp báo cáo sau khi về nước' })
      .click();
    await dialog(page).getByLabel('Giá trị', { exact: true }).fill('21');
    await dialog(page).getByLabel('Từ ngày').fill('01/01/2026');
    await dialog(page).getByLabel('Căn cứ (văn bản, điều khoản)').fill(`Quyết định ${stamp}/QĐ-UBND`);
    await answered(page, 'POST', /^\/policies\//, () =>
      dialog(page).getByRole('button', { name: 'Lưu' }).click(),
    );
    await closed(page);
    const policyRow = page.getByRole('row').filter({ hasText: 'Số ngày nộp báo cáo sau khi về nước' });
    await visible(policyRow.getByText('21 ngày'));
    await visible(policyRow.getByText(`Quyết định ${stamp}/QĐ-UBND`));

    // 3. Report layout copy: goes to the copy's editor.
    await page.goto('/reports/layouts');
    await page.getByRole('button', { name: 'Sao chép' }).first().click();
    await dialog(page).getByLabel('Mã của bản sao').fill('sai mã!');
    await dialog(page).getByRole('button', { name: 'Sao chép' }).click();
    await visible(dialog(page).getByText('Chỉ gồm a-z, 0-9, _'));
    const copyCode = `KIT_${stamp}`;
    await dialog(page).getByLabel('Mã của bản sao').fill(copyCode);
    await answered(page, 'POST', /^\/report-layouts\/\d+\/copy$|\/copy$/, () =>
      dialog(page).getByRole('button', { name: 'Sao chép' }).click(),
    );
    await closed(page);
    await page.waitForURL(/\/reports\/layouts\/\d+$/);
    await visible(page.getByText(copyCode).first());
    await page.goto('/reports/layouts');
    await visible(page.getByRole('row').filter({ hasText: copyCode }));
    await screenshot(page, 'kit-03-layout-copied');

    // 4. Abroad: cancel a planned delegation with a reason.
    const list = await province.get<{ items: { id: number }[] }>('/abroad/delegations?pageSize=1');
    const demo = await province.get<{ partnerInstitutionId: number }>(
      `/abroad/delegations/${list.items[0].id}`,
    );
    const code = `KIT-${stamp}`;
    const made = await province.post<{ id: number }>('/abroad/delegations', {
      code,
      name: 'Đoàn thử hộp thoại',
      partnerInstitutionId: demo.partnerInstitutionId,
      country: 'Nhật Bản',
      departsOn: '2027-03-01',
      returnsOn: '2027-03-10',
    });
    await page.goto(`/abroad/${made.id}`);
    await page.getByRole('button', { name: 'Hủy đoàn' }).click();
    const reason = `Đổi kế hoạch ${stamp}`;
    await dialog(page).getByLabel('Lý do hủy').fill(reason);
    await answered(page, 'POST', `/abroad/delegations/${made.id}/status`, () =>
      dialog(page).getByRole('button', { name: 'Hủy đoàn' }).click(),
    );
    await closed(page);
    await visible(page.getByText('Đã hủy').first());
    await expect(page.getByRole('button', { name: 'Hủy đoàn' }).count()).resolves.toBe(0);

    // 5. Plan page: return a submitted plan with a comment (OK waits for the comment).
    const plan = await province.post<{ id: number }>('/plans', {
      year: 2031,
      title: `Kế hoạch thử ${stamp}`,
    });
    await province.post(`/plans/${plan.id}/submit`);
    await page.goto(`/plans/${plan.id}`);
    await page.getByRole('button', { name: 'Trả lại' }).click();
    const back = dialog(page).getByRole('button', { name: 'Trả lại' });
    expect(await back.isDisabled()).toBe(true);
    await dialog(page).getByLabel('Ý kiến').fill(`Bổ sung kinh phí ${stamp}`);
    await answered(page, 'POST', `/plans/${plan.id}/return`, () => back.click());
    await closed(page);
    await visible(page.getByText('Bị trả lại').first());
    await visible(page.getByText(`Bổ sung kinh phí ${stamp}`).first());
    await screenshot(page, 'kit-04-plan-returned');

    // 6. Import history: write a one-row sheet, then undo it with a reason.
    const head = 'Họ và tên,Ngày sinh,Giới tính,Số định danh,Đối tượng,Ngạch';
    const sheet = `\uFEFF${head}\nTrần Thị Kit ${stamp},12/05/1991,Nữ,,CC,CV\n`;
    const fileName = `kit-${stamp}.csv`;
    await page.goto('/imports');
    await answered(page, 'POST', '/imports', () =>
      page
        .locator('input[type=file]')
        .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(sheet) }),
    );
    await visible(page.getByText('Không có lỗi nào.'));
    await answered(page, 'POST', /^\/imports\/\d+\/commit$/, () =>
      page.getByRole('button', { name: 'Ghi dữ liệu' }).click(),
    );
    const batch = page.getByRole('row').filter({ hasText: fileName });
    await visible(batch.getByText('Đã ghi', { exact: true }));
    await batch.getByRole('button', { name: 'Hoàn tác' }).click();
    const undo = dialog(page).getByRole('button', { name: 'Hoàn tác' });
    expect(await undo.isDisabled()).toBe(true);
    await dialog(page).getByLabel('Lý do').fill(`Nhập nhầm ${stamp}`);
    await answered(page, 'POST', /^\/imports\/\d+\/undo$/, () => undo.click());
    await closed(page);
    await visible(batch.getByText('Đã hoàn tác', { exact: true }));
    await visible(batch.getByText(`Nhập nhầm ${stamp}`));
    await screenshot(page, 'kit-05-import-undone');
    await context.close();
  });

  it('the administrator adds a code item (a bad code keeps the dialog open) and edits it', async () => {
    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'admin');
    await page.goto('/admin/codes?list=rank');
    await visible(page.getByRole('table', { name: 'Ngạch, chức danh nghề nghiệp' }));
    await page.getByRole('button', { name: 'Thêm mục' }).click();
    await screenshot(page, 'kit-06-code-dialog');
    await dialog(page).getByLabel('Mã', { exact: true }).fill('mã sai');
    await dialog(page).getByLabel('Tên tiếng Việt').fill(`Ngạch thử ${stamp}`);
    await dialog(page).getByLabel('Tên tiếng Anh').fill(`Test rank ${stamp}`);
    await dialog(page).getByRole('button', { name: 'Lưu' }).click();
    await visible(dialog(page).getByText('Chữ không dấu, số và _ . - (tối đa 40 ký tự)').last());
    expect(await dialog(page).isVisible()).toBe(true);
    const code = `KIT${stamp}`;
    await dialog(page).getByLabel('Mã', { exact: true }).fill(code);
    await answered(page, 'POST', /^\/codes\/rank/, () =>
      dialog(page).getByRole('button', { name: 'Lưu' }).click(),
    );
    await closed(page);
    const row = page.getByRole('row').filter({ hasText: code });
    await visible(row.getByText(`Ngạch thử ${stamp}`));

    await row.getByRole('button', { name: `Sửa ${code}` }).click();
    await dialog(page).getByLabel('Tên tiếng Việt').fill(`Ngạch thử đã sửa ${stamp}`);
    await answered(page, 'PATCH', new RegExp(`^/codes/rank/.*${code}`), () =>
      dialog(page).getByRole('button', { name: 'Lưu' }).click(),
    );
    await closed(page);
    await visible(row.getByText(`Ngạch thử đã sửa ${stamp}`));
    await screenshot(page, 'kit-06-code-edited');
    await context.close();
  });
});
