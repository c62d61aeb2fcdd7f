import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makeUnit } from '../../test/fixtures/org';

describe.each(testBackends())('annual plan workflow (%s)', (kind) => {
  const t = useTestApp(kind);

  it('programme -> plan -> lines -> submit -> return -> resubmit -> approve -> revise -> diff', async () => {
    const province = await makeUnit(t.handle.db, {
      name: 'Tỉnh Kế Hoạch',
      level: 'province',
      validFrom: '2000-01-01',
    });
    const commune = await makeUnit(t.handle.db, { parent: province, name: 'Xã Kế Hoạch' });
    const officer = await t.as('training_officer', province);
    const communeOfficer = await t.as('unit_officer', commune);
    const viewer = await t.as('viewer', province);
    const call = t.call;

    // A multi-year programme with targets for the period and for one year.
    const my = await call(officer, {
      method: 'POST',
      url: '/api/plans/multiyear',
      payload: {
        code: '28-CTr/TU',
        name: 'Đề án đào tạo, bồi dưỡng cán bộ giai đoạn 2026-2030',
        fromYear: 2026,
        toYear: 2030,
        decisionNo: '28-CTr/TU',
        decisionDate: '2026-01-15',
        targets: [
          { programmeKind: 'LEADERSHIP', level: 'PHONG', trainees: 500 },
          { year: 2026, programmeKind: 'IT', trainees: 200, classes: 4 },
        ],
      },
    });
    expect(my.statusCode, my.body).toBe(200);
    expect(my.json()).toMatchObject({
      status: 'draft',
      unitId: province.id,
      targets: [{ year: null }, { year: 2026 }],
    });
    const myId = my.json().id;
    const issued = await call(officer, {
      method: 'PATCH',
      url: `/api/plans/multiyear/${myId}`,
      payload: { status: 'issued' },
    });
    expect(issued.json().status).toBe('issued');
    // The commune sees the province's programme (its plans refer to it) but cannot change it.
    expect(
      (await call(communeOfficer, { method: 'GET', url: '/api/plans/multiyear?year=2027' })).json().items,
    ).toEqual([expect.objectContaining({ id: myId })]);

    // The province's plan for 2026.
    const created = await call(officer, {
      method: 'POST',
      url: '/api/plans',
      payload: { year: 2026, title: '  Kế hoạch ĐTBD năm 2026 ', multiyearId: myId },
    });
    expect(created.statusCode, created.body).toBe(200);
    const plan = created.json();
    expect(plan).toMatchObject({
      unitId: province.id,
      title: 'Kế hoạch ĐTBD năm 2026',
      status: 'draft',
      version: 1,
      approvedVersion: null,
      can: { edit: true, submit: true, review: false, revise: false },
    });
    const dup = await call(officer, {
      method: 'POST',
      url: '/api/plans',
      payload: { year: 2026, title: 'Trùng' },
    });
    expect(dup.statusCode).toBe(409);

    const add = (payload: object) =>
      call(officer, { method: 'POST', url: `/api/plans/${plan.id}/lines`, payload });
    const l1 = (
      await add({
        programmeKind: 'LEADERSHIP',
        level: 'PHONG',
        targetList: 'category',
        targetCode: 'CC',
        classes: 2,
        trainees: 100,
        periods: 160,
        budget: { NST: 300_000_000, NSDV: 50_000_000 },
      })
    ).json();
    expect(l1).toMatchObject({ budgetTotal: 350_000_000, source: 'manual' });
    const l2 = (
      await add({ programmeKind: 'IT', classes: 4, trainees: 200, budget: { NST: 80_000_000 } })
    ).json();
    const l3 = (await add({ programmeKind: 'SOFT_SKILLS', classes: 1, trainees: 40 })).json();
    const bad = await add({ programmeKind: 'IT', level: 'XYZ', targetList: 'rank', budget: { NOPE: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['budget.NOPE', 'level', 'targetCode']);

    const detail = (await call(viewer, { method: 'GET', url: `/api/plans/${plan.id}` })).json();
    expect(detail.totals).toMatchObject({
      lines: 3,
      classes: 7,
      trainees: 340,
      budget: 430_000_000,
      byFunding: { NST: 380_000_000, NSDV: 50_000_000 },
    });
    expect(detail.totals.byKind.map((k: { programmeKind: string }) => k.programmeKind)).toEqual([
      'LEADERSHIP',
      'IT',
      'SOFT_SKILLS',
    ]);
    expect(detail.can).toEqual({ edit: false, submit: false, review: false, approve: false, revise: false });
    // The programme counts the trainees planned against its targets.
    const targets = (await call(viewer, { method: 'GET', url: `/api/plans/multiyear/${myId}` })).json()
      .targets;
    expect(targets.map((x: { planned: number }) => x.planned)).toEqual([100, 200]);

    // Submit; edits are frozen while it waits.
    const submitted = await call(officer, { method: 'POST', url: `/api/plans/${plan.id}/submit` });
    expect(submitted.json()).toMatchObject({ status: 'submitted', can: { edit: false, review: true } });
    const frozen = await add({ programmeKind: 'IT', trainees: 1 });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toContain('đã trình');

    // Return needs a comment; then the plan is editable again.
    const noComment = await call(officer, {
      method: 'POST',
      url: `/api/plans/${plan.id}/return`,
      payload: {},
    });
    expect(noComment.statusCode).toBe(400);
    const returned = await call(officer, {
      method: 'POST',
      url: `/api/plans/${plan.id}/return`,
      payload: { comment: 'Bổ sung kinh phí lớp kỹ năng mềm' },
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reviewComment: 'Bổ sung kinh phí lớp kỹ năng mềm',
    });
    const patched = await call(officer, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/lines/${l3.id}`,
      payload: { budget: { NSDV: 20_000_000 } },
    });
    expect(patched.json()).toMatchObject({ id: l3.id, budgetTotal: 20_000_000 });
    await call(officer, { method: 'POST', url: `/api/plans/${plan.id}/submit` });
    const approved = await call(officer, {
      method: 'POST',
      url: `/api/plans/${plan.id}/approve`,
      payload: { comment: 'QĐ 123/QĐ-UBND' },
    });
    expect(approved.json()).toMatchObject({
      status: 'approved',
      version: 1,
      approvedVersion: 1,
      reviewComment: null,
      versions: [{ version: 1, comment: 'QĐ 123/QĐ-UBND' }],
      can: { edit: false, revise: true },
    });
    expect(
      (await call(officer, { method: 'POST', url: `/api/plans/${plan.id}/approve`, payload: {} })).statusCode,
    ).toBe(409);

    // Revise: version 2 in draft; version 1 kept as approved.
    const revised = await call(officer, { method: 'POST', url: `/api/plans/${plan.id}/revise` });
    expect(revised.json()).toMatchObject({ status: 'draft', version: 2, approvedVersion: 1 });
    await call(officer, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/lines/${l2.id}`,
      payload: { trainees: 250 },
    });
    expect(
      (await call(officer, { method: 'DELETE', url: `/api/plans/${plan.id}/lines/${l3.id}` })).json(),
    ).toEqual({ ok: true });
    const l4 = (
      await add({ programmeKind: 'DEFENCE_SECURITY', level: 'DT3', classes: 1, trainees: 60 })
    ).json();

    const v1 = (await call(viewer, { method: 'GET', url: `/api/plans/${plan.id}/versions/1` })).json();
    expect(v1.lines.map((l: { id: number }) => l.id).sort()).toEqual([l1.id, l2.id, l3.id].sort());
    expect(v1.totals.trainees).toBe(340);
    const diff = (await call(viewer, { method: 'GET', url: `/api/plans/${plan.id}/diff?from=1` })).json();
    expect(diff.to).toBeNull();
    expect(
      diff.changes.map((c: { lineId: number; change: string; fields: string[] }) => [
        c.lineId,
        c.change,
        c.fields,
      ]),
    ).toEqual([
      [l2.id, 'changed', ['trainees']],
      [l4.id, 'added', []],
      [l3.id, 'removed', []],
    ]);
    expect(diff.totals.to.trainees).toBe(340 - 40 + 50 + 60);

    // Approve v2: now v1 -> v2 is the same diff, frozen.
    await call(officer, { method: 'POST', url: `/api/plans/${plan.id}/submit` });
    await call(officer, { method: 'POST', url: `/api/plans/${plan.id}/approve`, payload: {} });
    const frozenDiff = (
      await call(viewer, { method: 'GET', url: `/api/plans/${plan.id}/diff?from=1&to=2` })
    ).json();
    expect(frozenDiff.changes).toHaveLength(3);
    expect((await call(viewer, { method: 'GET', url: `/api/plans/${plan.id}/versions/3` })).statusCode).toBe(
      404,
    );

    // Who did what, newest first; every change audited.
    const events = (await call(viewer, { method: 'GET', url: `/api/plans/${plan.id}` })).json().events;
    expect(events.map((e: { action: string }) => e.action).reverse()).toEqual([
      'create',
      'line.add',
      'line.add',
      'line.add',
      'submit',
      'return',
      'line.update',
      'submit',
      'approve',
      'revise',
      'line.update',
      'line.delete',
      'line.add',
      'submit',
      'approve',
    ]);
    expect(events[0]).toMatchObject({ version: 2 });
    const audits = rowsOf<{ n: number }>(
      await t.handle.db.execute(
        sql`select count(*)::int as n from audit_log where entity = 'annual_plan' and entity_id = ${String(plan.id)}`,
      ),
    );
    expect(audits[0].n).toBe(15);

    // Lists: filters by year, status, unit.
    const list = (await call(viewer, { method: 'GET', url: '/api/plans?year=2026&status=approved' })).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        id: plan.id,
        lines: 3,
        trainees: 410,
        approvedVersion: 2,
        multiyearName: expect.any(String),
      }),
    ]);
    expect((await call(viewer, { method: 'GET', url: '/api/plans?year=2027' })).json().total).toBe(0);
    expect((await call(viewer, { method: 'GET', url: `/api/plans?unitId=${commune.id}` })).json().total).toBe(
      0,
    );
  });

  describe('a unit officer', () => {
    let ids: {
      province: Awaited<ReturnType<typeof makeUnit>>;
      commune: Awaited<ReturnType<typeof makeUnit>>;
    };
    beforeAll(async () => {
      const province = await makeUnit(t.handle.db, {
        name: 'Tỉnh Xã Lập',
        level: 'province',
        validFrom: '2000-01-01',
      });
      ids = { province, commune: await makeUnit(t.handle.db, { parent: province, name: 'Xã Tự Lập' }) };
    });

    it("drafts and submits their commune's plan, the province approves it; the unit officer cannot", async () => {
      const unitOfficer = await t.as('unit_officer', ids.commune);
      const officer = await t.as('training_officer', ids.province);
      const created = await t.call(unitOfficer, {
        method: 'POST',
        url: '/api/plans',
        payload: { year: 2027, title: 'Kế hoạch năm 2027 của xã' },
      });
      expect(created.json()).toMatchObject({ unitId: ids.commune.id, status: 'draft' });
      const id = created.json().id;
      await t.call(unitOfficer, {
        method: 'POST',
        url: `/api/plans/${id}/lines`,
        payload: { programmeKind: 'COMMUNE_TITLE', classes: 1, trainees: 30 },
      });
      expect((await t.call(unitOfficer, { method: 'POST', url: `/api/plans/${id}/submit` })).statusCode).toBe(
        200,
      );
      expect(
        (await t.call(unitOfficer, { method: 'POST', url: `/api/plans/${id}/approve`, payload: {} }))
          .statusCode,
      ).toBe(403);
      expect(
        (await t.call(officer, { method: 'GET', url: `/api/plans?unitId=${ids.commune.id}` })).json().total,
      ).toBe(1);
      expect(
        (await t.call(officer, { method: 'POST', url: `/api/plans/${id}/approve`, payload: {} })).json()
          .status,
      ).toBe('approved');
      // The province's own plan is outside the commune's subtree.
      const provincePlan = await t.call(officer, {
        method: 'POST',
        url: '/api/plans',
        payload: { year: 2027, title: 'Kế hoạch tỉnh 2027' },
      });
      const hidden = await t.call(unitOfficer, {
        method: 'GET',
        url: `/api/plans/${provincePlan.json().id}`,
      });
      expect(hidden.statusCode).toBe(404);
    });

    it('two officers creating the same plan at once: one plan, one 409', async () => {
      const officer = await t.as('training_officer', ids.province);
      const admin = await t.as('admin', ids.province);
      const payload = { unitId: ids.commune.id, year: 2031, title: 'Cùng lúc' };
      const res = await Promise.all([
        t.call(officer, { method: 'POST', url: '/api/plans', payload }),
        t.call(admin, { method: 'POST', url: '/api/plans', payload }),
      ]);
      expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    });

    it('two reviewers approving at once: one approval, one version', async () => {
      const officer = await t.as('training_officer', ids.province);
      const admin = await t.as('admin', ids.province);
      const id = (
        await t.call(officer, {
          method: 'POST',
          url: '/api/plans',
          payload: { year: 2030, title: 'Song song' },
        })
      ).json().id;
      await t.call(officer, { method: 'POST', url: `/api/plans/${id}/submit` });
      const res = await Promise.all([
        t.call(officer, { method: 'POST', url: `/api/plans/${id}/approve`, payload: {} }),
        t.call(admin, { method: 'POST', url: `/api/plans/${id}/approve`, payload: {} }),
      ]);
      expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const versions = rowsOf<{ n: number }>(
        await t.handle.db.execute(
          sql`select count(*)::int as n from annual_plan_versions where plan_id = ${id}`,
        ),
      );
      expect(versions[0].n).toBe(1);
    });
  });
});
