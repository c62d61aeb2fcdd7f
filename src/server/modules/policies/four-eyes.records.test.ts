/**
 * Four eyes on the pages (ADR 038): a needs proposal and a class's nominations carry
 * `approveBlockedReason`, the very words the server answers when the submitter tries to approve,
 * so the pages disable their approve button with that reason; null for a second officer and
 * while the policy is off. (Plans: plans.four-eyes.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { NominationsView } from '../../../contracts/nominations';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { daysFromNow, makeProvince } from '../../test/fixtures/needs';
import { openSmallClass } from '../../test/fixtures/nominations';
import { buildGapWorld } from '../../test/fixtures/standards';

const SOURCE = 'Quyết định 12/2026/QĐ-UBND';
const fourEyesOn = (t: ReturnType<typeof useTestApp>, s: Session, from: string) =>
  t.call(s, {
    method: 'POST',
    url: '/api/policies/approvals.four_eyes',
    payload: { value: true, effectiveFrom: from, legalSource: SOURCE },
  });

describe.each(testBackends())('four eyes shown on the records (%s)', (kind) => {
  const t = useTestApp(kind);
  const post = (s: Session, url: string, payload?: object) => t.call(s, { method: 'POST', url, payload });
  const get = (s: Session, url: string) => t.call(s, { method: 'GET', url });

  it('a needs proposal: the commune officer who submitted it sees why it may not accept it; a second officer may', async () => {
    const w = await makeProvince(t.handle.db);
    const province = await t.as('training_officer', w.P);
    const communeA = await t.as('unit_officer', w.A);
    const secondA = await t.as('unit_officer', w.A);
    const opened = await post(province, '/api/needs/campaigns', {
      year: 2028,
      title: 'Nhu cầu ĐTBD năm 2028',
      opensOn: daysFromNow(-1),
      deadline: daysFromNow(10),
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const board = (await get(province, `/api/needs/campaigns/${opened.json().id}`)).json();
    const pA1 = board.proposals.find((p: { unitId: number }) => p.unitId === w.A1.id).proposalId as number;
    const url = `/api/needs/proposals/${pA1}`;
    expect((await post(communeA, `${url}/submit`)).statusCode).toBe(200);

    // Policy off: nobody is held back.
    expect((await get(communeA, url)).json().approveBlockedReason).toBeNull();

    expect((await fourEyesOn(t, province, daysFromNow(-30))).statusCode).toBe(200);
    const shown = (await get(communeA, url)).json().approveBlockedReason as string;
    expect(shown).toContain('người phê duyệt đề xuất nhu cầu phải khác người đã trình');
    expect(shown).toContain(SOURCE);
    const refused = await post(communeA, `${url}/accept`, {});
    expect(refused.statusCode).toBe(403);
    // One rule, one set of words: the page shows what the server would answer.
    expect(refused.json().error.message).toBe(shown);
    const en = await t.call(communeA, { method: 'GET', url, headers: { 'x-dtbd-lang': 'en' } });
    expect(en.json().approveBlockedReason).toContain('must not be whoever submitted it');

    expect((await get(secondA, url)).json().approveBlockedReason).toBeNull();
    const ok = await post(secondA, `${url}/accept`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().approveBlockedReason).toBeNull();
  });

  it('a nomination: the officer who sent the person sees why it may not approve; a second officer approves', async () => {
    const w = await buildGapWorld(t);
    const officer = await t.as('training_officer', t.root);
    const second = await t.as('training_officer', t.root);
    const classId = await openSmallClass(t, officer, {
      code: 'HM1/2027',
      name: 'Lớp trung cấp lý luận chính trị hai mắt',
    });
    const sent = await post(officer, `/api/classes/${classId}/nominations`, { personId: w.cuong.id });
    expect(sent.statusCode, sent.body).toBe(200);
    const view = async (s: Session) =>
      (await get(s, `/api/classes/${classId}/nominations`)).json() as NominationsView;
    const item = async (s: Session) => (await view(s)).items.find((i) => i.personId === w.cuong.id)!;
    expect(await item(officer)).toMatchObject({ canDecide: true, approveBlockedReason: null });

    expect((await fourEyesOn(t, officer, '2026-01-01')).statusCode).toBe(200);
    const mine = await item(officer);
    expect(mine.canDecide).toBe(true);
    expect(mine.approveBlockedReason).toContain('người phê duyệt lượt cử đi học phải khác người đã trình');
    const url = `/api/classes/${classId}/nominations/${mine.id}/decision`;
    const refused = await post(officer, url, { decision: 'approve' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(mine.approveBlockedReason);

    expect(await item(second)).toMatchObject({ canDecide: true, approveBlockedReason: null });
    const ok = await post(second, url, { decision: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as NominationsView).items.find((i) => i.id === mine.id)).toMatchObject({
      status: 'approved',
      approveBlockedReason: null,
    });
  });
});
