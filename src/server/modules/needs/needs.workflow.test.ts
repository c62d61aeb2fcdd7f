import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { daysFromNow, makeProvince, movableClock } from '../../test/fixtures/needs';
import { sheetRows } from '../../test/xlsx';

type Row = { proposalId: number; unitId: number; status: string; late: boolean; submittedLate: boolean };
type Line = {
  id: number;
  personId: number | null;
  programmeKind: string;
  level: string | null;
  priority: number;
  source: string;
  ruleCode: string | null;
  fromProposalId: number | null;
};

describe.each(testBackends())('needs campaign workflow (%s)', (kind) => {
  const clock = movableClock();
  const t = useTestApp(kind, { clock });

  it('open -> prefilled -> edit -> submit -> return -> resubmit -> accept -> consolidated at the province', async () => {
    const w = await makeProvince(t.handle.db);
    let province = await t.as('training_officer', w.P);
    const communeA = await t.as('unit_officer', w.A);
    const stationA1 = await t.as('unit_officer', w.A1);
    let communeB = await t.as('unit_officer', w.B);
    const call = t.call;

    // Open: one proposal per participating unit, pre-filled from the gaps.
    const opened = await call(province, {
      method: 'POST',
      url: '/api/needs/campaigns',
      payload: {
        year: 2027,
        title: 'Nhu cầu ĐTBD năm 2027',
        opensOn: daysFromNow(-1),
        deadline: daysFromNow(10),
      },
    });
    expect(opened.statusCode).toBe(200);
    const campaign = opened.json();
    expect(campaign).toMatchObject({
      rootUnitId: w.P.id,
      status: 'open',
      proposals: { total: 4, draft: 4, late: 0 },
    });
    expect(campaign.prefill).toMatchObject({ lines: 3 });
    expect(campaign.prefill.skipped).toBeGreaterThanOrEqual(1); // the clerk's missing degree

    const board = (
      await call(province, { method: 'GET', url: `/api/needs/campaigns/${campaign.id}` })
    ).json();
    const byUnit = new Map<number, Row & { reviewerUnitId: number }>(
      board.proposals.map((p: Row & { reviewerUnitId: number }) => [p.unitId, p]),
    );
    expect([...byUnit.keys()].sort()).toEqual([w.A.id, w.A1.id, w.B.id, w.S.id].sort());
    expect(byUnit.get(w.A1.id)!.reviewerUnitId).toBe(w.A.id);
    expect(byUnit.get(w.A.id)!.reviewerUnitId).toBe(w.P.id);
    expect(byUnit.get(w.S.id)!.reviewerUnitId).toBe(w.P.id);
    expect(board.proposals[0].lastEvent).toMatchObject({ action: 'prefill' });
    const pA = byUnit.get(w.A.id)!.proposalId;
    const pA1 = byUnit.get(w.A1.id)!.proposalId;
    const pB = byUnit.get(w.B.id)!.proposalId;
    const pS = byUnit.get(w.S.id)!.proposalId;

    const lines = async (s: typeof province, id: number): Promise<Line[]> =>
      (await call(s, { method: 'GET', url: `/api/needs/proposals/${id}` })).json().lines.items;
    expect(await lines(communeA, pA)).toEqual([
      expect.objectContaining({
        personId: w.a1.id,
        programmeKind: 'STATE_MANAGEMENT',
        level: 'CVC',
        priority: 1,
        source: 'gap',
        ruleCode: w.code('SM_CVC'),
      }),
    ]);
    expect(await lines(stationA1, pA1)).toEqual([
      expect.objectContaining({
        personId: w.a3.id,
        programmeKind: 'LEADERSHIP',
        level: 'PHONG',
        priority: 2,
        source: 'gap',
      }),
    ]);
    expect(await lines(province, pS)).toEqual([
      expect.objectContaining({
        personId: w.s1.id,
        programmeKind: 'POSTGRADUATE',
        level: 'THAC_SI',
        priority: 1,
      }),
    ]);
    expect(await lines(communeB, pB)).toEqual([]);

    // Edit: the station adds a named line and a count of unnamed people, changes and removes lines.
    const added = await call(stationA1, {
      method: 'POST',
      url: `/api/needs/proposals/${pA1}/lines`,
      payload: { personId: w.a3.id, programmeKind: 'IT', level: 'CO_BAN', priority: 3, note: 'Kỹ năng số' },
    });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ personName: 'Lê Văn Cường', source: 'manual', quantity: 1 });
    const unnamed = await call(stationA1, {
      method: 'POST',
      url: `/api/needs/proposals/${pA1}/lines`,
      payload: { programmeKind: 'KNOWLEDGE_UPDATE', quantity: 5 },
    });
    expect(unnamed.json()).toMatchObject({ personId: null, quantity: 5, priority: 2, level: null });
    const patched = await call(stationA1, {
      method: 'PATCH',
      url: `/api/needs/proposals/${pA1}/lines/${unnamed.json().id}`,
      payload: { quantity: 4, priority: 1 },
    });
    expect(patched.json()).toMatchObject({ quantity: 4, priority: 1 });
    const gone = await call(stationA1, {
      method: 'DELETE',
      url: `/api/needs/proposals/${pA1}/lines/${added.json().id}`,
    });
    expect(gone.statusCode).toBe(200);

    // Submit -> return with a comment -> resubmit -> accept (lines go up into the commune's proposal).
    const submitted = await call(stationA1, { method: 'POST', url: `/api/needs/proposals/${pA1}/submit` });
    expect(submitted.json()).toMatchObject({ status: 'submitted', late: false, submittedLate: false });
    const returned = await call(communeA, {
      method: 'POST',
      url: `/api/needs/proposals/${pA1}/return`,
      payload: { comment: 'Bổ sung nhu cầu tin học' },
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung nhu cầu tin học' });
    await call(stationA1, {
      method: 'POST',
      url: `/api/needs/proposals/${pA1}/lines`,
      payload: { personId: w.a3.id, programmeKind: 'IT', level: 'CO_BAN' },
    });
    await call(stationA1, { method: 'POST', url: `/api/needs/proposals/${pA1}/submit` });
    const accepted = await call(communeA, {
      method: 'POST',
      url: `/api/needs/proposals/${pA1}/accept`,
      payload: {},
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const actions = accepted.json().events.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 5)).toEqual(['accept', 'submit', 'line.add', 'return', 'submit']);
    // The station that submitted hears of the return and the acceptance (ADR 051); the reviewer does not.
    const inbox = async (s: typeof province) =>
      (await call(s, { method: 'GET', url: '/api/notifications' }))
        .json()
        .items.map((n: Record<string, unknown>) => ({
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
        }));
    const unitA1 = accepted.json().unitName;
    expect(await inbox(stationA1)).toEqual([
      {
        kind: 'proposal.accepted',
        title: 'Đề xuất nhu cầu đã được chấp nhận',
        body: `Đề xuất của ${unitA1} trong đợt "Nhu cầu ĐTBD năm 2027" đã được chấp nhận.`,
        link: `/needs/proposals/${pA1}`,
      },
      {
        kind: 'proposal.returned',
        title: 'Đề xuất nhu cầu bị trả lại',
        body: `Đề xuất của ${unitA1} trong đợt "Nhu cầu ĐTBD năm 2027" bị trả lại. Ý kiến: Bổ sung nhu cầu tin học.`,
        link: `/needs/proposals/${pA1}`,
      },
    ]);
    expect(await inbox(communeA)).toEqual([]);
    const intoA = await lines(communeA, pA);
    expect(intoA.filter((l) => l.source === 'consolidated')).toHaveLength(3);
    expect(intoA.filter((l) => l.source === 'consolidated').every((l) => l.fromProposalId === pA1)).toBe(
      true,
    );

    // The commune submits and cannot accept its own proposal; the province accepts it and B's.
    await call(communeA, { method: 'POST', url: `/api/needs/proposals/${pA}/submit` });
    const own = await call(communeA, {
      method: 'POST',
      url: `/api/needs/proposals/${pA}/accept`,
      payload: {},
    });
    expect(own.statusCode).toBe(403);
    expect(
      (
        await call(province, {
          method: 'POST',
          url: `/api/needs/proposals/${pA}/accept`,
          payload: { comment: 'Đồng ý' },
        })
      ).statusCode,
    ).toBe(200);
    await call(communeB, {
      method: 'POST',
      url: `/api/needs/proposals/${pB}/lines`,
      payload: { personId: w.b1.id, programmeKind: 'POLITICAL_THEORY', level: 'SO_CAP', priority: 1 },
    });

    // Past the deadline: S has not submitted (late); B submits late (taken, marked).
    clock.advanceDays(15);
    // Sessions end on the clock that gave them: two weeks on, the officers log in again.
    expect((await call(province, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    province = await t.as('training_officer', w.P);
    communeB = await t.as('unit_officer', w.B);
    const late = (await call(province, { method: 'GET', url: `/api/needs/campaigns/${campaign.id}` })).json();
    expect(late.lateUnits.map((u: { unitId: number }) => u.unitId).sort()).toEqual([w.B.id, w.S.id].sort());
    const bLate = await call(communeB, { method: 'POST', url: `/api/needs/proposals/${pB}/submit` });
    expect(bLate.json()).toMatchObject({ status: 'submitted', late: false, submittedLate: true });
    await call(province, { method: 'POST', url: `/api/needs/proposals/${pB}/accept`, payload: {} });
    const lateOnly = (
      await call(province, { method: 'GET', url: `/api/needs/campaigns/${campaign.id}?late=true` })
    ).json();
    expect(lateOnly.proposals.map((p: Row) => p.unitId)).toEqual([w.S.id]);

    // The province's consolidated table: programme kind x level x unit of origin.
    const table = (
      await call(province, { method: 'GET', url: `/api/needs/campaigns/${campaign.id}/consolidated` })
    ).json();
    expect(table.reviewedByRoot).toEqual({ total: 3, accepted: 2, pending: 1 });
    const rows = table.rows.map((r: Record<string, unknown>) => [
      r.programmeKind,
      r.level,
      r.unitId,
      r.viaUnitId,
      r.people,
      r.quantity,
      r.priority1,
      r.priority2,
      r.priority3,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['STATE_MANAGEMENT', 'CVC', w.A.id, w.A.id, 1, 1, 1, 0, 0],
        ['LEADERSHIP', 'PHONG', w.A1.id, w.A.id, 1, 1, 0, 1, 0],
        ['IT', 'CO_BAN', w.A1.id, w.A.id, 1, 1, 0, 1, 0],
        ['KNOWLEDGE_UPDATE', null, w.A1.id, w.A.id, 0, 4, 4, 0, 0],
        ['POLITICAL_THEORY', 'SO_CAP', w.B.id, w.B.id, 1, 1, 1, 0, 0],
      ]),
    );
    expect(rows).toHaveLength(5);
    expect(table.rows.find((r: { unitId: number }) => r.unitId === w.A1.id).proposalId).toBe(pA1);
    expect(table.totals).toEqual({ people: 3, quantity: 8 }); // a3 needs two programmes: counted once
    expect(
      table.groups.find((g: { programmeKind: string }) => g.programmeKind === 'KNOWLEDGE_UPDATE'),
    ).toMatchObject({ units: 1, quantity: 4 });

    // The same table as .xlsx: labels for codes, one row per line of the table.
    const sheet = await sheetRows(
      await call(province, {
        method: 'GET',
        url: `/api/needs/campaigns/${campaign.id}/consolidated/export.xlsx`,
      }),
    );
    expect(sheet[0]).toEqual([
      'STT',
      'Loại chương trình',
      'Trình độ',
      'Đơn vị đề xuất',
      'Qua đơn vị',
      'Số người có tên',
      'Số lượng',
      'Ưu tiên 1',
      'Ưu tiên 2',
      'Ưu tiên 3',
    ]);
    expect(sheet).toHaveLength(6);
    const knowledge = sheet.find((r) => r[6] === 4);
    expect(knowledge?.slice(3, 10)).toEqual([w.A1.name, w.A.name, 0, 4, 4, 0, 0]);
    expect(sheet.some((r) => r[2] === 'Sơ cấp' && r[3] === w.B.name)).toBe(true);

    // Close: everything is frozen.
    const closed = await call(province, { method: 'POST', url: `/api/needs/campaigns/${campaign.id}/close` });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const frozen = await call(province, {
      method: 'POST',
      url: `/api/needs/proposals/${pS}/lines`,
      payload: { programmeKind: 'IT', level: 'CO_BAN' },
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toMatch(/closed|kết thúc/);
    expect(
      (await call(province, { method: 'POST', url: `/api/needs/campaigns/${campaign.id}/close` })).statusCode,
    ).toBe(409);

    const admin = await t.as('admin', w.P);
    const audit = (
      await call(admin, { method: 'GET', url: `/api/audit?entity=needs_proposal&entityId=${pA1}` })
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('needs.proposal.return');
    expect(
      audit.items.find((a: { action: string }) => a.action === 'needs.proposal.return').after,
    ).toMatchObject({ comment: 'Bổ sung nhu cầu tin học' });
  });
});
