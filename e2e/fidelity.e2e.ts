import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './support/api';
import { answered, launchBrowser, login, newSession, screenshot, visible } from './support/browser';
import { card, fillDate, pick, XLSX_MIME, xlsxOf } from './support/fidelity';

/** Digits of this run: every unit, class, user and plan below is the journey's own. */
const stamp = String(Date.now()).slice(-6);
const M = 1_000_000;
const vnd = (n: number) => n.toLocaleString('vi-VN');
/** The password of the journey's own accounts (the server refuses guessable ones). */
const PASSWORD = `Hai-Mat.Kiem-Tra!${stamp}`;

interface Unit {
  id: number;
  name: string;
}
interface Spending {
  estimateTotal: number;
  actualTotal: number;
  byItem: Record<string, number>;
  bySource: Record<string, number>;
  lines: { item: string; fundingSource: string; amount: number }[];
  settlement: { number: string; settledTotal: number } | null;
  canEdit: boolean;
}

/**
 * Journeys of issue 16 (ADR 037, 038, 039): org units from a sheet with preview, all-or-nothing
 * and undo; a class's actual spending, its settlement and the cost report; the four-eyes policy
 * on a plan with the approving decision recorded.
 */
describe('domain fidelity journeys (issue 16)', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A commune of the journey's own, straight under the province (after the 2025 reform). */
  async function ownCommune(name: string, prefix: string): Promise<Unit> {
    const admin = await apiSession(baseURL, 'admin');
    return admin.post<Unit>('/org/units', {
      parentId: admin.me.scopeUnitId,
      name: `Xã ${name} E2E ${stamp}`,
      code: `${prefix}${stamp}`,
      level: 'commune',
      kind: 'ADMIN_AREA',
      validFrom: '2025-07-01',
    });
  }

  it('imports org units from .xlsx: reads the bad row, fixes it, writes, sees them in the tree, undoes', async () => {
    const parent = await ownCommune('Tiên Lãng', 'TL');
    const head = ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Loại đơn vị', 'Đơn vị cấp trên', 'Ngày thành lập'];
    const office = `UBND E2E ${stamp}`;
    const bureau = `Văn phòng HĐND và UBND E2E ${stamp}`;
    const rows = (bureauParent: string) => [
      head,
      // No parent: the unit chosen on the page.
      [`U${stamp}`, office, 'agency', 'Ủy ban nhân dân', '', '01/07/2025'],
      // The parent is the row above, by its name.
      ['', bureau, 'agency', 'Ủy ban nhân dân', bureauParent, '01/07/2025'],
    ];
    const admin = await apiSession(baseURL, 'admin');
    const tree = async () =>
      (await admin.get<{ units: (Unit & { parentId: number | null })[] }>('/org/tree')).units
        .filter((u) => u.name.endsWith(`E2E ${stamp}`))
        .map(({ name, parentId }) => ({ name, parentId }))
        .sort((a, b) => a.name.localeCompare(b.name));
    const before = await tree();
    expect(before).toEqual([{ name: parent.name, parentId: admin.me.scopeUnitId }]);

    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'admin');
    await page.goto('/imports');
    await visible(page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }));
    await page.locator('#import-kind').click();
    const unitsKind = page.locator('.ant-select-item-option').filter({ hasText: 'Đơn vị (cơ cấu tổ chức)' });
    await unitsKind.click();
    await unitsKind.waitFor({ state: 'hidden' });
    // The unit the new units hang under when a row names no parent.
    await visible(page.getByText('Dòng không ghi đơn vị cấp trên sẽ là đơn vị trực thuộc đơn vị này'));
    await pick(page, page, 'Đơn vị mặc định', `TL${stamp}`, parent.name);

    // One bad row: its parent names no unit and no row above.
    const bad = await xlsxOf(rows(`UBND sai E2E ${stamp}`));
    const fixed = await xlsxOf(rows(office));
    const file = page.locator('input[type=file]');
    await answered(page, 'POST', '/imports', () =>
      file.setInputFiles({
        name: `don-vi-loi-${stamp}.xlsx`,
        mimeType: XLSX_MIME,
        buffer: bad,
      }),
    );
    await visible(page.getByText(`Kết quả kiểm tra: don-vi-loi-${stamp}.xlsx`));
    const error = page.getByRole('row').filter({ hasText: 'Không tìm thấy đơn vị cấp trên' });
    await visible(error);
    expect(await error.first().getByRole('cell').first().textContent()).toBe('3');
    await screenshot(page, 'fidelity-01-units-error');
    expect(await tree()).toEqual(before);

    // The fixed sheet: no error, written in one go.
    await answered(page, 'POST', '/imports', () =>
      file.setInputFiles({
        name: `don-vi-${stamp}.xlsx`,
        mimeType: XLSX_MIME,
        buffer: fixed,
      }),
    );
    await visible(page.getByText(`Kết quả kiểm tra: don-vi-${stamp}.xlsx`));
    await visible(page.getByText('Không có lỗi nào.'));
    await answered(page, 'POST', /^\/imports\/\d+\/commit$/, () =>
      page.getByRole('button', { name: 'Ghi dữ liệu' }).click(),
    );
    await visible(page.getByText('Đã ghi 2 dòng.').first());
    const officeId = (await admin.get<{ units: Unit[] }>('/org/tree')).units.find(
      (u) => u.name === office,
    )?.id;
    expect(await tree()).toEqual(
      [...before, { name: office, parentId: parent.id }, { name: bureau, parentId: officeId }].sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    );

    // The org tree shows them, under the chosen commune.
    await page.goto('/org');
    await page.locator('#org-search').fill(`van phong hdnd va ubnd e2e ${stamp}`);
    const branch = page.locator('.ant-tree');
    await visible(branch.getByText(bureau, { exact: true }));
    await visible(branch.getByText(office, { exact: true }));
    await visible(branch.getByText(parent.name, { exact: true }));
    await screenshot(page, 'fidelity-02-units-tree');

    // Undo the import, with a reason: the units are gone from the tree.
    await page.goto('/imports');
    const done = page.getByRole('row').filter({ hasText: `don-vi-${stamp}.xlsx` });
    await visible(done.getByText('Đã ghi', { exact: true }));
    await done.getByRole('button', { name: 'Hoàn tác' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Lý do').fill('Nhập nhầm cơ cấu, làm lại');
    await answered(page, 'POST', /^\/imports\/\d+\/undo$/, () =>
      dialog.getByRole('button', { name: 'Hoàn tác' }).click(),
    );
    await visible(done.getByText('Đã hoàn tác', { exact: true }));
    expect(await tree()).toEqual(before);
    await page.goto('/org');
    await page.locator('#org-search').fill(`van phong hdnd va ubnd e2e ${stamp}`);
    await visible(page.getByText('Không có đơn vị nào khớp.'));
    await screenshot(page, 'fidelity-03-units-undone');
    await context.close();
  });

  it('records spending by item and source on a finished class, settles it, reads planned vs actual per trainee', async () => {
    // Set-up: a finished class of the journey's own commune, three learners, 30 M estimated.
    const organiser = await ownCommune('Hải Hà', 'HH');
    const api = await apiSession(baseURL, 'sonoivu');
    const programme = (await api.get<{ items: { id: number }[] }>('/programmes?pageSize=1')).items[0];
    const code = `QT${stamp}`;
    const cls = await api.post<{ id: number }>('/classes', {
      code,
      name: `Bồi dưỡng kỹ năng E2E ${stamp}`,
      programmeId: programme.id,
      organiserUnitId: organiser.id,
      startsOn: '2026-11-02',
      endsOn: '2026-11-13',
      mode: 'in_person',
      capacity: 30,
      budget: { NST: 30 * M },
    });
    await api.post(`/classes/${cls.id}/status`, { to: 'open_for_nomination' });
    const people = await api.get<{ items: { id: number }[] }>('/people?status=WORKING&pageSize=3');
    expect(people.items).toHaveLength(3);
    for (const p of people.items) {
      const view = await api.post<{ items: { id: number; personId: number }[] }>(
        `/classes/${cls.id}/nominations`,
        { personId: p.id, confirm: true },
      );
      const n = view.items.find((i) => i.personId === p.id)!;
      await api.post(`/classes/${cls.id}/nominations/${n.id}/decision`, { decision: 'approve' });
    }
    await api.post(`/classes/${cls.id}/status`, { to: 'running' });
    await api.post(`/classes/${cls.id}/status`, { to: 'finished' });
    const before = await api.get<Spending>(`/classes/${cls.id}/spending`);
    expect(before).toMatchObject({ estimateTotal: 30 * M, actualTotal: 0, lines: [], settlement: null });

    const { context, page } = await newSession(browser, baseURL);
    await login(page, 'sonoivu');
    await page.goto(`/classes/${cls.id}`);
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(code) }));
    const spending = card(page, 'Chi phí');
    await visible(spending.getByText('Chưa ghi khoản chi nào.'));

    const lines: [string, string, string, string, number][] = [
      ['thu lao', 'Thù lao giảng viên, báo cáo viên', 'ngan sach tinh', 'Ngân sách tỉnh', 15 * M],
      ['ho tro hoc vien', 'Hỗ trợ học viên (ăn, ở, đi lại)', 'hoc vien dong gop', 'Học viên đóng góp', 9 * M],
    ];
    for (const [itemText, item, sourceText, source, amount] of lines) {
      await spending.getByRole('button', { name: 'Thêm khoản chi' }).click();
      const dialog = page.getByRole('dialog', { name: 'Thêm khoản chi' });
      await visible(dialog);
      await pick(page, dialog, 'Nội dung chi', itemText, item);
      await pick(page, dialog, 'Nguồn kinh phí', sourceText, source);
      await dialog.getByLabel('Số tiền (đồng)').fill(String(amount));
      await answered(page, 'POST', `/classes/${cls.id}/spending`, () =>
        dialog.getByRole('button', { name: 'Lưu' }).click(),
      );
      await dialog.waitFor({ state: 'hidden' });
      await visible(
        spending
          .getByRole('row')
          .filter({ hasText: item })
          .filter({ hasText: vnd(amount) }),
      );
    }
    await visible(spending.getByText(`${vnd(24 * M)} đ`));
    await screenshot(page, 'fidelity-04-spending');

    // Settle: the total defaults to the actual total; the lines lock.
    await spending.getByRole('button', { name: 'Quyết toán', exact: true }).click();
    const settle = page.getByRole('dialog', { name: 'Quyết toán kinh phí lớp' });
    await visible(settle);
    await settle.getByLabel('Số quyết toán').fill(`15/QT-SNV-${stamp}`);
    await answered(page, 'POST', `/classes/${cls.id}/settlement`, () =>
      settle.getByRole('button', { name: 'Quyết toán', exact: true }).click(),
    );
    await settle.waitFor({ state: 'hidden' });
    await visible(
      spending.getByText(new RegExp(`^Đã quyết toán số 15/QT-SNV-${stamp} ngày .*: ${vnd(24 * M)} đồng`)),
    );
    expect(await spending.getByRole('button', { name: 'Thêm khoản chi' }).count()).toBe(0);
    await screenshot(page, 'fidelity-05-settled');
    const after = await api.get<Spending>(`/classes/${cls.id}/spending`);
    expect(after).toEqual({
      ...before,
      actualTotal: 24 * M,
      byItem: { LECTURER: 15 * M, ALLOWANCE: 9 * M },
      bySource: { NST: 15 * M, HOC_VIEN: 9 * M },
      lines: after.lines,
      settlement: after.settlement,
      canEdit: false,
      canSettle: false,
      canReopen: true,
    });
    expect(after.lines.map(({ item, fundingSource, amount }) => ({ item, fundingSource, amount }))).toEqual([
      { item: 'LECTURER', fundingSource: 'NST', amount: 15 * M },
      { item: 'ALLOWANCE', fundingSource: 'HOC_VIEN', amount: 9 * M },
    ]);
    expect(after.settlement).toMatchObject({ number: `15/QT-SNV-${stamp}`, settledTotal: 24 * M });

    // The cost report of the commune: estimate 30 M against 24 M spent, per trainee 10 M and 8 M.
    await page.goto(`/reports/costs?unitId=${organiser.id}&year=2026`);
    await visible(page.getByRole('heading', { name: 'Kinh phí đào tạo, bồi dưỡng' }));
    const row = page.getByRole('row').filter({ hasText: code });
    await visible(row);
    const cells = (await row.first().getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(cells).toEqual(
      expect.arrayContaining([code, '3', vnd(30 * M), vnd(24 * M), vnd(10 * M), vnd(8 * M)]),
    );
    const headers = (await page.getByRole('columnheader').allTextContents()).join(' | ');
    expect(headers).toContain('Bình quân một học viên (đồng)');
    expect(headers).toContain('Tổng thực chi (đồng)');
    await screenshot(page, 'fidelity-06-costs-report');
    await context.close();
  });

  it('with four eyes on, the submitter of a plan cannot approve it; a second officer approves with the decision', async () => {
    // Set-up: a commune of its own with its admin and two training officers, and a draft plan.
    // The policy is set for that commune only: other journeys keep the province's default.
    const commune = await ownCommune('Bình Liêu', 'BL');
    const root = await apiSession(baseURL, 'admin');
    const user = (who: string, role: string, displayName: string) =>
      root.post('/users', {
        username: `${who}.${stamp}`,
        displayName,
        role,
        scopeUnitId: commune.id,
        password: PASSWORD,
      });
    await user('qt', 'admin', `Quản trị ${commune.name}`);
    await user('cb1', 'training_officer', `Nguyễn Thị Trình ${stamp}`);
    await user('cb2', 'training_officer', `Trần Văn Duyệt ${stamp}`);
    const first = await apiSession(baseURL, `cb1.${stamp}`, PASSWORD);
    const plan = await first.post<{ id: number }>('/plans', {
      year: 2027,
      title: `Kế hoạch ĐTBD năm 2027 E2E ${stamp}`,
      unitId: commune.id,
    });
    await first.post(`/plans/${plan.id}/lines`, { programmeKind: 'IT', classes: 1, trainees: 30 });

    // The commune's admin turns four eyes on from 1 January 2026.
    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, `qt.${stamp}`, PASSWORD);
      await page.goto('/policies');
      await visible(page.getByRole('heading', { name: 'Tham số quy định' }));
      await page
        .getByRole('button', {
          name: 'Đặt giá trị của đơn vị: Người phê duyệt phải khác người trình (kế hoạch, đề xuất nhu cầu, lượt cử đi học)',
        })
        .click();
      const dialog = page.getByRole('dialog');
      await visible(dialog);
      await dialog.getByLabel('Bắt buộc: người phê duyệt khác người đã trình').check();
      await fillDate(page, dialog, 'Từ ngày', '01/01/2026');
      await dialog.getByLabel('Căn cứ (văn bản, điều khoản)').fill('Quyết định 12/2026/QĐ-UBND');
      await answered(page, 'POST', '/policies/approvals.four_eyes', () =>
        dialog.getByRole('button', { name: 'Lưu' }).click(),
      );
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row').filter({ hasText: 'Người phê duyệt phải khác người trình' });
      await visible(row.getByText('Bắt buộc người phê duyệt khác người trình'));
      await screenshot(page, 'fidelity-07-four-eyes-on');
      await context.close();
    }

    // The first officer submits the plan, then cannot approve it: the button is off and says why,
    // in the server's own words (the same the API answers if tried).
    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, `cb1.${stamp}`, PASSWORD);
      await page.goto(`/plans/${plan.id}`);
      await visible(page.getByRole('heading', { name: `Kế hoạch ĐTBD năm 2027 E2E ${stamp}` }));
      await page.getByRole('button', { name: 'Trình duyệt' }).click();
      await answered(page, 'POST', `/plans/${plan.id}/submit`, () =>
        page.getByRole('button', { name: /^(OK|Đồng ý)$/ }).click(),
      );
      const approve = page.getByRole('button', { name: 'Phê duyệt', exact: true });
      await visible(approve);
      expect(await approve.isDisabled()).toBe(true);
      await page.getByTestId('approve-blocked').hover();
      const tip = page.getByRole('tooltip');
      await visible(tip.getByText('người phê duyệt kế hoạch phải khác người đã trình', { exact: false }));
      const why = (await tip.textContent()) ?? '';
      expect(why).toContain('Theo quy định đang áp dụng cho đơn vị');
      expect(why).toContain('(Quyết định 12/2026/QĐ-UBND, từ ngày 01/01/2026)');
      // Tried anyway (through the API), the server refuses with the same words.
      const refused = await first.post(`/plans/${plan.id}/approve`, {}).then(
        () => '',
        (e: Error) => e.message,
      );
      expect(refused).toContain(': 403 ');
      expect(refused).toContain(JSON.stringify(why).slice(1, -1));
      await screenshot(page, 'fidelity-08-four-eyes-refused');
      await context.close();
    }
    expect((await first.get<{ status: string }>(`/plans/${plan.id}`)).status).toBe('submitted');

    // The second officer approves it, entering the decision.
    {
      const { context, page } = await newSession(browser, baseURL);
      await login(page, `cb2.${stamp}`, PASSWORD);
      await page.goto(`/plans/${plan.id}`);
      const approve = page.getByRole('button', { name: 'Phê duyệt', exact: true });
      await visible(approve);
      expect(await approve.isEnabled()).toBe(true);
      expect(await page.getByTestId('approve-blocked').count()).toBe(0);
      await approve.click();
      const dialog = page.getByRole('dialog', { name: 'Phê duyệt kế hoạch' });
      await dialog.getByLabel('Số quyết định').fill('245/QĐ-UBND');
      await fillDate(page, dialog, 'Ngày quyết định', '18/11/2026');
      await dialog.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Ký');
      await dialog.getByLabel('Chức vụ người ký').fill('Chủ tịch UBND xã');
      await answered(page, 'POST', `/plans/${plan.id}/approve`, () =>
        dialog.getByRole('button', { name: 'Phê duyệt', exact: true }).click(),
      );
      await dialog.waitFor({ state: 'hidden' });
      await visible(
        page.getByText(
          'Phiên bản 1: Quyết định số 245/QĐ-UBND ngày 18/11/2026, Chủ tịch UBND xã Nguyễn Văn Ký ký',
        ),
      );
      await screenshot(page, 'fidelity-09-approved-by-second');
      await context.close();
    }
    const approved = await first.get<{ status: string; versions: Record<string, unknown>[] }>(
      `/plans/${plan.id}`,
    );
    expect(approved.status).toBe('approved');
    expect(approved.versions[0]).toMatchObject({
      version: 1,
      decisionNo: '245/QĐ-UBND',
      decisionDate: '2026-11-18',
      signerName: 'Nguyễn Văn Ký',
      signerTitle: 'Chủ tịch UBND xã',
    });
  });
});
