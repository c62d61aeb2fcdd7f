import { launchBrowser, login, newSession, visible } from './e2e/support/browser';

const base = 'http://127.0.0.1:3361';
const shot = (p: import('playwright-core').Page, n: string) => p.screenshot({ path: `/tmp/fb-shots/${n}.png`, fullPage: true });
const browser = await launchBrowser();
try {
  {
    const { page } = await newSession(browser, base);
    await login(page, 'sonoivu');
    await page.goto('/catalogue/lecturers?q=le quoc hung');
    await page.getByRole('button', { name: /^Xem / }).first().click();
    await visible(page.getByRole('table', { name: 'Đánh giá của học viên' }));
    await shot(page, '12-lecturer-drawer-data');
    await page.goto('/catalogue/institutions?q=nguyen van cu');
    await page.getByRole('button', { name: /^Xem đánh giá:/ }).first().click();
    await visible(page.getByRole('dialog').getByRole('table'));
    await shot(page, '13-institution-modal-data');
    await page.goto('/feedback/effectiveness?state=done');
    await page.waitForTimeout(1500);
    await shot(page, '14-sonoivu-done');
  }
  {
    const { context, page } = await newSession(browser, base);
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, 'hocvien');
    await page.getByRole('button', { name: 'EN' }).click().catch(() => console.log('no EN button'));
    await page.goto('/feedback/classes');
    await page.waitForTimeout(1000);
    await shot(page, '15-learner-en-mobile');
    const res = await page.request.get('/api/feedback/my-classes');
    const id = (await res.json()).items[0].classId;
    await page.goto(`/feedback/classes/${id}`);
    await page.waitForTimeout(1500);
    await shot(page, '16-learner-form-en-mobile');
    await context.close();
  }
} finally {
  await browser.close();
}
