import { launchBrowser, login, newSession, visible } from './e2e/support/browser';

const base = 'http://127.0.0.1:3361';
const shot = (p: import('playwright-core').Page, n: string) => p.screenshot({ path: `/tmp/fb-shots/${n}.png`, fullPage: true });

async function rateAll(page: import('playwright-core').Page, star: number) {
  const rates = page.locator('ul.ant-rate');
  const n = await rates.count();
  for (let i = 0; i < n; i++) await rates.nth(i).locator('li.ant-rate-star').nth((star + i) % 5 === 0 ? 4 : ((star + i) % 5) - 1 + 0).locator('div[role=radio]').click();
  return n;
}

const browser = await launchBrowser();
try {
  // Learner
  {
    const { page } = await newSession(browser, base);
    await login(page, 'hocvien');
    await page.getByRole('link', { name: 'Đánh giá khóa học' }).click();
    await visible(page.getByRole('heading', { name: 'Đánh giá khóa học' }));
    await visible(page.getByRole('button', { name: /^Đánh giá / }));
    await shot(page, '1-learner-list');
    await page.getByRole('button', { name: /^Đánh giá / }).first().click();
    await visible(page.getByRole('heading', { name: /Phiếu đánh giá lớp/ }));
    await shot(page, '2-learner-form-empty');
    await page.getByRole('button', { name: 'Gửi phiếu đánh giá' }).click();
    await page.waitForTimeout(500);
    await shot(page, '3-learner-form-required');
    const n = await rateAll(page, 4);
    console.log('rates', n);
    await page.getByLabel('Ý kiến khác (không bắt buộc)').fill('Lớp học bổ ích, giảng viên nhiệt tình.');
    await page.getByRole('button', { name: 'Gửi phiếu đánh giá' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi phiếu đánh giá' }).click();
    await visible(page.getByText(/Bạn đã gửi phiếu ngày/));
    await shot(page, '4-learner-form-sent');
    await page.getByRole('link', { name: 'Đánh giá khóa học' }).first().click();
    await visible(page.getByText('Đã đánh giá'));
    await shot(page, '5-learner-list-after');
  }
  // Unit officer
  {
    const { page } = await newSession(browser, base);
    await login(page, 'canbo.xa');
    await page.getByRole('link', { name: 'Đánh giá hiệu quả sau đào tạo' }).click();
    await visible(page.getByRole('button', { name: /^Đánh giá / }));
    await shot(page, '6-officer-list');
    await page.getByRole('button', { name: /^Đánh giá / }).first().click();
    await visible(page.getByRole('heading', { name: /Đánh giá hiệu quả:/ }));
    const n = await rateAll(page, 3);
    console.log('rates', n);
    await page.getByRole('button', { name: 'Gửi phiếu đánh giá' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi phiếu đánh giá' }).click();
    await visible(page.getByText(/Bạn đã gửi phiếu ngày/));
    await shot(page, '7-officer-form-sent');
    await page.goto('/feedback/effectiveness?state=upcoming');
    await page.waitForTimeout(1500);
    await shot(page, '8-officer-upcoming');
  }
  // Institution staff: class page
  {
    const { page } = await newSession(browser, base);
    await login(page, 'truongchinhtri');
    const res = await page.request.get('/api/classes?status=finished&pageSize=50');
    const items = (await res.json()).items as { id: number; code: string; startsOn: string }[];
    items.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    await page.goto(`/classes/${items[0].id}`);
    await visible(page.getByText('Đánh giá của học viên'));
    await shot(page, '9-class-card');
  }
  // Training officer: lecturers and institutions
  {
    const { page } = await newSession(browser, base);
    await login(page, 'sonoivu');
    await page.goto('/catalogue/lecturers');
    await page.getByRole('button', { name: /^Xem / }).first().click();
    await visible(page.getByRole('table', { name: 'Đánh giá của học viên' }).or(page.getByText('Chưa có phiếu đánh giá nào.')));
    await page.waitForTimeout(500);
    await shot(page, '10-lecturer-drawer');
    await page.goto('/catalogue/institutions');
    await page.getByRole('button', { name: /^Xem đánh giá:/ }).first().click();
    await page.waitForTimeout(1500);
    await shot(page, '11-institution-modal');
    await page.goto('/');
    await page.getByRole('button', { name: 'EN' }).or(page.getByRole('button', { name: /English|Ngôn ngữ/ })).first().click().catch(() => {});
  }
} finally {
  await browser.close();
}
