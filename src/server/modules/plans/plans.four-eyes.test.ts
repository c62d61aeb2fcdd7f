/**
 * Four eyes on plans (ADR 038): with the province's policy on, whoever submitted a plan cannot
 * approve it (403, bilingual); another officer can, and the approval records the decision's
 * number, date and signer. With the policy off (the shipped default) one officer may do both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makeUnit } from '../../test/fixtures/org';

describe.each(testBackends())('four eyes on plan approval (%s)', (kind) => {
  const t = useTestApp(kind);
  let first: Session;
  let second: Session;
  const post = (s: Session, url: string, payload?: object) => t.call(s, { method: 'POST', url, payload });

  async function submittedPlan(unit: { id: number }, year: number) {
    const plan = await post(first, '/api/plans', {
      year,
      title: `Kế hoạch ĐTBD năm ${year}`,
      unitId: unit.id,
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const id = plan.json().id as number;
    await post(first, `/api/plans/${id}/lines`, { programmeKind: 'IT', classes: 1, trainees: 30 });
    expect((await post(first, `/api/plans/${id}/submit`)).statusCode).toBe(200);
    return id;
  }

  beforeAll(async () => {
    first = await t.as('training_officer', t.root);
    second = await t.as('training_officer', t.root);
  });

  it('lets one officer submit and approve while the policy is off', async () => {
    const id = await submittedPlan(t.root, 2026);
    const shown = (await t.call(first, { method: 'GET', url: `/api/plans/${id}` })).json();
    expect(shown.can).toMatchObject({ review: true, approve: true });
    expect(shown.approveBlockedReason).toBeNull();
    const ok = await post(first, `/api/plans/${id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses the submitter once the province requires four eyes; another approves with the decision', async () => {
    const set = await post(first, '/api/policies/approvals.four_eyes', {
      value: true,
      effectiveFrom: '2026-01-01',
      legalSource: 'Quy định của tỉnh (Quyết định 12/2025/QĐ-UBND)',
    });
    expect(set.statusCode, set.body).toBe(200);
    const id = await submittedPlan(t.communeA, 2027);
    // The plan says so before anyone tries: the submitter's button is off, with the same words.
    const mine = (await t.call(first, { method: 'GET', url: `/api/plans/${id}` })).json();
    expect(mine.can).toMatchObject({ review: true, approve: false });
    const theirs = (await t.call(second, { method: 'GET', url: `/api/plans/${id}` })).json();
    expect(theirs.can).toMatchObject({ review: true, approve: true });
    expect(theirs.approveBlockedReason).toBeNull();
    const self = await post(first, `/api/plans/${id}/approve`, { decisionNo: '1/QĐ-SNV' });
    expect(self.json().error.message).toBe(mine.approveBlockedReason);
    expect(self.statusCode).toBe(403);
    // The rule's source and date as offices write them (dd/mm/yyyy), then why and what to do.
    expect(self.json().error.message).toBe(
      'Theo quy định đang áp dụng cho đơn vị (Quy định của tỉnh (Quyết định 12/2025/QĐ-UBND), từ ngày 01/01/2026), người phê duyệt kế hoạch phải khác người đã trình. Đề nghị người khác phê duyệt.',
    );
    const en = await t.call(first, {
      method: 'POST',
      url: `/api/plans/${id}/approve`,
      payload: {},
      headers: { 'x-dtbd-lang': 'en' },
    });
    expect(en.json().error.message).toContain('must not be whoever submitted it');
    const ok = await post(second, `/api/plans/${id}/approve`, {
      decisionNo: '245/QĐ-UBND',
      decisionDate: '2026-11-18',
      signerName: 'Nguyễn Văn Ký',
      signerTitle: 'Phó Chủ tịch UBND tỉnh',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().versions[0]).toMatchObject({
      version: 1,
      decisionNo: '245/QĐ-UBND',
      decisionDate: '2026-11-18',
      signerName: 'Nguyễn Văn Ký',
      signerTitle: 'Phó Chủ tịch UBND tỉnh',
    });
    const frozen = await t.call(second, { method: 'GET', url: `/api/plans/${id}/versions/1` });
    expect(frozen.json()).toMatchObject({ decisionNo: '245/QĐ-UBND', signerName: 'Nguyễn Văn Ký' });
  });

  it("does not reach another province's plans (404)", async () => {
    const other = await makeUnit(t.handle.db, { name: 'Tỉnh Khác', level: 'province' });
    const stranger = await t.as('training_officer', other);
    const id = await submittedPlan(t.communeB, 2028);
    expect((await post(stranger, `/api/plans/${id}/approve`, {})).statusCode).toBe(404);
  });
});
