import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { daysFromNow, makeProvince } from '../../test/fixtures/needs';
import { makePerson } from '../../test/fixtures/org';

const fields = (res: { json(): { error: { details?: { fields?: { field: string }[] } } } }) =>
  res
    .json()
    .error.details?.fields?.map((f) => f.field)
    .join(',');

describe.each(testBackends())('needs campaign access and rules (%s)', (kind) => {
  const t = useTestApp(kind);

  /** A province with an open campaign; returns the proposal ids by unit. */
  async function opened(opts: { opensOn?: string; deadline?: string } = {}) {
    const w = await makeProvince(t.handle.db);
    const province = await t.as('training_officer', w.P);
    const res = await t.call(province, {
      method: 'POST',
      url: '/api/needs/campaigns',
      payload: {
        year: 2027,
        title: 'Nhu cầu 2027',
        opensOn: opts.opensOn ?? daysFromNow(-1),
        deadline: opts.deadline ?? daysFromNow(30),
      },
    });
    expect(res.statusCode).toBe(200);
    const campaignId = res.json().id as number;
    const board = (
      await t.call(province, { method: 'GET', url: `/api/needs/campaigns/${campaignId}` })
    ).json();
    const pid = (unitId: number) =>
      board.proposals.find((p: { unitId: number }) => p.unitId === unitId).proposalId as number;
    return { w, province, campaignId, pA: pid(w.A.id), pA1: pid(w.A1.id), pB: pid(w.B.id), pS: pid(w.S.id) };
  }

  it('answers 401 on every route without a session', async () => {
    // Valid bodies: the body is validated before the session is checked.
    const campaign = { year: 2027, title: 'x', opensOn: daysFromNow(0), deadline: daysFromNow(9) };
    const line = { programmeKind: 'IT' };
    const routes: InjectOptions[] = [
      { method: 'GET', url: '/api/needs/campaigns' },
      { method: 'POST', url: '/api/needs/campaigns', payload: campaign },
      { method: 'GET', url: '/api/needs/campaigns/1' },
      { method: 'GET', url: '/api/needs/campaigns/1/consolidated' },
      { method: 'POST', url: '/api/needs/campaigns/1/close' },
      { method: 'GET', url: '/api/needs/proposals/1' },
      { method: 'POST', url: '/api/needs/proposals/1/lines', payload: line },
      { method: 'PATCH', url: '/api/needs/proposals/1/lines/1', payload: line },
      { method: 'DELETE', url: '/api/needs/proposals/1/lines/1' },
      { method: 'POST', url: '/api/needs/proposals/1/submit' },
      { method: 'POST', url: '/api/needs/proposals/1/return', payload: { comment: 'x' } },
      { method: 'POST', url: '/api/needs/proposals/1/accept', payload: {} },
    ];
    for (const r of routes) expect((await t.call(null, r)).statusCode, `${r.method} ${r.url}`).toBe(401);
  });

  it('hides another subtree (404) and refuses roles and positions (403)', async () => {
    const { w, province, campaignId, pA, pB } = await opened();
    const communeB = await t.as('unit_officer', w.B);
    // A commune trying to act on another commune's proposal: it does not exist for them.
    for (const r of [
      { method: 'GET', url: `/api/needs/proposals/${pA}` },
      { method: 'POST', url: `/api/needs/proposals/${pA}/submit` },
      {
        method: 'POST',
        url: `/api/needs/proposals/${pA}/lines`,
        payload: { programmeKind: 'IT', level: 'CO_BAN' },
      },
      { method: 'POST', url: `/api/needs/proposals/${pA}/accept`, payload: {} },
    ] as InjectOptions[])
      expect((await t.call(communeB, r)).statusCode, `${r.method} ${r.url}`).toBe(404);
    // The commune sees the province's campaign, but only its own row of the board.
    const board = (
      await t.call(communeB, { method: 'GET', url: `/api/needs/campaigns/${campaignId}` })
    ).json();
    expect(board.proposals.map((p: { unitId: number }) => p.unitId)).toEqual([w.B.id]);
    expect(board.campaign.proposals.total).toBe(1);
    const list = (await t.call(communeB, { method: 'GET', url: '/api/needs/campaigns' })).json();
    expect(list.items.map((c: { id: number }) => c.id)).toContain(campaignId);
    // ... and cannot read the province table or close the campaign.
    expect(
      (await t.call(communeB, { method: 'GET', url: `/api/needs/campaigns/${campaignId}/consolidated` }))
        .statusCode,
    ).toBe(403);
    const exported = `/api/needs/campaigns/${campaignId}/consolidated/export.xlsx`;
    expect((await t.call(communeB, { method: 'GET', url: exported })).statusCode).toBe(403);
    expect((await t.call(null, { method: 'GET', url: exported })).statusCode).toBe(401);
    const communeTrainer = await t.as('training_officer', w.B);
    expect(
      (await t.call(communeTrainer, { method: 'POST', url: `/api/needs/campaigns/${campaignId}/close` }))
        .statusCode,
    ).toBe(403);

    // Roles: a viewer reads but cannot propose or review; a unit officer cannot open a campaign.
    const viewer = await t.as('viewer', w.P);
    expect((await t.call(viewer, { method: 'GET', url: `/api/needs/proposals/${pB}` })).statusCode).toBe(200);
    expect(
      (await t.call(viewer, { method: 'POST', url: `/api/needs/proposals/${pB}/submit` })).statusCode,
    ).toBe(403);
    expect(
      (await t.call(viewer, { method: 'POST', url: `/api/needs/proposals/${pB}/accept`, payload: {} }))
        .statusCode,
    ).toBe(403);
    const payload = { year: 2028, title: 'x', opensOn: daysFromNow(0), deadline: daysFromNow(9) };
    expect(
      (await t.call(communeB, { method: 'POST', url: '/api/needs/campaigns', payload })).statusCode,
    ).toBe(403);
    const learner = await t.as('learner', w.B, { personId: w.b1.id });
    expect((await t.call(learner, { method: 'GET', url: '/api/needs/campaigns' })).statusCode).toBe(403);

    // The commune cannot review its own submitted proposal; the province can.
    await t.call(communeB, { method: 'POST', url: `/api/needs/proposals/${pB}/submit` });
    const selfReview = await t.call(communeB, {
      method: 'POST',
      url: `/api/needs/proposals/${pB}/return`,
      payload: { comment: 'x' },
    });
    expect(selfReview.statusCode).toBe(403);
    expect(
      (
        await t.call(province, {
          method: 'POST',
          url: `/api/needs/proposals/${pB}/return`,
          payload: { comment: 'Thiếu' },
        })
      ).statusCode,
    ).toBe(200);

    // A campaign opened by a commune for its own subtree is invisible to another commune.
    const aTrainer = await t.as('training_officer', w.A);
    const own = await t.call(aTrainer, {
      method: 'POST',
      url: '/api/needs/campaigns',
      payload: { ...payload, title: 'Xã An' },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().proposals.total).toBe(1); // the station below the commune
    expect(
      (await t.call(communeB, { method: 'GET', url: `/api/needs/campaigns/${own.json().id}` })).statusCode,
    ).toBe(404);
    expect((await t.call(communeB, { method: 'GET', url: '/api/needs/campaigns/999999' })).statusCode).toBe(
      404,
    );
    expect((await t.call(communeB, { method: 'GET', url: '/api/needs/proposals/999999' })).statusCode).toBe(
      404,
    );
  });

  it('enforces the status transitions with 409 and clear messages', async () => {
    const { w, province, pA, pA1, pS } = await opened();
    const communeA = await t.as('unit_officer', w.A);
    const stationA1 = await t.as('unit_officer', w.A1);
    const draftAccept = await t.call(province, {
      method: 'POST',
      url: `/api/needs/proposals/${pS}/accept`,
      payload: {},
    });
    expect(draftAccept.statusCode).toBe(409);
    expect(draftAccept.json().error.message).toContain('"đang soạn"');

    await t.call(communeA, { method: 'POST', url: `/api/needs/proposals/${pA}/submit` });
    const edit = await t.call(communeA, {
      method: 'POST',
      url: `/api/needs/proposals/${pA}/lines`,
      payload: { programmeKind: 'IT', level: 'CO_BAN' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toMatch(/chờ cấp trên xem xét/);
    expect(
      (await t.call(communeA, { method: 'POST', url: `/api/needs/proposals/${pA}/submit` })).statusCode,
    ).toBe(409);

    // The commune already sent its own proposal up: it cannot take in the station's lines now.
    await t.call(stationA1, { method: 'POST', url: `/api/needs/proposals/${pA1}/submit` });
    const blocked = await t.call(communeA, {
      method: 'POST',
      url: `/api/needs/proposals/${pA1}/accept`,
      payload: {},
    });
    expect(blocked.statusCode).toBe(409);
    await t.call(province, {
      method: 'POST',
      url: `/api/needs/proposals/${pA}/return`,
      payload: { comment: 'Chờ trạm y tế' },
    });
    expect(
      (await t.call(communeA, { method: 'POST', url: `/api/needs/proposals/${pA1}/accept`, payload: {} }))
        .statusCode,
    ).toBe(200);
    const again = await t.call(communeA, {
      method: 'POST',
      url: `/api/needs/proposals/${pA1}/return`,
      payload: { comment: 'x' },
    });
    expect(again.statusCode).toBe(409);

    // Consolidated lines are read-only in the commune's proposal.
    const detail = (await t.call(communeA, { method: 'GET', url: `/api/needs/proposals/${pA}` })).json();
    expect(detail.subProposals).toEqual({ total: 1, accepted: 1 });
    const rolled = detail.lines.items.find((l: { source: string }) => l.source === 'consolidated');
    expect(rolled.fromUnitName).toBe(w.A1.name);
    const change = await t.call(communeA, {
      method: 'PATCH',
      url: `/api/needs/proposals/${pA}/lines/${rolled.id}`,
      payload: { priority: 3 },
    });
    expect(change.statusCode).toBe(409);
    expect(
      (await t.call(communeA, { method: 'DELETE', url: `/api/needs/proposals/${pA}/lines/${rolled.id}` }))
        .statusCode,
    ).toBe(409);
    expect(
      (await t.call(communeA, { method: 'DELETE', url: `/api/needs/proposals/${pA}/lines/999999` }))
        .statusCode,
    ).toBe(404);
  });

  it('validates campaigns and lines, naming the fields', async () => {
    const { w, province, pA } = await opened();
    const communeA = await t.as('unit_officer', w.A);
    const dup = await t.call(province, {
      method: 'POST',
      url: '/api/needs/campaigns',
      payload: { year: 2027, title: 'Lần hai', opensOn: daysFromNow(0), deadline: daysFromNow(5) },
    });
    expect(dup.statusCode).toBe(409);
    const order = await t.call(province, {
      method: 'POST',
      url: '/api/needs/campaigns',
      payload: { year: 2028, title: 'Sai ngày', opensOn: daysFromNow(5), deadline: daysFromNow(1) },
    });
    expect(order.statusCode).toBe(400);
    expect(fields(order)).toBe('deadline');
    const missing = await t.call(province, {
      method: 'POST',
      url: '/api/needs/campaigns',
      payload: { year: 2028 },
    });
    expect(missing.statusCode).toBe(400);

    const add = (payload: object) =>
      t.call(communeA, { method: 'POST', url: `/api/needs/proposals/${pA}/lines`, payload });
    expect(fields(await add({ programmeKind: 'ASTRONAUT' }))).toBe('programmeKind');
    expect(fields(await add({ programmeKind: 'IT', level: 'CVC' }))).toBe('level');
    expect(fields(await add({ programmeKind: 'KNOWLEDGE_UPDATE', level: 'CO_BAN' }))).toBe('level');
    expect(fields(await add({ programmeKind: 'IT', priority: 4 }))).toBe('priority');
    // A person of another commune, or a named person counted more than once.
    expect(fields(await add({ programmeKind: 'IT', personId: w.b1.id }))).toBe('personId');
    expect(fields(await add({ programmeKind: 'IT', personId: w.a1.id, quantity: 2 }))).toBe('quantity');
    // A person of a unit below the commune is fine; postgraduate levels come from the education list.
    expect(
      (await add({ programmeKind: 'POSTGRADUATE', level: 'THAC_SI', personId: w.a3.id })).statusCode,
    ).toBe(200);
    const newcomer = await makePerson(t.handle.db, w.A1);
    expect((await add({ programmeKind: 'IT', personId: newcomer.id })).statusCode).toBe(200);

    const ret = await t.call(communeA, { method: 'POST', url: `/api/needs/proposals/${pA}/submit` });
    expect(ret.statusCode).toBe(200);
    const noComment = await t.call(province, {
      method: 'POST',
      url: `/api/needs/proposals/${pA}/return`,
      payload: { comment: '  ' },
    });
    expect(noComment.statusCode).toBe(400);
    expect(fields(noComment)).toBe('comment');
  });

  it('does not let units edit before the campaign opens', async () => {
    const { w, pB } = await opened({ opensOn: daysFromNow(3), deadline: daysFromNow(20) });
    const communeB = await t.as('unit_officer', w.B);
    const early = await t.call(communeB, { method: 'POST', url: `/api/needs/proposals/${pB}/submit` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain(daysFromNow(3));
  });
});
