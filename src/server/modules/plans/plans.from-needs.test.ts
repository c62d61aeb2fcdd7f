import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { daysFromNow, makeProvince, movableClock } from '../../test/fixtures/needs';
import { seedPlanDefaults } from './plans.draft.service';

type DraftLine = {
  programmeKind: string;
  level: string | null;
  trainees: number;
  classes: number;
  classSize: number;
};

describe.each(testBackends())('draft a plan from consolidated needs (%s)', (kind) => {
  const t = useTestApp(kind, { clock: movableClock() });
  let w: Awaited<ReturnType<typeof makeProvince>>;
  let campaignId: number;
  let province: Awaited<ReturnType<typeof t.as>>;

  beforeAll(async () => {
    await seedPlanDefaults(t.handle.db);
    w = await makeProvince(t.handle.db);
    province = await t.as('training_officer', w.P);
    const campaign = await t.call(province, {
      method: 'POST',
      url: '/api/needs/campaigns',
      payload: { year: 2027, title: 'Nhu cầu 2027', opensOn: daysFromNow(-1), deadline: daysFromNow(10) },
    });
    campaignId = campaign.json().id;
    // The commune A and the department S submit; the province accepts both (A1 stays pending).
    const board = (
      await t.call(province, { method: 'GET', url: `/api/needs/campaigns/${campaignId}` })
    ).json();
    const proposalOf = (unitId: number) =>
      board.proposals.find((p: { unitId: number }) => p.unitId === unitId).proposalId as number;
    for (const [unit, role] of [
      [w.A, 'unit_officer'],
      [w.S, 'unit_officer'],
    ] as const) {
      const s = await t.as(role, unit);
      const id = proposalOf(unit.id);
      if (unit === w.A)
        await t.call(s, {
          method: 'POST',
          url: `/api/needs/proposals/${id}/lines`,
          payload: { programmeKind: 'IT', level: 'CO_BAN', quantity: 120 },
        });
      expect((await t.call(s, { method: 'POST', url: `/api/needs/proposals/${id}/submit` })).statusCode).toBe(
        200,
      );
      const ok = await t.call(province, {
        method: 'POST',
        url: `/api/needs/proposals/${id}/accept`,
        payload: {},
      });
      expect(ok.statusCode).toBe(200);
    }
  });

  it('previews one line per kind x level with classes from the class size, writing nothing', async () => {
    const res = await t.call(province, {
      method: 'GET',
      url: `/api/plans/from-needs/preview?campaignId=${campaignId}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ year: 2027, unitId: w.P.id, existingPlanId: null });
    expect(p.reviewedByRoot.pending).toBeGreaterThan(0);
    const lines = Object.fromEntries(p.lines.map((l: DraftLine) => [`${l.programmeKind}/${l.level}`, l]));
    expect(lines['IT/CO_BAN']).toMatchObject({ trainees: 120, classes: 3, classSize: 50, source: 'needs' });
    expect(lines['STATE_MANAGEMENT/CVC']).toMatchObject({ trainees: 1, classes: 1 });
    expect(lines['POSTGRADUATE/THAC_SI']).toMatchObject({ trainees: 1, classes: 1 });
    expect(lines['IT/CO_BAN'].sourceRef).toMatchObject({ campaignId, quantity: 120 });
    // An explicit class size wins.
    const big = await t.call(province, {
      method: 'GET',
      url: `/api/plans/from-needs/preview?campaignId=${campaignId}&classSize=60`,
    });
    expect(big.json().lines.find((l: DraftLine) => l.programmeKind === 'IT').classes).toBe(2);
    expect((await t.call(province, { method: 'GET', url: '/api/plans?year=2027' })).json().total).toBe(0);
  });

  it("uses the province's class size for a kind once set, and keeps the product default for others", async () => {
    const set = await t.call(province, {
      method: 'POST',
      url: '/api/plans/class-sizes',
      payload: { programmeKind: 'IT', size: 40, effectiveFrom: '2020-01-01', note: 'Phòng máy 40 chỗ' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const applies = set.json().items.filter((s: { applies: boolean }) => s.applies);
    expect(applies.map((s: { size: number }) => s.size).sort()).toEqual([40, 50]);
    const p = (
      await t.call(province, { method: 'GET', url: `/api/plans/from-needs/preview?campaignId=${campaignId}` })
    ).json();
    expect(p.lines.find((l: DraftLine) => l.programmeKind === 'IT')).toMatchObject({
      classes: 3,
      classSize: 40,
    });
    const bad = await t.call(province, {
      method: 'POST',
      url: '/api/plans/class-sizes',
      payload: { programmeKind: 'NOPE', size: 0, effectiveFrom: '2020-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('size');
  });

  it('creates the draft plan in one click, each line remembering its source; a second time is refused', async () => {
    const res = await t.call(province, {
      method: 'POST',
      url: '/api/plans/from-needs',
      payload: { campaignId, title: 'Dự thảo kế hoạch 2027' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({
      unitId: w.P.id,
      year: 2027,
      status: 'draft',
      sourceCampaignId: campaignId,
      events: [{ action: 'draft.needs', comment: 'Nhu cầu 2027' }],
    });
    expect(plan.lines.length).toBeGreaterThanOrEqual(3);
    expect(
      plan.lines.every((l: { source: string; sourceRef: unknown }) => l.source === 'needs' && l.sourceRef),
    ).toBe(true);
    expect(plan.totals.budget).toBe(0);
    // The user then edits the drafted lines.
    const edit = await t.call(province, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/lines/${plan.lines[0].id}`,
      payload: { periods: 40, budget: { NST: 10_000_000 } },
    });
    expect(edit.json()).toMatchObject({ periods: 40, budgetTotal: 10_000_000, source: 'needs' });
    const again = await t.call(province, {
      method: 'POST',
      url: '/api/plans/from-needs',
      payload: { campaignId },
    });
    expect(again.statusCode).toBe(409);
    const preview = await t.call(province, {
      method: 'GET',
      url: `/api/plans/from-needs/preview?campaignId=${campaignId}`,
    });
    expect(preview.json().existingPlanId).toBe(plan.id);
  });

  it("a commune cannot draft from the province's campaign; a viewer may preview but not create", async () => {
    const commune = await t.as('unit_officer', w.A);
    const viewer = await t.as('viewer', w.P);
    const url = `/api/plans/from-needs/preview?campaignId=${campaignId}`;
    expect((await t.call(commune, { method: 'GET', url })).statusCode).toBe(403);
    expect((await t.call(viewer, { method: 'GET', url })).statusCode).toBe(200);
    const create = await t.call(viewer, {
      method: 'POST',
      url: '/api/plans/from-needs',
      payload: { campaignId },
    });
    expect(create.statusCode).toBe(403);
    const missing = await t.call(province, {
      method: 'POST',
      url: '/api/plans/from-needs',
      payload: { campaignId: 999_999 },
    });
    expect(missing.statusCode).toBe(404);
  });
});
