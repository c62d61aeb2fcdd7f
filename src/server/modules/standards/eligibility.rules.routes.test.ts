import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eligibilityRules } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { buildGapWorld } from '../../test/fixtures/standards';

type Session = Awaited<ReturnType<ReturnType<typeof useTestApp>['as']>>;
interface Rule {
  id: number;
  code: string;
  version: number;
  state: string;
  ownerUnitId: number | null;
  builtIn: boolean;
  retiredReason: string | null;
  conditions: { type: string; years?: number }[];
}

const ownRule = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  purpose: 'POSTGRADUATE',
  titleVi: 'Cử đi học thạc sĩ theo đề án thu hút của tỉnh',
  titleEn: "Master's study under the province's talent scheme",
  conditions: [
    { type: 'minServiceYears', years: 1 },
    { type: 'minQualification', kind: 'EDUCATION', minLevel: 'DAI_HOC' },
  ],
  effectiveFrom: '2026-01-01',
  legalSource: { document: 'Nghị quyết của HĐND tỉnh (thử nghiệm)', note: 'điều khoản cần xác minh' },
  ...over,
});

describe.each(testBackends())('eligibility rules routes (%s)', (kind) => {
  const t = useTestApp(kind);
  let w: Awaited<ReturnType<typeof buildGapWorld>>;
  let districtOfficer: Session;
  beforeAll(async () => {
    w = await buildGapWorld(t);
    districtOfficer = await t.as('training_officer', w.district);
  });
  const get = (s: Session | null, url: string) => t.call(s, { method: 'GET', url });
  const post = (s: Session | null, url: string, payload: unknown) =>
    t.call(s, { method: 'POST', url, payload: payload as object });
  const ruleOf = async (s: Session, code: string, asOf = '2026-11-20'): Promise<Rule> =>
    (await get(s, `/api/eligibility/rules?asOf=${asOf}`)).json().items.find((r: Rule) => r.code === code);
  const eligible = async (s: Session, personId: number, purpose: string, asOf: string) =>
    (await get(s, `/api/people/${personId}/eligibility?asOf=${asOf}`))
      .json()
      .purposes.find((p: { purpose: string }) => p.purpose === purpose)?.eligible ?? 'no rule in force';

  it('revises a national rule from a date as an override for my subtree only; old dates keep the old rule', async () => {
    const national = await ruleOf(districtOfficer, 'POSTGRADUATE_SPONSORED');
    expect(national).toMatchObject({ builtIn: true, ownerUnitId: null });
    expect(await eligible(districtOfficer, w.an.id, 'POSTGRADUATE', '2026-11-20')).toBe(true);

    const conditions = national.conditions.map((c) => (c.type === 'maxAge' ? { ...c, years: 40 } : c));
    const res = await post(districtOfficer, `/api/eligibility/rules/${national.id}/revise`, {
      effectiveFrom: '2026-09-01',
      conditions,
    });
    expect(res.statusCode).toBe(200);
    const override: Rule = res.json();
    expect(override).toMatchObject({ ownerUnitId: w.district.id, builtIn: false, state: 'in_force' });

    // Nguyễn Văn An is 41: no longer eligible in the district from 1/9/2026, still before it.
    expect(await eligible(districtOfficer, w.an.id, 'POSTGRADUATE', '2026-11-20')).toBe(false);
    expect(await eligible(districtOfficer, w.an.id, 'POSTGRADUATE', '2026-08-31')).toBe(true);
    const detail = (await get(districtOfficer, `/api/eligibility/rules/${override.id}`)).json();
    expect(
      detail.versions.map((v: Rule & { applies: boolean }) => [v.ownerUnitId, v.state, v.applies]),
    ).toEqual([
      [null, 'in_force', false],
      [w.district.id, 'in_force', true],
    ]);

    // A sibling subtree still lives under the national rule and cannot see the override.
    const sibling = await t.as('training_officer', t.communeA);
    expect(await ruleOf(sibling, 'POSTGRADUATE_SPONSORED')).toMatchObject({
      ownerUnitId: null,
      applies: true,
    });
    expect((await get(sibling, `/api/eligibility/rules/${override.id}`)).statusCode).toBe(404);
    expect(
      (await post(sibling, `/api/eligibility/rules/${override.id}/revise`, { effectiveFrom: '2027-01-01' }))
        .statusCode,
    ).toBe(404);

    // Revising again inside the district continues the district's chain and closes the open version.
    const again = await post(districtOfficer, `/api/eligibility/rules/${override.id}/revise`, {
      effectiveFrom: '2027-01-01',
      titleVi: 'Cử đi học sau đại học (huyện, từ 2027)',
    });
    expect(again.statusCode).toBe(200);
    const [closed] = await t.handle.db
      .select()
      .from(eligibilityRules)
      .where(eq(eligibilityRules.id, override.id));
    expect(closed.effectiveTo).toBe('2027-01-01');
    expect(
      (
        await post(districtOfficer, `/api/eligibility/rules/${override.id}/revise`, {
          effectiveFrom: '2026-12-01',
        })
      ).statusCode,
    ).toBe(409);

    const audit = await t.handle.db.select().from(auditLog).where(eq(auditLog.entity, 'eligibility_rule'));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['eligibility_rule.override', 'eligibility_rule.revise']),
    );
  });

  it('retires a rule from a date for my subtree; the person is no longer eligible by it then', async () => {
    const adv = await ruleOf(districtOfficer, 'PT_ADVANCED_LEADERS');
    expect(await eligible(districtOfficer, w.cuong.id, 'POLITICAL_THEORY_ADVANCED', '2026-11-20')).toBe(true);
    const bad = await post(districtOfficer, `/api/eligibility/rules/${adv.id}/retire`, {
      effectiveTo: '2026-10-01',
    });
    expect(bad.statusCode).toBe(400);
    const res = await post(districtOfficer, `/api/eligibility/rules/${adv.id}/retire`, {
      effectiveTo: '2026-10-01',
      reason: 'Tỉnh tạm dừng cử đi học cao cấp năm 2026',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ownerUnitId: w.district.id,
      retiredReason: 'Tỉnh tạm dừng cử đi học cao cấp năm 2026',
    });
    expect(await eligible(districtOfficer, w.cuong.id, 'POLITICAL_THEORY_ADVANCED', '2026-11-20')).toBe(
      'no rule in force',
    );
    expect(await eligible(districtOfficer, w.cuong.id, 'POLITICAL_THEORY_ADVANCED', '2026-09-30')).toBe(true);
  });

  it("adds the province's own rule and copies one; codes are unique; every code in conditions is checked", async () => {
    const created = await post(districtOfficer, '/api/eligibility/rules', ownRule('QN_PG_TALENT'));
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ version: 1, ownerUnitId: w.district.id, state: 'in_force' });
    expect((await post(districtOfficer, '/api/eligibility/rules', ownRule('QN_PG_TALENT'))).statusCode).toBe(
      409,
    );

    const unknown = await post(
      districtOfficer,
      '/api/eligibility/rules',
      ownRule('QN_PG_BAD', {
        conditions: [
          { type: 'minQualification', kind: 'EDUCATION', minLevel: 'NO_SUCH_LEVEL' },
          { type: 'selector', selector: { rank: ['NO_SUCH_RANK'], postCode: ['NO_SUCH_POST'] } },
        ],
      }),
    );
    expect(unknown.statusCode).toBe(400);
    const fields = unknown.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual([
      'conditions[0].minLevel',
      'conditions[1].selector.rank',
      'conditions[1].selector.postCode',
    ]);

    const shape = await post(
      districtOfficer,
      '/api/eligibility/rules',
      ownRule('QN_PG_SHAPE', { purpose: 'GOLF', conditions: [{ type: 'maxAge', years: 5 }] }),
    );
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['conditions[0].years', 'purpose']);

    const source = await ruleOf(districtOfficer, 'PT_INTERMEDIATE_LEADERS');
    const copy = await post(districtOfficer, `/api/eligibility/rules/${source.id}/copy`, {
      code: 'QN_PT_COPY',
      titleVi: 'Trung cấp LLCT cho cán bộ nguồn của huyện',
      titleEn: 'Intermediate political theory for the district pool',
      effectiveFrom: '2026-01-01',
    });
    expect(copy.statusCode).toBe(200);
    expect(copy.json()).toMatchObject({
      code: 'QN_PT_COPY',
      ownerUnitId: w.district.id,
      conditions: source.conditions,
    });
  });

  it('needs a session (401) and standards.write to change (403); a reader without standards.read gets 403', async () => {
    const rule = await ruleOf(districtOfficer, 'PT_INTERMEDIATE_LEADERS');
    expect((await post(null, '/api/eligibility/rules', ownRule('QN_A'))).statusCode).toBe(401);
    const viewer = await t.as('viewer', t.root);
    expect((await post(viewer, '/api/eligibility/rules', ownRule('QN_A'))).statusCode).toBe(403);
    expect(
      (
        await post(viewer, `/api/eligibility/rules/${rule.id}/retire`, {
          effectiveTo: '2027-01-01',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const unitOfficer = await t.as('unit_officer', w.district);
    expect(
      (
        await post(unitOfficer, `/api/eligibility/rules/${rule.id}/copy`, {
          code: 'QN_B',
          titleVi: 'b',
          titleEn: 'b',
        })
      ).statusCode,
    ).toBe(403);
    const lecturer = await t.as('lecturer', t.root);
    expect((await get(lecturer, `/api/eligibility/rules/${rule.id}`)).statusCode).toBe(403);
    expect((await get(viewer, '/api/eligibility/rules/999999')).statusCode).toBe(404);
  });
});
