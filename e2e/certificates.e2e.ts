import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { answered, launchBrowser, login, newSession, screenshot, visible } from './support/browser';

interface ClassList {
  items: { id: number; code: string; status: string; institutionName: string | null }[];
}
interface Results {
  counts: { passed: number };
  items: { personId: number; fullName: string; passed: boolean }[];
}
interface Certificates {
  items: {
    id: number;
    number: string;
    token: string;
    personId: number;
    holderName: string;
    status: string;
  }[];
}

/**
 * Journey (issue 5): the school closes a finished class (its attendance and scores are in the
 * grade book: e2e/gradebook.e2e.ts takes them on a running one), certificates are numbered from
 * the school's register, the QR link opens the public page in a fresh browser without a login,
 * and the qualification is on the learner's record.
 */
describe('certificates journey', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('closes a class, issues certificates, verifies one publicly and finds it on the record', async () => {
    const school = await apiSession(baseURL, 'truongchinhtri');
    const finished = await school.get<ClassList>('/classes?status=finished&pageSize=50');
    // The earliest finished class the school teaches, with learners who passed, that its schedule
    // lets close now (its last session is over: ADR 025).
    let target: { id: number; code: string; passed: Results['items'] } | undefined;
    for (const c of [...finished.items].reverse()) {
      const detail = await school.get<{ canManage: boolean; notYet: { closed: unknown } }>(
        `/classes/${c.id}`,
      );
      if (!detail.canManage || detail.notYet.closed) continue;
      const r = await school.get<Results>(`/classes/${c.id}/results`);
      if (r.counts.passed > 0) {
        target = { id: c.id, code: c.code, passed: r.items.filter((i) => i.passed) };
        break;
      }
    }
    expect(target, 'a finished demo class of the school with passed learners').toBeDefined();
    const { id, code, passed } = target!;

    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'truongchinhtri');
      await page.goto(`/classes/${id}`);
      await visible(page.getByRole('heading', { level: 1, name: new RegExp(code) }));
      await page.getByRole('button', { name: 'Chuyển sang "Đã quyết toán, đóng"' }).click();
      // Closing issues the certificates in the same request: wait for its answer, however long.
      await answered(page, 'POST', `/classes/${id}/status`, () =>
        page.getByRole('dialog').getByRole('button', { name: 'Chuyển sang "Đã quyết toán, đóng"' }).click(),
      );
      await visible(page.getByText('Đã chuyển trạng thái', { exact: false }));
      const table = page.getByRole('table', { name: 'Chứng chỉ', exact: true });
      await visible(table.getByText(passed[0].fullName));
      await visible(table.getByText('Còn hiệu lực').first());
      await screenshot(page, 'certificates-01-issued-on-close');
      await context.close();
    }

    const certs = await school.get<Certificates>(`/classes/${id}/certificates`);
    expect(certs.items).toHaveLength(passed.length);
    expect(new Set(certs.items.map((c) => c.number)).size).toBe(passed.length);
    const cert = certs.items.find((c) => c.personId === passed[0].personId)!;
    expect(cert.number).toMatch(/^NVC\/\d{4}\/\d{4}$/);

    {
      // The QR code's link, in a browser that never logged in.
      const context = await browser.newContext({ baseURL, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(`/verify/${cert.token}`);
      await visible(page.getByText('Chứng chỉ do hệ thống cấp', { exact: false }));
      await visible(page.getByText(cert.holderName));
      await visible(page.getByText(cert.number));
      await screenshot(page, 'certificates-02-public-page');
      await page.goto('/verify/not-a-real-token-0000000000');
      await visible(page.getByText('Không tìm thấy chứng chỉ.'));
      await context.close();
    }

    {
      // The qualification earned in the class is on the learner's record.
      const { context, page } = await newSession(browser, baseURL);
      await login(page, 'sonoivu');
      await page.goto(`/people/${cert.personId}`);
      await page.getByRole('tab', { name: 'Trình độ, bằng cấp' }).click();
      await visible(page.getByText('Hoàn thành lớp học').first());
      await visible(page.getByText(cert.number).first());
      await screenshot(page, 'certificates-03-on-the-record');
      await context.close();
    }
  }, 180_000);
});
