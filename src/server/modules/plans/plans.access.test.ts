/**
 * Every plans route: 401 without a session, 403 for a role that may not, 404 for a record of
 * another subtree, 400 naming the invalid field. The data lives in commune B; the "outsider" is a
 * training officer of commune A (a sibling subtree).
 */
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makeUnit } from '../../test/fixtures/org';
import { seedPlanDefaults } from './plans.draft.service';

describe.each(testBackends())('plans access (%s)', (kind) => {
  const t = useTestApp(kind);
  const ids = { multiyear: 0, plan: 0, line: 0, campaign: 0, approvedPlan: 0 };
  const sessions = {} as Record<
    'owner' | 'outsider' | 'learner' | 'viewer' | 'unit' | 'none',
    Session | null
  >;

  beforeAll(async () => {
    await seedPlanDefaults(t.handle.db);
    const owner = await t.as('training_officer', t.communeB);
    sessions.owner = owner;
    sessions.outsider = await t.as('training_officer', t.communeA);
    sessions.learner = await t.as('learner', t.communeB);
    sessions.viewer = await t.as('viewer', t.communeB);
    sessions.unit = await t.as('unit_officer', t.communeB);
    sessions.none = null;
    const ok = async (o: InjectOptions) => {
      const r = await t.call(owner, o);
      if (r.statusCode !== 200) throw new Error(`${o.url}: ${r.statusCode} ${r.body}`);
      return r.json();
    };
    ids.multiyear = (
      await ok({
        method: 'POST',
        url: '/api/plans/multiyear',
        payload: { code: 'DA-B', name: 'Đề án của phường', fromYear: 2026, toYear: 2030 },
      })
    ).id;
    ids.plan = (
      await ok({ method: 'POST', url: '/api/plans', payload: { year: 2026, title: 'Kế hoạch 2026' } })
    ).id;
    ids.line = (
      await ok({
        method: 'POST',
        url: `/api/plans/${ids.plan}/lines`,
        payload: { programmeKind: 'IT', trainees: 30 },
      })
    ).id;
    ids.approvedPlan = (
      await ok({ method: 'POST', url: '/api/plans', payload: { year: 2025, title: 'Cũ' } })
    ).id;
    await ok({ method: 'POST', url: `/api/plans/${ids.approvedPlan}/submit` });
    await ok({ method: 'POST', url: `/api/plans/${ids.approvedPlan}/approve`, payload: {} });
    ids.campaign = (
      await ok({
        method: 'POST',
        url: '/api/needs/campaigns',
        payload: { year: 2027, title: 'Nhu cầu phường', opensOn: '2026-01-01', deadline: '2026-12-31' },
      })
    ).id;
  }, 60_000);

  type Case = {
    route: string;
    method: InjectOptions['method'];
    url: () => string;
    payload?: object | (() => object);
    /** A role (scoped to commune B) the route refuses with 403. */
    forbidden: Role;
    /** The route answers 404 to the outsider. */
    scoped: boolean;
    invalid?: { url?: () => string; payload?: object; field: string };
  };
  const plan = () => `/api/plans/${ids.plan}`;
  const cases: Case[] = [
    {
      route: 'GET /plans/multiyear',
      method: 'GET',
      url: () => '/api/plans/multiyear',
      forbidden: 'learner',
      scoped: false,
      invalid: { url: () => '/api/plans/multiyear?status=gone', field: 'status' },
    },
    {
      route: 'POST /plans/multiyear',
      method: 'POST',
      url: () => '/api/plans/multiyear',
      payload: { code: 'X', name: 'X', fromYear: 2026, toYear: 2027 },
      forbidden: 'unit_officer',
      scoped: false,
      invalid: { payload: { code: 'Y', name: 'Y', fromYear: 2030, toYear: 2026 }, field: 'toYear' },
    },
    {
      route: 'GET /plans/multiyear/:id',
      method: 'GET',
      url: () => `/api/plans/multiyear/${ids.multiyear}`,
      forbidden: 'learner',
      scoped: true,
    },
    {
      route: 'PATCH /plans/multiyear/:id',
      method: 'PATCH',
      url: () => `/api/plans/multiyear/${ids.multiyear}`,
      payload: { note: 'Ghi chú' },
      forbidden: 'unit_officer',
      scoped: true,
      invalid: {
        payload: { targets: [{ programmeKind: 'IT', trainees: 5, year: 2040 }] },
        field: 'targets.0.year',
      },
    },
    {
      route: 'GET /plans/from-needs/preview',
      method: 'GET',
      url: () => `/api/plans/from-needs/preview?campaignId=${ids.campaign}`,
      forbidden: 'learner',
      scoped: true,
      invalid: { url: () => '/api/plans/from-needs/preview', field: 'campaignId' },
    },
    {
      route: 'POST /plans/from-needs',
      method: 'POST',
      url: () => '/api/plans/from-needs',
      payload: () => ({ campaignId: ids.campaign }),
      forbidden: 'viewer',
      scoped: true,
      invalid: { payload: { campaignId: 1, classSize: 0 }, field: 'classSize' },
    },
    {
      route: 'GET /plans/class-sizes',
      method: 'GET',
      url: () => '/api/plans/class-sizes',
      forbidden: 'learner',
      scoped: false,
    },
    {
      route: 'POST /plans/class-sizes',
      method: 'POST',
      url: () => '/api/plans/class-sizes',
      payload: { size: 45, effectiveFrom: '2026-01-01' },
      forbidden: 'unit_officer',
      scoped: false,
      invalid: { payload: { size: 45, effectiveFrom: '2026-02-30' }, field: 'effectiveFrom' },
    },
    {
      route: 'GET /plans',
      method: 'GET',
      url: () => `/api/plans?unitId=${t.communeB.id}`,
      forbidden: 'learner',
      scoped: true,
      invalid: { url: () => '/api/plans?pageSize=1000', field: 'pageSize' },
    },
    {
      route: 'POST /plans',
      method: 'POST',
      url: () => '/api/plans',
      payload: () => ({ unitId: t.communeB.id, year: 2031, title: 'Mới' }),
      forbidden: 'viewer',
      scoped: true,
      invalid: { payload: { year: 2031, title: '   ' }, field: 'title' },
    },
    { route: 'GET /plans/:id', method: 'GET', url: plan, forbidden: 'learner', scoped: true },
    {
      route: 'PATCH /plans/:id',
      method: 'PATCH',
      url: plan,
      payload: { note: 'Ghi chú' },
      forbidden: 'viewer',
      scoped: true,
      invalid: { payload: { multiyearId: 'x' }, field: 'multiyearId' },
    },
    {
      route: 'POST /plans/:id/lines',
      method: 'POST',
      url: () => `${plan()}/lines`,
      payload: { programmeKind: 'IT', trainees: 5 },
      forbidden: 'viewer',
      scoped: true,
      invalid: { payload: { programmeKind: 'IT', trainees: -1 }, field: 'trainees' },
    },
    {
      route: 'PATCH /plans/:id/lines/:lineId',
      method: 'PATCH',
      url: () => `${plan()}/lines/${ids.line}`,
      payload: { classes: 1 },
      forbidden: 'learner',
      scoped: true,
      invalid: { payload: { budget: { NST: -5 } }, field: 'budget.NST' },
    },
    {
      route: 'DELETE /plans/:id/lines/:lineId',
      method: 'DELETE',
      url: () => `${plan()}/lines/999999`,
      forbidden: 'viewer',
      scoped: true,
    },
    {
      route: 'POST /plans/:id/submit',
      method: 'POST',
      url: () => `${plan()}/submit`,
      forbidden: 'viewer',
      scoped: true,
    },
    {
      route: 'POST /plans/:id/return',
      method: 'POST',
      url: () => `${plan()}/return`,
      payload: { comment: 'Sửa' },
      forbidden: 'unit_officer',
      scoped: true,
      invalid: { payload: { comment: '' }, field: 'comment' },
    },
    {
      route: 'POST /plans/:id/approve',
      method: 'POST',
      url: () => `${plan()}/approve`,
      payload: {},
      forbidden: 'unit_officer',
      scoped: true,
    },
    {
      route: 'POST /plans/:id/revise',
      method: 'POST',
      url: () => `/api/plans/${ids.approvedPlan}/revise`,
      forbidden: 'viewer',
      scoped: true,
    },
    {
      route: 'GET /plans/:id/versions/:version',
      method: 'GET',
      url: () => `/api/plans/${ids.approvedPlan}/versions/1`,
      forbidden: 'learner',
      scoped: true,
      invalid: { url: () => `/api/plans/${ids.approvedPlan}/versions/zero`, field: 'version' },
    },
    {
      route: 'GET /plans/:id/diff',
      method: 'GET',
      url: () => `/api/plans/${ids.approvedPlan}/diff?from=1`,
      forbidden: 'learner',
      scoped: true,
      invalid: { url: () => `/api/plans/${ids.approvedPlan}/diff`, field: 'from' },
    },
  ];

  const body = (c: Case) => (typeof c.payload === 'function' ? c.payload() : c.payload);
  const roleSession = async (role: Role) =>
    role === 'learner' ? sessions.learner : role === 'viewer' ? sessions.viewer : sessions.unit;

  describe.each(cases)('$route', (c) => {
    it('401 without a session', async () => {
      const r = await t.call(null, { method: c.method, url: c.url(), payload: body(c) });
      expect(r.statusCode).toBe(401);
    });
    it(`403 for ${c.forbidden}`, async () => {
      const r = await t.call(await roleSession(c.forbidden), {
        method: c.method,
        url: c.url(),
        payload: body(c),
      });
      expect(r.statusCode, r.body).toBe(403);
    });
    it.runIf(c.scoped)('404 from another subtree', async () => {
      const r = await t.call(sessions.outsider, { method: c.method, url: c.url(), payload: body(c) });
      expect(r.statusCode, r.body).toBe(404);
    });
    it.runIf(Boolean(c.invalid))('400 naming the field', async () => {
      const r = await t.call(sessions.owner, {
        method: c.method,
        url: (c.invalid?.url ?? c.url)(),
        payload: c.invalid?.payload ?? body(c),
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(JSON.stringify(r.json().error.details)).toContain(c.invalid?.field);
    });
  });

  it('404 for a plan, a line or a version that does not exist', async () => {
    const o = sessions.owner;
    expect((await t.call(o, { method: 'GET', url: '/api/plans/999999' })).statusCode).toBe(404);
    expect(
      (await t.call(o, { method: 'PATCH', url: `${plan()}/lines/999999`, payload: { classes: 1 } }))
        .statusCode,
    ).toBe(404);
    expect((await t.call(o, { method: 'GET', url: `${plan()}/versions/9` })).statusCode).toBe(404);
    expect((await t.call(o, { method: 'GET', url: '/api/plans/multiyear/999999' })).statusCode).toBe(404);
  });

  it('sorts the plan list by a whitelisted key, units in Vietnamese order, in scope; other keys are a 400', async () => {
    const units = ['Thôn Sắp Đức', 'Thôn Sắp Dũng', 'Thôn Sắp Bình', 'Thôn Sắp Bản'];
    const titles = ['Kế hoạch C', 'Kế hoạch A', 'Kế hoạch D', 'Kế hoạch B'];
    for (const [i, name] of units.entries()) {
      const unit = await makeUnit(t.handle.db, { parent: t.communeB, name });
      const r = await t.call(sessions.owner, {
        method: 'POST',
        url: '/api/plans',
        payload: { unitId: unit.id, year: 2031, title: titles[i] },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const list = async (s: Session | null, sort: string) => {
      const r = await t.call(s, { method: 'GET', url: `/api/plans?year=2031&sort=${sort}` });
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as { unitName: string }[]).map((p) => p.unitName);
    };
    const byName = ['Thôn Sắp Bản', 'Thôn Sắp Bình', 'Thôn Sắp Dũng', 'Thôn Sắp Đức'];
    expect(await list(sessions.owner, 'unitName')).toEqual(byName);
    expect(await list(sessions.owner, '-unitName')).toEqual([...byName].reverse());
    expect(await list(sessions.owner, 'title')).toEqual([units[1], units[3], units[0], units[2]]);
    for (const bad of ['bogus', 'status', 'unitName desc', '-']) {
      const r = await t.call(sessions.owner, {
        method: 'GET',
        url: `/api/plans?sort=${encodeURIComponent(bad)}`,
      });
      expect(r.statusCode, bad).toBe(400);
    }
    expect(await list(sessions.outsider, 'unitName')).toEqual([]);
  });
});
