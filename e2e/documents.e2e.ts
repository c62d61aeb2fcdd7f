import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pagesText } from '../src/server/test/read-back';
import { apiSession } from './support/api';
import { answered, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

interface ClassList {
  items: { id: number; code: string; name: string; status: string }[];
}

/** The PDF behind a link of the page, fetched with the page's session, read back as text per page. */
async function pdfOf(page: Page, href: string | null): Promise<string[]> {
  expect(href).toBeTruthy();
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/pdf');
  return pagesText(Buffer.from(await res.body()));
}

/** A screenshot is evidence, not a check: one that times out on a loaded machine is reported, not fatal. */
async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name).catch((e: Error) =>
    console.warn(`e2e: screenshot ${name} not taken: ${e.message}`),
  );
}

/**
 * Issue a decision from the "Văn bản" card (the issue menu, the date dialog), wait for the
 * server's answer, and read the re-print of what was issued back from its PDF.
 */
async function issueAndRead(
  page: Page,
  subject: 'class' | 'plan',
  id: number,
  kindLabel: string,
): Promise<{ number: string; pages: string[] }> {
  await page.getByRole('button', { name: 'Ban hành quyết định' }).click();
  await (await visible(page.getByRole('menuitem', { name: kindLabel, exact: true }))).click();
  const ok = await visible(page.getByRole('dialog').getByRole('button', { name: 'Ban hành', exact: true }));
  const res = await answered(page, 'POST', `/documents/${subject}/${id}/issue`, () => ok.click());
  const { number } = (await res.json()) as { number: string };
  const link = await visible(page.getByRole('link', { name: `In lại ${number} (PDF)` }));
  return { number, pages: await pdfOf(page, await link.getAttribute('href')) };
}

/** A document printed from the card's print menu (kind, then PDF), read back. */
async function printAndRead(page: Page, code: string, kind: string, kindLabel: string): Promise<string[]> {
  await page.getByRole('button', { name: `In văn bản của ${code}` }).click();
  // A sub-menu's title is a menuitem whose name carries its arrow too: matched as a prefix.
  // (inside the card's drop-down: the side menu has an entry "Sổ cấp chứng chỉ" too).
  await (await visible(page.locator('.ant-dropdown').getByRole('menuitem', { name: kindLabel }))).hover();
  // The sub-menu renders the kind's links once opened: the PDF one is found by its address.
  const link = page.locator(`a[href*="kind=${kind}"][href*="format=pdf"]`).first();
  await link.waitFor({ state: 'attached' });
  const pages = await pdfOf(page, await link.getAttribute('href'));
  await page.keyboard.press('Escape');
  return pages;
}

/**
 * Journey (issue 17): the training office edits its template of the opening decision and sees the
 * preview change, issues the decision of a demo class with its number, downloads the PDF and
 * reads it back, and prints the summons of the class (a page per learner).
 */
describe('official documents journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('edits a template, issues the opening decision, reads its PDF back and prints the summons', async () => {
    const office = await apiSession(baseURL, 'sonoivu');
    const classes = await office.get<ClassList>('/classes?pageSize=100');
    let target: { id: number; code: string; name: string; learners: number } | undefined;
    for (const c of classes.items.filter((x) =>
      ['running', 'finished', 'open_for_nomination'].includes(x.status),
    )) {
      const d = await office.get<{ canManage: boolean }>(`/classes/${c.id}`);
      // The learners enrolled (approved nominations) are the rows of the class register.
      const r = await office.get<{ items: unknown[] }>(`/classes/${c.id}/results`);
      if (d.canManage && r.items.length > 0) {
        target = { id: c.id, code: c.code, name: c.name, learners: r.items.length };
        break;
      }
    }
    expect(target, 'a demo class the office manages, with learners').toBeDefined();
    const { id, code, name } = target!;
    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');

    // The template: a new symbol and summary, seen in the preview before saving.
    await page.goto('/admin/document-templates');
    await visible(page.getByRole('heading', { level: 1, name: 'Mẫu văn bản' }));
    const preview = page.getByRole('region', { name: 'Xem trước' });
    await visible(preview.getByText('QUYẾT ĐỊNH', { exact: true }).first());
    await page.getByLabel('Ký hiệu (sau số)').fill('QĐ-SNV');
    await page.getByLabel('Trích yếu').fill('Về việc mở lớp bồi dưỡng {{class.name}}');
    await visible(preview.getByText('Về việc mở lớp bồi dưỡng', { exact: false }));
    await visible(preview.getByText('Số: 05/QĐ-SNV'));
    await page.getByLabel('Trích yếu').fill('Về việc {{lop.ten}}');
    await visible(page.getByText('chỗ điền không có: {{lop.ten}}', { exact: false }));
    await page.getByLabel('Trích yếu').fill('Về việc mở lớp bồi dưỡng {{class.name}}');
    await answered(page, 'PUT', '/documents/templates/class_opening', () =>
      page.getByRole('button', { name: 'Lưu mẫu' }).click(),
    );
    await visible(page.getByText('Đã lưu mẫu văn bản.'));
    await shot(page, 'documents-01-template-preview');

    // The decision: issued from the class page, numbered from the office's register.
    await page.goto(`/classes/${id}`);
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(code) }));
    await page.getByRole('button', { name: 'Ban hành quyết định' }).click();
    await page.getByRole('menuitem', { name: 'Quyết định mở lớp' }).click();
    const dialog = page.getByRole('dialog');
    const ok = await visible(dialog.getByRole('button', { name: 'Ban hành', exact: true }));
    await answered(page, 'POST', `/documents/class/${id}/issue`, () => ok.click());
    const line = await visible(page.getByText(/^Quyết định số \d{2,}\/QĐ-SNV ngày/));
    const number = /số (\S+) ngày/.exec((await line.textContent()) ?? '')?.[1];
    expect(number).toMatch(/^\d{2,}\/QĐ-SNV$/);
    await shot(page, 'documents-02-issued');
    const pdf = await pdfOf(
      page,
      await page.getByRole('link', { name: `In lại ${number} (PDF)` }).getAttribute('href'),
    );
    for (const text of [
      `Số: ${number}`,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'QUYẾT ĐỊNH',
      `Về việc mở lớp bồi dưỡng ${name}`.slice(0, 40),
      code,
      'Nơi nhận:',
    ])
      expect(pdf[0]).toContain(text);

    // Issuing it again asks before taking a new number.
    await page.getByRole('button', { name: 'Ban hành quyết định' }).click();
    await page.getByRole('menuitem', { name: 'Quyết định mở lớp' }).click();
    const again = await visible(
      page.getByRole('dialog').getByRole('button', { name: 'Ban hành', exact: true }),
    );
    await answered(page, 'POST', `/documents/class/${id}/issue`, () => again.click(), 409);
    // antd keeps a confirm's title hidden for screen readers: its button is what shows.
    await visible(page.getByRole('button', { name: 'Ban hành lại (số mới)' }));
    await visible(page.getByText(`Đã ban hành Quyết định số ${number}`, { exact: false }));
    await page.getByRole('button', { name: 'Hủy' }).last().click();

    // The summons of the whole class: a page per learner.
    // The address is read before the screenshot: a full-page shot may close the hovered sub-menu.
    await page.getByRole('button', { name: `In văn bản của ${code}` }).click();
    await (await visible(page.getByRole('menuitem', { name: 'Giấy triệu tập' }))).hover();
    const link = page.locator('a[href*="kind=summons"][href*="format=pdf"]').first();
    await link.waitFor({ state: 'attached' });
    const href = await link.getAttribute('href');
    await shot(page, 'documents-03-menu');
    const summons = await pdfOf(page, href);
    expect(summons).toHaveLength(target!.learners);
    for (const p of summons) {
      expect(p).toContain('GIẤY TRIỆU TẬP');
      expect(p).toContain('Ông/Bà:');
    }
    await context.close();
  }, 240_000);

  it('issues the sending and results decisions and the plan approval, prints the transcript, the list, the attendance book and the register, and reads each back', async () => {
    const office = await apiSession(baseURL, 'sonoivu');
    const classes = await office.get<ClassList>('/classes?pageSize=100');
    let target: { id: number; code: string; name: string; grade: string } | undefined;
    for (const c of classes.items.filter((x) => ['finished', 'closed'].includes(x.status))) {
      const d = await office.get<{ canManage: boolean }>(`/classes/${c.id}`);
      const r = await office.get<{
        items: { fullName: string; passed: boolean; gradeLabel: { vi: string } }[];
      }>(`/classes/${c.id}/results`);
      const passed = r.items.find((x) => x.passed);
      if (d.canManage && passed) {
        target = { id: c.id, code: c.code, name: passed.fullName, grade: passed.gradeLabel.vi };
        break;
      }
    }
    expect(target, 'a finished demo class the office manages, with a learner who passed').toBeDefined();
    const { id, code, name, grade } = target!;
    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    await page.goto(`/classes/${id}`);
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(code) }));

    const sending = await issueAndRead(page, 'class', id, 'Quyết định cử đi học (kèm danh sách)');
    const sent = sending.pages.join(' ');
    for (const text of [
      `Số: ${sending.number}`,
      'QUYẾT ĐỊNH',
      'Về việc cử cán bộ, công chức, viên chức',
      'PHỤ LỤC',
      name,
    ])
      expect(sent).toContain(text);

    const transcript = (await printAndRead(page, code, 'transcript', 'Bảng điểm')).join(' ');
    for (const text of ['BẢNG ĐIỂM', code, name, grade]) expect(transcript).toContain(text);

    // The papers printed straight from the class's records, each read back.
    const list = (await printAndRead(page, code, 'learner_list', 'Danh sách trích ngang học viên')).join(' ');
    for (const text of ['DANH SÁCH TRÍCH NGANG HỌC VIÊN', code, name]) expect(list).toContain(text);
    const book = (await printAndRead(page, code, 'attendance', 'Sổ điểm danh')).join(' ');
    for (const text of ['SỔ ĐIỂM DANH', code, name]) expect(book).toContain(text);
    const register = (await printAndRead(page, code, 'certificate_register', 'Sổ cấp chứng chỉ')).join(' ');
    for (const text of ['SỔ CẤP CHỨNG CHỈ', code]) expect(register).toContain(text);

    const results = await issueAndRead(page, 'class', id, 'Quyết định công nhận kết quả, cấp chứng chỉ');
    const decided = results.pages.join(' ');
    for (const text of [
      `Số: ${results.number}`,
      'Về việc công nhận kết quả học tập và cấp chứng chỉ',
      'DANH SÁCH HỌC VIÊN ĐƯỢC CÔNG NHẬN KẾT QUẢ VÀ CẤP CHỨNG CHỈ',
      name,
      grade,
    ])
      expect(decided).toContain(text);
    await shot(page, 'documents-04-class-decisions');

    const plans = await office.get<{ items: { id: number; title: string }[] }>(
      '/plans?status=approved&pageSize=200',
    );
    const plan = plans.items[0];
    expect(plan, 'an approved demo plan').toBeDefined();
    await page.goto(`/plans/${plan.id}`);
    await visible(page.getByRole('button', { name: `In văn bản của ${plan.title}` }));
    const approval = await issueAndRead(page, 'plan', plan.id, 'Quyết định phê duyệt kế hoạch');
    const approved = approval.pages.join(' ');
    for (const text of [`Số: ${approval.number}`, 'QUYẾT ĐỊNH', `Về việc phê duyệt ${plan.title}`, 'PHỤ LỤC'])
      expect(approved).toContain(text);
    await shot(page, 'documents-05-plan-approval');
    await context.close();
  }, 240_000);
});
