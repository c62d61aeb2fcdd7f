/**
 * The accepting decision of a needs proposal (ADR 044): optional while the policy
 * approvals.decision_required is off, required once the province turns it on; what is given is
 * checked (a digit in the number, a date not after today, a signer with letters) before anything
 * changes; stored, shown on the proposal and the board, exported and audited.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, needsProposals } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { daysFromNow, makeProvince, movableClock } from '../../test/fixtures/needs';
import { makeUnit } from '../../test/fixtures/org';
import { sheetRows } from '../../test/xlsx';

const fieldsOf = (body: { error: { details?: { fields?: string | { field: string }[] } } }) => {
  const f = body.error.details?.fields ?? [];
  return (typeof f === 'string' ? f.split(', ') : f.map((x) => x.field)).sort();
};

describe.each(testBackends())('needs proposal decisions (%s)', (kind) => {
  const clock = movableClock();
  const t = useTestApp(kind, { clock });

  it('checks, stores, shows, exports and audits the accepting decision; a policy makes it required', async () => {
    const w = await makeProvince(t.handle.db);
    const province = await t.as('training_officer', w.P);
    const communeA = await t.as('unit_officer', w.A);
    const stationA1 = await t.as('unit_officer', w.A1);
    const call = t.call;
    const opened = await call(province, {
      method: 'POST',
      url: '/api/needs/campaigns',
      payload: {
        year: 2028,
        title: 'Nhu cầu ĐTBD năm 2028',
        opensOn: daysFromNow(-1),
        deadline: daysFromNow(10),
      },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const campaignId = opened.json().id as number;
    const board = (await call(province, { method: 'GET', url: `/api/needs/campaigns/${campaignId}` })).json();
    const idOf = (unitId: number) =>
      board.proposals.find((p: { unitId: number }) => p.unitId === unitId).proposalId as number;
    const pA1 = idOf(w.A1.id);
    const pA = idOf(w.A.id);
    expect(
      (await call(stationA1, { method: 'POST', url: `/api/needs/proposals/${pA1}/submit` })).statusCode,
    ).toBe(200);

    // Wrong decisions change nothing.
    const row = async (id: number) =>
      (await t.handle.db.select().from(needsProposals).where(eq(needsProposals.id, id)))[0];
    const before = await row(pA1);
    const wrong = await call(communeA, {
      method: 'POST',
      url: `/api/needs/proposals/${pA1}/accept`,
      payload: { decisionNo: 'Quyết định', decisionDate: daysFromNow(3), signerName: '123' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong.json())).toEqual(['decisionDate', 'decisionNo', 'signerName']);
    expect(JSON.stringify(wrong.json())).toContain('ngày quyết định không được sau hôm nay');
    const noNumber = await call(communeA, {
      method: 'POST',
      url: `/api/needs/proposals/${pA1}/accept`,
      payload: { signerName: 'Lê Văn Ký' },
    });
    expect(noNumber.statusCode).toBe(400);
    expect(fieldsOf(noNumber.json())).toEqual(['decisionNo']);
    expect(await row(pA1)).toEqual(before);

    // A good one is stored (NFC, trimmed), shown, on the board and audited.
    const accepted = await call(communeA, {
      method: 'POST',
      url: `/api/needs/proposals/${pA1}/accept`,
      payload: {
        decisionNo: ' 12/QĐ-UBND '.normalize('NFD'),
        decisionDate: daysFromNow(-2),
        signerName: 'Lê Văn Ký',
        signerTitle: 'Chủ tịch UBND xã',
      },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const decision = {
      decisionNo: '12/QĐ-UBND',
      decisionDate: daysFromNow(-2),
      signerName: 'Lê Văn Ký',
      signerTitle: 'Chủ tịch UBND xã',
    };
    expect(accepted.json()).toMatchObject({ status: 'accepted', ...decision });
    expect(await row(pA1)).toEqual({
      ...before,
      ...decision,
      status: 'accepted',
      reviewedAt: expect.any(Date),
      reviewedBy: expect.any(Number),
      updatedAt: expect.any(Date),
    });
    const [logged] = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(pA1)), eq(auditLog.action, 'needs.proposal.accept')));
    expect(logged.after).toMatchObject(decision);
    const shown = (await call(province, { method: 'GET', url: `/api/needs/campaigns/${campaignId}` })).json();
    expect(shown.proposals.find((p: { proposalId: number }) => p.proposalId === pA1)).toMatchObject({
      decisionNo: '12/QĐ-UBND',
      signerName: 'Lê Văn Ký',
    });
    const xlsx = await call(province, {
      method: 'GET',
      url: `/api/needs/campaigns/${campaignId}/board/export.xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const rows = await sheetRows(xlsx);
    expect(rows.some((r) => r.includes('12/QĐ-UBND') && r.includes('Lê Văn Ký'))).toBe(true);

    // The province requires the decision: without it the acceptance is refused.
    const set = await call(province, {
      method: 'POST',
      url: '/api/policies/approvals.decision_required',
      payload: {
        value: true,
        effectiveFrom: '2026-01-01',
        legalSource: 'Quyết định 7/2026/QĐ-UBND của tỉnh',
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    await call(communeA, { method: 'POST', url: `/api/needs/proposals/${pA}/submit` });
    const bare = await call(province, {
      method: 'POST',
      url: `/api/needs/proposals/${pA}/accept`,
      payload: {},
    });
    expect(bare.statusCode).toBe(400);
    expect(fieldsOf(bare.json())).toEqual(['decisionDate', 'decisionNo', 'signerName']);
    expect((await row(pA)).status).toBe('submitted');
    const ok = await call(province, {
      method: 'POST',
      url: `/api/needs/proposals/${pA}/accept`,
      payload: { decisionNo: '88/QĐ-SNV', decisionDate: daysFromNow(0), signerName: 'Trần Thị Duyệt' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ decisionNo: '88/QĐ-SNV', signerTitle: null });

    // Another province sees neither the board nor its export.
    const other = await makeUnit(t.handle.db, { name: 'Tỉnh Khác', level: 'province' });
    const stranger = await t.as('training_officer', other);
    expect(
      (await call(stranger, { method: 'GET', url: `/api/needs/campaigns/${campaignId}/board/export.xlsx` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(stranger, { method: 'POST', url: `/api/needs/proposals/${pA}/accept`, payload: {} }))
        .statusCode,
    ).toBe(404);
  });
});
