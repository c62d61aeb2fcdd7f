import { beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../../contracts/text';
import { annualPlans, classes, classNominations, planLines, qualifications } from '../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';
import { makePerson, type PersonRow } from '../../test/fixtures/org';
import { seedRulePack } from '../standards/rule-pack';

/**
 * A hand-built province on 10/12/2026. Commune A: An, Bình, Cường working, Dũng retired;
 * commune B: Hà, Khoa. Classes (organiser, status, budget, approved learners):
 *   C1 2026 political theory, province, running, NST 30M + NSDV 10M: An, Bình, Hà (Khoa pending)
 *   C2 2026 state management, commune A, finished 20/4, NSDV 6M: An, Cường (Bình rejected)
 *   C3 2025 state management, province, closed 20/12/2025, NST 20M: Hà, Bình
 *   C4 2026 political theory, commune B, cancelled, NST 5M: Cường
 *   C5 2026 state management, province, planned, no budget, nobody
 * The province's 2026 plan: political theory 10 trainees (C1), state management 4 (C2).
 * Every expected figure below is counted by hand from these lines.
 */
describe.each(testBackends())('dashboard (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2026-12-10T08:00:00Z') });
  let officer: Session;
  let communeOfficer: Session;
  const p: Record<string, PersonRow> = {};
  const cls: Record<string, number> = {};

  const get = async (s: Session | null, url: string, status = 200) => {
    const res = await t.call(s, { method: 'GET', url: `/api/${url}` });
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };

  beforeAll(async () => {
    const db = t.handle.db;
    officer = await t.as('training_officer', t.root);
    communeOfficer = await t.as('unit_officer', t.communeA);
    const names: [string, string, 'A' | 'B', string][] = [
      ['an', 'Nguyễn Văn An', 'A', 'WORKING'],
      ['binh', 'Trần Thị Bình', 'A', 'WORKING'],
      ['cuong', 'Lê Văn Cường', 'A', 'WORKING'],
      ['dung', 'Phạm Văn Dũng', 'A', 'RETIRED'],
      ['ha', 'Hoàng Thị Hà', 'B', 'WORKING'],
      ['khoa', 'Vũ Văn Khoa', 'B', 'WORKING'],
    ];
    for (const [key, fullName, c, status] of names) {
      p[key] = await makePerson(db, c === 'A' ? t.communeA : t.communeB, { fullName, status });
    }
    const q = (who: string, kind: string, level: string, issuedOn: string, over = {}) =>
      db.insert(qualifications).values({ personId: p[who].id, kind, level, issuedOn, ...over });
    await q('an', 'EDUCATION', 'DAI_HOC', '2012-06-01');
    await q('an', 'POLITICAL_THEORY', 'TRUNG_CAP', '2018-05-01');
    await q('binh', 'EDUCATION', 'THAC_SI', '2015-01-01');
    await q('binh', 'POLITICAL_THEORY', 'CU_NHAN_CT', '2021-01-10');
    await q('binh', 'IT', 'CO_BAN', '2022-02-02');
    await q('cuong', 'EDUCATION', 'CAO_DANG', '2011-01-01');
    await q('cuong', 'POLITICAL_THEORY', 'SO_CAP', '2013-01-01', { deletedAt: new Date('2024-01-01') });
    await q('ha', 'EDUCATION', 'DAI_HOC', '2026-03-01');
    await q('ha', 'STATE_MANAGEMENT', 'CV', '2025-12-20', { source: 'class' });
    await q('khoa', 'FOREIGN_LANGUAGE', 'BAC_3', '2009-05-05');
    await q('dung', 'POLITICAL_THEORY', 'CAO_CAP', '2014-04-04');

    const pt = await createProgramme(t, officer, {
      code: 'D-LLCT',
      organiserLevels: ['province', 'commune'],
    });
    const sm = await createProgramme(t, officer, {
      code: 'D-QLNN',
      kind: 'STATE_MANAGEMENT',
      level: 'CV',
      grantsKind: 'STATE_MANAGEMENT',
      grantsLevel: 'CV',
      organiserLevels: ['province', 'commune'],
    });
    const [plan] = await db
      .insert(annualPlans)
      .values({ unitId: t.root.id, year: 2026, title: 'Kế hoạch 2026', status: 'approved' })
      .returning();
    const [ptLine, smLine] = await db
      .insert(planLines)
      .values([
        { planId: plan.id, programmeKind: 'POLITICAL_THEORY', level: 'TRUNG_CAP', classes: 1, trainees: 10 },
        { planId: plan.id, programmeKind: 'STATE_MANAGEMENT', level: 'CV', classes: 1, trainees: 4 },
      ])
      .returning();
    const mk = async (
      code: string,
      programmeId: number,
      organiser: number,
      status: string,
      dates: [string, string],
      budget: Record<string, number>,
      planLineId: number | null = null,
    ) => {
      const [c] = await db
        .insert(classes)
        .values({
          code,
          year: Number(dates[0].slice(0, 4)),
          name: `Lớp ${code}`,
          searchName: foldText(`${code} lop`),
          programmeId,
          organiserUnitId: organiser,
          planLineId,
          startsOn: dates[0],
          endsOn: dates[1],
          mode: 'in_person',
          capacity: 30,
          budget,
          status,
        })
        .returning();
      cls[code] = c.id;
    };
    await mk(
      'C1',
      pt.id,
      t.root.id,
      'running',
      ['2026-03-01', '2026-05-30'],
      { NST: 30e6, NSDV: 10e6 },
      ptLine.id,
    );
    await mk('C2', sm.id, t.communeA.id, 'finished', ['2026-04-01', '2026-04-20'], { NSDV: 6e6 }, smLine.id);
    await mk('C3', sm.id, t.root.id, 'closed', ['2025-10-01', '2025-12-20'], { NST: 20e6 });
    await mk('C4', pt.id, t.communeB.id, 'cancelled', ['2026-06-01', '2026-06-30'], { NST: 5e6 });
    await mk('C5', sm.id, t.root.id, 'planned', ['2026-12-01', '2026-12-20'], {});
    const nominate = (c: string, who: string, status: string) =>
      db
        .insert(classNominations)
        .values({ classId: cls[c], personId: p[who].id, unitId: p[who].unitId, status });
    for (const who of ['an', 'binh', 'ha']) await nominate('C1', who, 'approved');
    await nominate('C1', 'khoa', 'pending');
    for (const who of ['an', 'cuong']) await nominate('C2', who, 'approved');
    await nominate('C2', 'binh', 'rejected');
    for (const who of ['ha', 'binh']) await nominate('C3', who, 'approved');
    await nominate('C4', 'cuong', 'approved');
  });

  it('answers 401 without a login and 403 to a role without reports.read', async () => {
    const lecturer = await t.as('lecturer', t.root);
    for (const url of ['dashboard', 'dashboard/gaps', 'dashboard/people?metric=staff', 'dashboard/classes']) {
      await get(null, url, 401);
      await get(lecturer, url, 403);
    }
  });

  it('counts the province by hand', async () => {
    const d = await get(officer, 'dashboard?year=2026');
    expect(d).toMatchObject({ year: 2026, unitId: t.root.id, readAt: '2026-12-10T08:00:00.000Z', staff: 5 });
    expect(d.trainees).toBe(5);
    expect(d.classes).toEqual({
      total: 4,
      byStatus: [
        { status: 'cancelled', n: 1 },
        { status: 'finished', n: 1 },
        { status: 'planned', n: 1 },
        { status: 'running', n: 1 },
      ],
    });
    expect(d.plan).toEqual({
      plannedTrainees: 14,
      actualTrainees: 5,
      pct: 35.7,
      byKind: [
        { kind: 'POLITICAL_THEORY', plannedTrainees: 10, actualTrainees: 3, pct: 30 },
        { kind: 'STATE_MANAGEMENT', plannedTrainees: 4, actualTrainees: 2, pct: 50 },
      ],
    });
    expect(d.costs).toEqual({
      total: 46e6,
      trainees: 5,
      perTrainee: 9_200_000,
      bySource: [
        { source: 'NSDV', amount: 16e6 },
        { source: 'NST', amount: 30e6 },
      ],
    });
    expect(d.traineesByYear.years).toEqual([2022, 2023, 2024, 2025, 2026]);
    type Cell = { year: number; level?: string; kind?: string; n: number };
    const sortBy = (a: Cell[], k: 'level' | 'kind') =>
      [...a].sort((x, y) => x.year - y.year || String(x[k]).localeCompare(String(y[k])));
    expect(sortBy(d.traineesByYear.byLevel, 'level')).toEqual([
      { year: 2025, level: 'province', n: 2 },
      { year: 2026, level: 'commune', n: 2 },
      { year: 2026, level: 'province', n: 3 },
    ]);
    expect(sortBy(d.traineesByYear.byKind, 'kind')).toEqual([
      { year: 2025, kind: 'STATE_MANAGEMENT', n: 2 },
      { year: 2026, kind: 'POLITICAL_THEORY', n: 3 },
      { year: 2026, kind: 'STATE_MANAGEMENT', n: 2 },
    ]);
    expect(d.structure).toEqual([
      { key: 'university', n: 3, pct: 60 },
      { key: 'pt_elementary', n: 2, pct: 40 },
      { key: 'pt_intermediate', n: 2, pct: 40 },
      { key: 'pt_advanced', n: 1, pct: 20 },
      { key: 'state_management', n: 1, pct: 20 },
      { key: 'it', n: 1, pct: 20 },
      { key: 'foreign_language', n: 1, pct: 20 },
    ]);
    expect(d.trends).toEqual([
      { period: '2010-2015', kind: 'EDUCATION', n: 2 },
      { period: '2010-2015', kind: 'POLITICAL_THEORY', n: 1 },
      { period: '2015-2020', kind: 'EDUCATION', n: 1 },
      { period: '2015-2020', kind: 'POLITICAL_THEORY', n: 1 },
      { period: '2020-2025', kind: 'IT', n: 1 },
      { period: '2020-2025', kind: 'POLITICAL_THEORY', n: 1 },
      { period: '2025-now', kind: 'EDUCATION', n: 1 },
      { period: '2025-now', kind: 'STATE_MANAGEMENT', n: 4 },
    ]);
  });

  it("shows a commune officer their commune's numbers only, and 404 for another commune", async () => {
    const d = await get(communeOfficer, 'dashboard?year=2026');
    expect(d).toMatchObject({ unitId: t.communeA.id, staff: 3, trainees: 4 });
    expect(d.classes).toEqual({ total: 1, byStatus: [{ status: 'finished', n: 1 }] });
    expect(d.costs).toEqual({
      total: 6e6,
      trainees: 2,
      perTrainee: 3e6,
      bySource: [{ source: 'NSDV', amount: 6e6 }],
    });
    expect(d.plan).toEqual({ plannedTrainees: 0, actualTrainees: 0, pct: null, byKind: [] });
    expect(d.structure.map((s: { n: number; pct: number }) => [s.n, s.pct])).toEqual([
      [2, 66.7],
      [2, 66.7],
      [2, 66.7],
      [1, 33.3],
      [0, 0],
      [1, 33.3],
      [0, 0],
    ]);
    expect(d.trends.find((r: { period: string }) => r.period === '2025-now')).toEqual({
      period: '2025-now',
      kind: 'STATE_MANAGEMENT',
      n: 3,
    });
    const other = `unitId=${t.communeB.id}`;
    for (const url of [
      `dashboard?${other}`,
      `dashboard/gaps?${other}`,
      `dashboard/people?metric=staff&${other}`,
      `dashboard/classes?${other}`,
    ]) {
      expect((await get(communeOfficer, url, 404)).error.code).toBe('NOT_FOUND');
    }
    // The province officer narrows to commune B with the picker.
    const b = await get(officer, `dashboard?year=2026&${other}`);
    expect(b).toMatchObject({ staff: 2, trainees: 1, classes: { total: 1 } });
  });

  it('lists the people behind the numbers', async () => {
    const names = (r: { items: { fullName: string }[] }) => r.items.map((i) => i.fullName);
    const staffA = await get(communeOfficer, 'dashboard/people?metric=staff');
    expect(staffA.total).toBe(3);
    expect(names(staffA)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']);
    const communeLevel = await get(officer, 'dashboard/people?metric=trainees&year=2026&level=commune');
    expect(names(communeLevel)).toEqual(['Nguyễn Văn An', 'Lê Văn Cường']);
    expect(communeLevel.items[0].detail).toBe('C2');
    const advanced = await get(officer, 'dashboard/people?metric=structure&measure=pt_advanced');
    expect(names(advanced)).toEqual(['Trần Thị Bình']);
    const trained = await get(officer, 'dashboard/people?metric=trend&period=2025-now&kind=STATE_MANAGEMENT');
    expect(trained.total).toBe(4);
    expect(names(trained)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Hoàng Thị Hà']);
    const missing = await t.call(officer, { method: 'GET', url: '/api/dashboard/people?metric=trend' });
    expect(missing.statusCode).toBe(400);
  });

  it('lists the classes behind the class and cost tiles', async () => {
    const own = await get(officer, 'dashboard/classes?year=2026&source=NSDV');
    expect(
      own.items.map((c: { code: string; cost: number; trainees: number }) => [c.code, c.cost, c.trainees]),
    ).toEqual([
      ['C1', 10e6, 3],
      ['C2', 6e6, 2],
    ]);
    const running = await get(officer, 'dashboard/classes?year=2026&status=running');
    expect(running.items.map((c: { code: string; cost: number }) => [c.code, c.cost])).toEqual([
      ['C1', 40e6],
    ]);
  });

  it('gives the gaps tile from the standards gap summary, top rules first', async () => {
    await seedRulePack(t.handle.db);
    const tile = await get(officer, 'dashboard/gaps?asOf=2026-11-20');
    const summary = await get(officer, 'standards/gaps/summary?groupBy=rule&asOf=2026-11-20');
    expect(tile.peopleWithGaps).toBe(summary.totals.peopleWithGaps);
    expect(tile.peopleWithGaps).toBeGreaterThan(0);
    const people = tile.byRule.map((r: { people: number }) => r.people);
    expect(people).toEqual([...people].sort((a, b) => b - a));
    expect(tile.byRule.length).toBe(Math.min(10, summary.groups.length));
    const tileA = await get(communeOfficer, 'dashboard/gaps?asOf=2026-11-20');
    expect(tileA.peopleWithGaps).toBeLessThanOrEqual(3);
  });
});
