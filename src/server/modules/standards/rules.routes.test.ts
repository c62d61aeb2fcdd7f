import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, standardRules } from '../../db/schema/index';
import { vietnamMoment } from '../../lib/dates';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makeUnit } from '../../test/fixtures/org';
import { seedRulePack } from './rule-pack';

const ownRule = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  titleVi: 'Tối thiểu 40 tiết bồi dưỡng mỗi năm (chính sách của tỉnh)',
  titleEn: 'At least 40 periods of fostering a year (provincial policy)',
  appliesTo: { category: ['CC', 'CBX'] },
  requirement: { type: 'annual_periods', minPeriods: 40 },
  effectiveFrom: '2026-01-01',
  legalSource: { document: 'Nghị quyết của HĐND tỉnh (thử nghiệm)', note: 'điều khoản cần xác minh' },
  ...over,
});

describe.each(testBackends())('standard rules routes (%s)', (kind) => {
  const t = useTestApp(kind);
  // The rules in force today are Vietnam's today (ahead of UTC from 17:00 UTC).
  const today = vietnamMoment(new Date()).day;
  const post = (s: Awaited<ReturnType<typeof t.as>> | null, url: string, payload: unknown) =>
    t.call(s, { method: 'POST', url, payload: payload as object });
  const builtIn = async (code: string, version: number) =>
    (
      await t.handle.db
        .select()
        .from(standardRules)
        .where(and(eq(standardRules.code, code), eq(standardRules.version, version)))
    )[0];

  beforeAll(async () => {
    await seedRulePack(t.handle.db);
  });

  it('lists the rules in force on a date; old dates give the old versions; retired ones on request', async () => {
    const s = await t.as('viewer', t.communeA);
    const now = (await t.call(s, { method: 'GET', url: '/api/standards/rules' })).json();
    expect(now.asOf).toBe(today);
    const cvc = now.items.find((r: { code: string }) => r.code === 'SM_CVC');
    expect(cvc).toMatchObject({
      version: 2,
      state: 'in_force',
      applies: true,
      builtIn: true,
      ownerUnitId: null,
    });
    expect(cvc.legalSource.document).toBe('Nghị định 171/2025/NĐ-CP');
    expect(now.items.some((r: { code: string }) => r.code === 'ANNUAL_40_PERIODS')).toBe(false);

    const old = (await t.call(s, { method: 'GET', url: '/api/standards/rules?asOf=2020-05-01' })).json();
    expect(old.items.find((r: { code: string }) => r.code === 'SM_CVC')).toMatchObject({ version: 1 });
    expect(old.items.find((r: { code: string }) => r.code === 'ANNUAL_40_PERIODS')).toMatchObject({
      state: 'in_force',
    });

    const all = (await t.call(s, { method: 'GET', url: '/api/standards/rules?includeRetired=true' })).json();
    const states = Object.fromEntries(
      all.items.map((r: { code: string; version: number; state: string }) => [
        `${r.code}@${r.version}`,
        r.state,
      ]),
    );
    expect(states).toMatchObject({
      'SM_CVC@1': 'superseded',
      'SM_CVC@2': 'in_force',
      'ANNUAL_40_PERIODS@1': 'retired',
    });

    const one = await t.call(s, { method: 'GET', url: `/api/standards/rules/${cvc.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('refuses without a session (401), to readers without the permission and to writers without standards.write (403)', async () => {
    expect((await t.call(null, { method: 'GET', url: '/api/standards/rules' })).statusCode).toBe(401);
    expect((await post(null, '/api/standards/rules', ownRule('QN_X'))).statusCode).toBe(401);
    const lecturer = await t.as('lecturer', t.root);
    expect((await t.call(lecturer, { method: 'GET', url: '/api/standards/rules' })).statusCode).toBe(403);
    const cvc = await builtIn('SM_CVC', 2);
    for (const role of ['viewer', 'unit_officer'] as const) {
      const s = await t.as(role, t.communeA);
      expect((await post(s, '/api/standards/rules', ownRule('QN_Y'))).statusCode).toBe(403);
      expect(
        (await post(s, `/api/standards/rules/${cvc.id}/revise`, { effectiveFrom: '2027-01-01' })).statusCode,
      ).toBe(403);
      expect(
        (await post(s, `/api/standards/rules/${cvc.id}/retire`, { effectiveTo: '2027-01-01', reason: 'x' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await post(s, `/api/standards/rules/${cvc.id}/copy`, { code: 'QN_Z', titleVi: 'a', titleEn: 'b' }))
          .statusCode,
      ).toBe(403);
    }
  });

  it('validates: unknown codes named by field, unknown selector fields, dates in order, code format and uniqueness', async () => {
    const s = await t.as('training_officer', t.root);
    const bad = await post(
      s,
      '/api/standards/rules',
      ownRule('QN_BAD', {
        appliesTo: {
          rank: ['CV', 'KHONG_CO'],
          leadershipTier: ['PHONG'],
          postCode: ['CT_HND_XA', 'CHU_TICH_GI_DO'],
          postGroup: ['FRONT_MASS_HEAD', 'NHOM_LA'],
        },
        requirement: { type: 'qualification', kind: 'STATE_MANAGEMENT', minLevel: 'TIEN_SI' },
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'appliesTo.rank',
      'appliesTo.postCode',
      'appliesTo.postGroup',
      'requirement.minLevel',
    ]);
    // Named in Vietnamese (the message carries the code and its list).
    expect(bad.json().error.message).toMatch(/CHU_TICH_GI_DO/);
    const kindBad = await post(
      s,
      '/api/standards/rules',
      ownRule('QN_BAD', { requirement: { type: 'qualification', kind: 'NOPE', minLevel: 'CV' } }),
    );
    expect(kindBad.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'requirement.kind' }),
    ]);
    const typo = await post(s, '/api/standards/rules', ownRule('QN_BAD', { appliesTo: { ranks: ['CV'] } }));
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.message).toContain('appliesTo');
    const dates = await post(s, '/api/standards/rules', ownRule('QN_BAD', { effectiveTo: '2025-12-31' }));
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details.fields[0].field).toBe('effectiveTo');
    const code = await post(s, '/api/standards/rules', ownRule('qn bad'));
    expect(code.json().error.details.fields[0].field).toBe('code');
    const taken = await post(s, '/api/standards/rules', ownRule('SM_CVC'));
    expect(taken.statusCode).toBe(409);
    const cvc = await builtIn('SM_CVC', 2);
    const reviseBad = await post(s, `/api/standards/rules/${cvc.id}/revise`, {
      effectiveFrom: '2027-01-01',
      appliesTo: { category: ['XX'] },
    });
    expect(reviseBad.json().error.details.fields[0].field).toBe('appliesTo.category');
  });

  it("creates a province rule owned by the actor's unit, audited, and hides it from another subtree", async () => {
    const district = await makeUnit(t.handle.db, {
      parent: t.root,
      name: 'Huyện Tạo Quy Tắc',
      level: 'district',
    });
    const s = await t.as('training_officer', district);
    const res = await post(s, '/api/standards/rules', ownRule('QN_ANNUAL_40'));
    expect(res.statusCode).toBe(200);
    const rule = res.json();
    expect(rule).toMatchObject({
      code: 'QN_ANNUAL_40',
      version: 1,
      ownerUnitId: district.id,
      builtIn: false,
      applies: true,
    });
    const [entry] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(rule.id)));
    expect(entry).toMatchObject({
      action: 'standard_rule.create',
      entity: 'standard_rule',
      scopePath: district.path,
    });

    const other = await t.as('training_officer', t.communeB);
    expect((await t.call(other, { method: 'GET', url: `/api/standards/rules/${rule.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await post(other, `/api/standards/rules/${rule.id}/revise`, { effectiveFrom: '2027-01-01' }))
        .statusCode,
    ).toBe(404);
    const list = (await t.call(other, { method: 'GET', url: '/api/standards/rules' })).json();
    expect(list.items.some((r: { code: string }) => r.code === 'QN_ANNUAL_40')).toBe(false);
    // The province above sees it (a rule of a unit below), but it does not govern the province itself.
    const province = await t.as('viewer', t.root);
    const seen = (await t.call(province, { method: 'GET', url: `/api/standards/rules/${rule.id}` })).json();
    expect(seen).toMatchObject({ code: 'QN_ANNUAL_40', applies: false });
  });

  it('revises an own rule from a date: the old version is closed and kept, old dates answer with it', async () => {
    const s = await t.as('training_officer', t.root);
    const v1 = (await post(s, '/api/standards/rules', ownRule('QN_REVISED'))).json();
    const res = await post(s, `/api/standards/rules/${v1.id}/revise`, {
      effectiveFrom: '2027-01-01',
      requirement: { type: 'annual_periods', minPeriods: 80 },
    });
    expect(res.statusCode).toBe(200);
    const v2 = res.json();
    expect(v2).toMatchObject({
      version: 2,
      supersedesId: v1.id,
      effectiveFrom: '2027-01-01',
      effectiveTo: null,
      state: 'future',
    });
    expect(v2.titleVi).toBe(v1.titleVi);
    const detail = (
      await t.call(s, { method: 'GET', url: `/api/standards/rules/${v1.id}?asOf=2026-06-01` })
    ).json();
    expect(detail).toMatchObject({ effectiveTo: '2027-01-01', state: 'in_force' });
    expect(
      detail.versions.map((v: { version: number; requirement: { minPeriods: number } }) => [
        v.version,
        v.requirement.minPeriods,
      ]),
    ).toEqual([
      [1, 40],
      [2, 80],
    ]);
    const at = async (asOf: string) =>
      (await t.call(s, { method: 'GET', url: `/api/standards/rules?asOf=${asOf}` }))
        .json()
        .items.find((r: { code: string }) => r.code === 'QN_REVISED');
    expect((await at('2026-12-31')).version).toBe(1);
    expect((await at('2027-01-01')).version).toBe(2);
    // Not before the latest version; not on its start day.
    expect(
      (await post(s, `/api/standards/rules/${v1.id}/revise`, { effectiveFrom: '2026-06-01' })).statusCode,
    ).toBe(409);
    const [entry] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(v2.id)));
    expect(entry.action).toBe('standard_rule.revise');
  });

  it('revising a national rule creates an override for the actor subtree; the built-in row is untouched', async () => {
    const s = await t.as('training_officer', t.communeA);
    const lead = await builtIn('LEAD_PHONG', 2);
    const res = await post(s, `/api/standards/rules/${lead.id}/revise`, {
      effectiveFrom: '2027-01-01',
      grace: { from: 'appointedOn', months: 6 },
    });
    expect(res.statusCode).toBe(200);
    const override = res.json();
    expect(override).toMatchObject({
      code: 'LEAD_PHONG',
      ownerUnitId: t.communeA.id,
      builtIn: false,
      supersedesId: lead.id,
    });
    expect(override.grace).toEqual({ from: 'appointedOn', months: 6 });
    expect(await builtIn('LEAD_PHONG', 2)).toMatchObject({ effectiveTo: null, grace: { months: 12 } });
    const governs = async (session: typeof s, asOf: string) =>
      (await t.call(session, { method: 'GET', url: `/api/standards/rules?asOf=${asOf}` }))
        .json()
        .items.filter((r: { code: string; applies: boolean }) => r.code === 'LEAD_PHONG' && r.applies)
        .map((r: { id: number }) => r.id);
    expect(await governs(s, '2027-02-01')).toEqual([override.id]);
    expect(await governs(s, '2026-12-31')).toEqual([lead.id]);
    const b = await t.as('viewer', t.communeB);
    expect(await governs(b, '2027-02-01')).toEqual([lead.id]);
    // A second revise from the same commune continues its own chain.
    const again = (
      await post(s, `/api/standards/rules/${lead.id}/revise`, { effectiveFrom: '2028-01-01' })
    ).json();
    expect(again).toMatchObject({ ownerUnitId: t.communeA.id, supersedesId: override.id });
    const [entry] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(override.id)));
    expect(entry.action).toBe('standard_rule.override');
  });

  it('retires an own rule (kept for old dates) and a national rule for one subtree only', async () => {
    const s = await t.as('training_officer', t.root);
    const own = (await post(s, '/api/standards/rules', ownRule('QN_RETIRED'))).json();
    const early = await post(s, `/api/standards/rules/${own.id}/retire`, {
      effectiveTo: '2025-06-01',
      reason: 'nhầm',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields[0].field).toBe('effectiveTo');
    const res = await post(s, `/api/standards/rules/${own.id}/retire`, {
      effectiveTo: '2027-01-01',
      reason: 'Hết kế hoạch',
    });
    expect(res.json()).toMatchObject({
      id: own.id,
      effectiveTo: '2027-01-01',
      retiredReason: 'Hết kế hoạch',
    });
    expect(
      (await post(s, `/api/standards/rules/${own.id}/retire`, { effectiveTo: '2027-06-01', reason: 'lại' }))
        .statusCode,
    ).toBe(409);
    const codes = async (asOf: string, session = s) =>
      (await t.call(session, { method: 'GET', url: `/api/standards/rules?asOf=${asOf}` }))
        .json()
        .items.filter((r: { applies: boolean }) => r.applies)
        .map((r: { code: string }) => r.code);
    expect(await codes('2026-12-31')).toContain('QN_RETIRED');
    expect(await codes('2027-01-01')).not.toContain('QN_RETIRED');

    const commune = await makeUnit(t.handle.db, { parent: t.root, name: 'Xã Bỏ Quy Tắc' });
    const c = await t.as('training_officer', commune);
    const ds = await builtIn('DS_PHONG', 1);
    const tomb = await post(c, `/api/standards/rules/${ds.id}/retire`, {
      effectiveTo: '2027-01-01',
      reason: 'Tỉnh quy định riêng',
    });
    expect(tomb.statusCode).toBe(200);
    expect(tomb.json()).toMatchObject({
      ownerUnitId: commune.id,
      effectiveFrom: '2027-01-01',
      effectiveTo: '2027-01-01',
    });
    expect(await builtIn('DS_PHONG', 1)).toMatchObject({ effectiveTo: null });
    expect(await codes('2026-12-31', c)).toContain('DS_PHONG');
    expect(await codes('2027-01-01', c)).not.toContain('DS_PHONG');
    expect(await codes('2027-01-01')).toContain('DS_PHONG');
  });

  it('copies a rule under a new code owned by the actor unit', async () => {
    const s = await t.as('admin', t.root);
    const chair = await builtIn('COMMUNE_CHAIR_EDU', 1);
    const res = await post(s, `/api/standards/rules/${chair.id}/copy`, {
      code: 'QN_CHAIR_EDU',
      titleVi: 'Chủ tịch xã cần đại học (bản của tỉnh)',
      titleEn: 'Commune chairs need a degree (provincial copy)',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'QN_CHAIR_EDU',
      version: 1,
      effectiveFrom: today,
      ownerUnitId: t.root.id,
      appliesTo: chair.appliesTo,
      requirement: chair.requirement,
    });
    expect(
      (
        await post(s, `/api/standards/rules/${chair.id}/copy`, {
          code: 'QN_CHAIR_EDU',
          titleVi: 'a',
          titleEn: 'b',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await post(s, '/api/standards/rules/999999/copy', { code: 'QN_NONE', titleVi: 'a', titleEn: 'b' }))
        .statusCode,
    ).toBe(404);
  });
});
