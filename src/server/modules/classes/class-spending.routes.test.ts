import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportTable } from '../../../contracts/reports';
import { abroadDelegations, auditLog, classes, planLines, postgradSponsorships } from '../../db/schema/index';
import type { Session } from '../../test/app';
import { testBackends } from '../../test/db';
import { useClassReport } from '../../test/fixtures/reports-classes';

/**
 * Money actually spent (ADR 039) on the hand-built province of `test/fixtures/reports-classes.ts`:
 * a class's spending lines and settlement, who may see and change them, and delegations abroad and
 * postgraduate sponsorships tied to plan lines counting in plan vs actual.
 */
describe.each(testBackends())('class spending, settlement and plan lines abroad (%s)', (kind) => {
  const rep = useClassReport(kind, 'plan-actual');
  const { t } = rep;
  const M = 1_000_000;
  const call = (
    s: Session,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    payload?: object,
  ) => t.call(s, { method, url, payload });

  let communeB: Session;
  beforeAll(async () => {
    communeB = await t.as('training_officer', t.communeB);
  });

  it('records spending by item and source, settles, locks, and reopens; all audited', async () => {
    const k1 = rep.fx.classes.K1;
    const url = `/api/classes/${k1}/spending`;
    const first = await call(rep.officer, 'POST', url, {
      item: 'LECTURER',
      fundingSource: 'NST',
      amount: 12 * M,
      spentOn: '2026-04-20',
      note: '  Thù lao  ',
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await call(rep.officer, 'POST', url, {
      item: 'ALLOWANCE',
      fundingSource: 'HOC_VIEN',
      amount: 3 * M,
      spentOn: '2026-04-25',
    });
    const body = second.json();
    expect(body).toMatchObject({
      estimate: { NST: 40 * M },
      estimateTotal: 40 * M,
      actualTotal: 15 * M,
      byItem: { LECTURER: 12 * M, ALLOWANCE: 3 * M },
      bySource: { NST: 12 * M, HOC_VIEN: 3 * M },
      settlement: null,
      canEdit: true,
      canSettle: true,
    });
    const [lecturer, allowance] = body.lines as { id: number }[];

    // An edit changes only what it names.
    const edited = await call(rep.officer, 'PUT', `${url}/${allowance.id}`, { amount: 4 * M });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().lines[0]).toEqual(body.lines[0]);
    expect(edited.json().lines[1]).toEqual({ ...body.lines[1], amount: 4 * M });

    // Unknown item or source, and an item not yet in force on the day spent.
    const bad = await call(rep.officer, 'POST', url, {
      item: 'PARTY',
      fundingSource: 'XYZ',
      amount: 1,
      spentOn: '2026-04-20',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['fundingSource', 'item']);
    const early = await call(rep.officer, 'POST', url, {
      item: 'VENUE',
      fundingSource: 'NST',
      amount: 1,
      spentOn: '2017-12-31',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields[0].message).toContain('2017-12-31');

    // A running class cannot be settled yet.
    const running = await call(rep.officer, 'POST', `/api/classes/${rep.fx.classes.K2}/settlement`, {
      number: '1/QT',
      settledOn: '2026-12-01',
    });
    expect(running.statusCode).toBe(409);

    const settled = await call(rep.officer, 'POST', `/api/classes/${k1}/settlement`, {
      number: '15/QT-SNV',
      settledOn: '2026-06-15',
    });
    expect(settled.statusCode, settled.body).toBe(200);
    expect(settled.json()).toMatchObject({
      settlement: { number: '15/QT-SNV', settledOn: '2026-06-15', settledTotal: 16 * M, note: null },
      canEdit: false,
      canSettle: false,
      canReopen: true,
    });
    // Locked: no add, change or delete; a second settlement refused.
    expect(
      (
        await call(rep.officer, 'POST', url, {
          item: 'OTHER',
          fundingSource: 'NST',
          amount: 1,
          spentOn: '2026-05-01',
        })
      ).statusCode,
    ).toBe(409);
    expect((await call(rep.officer, 'PUT', `${url}/${lecturer.id}`, { amount: 1 })).statusCode).toBe(409);
    expect((await call(rep.officer, 'DELETE', `${url}/${lecturer.id}`)).statusCode).toBe(409);
    expect(
      (
        await call(rep.officer, 'POST', `/api/classes/${k1}/settlement`, {
          number: 'x',
          settledOn: '2026-06-16',
        })
      ).statusCode,
    ).toBe(409);

    const reopened = await call(rep.officer, 'DELETE', `/api/classes/${k1}/settlement`);
    expect(reopened.json()).toMatchObject({ settlement: null, canEdit: true });
    const gone = await call(rep.officer, 'DELETE', `${url}/${allowance.id}`);
    expect(gone.json().lines.map((l: { id: number }) => l.id)).toEqual([lecturer.id]);

    const actions = (
      await t.handle.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, String(k1)))
    ).map((r) => r.action);
    for (const a of [
      'class.spending.add',
      'class.spending.update',
      'class.spending.delete',
      'class.settle',
      'class.settle.undo',
    ])
      expect(actions).toContain(a);
  });

  it("keeps another subtree's officer out: 403 on a class it only sees, 404 on one it cannot see", async () => {
    const province = rep.fx.classes.K1;
    const communeA = rep.fx.classes.K5;
    expect((await call(communeB, 'GET', `/api/classes/${province}/spending`)).statusCode).toBe(403);
    expect(
      (
        await call(communeB, 'POST', `/api/classes/${province}/spending`, {
          item: 'OTHER',
          fundingSource: 'NST',
          amount: 1,
          spentOn: '2026-05-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(communeB, 'GET', `/api/classes/${communeA}/spending`)).statusCode).toBe(404);
    expect(
      (
        await call(communeB, 'POST', `/api/classes/${communeA}/settlement`, {
          number: '1',
          settledOn: '2026-06-01',
        })
      ).statusCode,
    ).toBe(404);
    const viewer = await t.as('viewer', t.root);
    expect(
      (
        await call(viewer, 'POST', `/api/classes/${province}/spending`, {
          item: 'OTHER',
          fundingSource: 'NST',
          amount: 1,
          spentOn: '2026-05-01',
        })
      ).statusCode,
    ).toBe(403);
    // The commune A officer manages its own class's money.
    const mine = await t.as('training_officer', t.communeA);
    expect((await call(mine, 'GET', `/api/classes/${communeA}/spending`)).statusCode).toBe(200);
    const [before] = await t.handle.db.select().from(classes).where(eq(classes.id, province));
    expect(before.budget).toEqual({ NST: 40 * M });
  });

  it('ties a delegation and a sponsorship to plan lines of the right kind and year; plan vs actual counts them', async () => {
    const db = t.handle.db;
    const line = async (programmeKind: string, planId: number, trainees: number) =>
      (await db.insert(planLines).values({ planId, programmeKind, classes: 1, trainees }).returning())[0].id;
    const abroad = await line('ABROAD', rep.fx.plans.province, 5);
    const postgrad = await line('POSTGRADUATE', rep.fx.plans.province, 2);
    const otherUnit = await line('ABROAD', rep.fx.plans.communeB, 1);
    const [d1] = await db
      .select({ id: abroadDelegations.id, version: abroadDelegations.version })
      .from(abroadDelegations)
      .where(eq(abroadDelegations.code, 'D1'));
    const patch = (planLineId: number, version = Number(d1.version)) =>
      call(rep.officer, 'PATCH', `/api/abroad/delegations/${d1.id}`, { planLineId, version });

    // A line of another kind, or of a unit outside my subtree, is refused.
    expect((await patch(postgrad)).statusCode).toBe(400);
    expect((await patch(rep.fx.lines.A)).statusCode).toBe(400);
    const outside = await call(communeB, 'PATCH', `/api/abroad/delegations/${d1.id}`, {
      planLineId: otherUnit,
      version: 1,
    });
    expect([403, 404]).toContain(outside.statusCode);
    const tied = await patch(abroad);
    expect(tied.statusCode, tied.body).toBe(200);
    expect(tied.json().planLineId).toBe(abroad);
    // Actual cost by funding source, validated like the budget.
    const cost = await call(rep.officer, 'PATCH', `/api/abroad/delegations/${d1.id}`, {
      actualCost: { NST: 150 * M },
      version: tied.json().version,
    });
    expect(cost.json()).toMatchObject({
      actualCost: { NST: 150 * M },
      actualCostTotal: 150 * M,
      planLineId: abroad,
    });
    expect(
      (
        await call(rep.officer, 'PATCH', `/api/abroad/delegations/${d1.id}`, {
          actualCost: { NOPE: 1 },
          version: cost.json().version,
        })
      ).statusCode,
    ).toBe(400);

    const [s] = await db
      .insert(postgradSponsorships)
      .values({
        personId: rep.fx.people.hung.id,
        unitId: t.root.id,
        field: 'Quản lý công',
        level: 'THAC_SI',
        institutionName: 'Học viện Hành chính Quốc gia',
        country: 'VN',
        startsOn: '2026-09-01',
        expectedEndsOn: '2028-09-01',
        funding: { NST: 60 * M },
        eligibleAtStart: true,
      })
      .returning();
    const wrong = await call(rep.officer, 'PATCH', `/api/postgraduate/${s.id}`, {
      planLineId: abroad,
      version: 1,
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await call(rep.officer, 'PATCH', `/api/postgraduate/${s.id}`, {
      planLineId: postgrad,
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().planLineId).toBe(postgrad);

    const r = await rep.table(rep.officer, 'year=2026');
    const row = (id: number) => (r as ReportTable).rows.find((x) => x.key === `l${id}`)!.cells;
    // D1 returned with An and Hùng (completion not recorded: both count as completed).
    expect(row(abroad)).toMatchObject({
      planned_trainees: 5,
      opened: 1,
      seats: 2,
      completed: 2,
      cost: 200 * M,
    });
    expect(row(postgrad)).toMatchObject({
      planned_trainees: 2,
      opened: 0,
      seats: 1,
      completed: 0,
      cost: 60 * M,
    });
    const names = await rep.people(
      rep.officer,
      (r as ReportTable).rows.find((x) => x.key === `l${abroad}`)!.drill!.seats,
      'year=2026',
    );
    expect(names.items.map((p) => p.fullName)).toEqual(['Nguyễn Văn An', 'Đỗ Văn Hùng']);
    const actual = await call(rep.officer, 'GET', `/api/plans/${rep.fx.plans.province}/actual`);
    const lineActual = actual.json().lines.find((l: { lineId: number }) => l.lineId === abroad);
    expect(lineActual).toMatchObject({ openedClasses: 1, actualTrainees: 2, committedBudget: 200 * M });
  });
});
