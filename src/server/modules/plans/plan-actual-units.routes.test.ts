import { beforeAll, describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme, fieldsOf } from '../../test/fixtures/catalogue';
import { seatLearners } from '../../test/fixtures/nominations';
import { makeUnit, type UnitRow } from '../../test/fixtures/org';

const counts = (
  planned: [number, number, number],
  opened: number,
  trainees: number,
  committed: number,
  pcts: [number | null, number | null],
) => ({
  plannedClasses: planned[0],
  plannedTrainees: planned[1],
  plannedBudget: planned[2],
  openedClasses: opened,
  finishedClasses: 0,
  actualTrainees: trainees,
  committedBudget: committed,
  classesPct: pcts[0],
  traineesPct: pcts[1],
});

/** GET /plans/actual?year=: every unit's plan of the year and every kind and level, in the subtree. */
describe.each(testBackends())('plan vs actual by unit (%s)', (kind) => {
  const t = useTestApp(kind);
  let officer: Session;
  let commune: UnitRow;
  const post = async (url: string, payload: object) => {
    const res = await t.call(officer, { method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const get = (s: Session | null, year: number | string) =>
    t.call(s, { method: 'GET', url: `/api/plans/actual?year=${year}` });

  beforeAll(async () => {
    officer = await t.as('training_officer', t.root);
    commune = await makeUnit(t.handle.db, { parent: t.root, name: 'Xã Hạ Long Thử' });
    const programme = await createProgramme(t, officer);
    const province = await post('/api/plans', { year: 2028, title: 'Kế hoạch tỉnh 2028' });
    const local = await post('/api/plans', { unitId: commune.id, year: 2028, title: 'Kế hoạch xã 2028' });
    const line = (planId: number, body: object) => post(`/api/plans/${planId}/lines`, body);
    const theory = { programmeKind: 'POLITICAL_THEORY', level: 'TRUNG_CAP' };
    const a = await line(province.id, { ...theory, classes: 2, trainees: 100, budget: { NST: 200_000_000 } });
    const b = await line(local.id, { ...theory, classes: 1, trainees: 30 });
    await line(local.id, { programmeKind: 'STATE_MANAGEMENT', classes: 1, trainees: 40 });
    const cls = (code: string, planLineId: number, capacity: number, budget: number) =>
      post('/api/classes', {
        code,
        name: `Lớp ${code}`,
        programmeId: programme.id,
        planLineId,
        startsOn: '2028-03-02',
        endsOn: '2028-04-30',
        mode: 'in_person',
        capacity,
        budget: { NST: budget },
      });
    const opened = await cls('K1/2028', a.id, 50, 100_000_000);
    await post(`/api/classes/${opened.id}/status`, { to: 'open_for_nomination' });
    // Trainees are the approved learners: 5 approved, 2 still awaiting approval.
    await seatLearners(t.handle.db, opened.id, commune, 5);
    await seatLearners(t.handle.db, opened.id, commune, 2, 'pending');
    await cls('K2/2028', b.id, 30, 20_000_000);
    const dropped = await cls('K3/2028', a.id, 40, 90_000_000);
    await post(`/api/classes/${dropped.id}/status`, { to: 'cancelled', comment: 'Gộp lớp' });
  });

  it('rolls up per unit, per kind and level and in total; drafts are listed with their status', async () => {
    const res = await get(officer, 2028);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.units).toEqual([
      expect.objectContaining({
        unitId: t.root.id,
        planStatus: 'draft',
        ...counts([2, 100, 200_000_000], 1, 5, 100_000_000, [50, 5]),
      }),
      expect.objectContaining({
        unitId: commune.id,
        unitName: 'Xã Hạ Long Thử',
        ...counts([2, 70, 0], 0, 0, 20_000_000, [0, 0]),
      }),
    ]);
    expect(body.byKindLevel).toEqual([
      {
        programmeKind: 'POLITICAL_THEORY',
        level: 'TRUNG_CAP',
        ...counts([3, 130, 200_000_000], 1, 5, 120_000_000, [33.3, 3.8]),
      },
      { programmeKind: 'STATE_MANAGEMENT', level: null, ...counts([1, 40, 0], 0, 0, 0, [0, 0]) },
    ]);
    expect(body.total).toEqual(counts([4, 170, 200_000_000], 1, 5, 120_000_000, [25, 2.9]));
    expect((await get(officer, 2029)).json()).toMatchObject({
      units: [],
      byKindLevel: [],
      total: { classesPct: null },
    });
  });

  it('keeps to the subtree, and refuses the unauthenticated, learners and a bad year', async () => {
    const local = await t.as('unit_officer', commune);
    expect((await get(local, 2028)).json().units.map((u: { unitId: number }) => u.unitId)).toEqual([
      commune.id,
    ]);
    expect((await get(null, 2028)).statusCode).toBe(401);
    expect((await get(await t.as('learner', t.root), 2028)).statusCode).toBe(403);
    const bad = await get(officer, 'hai nghìn');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toBe('year');
  });
});
