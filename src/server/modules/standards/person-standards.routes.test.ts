import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { buildGapWorld } from '../../test/fixtures/standards';

describe.each(testBackends())('person standards and eligibility routes (%s)', (kind) => {
  const t = useTestApp(kind);
  let w: Awaited<ReturnType<typeof buildGapWorld>>;
  beforeAll(async () => {
    w = await buildGapWorld(t);
  });
  const as = (role: Parameters<typeof t.as>[0], scope = t.root) => t.as(role, scope);
  const get = (s: Awaited<ReturnType<typeof as>> | null, url: string) => t.call(s, { method: 'GET', url });

  it('gives every applicable standard of a person with status and plain-word explanation', async () => {
    const s = await as('unit_officer', w.district);
    const res = await get(s, `/api/people/${w.cuong.id}/standards?asOf=2026-11-20`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      personId: w.cuong.id,
      unitId: w.commune.id,
      working: true,
      counts: { missing: 2, due: 0 },
    });
    expect(body.items.slice(0, 2).map((i: { code: string; status: string }) => [i.code, i.status])).toEqual([
      ['COMMUNE_CHAIR_PT', 'missing'],
      ['PT_LEADER_PHONG_XA', 'missing'],
    ]);
    expect(body.items[0].explanation.vi).toContain('Lý luận chính trị: Trung cấp trở lên');
    const met = body.items.find((i: { code: string }) => i.code === 'COMMUNE_CHAIR_EDU');
    expect(met).toMatchObject({ status: 'met', satisfiedBy: expect.any(Number) });
    expect(met.explanation.vi).toContain('nhờ Đại học, cấp ngày 01/06/2008');

    const binh = (await get(s, `/api/people/${w.binh.id}/standards?asOf=2026-11-20`)).json();
    expect(binh.items[0]).toMatchObject({ code: 'LEAD_PHONG', status: 'due', dueBy: '2027-06-01' });
    // DT3 is above the DT4 the division rule asks for.
    expect(binh.items.find((i: { code: string }) => i.code === 'DS_PHONG').status).toBe('met');
  });

  it('answers an old date with the rules and qualifications of that date', async () => {
    const s = await as('viewer');
    const now = (await get(s, `/api/people/${w.dung.id}/standards?asOf=2026-11-20`)).json();
    expect(now.counts).toEqual({ met: 2, missing: 0, due: 0 });
    expect(now.items.find((i: { code: string }) => i.code === 'SM_CVC')).toMatchObject({ version: 2 });
    const old = (await get(s, `/api/people/${w.dung.id}/standards?asOf=2020-06-01`)).json();
    const sm = old.items.find((i: { code: string }) => i.code === 'SM_CVC');
    expect(sm).toMatchObject({ version: 1, status: 'missing' });
    expect(sm.legalSource.document).toContain('Nghị định 101/2017/NĐ-CP');
    expect(old.items.find((i: { code: string }) => i.code === 'ANNUAL_40_PERIODS')).toMatchObject({
      status: 'due',
      dueBy: '2020-12-31',
      periodsDone: 0,
    });
    const retired = (await get(s, `/api/people/${w.em.id}/standards?asOf=2026-11-20`)).json();
    expect(retired).toMatchObject({ working: false, items: [] });
  });

  it('lets a learner read their own standards and eligibility only; hides other subtrees (404); needs a session (401)', async () => {
    const learner = await t.as('learner', w.agency, { personId: w.an.id });
    expect((await get(learner, `/api/people/${w.an.id}/standards`)).statusCode).toBe(200);
    expect((await get(learner, `/api/people/${w.an.id}/eligibility`)).statusCode).toBe(200);
    expect((await get(learner, `/api/people/${w.binh.id}/standards`)).statusCode).toBe(404);
    expect((await get(learner, `/api/people/${w.binh.id}/eligibility`)).statusCode).toBe(404);
    const other = await as('unit_officer', t.communeB);
    expect((await get(other, `/api/people/${w.an.id}/standards`)).statusCode).toBe(404);
    expect((await get(other, `/api/people/${w.an.id}/eligibility`)).statusCode).toBe(404);
    expect((await get(other, '/api/people/999999/standards')).statusCode).toBe(404);
    expect((await get(null, `/api/people/${w.an.id}/standards`)).statusCode).toBe(401);
    expect((await get(null, `/api/people/${w.an.id}/eligibility`)).statusCode).toBe(401);
    const lecturer = await as('lecturer');
    expect((await get(lecturer, `/api/people/${w.an.id}/standards`)).statusCode).toBe(403);
    const bad = await get(await as('viewer'), `/api/people/${w.an.id}/standards?asOf=yesterday`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('asOf');
  });

  it('explains eligibility per purpose and condition', async () => {
    const s = await as('viewer');
    const an = (await get(s, `/api/people/${w.an.id}/eligibility?asOf=2026-11-20`)).json();
    const byPurpose = Object.fromEntries(
      an.purposes.map((p: { purpose: string; eligible: boolean }) => [p.purpose, p.eligible]),
    );
    expect(byPurpose).toEqual({
      POLITICAL_THEORY_ADVANCED: false,
      POLITICAL_THEORY_INTERMEDIATE: false,
      POSTGRADUATE: true,
    });
    const pg = an.purposes.find((p: { purpose: string }) => p.purpose === 'POSTGRADUATE');
    expect(pg.label.vi).toBe('Đào tạo sau đại học');
    expect(pg.rules[0].conditions.map((c: { explanation: { vi: string } }) => c.explanation.vi)).toEqual([
      'Thời gian công tác: 16 năm (cần ít nhất 3 năm).',
      'Xếp loại 2 năm trước (2024: Hoàn thành tốt nhiệm vụ; 2025: Hoàn thành xuất sắc nhiệm vụ), cần Hoàn thành tốt nhiệm vụ trở lên.',
      'Tuổi: 41 (không quá 45).',
      'Chưa có Trình độ chuyên môn: Thạc sĩ trở lên.',
    ]);
    const intermediate = an.purposes.find(
      (p: { purpose: string }) => p.purpose === 'POLITICAL_THEORY_INTERMEDIATE',
    );
    // Quy định 350-QĐ/TW: one rule, the target group and the standards together (ADR 060).
    expect(intermediate.rules.map((r: { code: string }) => r.code)).toEqual(['PT_INTERMEDIATE_LEADERS']);
    const cuong = (await get(s, `/api/people/${w.cuong.id}/eligibility?asOf=2026-11-20`)).json();
    // A commune chair, but not a party member: not sent to intermediate political theory.
    expect(
      cuong.purposes
        .filter((p: { eligible: boolean }) => p.eligible)
        .map((p: { purpose: string }) => p.purpose),
    ).toEqual(['POLITICAL_THEORY_ADVANCED']);
    const pt = cuong.purposes.find((p: { purpose: string }) => p.purpose === 'POLITICAL_THEORY_INTERMEDIATE');
    expect(
      pt.rules[0].conditions
        .filter((c: { passed: boolean }) => !c.passed)
        .map((c: { type: string }) => c.type),
    ).toEqual(['partyMember', 'ratingsAtLeast']);
  });

  it('lists eligibility rules and the eligible people of a subtree', async () => {
    const s = await as('training_officer');
    const rules = (await get(s, '/api/eligibility/rules?asOf=2026-11-20')).json();
    expect(rules.items.map((r: { code: string }) => r.code).sort()).toEqual([
      'POSTGRADUATE_SPONSORED',
      'PT_ADVANCED_LEADERS',
      'PT_INTERMEDIATE_LEADERS',
    ]);
    // Quy định 350-QĐ/TW from its signing (29/8/2025); sponsored postgraduate from 1/7/2025.
    expect((await get(s, '/api/eligibility/rules?asOf=2025-09-01')).json().items).toHaveLength(3);
    expect((await get(s, '/api/eligibility/rules?asOf=2025-08-28')).json().items).toHaveLength(1);
    const adv = (
      await get(
        s,
        `/api/eligibility/POLITICAL_THEORY_ADVANCED/people?unitId=${w.district.id}&asOf=2026-11-20`,
      )
    ).json();
    expect(adv).toMatchObject({ purpose: 'POLITICAL_THEORY_ADVANCED', total: 2 });
    expect(adv.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Trần Thị Bình', 'Lê Văn Cường']);
    expect(adv.items[1]).toMatchObject({ unitName: 'Xã Yên Lập', leadershipTier: 'XA' });
    expect(adv.items[1].rules[0].conditions[1].explanation.vi).toBe(
      'Chưa có Lý luận chính trị: Cao cấp trở lên.',
    );
    const pg = (
      await get(
        s,
        `/api/eligibility/POSTGRADUATE/people?unitId=${w.district.id}&asOf=2026-11-20&pageSize=1&page=1`,
      )
    ).json();
    expect(pg).toMatchObject({ total: 1, items: [{ personId: w.an.id }] });
    const beyond = (
      await get(s, `/api/eligibility/POSTGRADUATE/people?unitId=${w.district.id}&asOf=2026-11-20&page=3`)
    ).json();
    expect(beyond).toMatchObject({ total: 1, items: [] });
  });

  it('eligibility routes: 401, 403, 404 for an unknown purpose or another subtree, 400 for a bad purpose', async () => {
    expect((await get(null, '/api/eligibility/rules')).statusCode).toBe(401);
    expect((await get(null, '/api/eligibility/POSTGRADUATE/people')).statusCode).toBe(401);
    expect((await get(await as('lecturer'), '/api/eligibility/rules')).statusCode).toBe(403);
    expect(
      (await get(await as('learner', w.agency), '/api/eligibility/POSTGRADUATE/people')).statusCode,
    ).toBe(403);
    const s = await as('unit_officer', t.communeB);
    expect((await get(s, '/api/eligibility/NO_SUCH_PURPOSE/people')).statusCode).toBe(404);
    expect((await get(s, `/api/eligibility/POSTGRADUATE/people?unitId=${w.district.id}`)).statusCode).toBe(
      404,
    );
    expect((await get(s, '/api/eligibility/postgraduate/people')).statusCode).toBe(400);
    const mine = (await get(s, '/api/eligibility/POSTGRADUATE/people?asOf=2026-11-20')).json();
    expect(mine.items.map((p: { personId: number }) => p.personId)).not.toContain(w.an.id);
  });
});
