/**
 * One hand-built province for the class-based reports (trained, plan-actual, costs). Every figure
 * the tests expect is counted by hand from this description:
 *
 * Units: Tỉnh Thử Nghiệm (province) > Xã Đông Hòa (A), Phường Tây Sơn (B), both communes.
 * People: An, Bảo, Chi, Em (VC) of A; Dũng, Giang of B; Hùng of the province. Others are CC.
 * Programmes: P1 political theory (trung cấp, 120 periods), P2 state management (CV, 80), P3 IT (40).
 * Institutions: I1 Trường Chính trị tỉnh, I2 Trung tâm chính trị Đông Hòa, I3 Đại học Quốc gia
 * Singapore (foreign partner).
 * Plans 2026: the province's (approved): line A = P-theory, trung cấp, civil servants (CC), 2
 * classes, 4 trainees, NST 100 000 000; line B = state management CV, everyone, 1 class, 2
 * trainees, NST 20 000 000 + NSDV 10 000 000. Commune A's (approved): line C = IT, 1 class, 3
 * trainees, NSDV 6 000 000. Commune B's (draft): line D = state management, 5 classes, 50 trainees.
 * Classes (code, programme, organiser, institution, line, status, dates, budget; approved learners):
 *   K1 P1 province I1 A finished 02/03-30/04/2026 NST 40 000 000; An (passed), Bảo (failed); Chi pending
 *   K2 P1 province I1 A running  01/09-20/12/2026 NST 45 000 000; Chi, Dũng
 *   K3 P1 province I1 A cancelled 04/05-30/05/2026 NST 99 000 000; Em
 *   K4 P2 province -  B planned  01/10-20/10/2026 NST 25 000 000; nobody
 *   K5 P3 commune A I2 C closed  04/05-15/05/2026 NSDV 5 000 000; An (passed), Em (passed)
 *   K6 P2 commune B -  D running 01/06-10/06/2026 NST 3 000 000 + HOC_VIEN 1 000 000; Dũng, Giang
 *   K7 P1 province I1 - finished 01/10-15/12/2025 NST 50 000 000; Bảo
 * Delegations: D1 to Singapore (I3), province, 01/08-20/08/2026, returned, NST 200 000 000:
 * An and Hùng (completion not recorded yet); D2 cancelled (July 2026): Chi.
 */
import { beforeAll, expect } from 'vitest';
import type { ReportPeoplePage, ReportTable } from '../../../contracts/reports';
import { foldText } from '../../../contracts/text';
import {
  abroadDelegations,
  abroadMembers,
  annualPlans,
  classes,
  classNominations,
  classResults,
  institutions,
  planLines,
  programmes,
} from '../../db/schema/index';
import { fixedClock, type Session, type TestContext, useTestApp } from '../../test/app';
import type { Backend } from '../../test/db';
import { makePerson, type PersonRow } from '../../test/fixtures';
import { sheetRows } from '../../test/xlsx';

export interface ClassReportsFixture {
  people: Record<'an' | 'bao' | 'chi' | 'em' | 'dung' | 'giang' | 'hung', PersonRow>;
  classes: Record<'K1' | 'K2' | 'K3' | 'K4' | 'K5' | 'K6' | 'K7', number>;
  plans: Record<'province' | 'communeA' | 'communeB', number>;
  lines: Record<'A' | 'B' | 'C' | 'D', number>;
  institutions: Record<'I1' | 'I2' | 'I3', number>;
}

export async function buildClassReportsFixture(t: TestContext): Promise<ClassReportsFixture> {
  const db = t.handle.db;
  const { root, communeA: a, communeB: b } = t;
  const person = (unit: typeof a, fullName: string, over: object = {}) =>
    makePerson(db, unit, { fullName, ...over });
  const people = {
    an: await person(a, 'Nguyễn Văn An'),
    bao: await person(a, 'Trần Thị Bảo'),
    chi: await person(a, 'Phạm Minh Chi'),
    em: await person(a, 'Vũ Thị Em', { category: 'VC', rank: null }),
    dung: await person(b, 'Hoàng Văn Dũng'),
    giang: await person(b, 'Lê Thu Giang'),
    hung: await person(root, 'Đỗ Văn Hùng'),
  };

  const programme = async (code: string, kind: string, level: string | null, periods: number) => {
    const [p] = await db
      .insert(programmes)
      .values({
        ownerUnitId: root.id,
        code,
        nameVi: `Chương trình ${code}`,
        nameEn: `Programme ${code}`,
        searchName: foldText(code),
        kind,
        level,
        periods,
        mode: 'in_person',
        organiserLevels: ['province', 'commune'],
        effectiveFrom: '2025-07-01',
      })
      .returning();
    return p.id;
  };
  const p1 = await programme('LLCT-TC', 'POLITICAL_THEORY', 'TRUNG_CAP', 120);
  const p2 = await programme('QLNN-CV', 'STATE_MANAGEMENT', 'CV', 80);
  const p3 = await programme('TIN-HOC', 'IT', null, 40);

  const institution = async (kind: string, name: string) => {
    const [i] = await db
      .insert(institutions)
      .values({ ownerUnitId: root.id, kind, name, searchName: foldText(name) })
      .returning();
    return i.id;
  };
  const inst = {
    I1: await institution('PROVINCIAL_SCHOOL', 'Trường Chính trị tỉnh'),
    I2: await institution('COMMUNE_CENTRE', 'Trung tâm chính trị Đông Hòa'),
    I3: await institution('FOREIGN_PARTNER', 'Đại học Quốc gia Singapore'),
  };

  const plan = async (unitId: number, title: string, status: string) => {
    const [p] = await db.insert(annualPlans).values({ unitId, year: 2026, title, status }).returning();
    return p.id;
  };
  const plans = {
    province: await plan(root.id, 'Kế hoạch ĐTBD năm 2026', 'approved'),
    communeA: await plan(a.id, 'Kế hoạch của xã năm 2026', 'approved'),
    communeB: await plan(b.id, 'Kế hoạch của phường năm 2026', 'draft'),
  };
  const line = async (planId: number, over: Partial<typeof planLines.$inferInsert>) => {
    const [l] = await db
      .insert(planLines)
      .values({ planId, programmeKind: 'IT', classes: 0, trainees: 0, ...over })
      .returning();
    return l.id;
  };
  const lines = {
    A: await line(plans.province, {
      programmeKind: 'POLITICAL_THEORY',
      level: 'TRUNG_CAP',
      targetList: 'category',
      targetCode: 'CC',
      classes: 2,
      trainees: 4,
      budget: { NST: 100_000_000 },
    }),
    B: await line(plans.province, {
      programmeKind: 'STATE_MANAGEMENT',
      level: 'CV',
      classes: 1,
      trainees: 2,
      budget: { NST: 20_000_000, NSDV: 10_000_000 },
    }),
    C: await line(plans.communeA, {
      programmeKind: 'IT',
      classes: 1,
      trainees: 3,
      budget: { NSDV: 6_000_000 },
    }),
    D: await line(plans.communeB, { programmeKind: 'STATE_MANAGEMENT', classes: 5, trainees: 50 }),
  };

  const cls = async (
    code: string,
    programmeId: number,
    organiserUnitId: number,
    institutionId: number | null,
    planLineId: number | null,
    status: string,
    [startsOn, endsOn]: [string, string],
    budget: Record<string, number>,
  ) => {
    const [c] = await db
      .insert(classes)
      .values({
        code,
        year: Number(startsOn.slice(0, 4)),
        name: `Lớp ${code}`,
        searchName: foldText(code),
        programmeId,
        institutionId,
        organiserUnitId,
        planLineId,
        startsOn,
        endsOn,
        mode: 'in_person',
        capacity: 40,
        budget,
        status,
      })
      .returning();
    return c.id;
  };
  const k = {
    K1: await cls('K1', p1, root.id, inst.I1, lines.A, 'finished', ['2026-03-02', '2026-04-30'], {
      NST: 40_000_000,
    }),
    K2: await cls('K2', p1, root.id, inst.I1, lines.A, 'running', ['2026-09-01', '2026-12-20'], {
      NST: 45_000_000,
    }),
    K3: await cls('K3', p1, root.id, inst.I1, lines.A, 'cancelled', ['2026-05-04', '2026-05-30'], {
      NST: 99_000_000,
    }),
    K4: await cls('K4', p2, root.id, null, lines.B, 'planned', ['2026-10-01', '2026-10-20'], {
      NST: 25_000_000,
    }),
    K5: await cls('K5', p3, a.id, inst.I2, lines.C, 'closed', ['2026-05-04', '2026-05-15'], {
      NSDV: 5_000_000,
    }),
    K6: await cls('K6', p2, b.id, null, lines.D, 'running', ['2026-06-01', '2026-06-10'], {
      NST: 3_000_000,
      HOC_VIEN: 1_000_000,
    }),
    K7: await cls('K7', p1, root.id, inst.I1, null, 'finished', ['2025-10-01', '2025-12-15'], {
      NST: 50_000_000,
    }),
  };

  const enrol = async (classId: number, p: PersonRow, status = 'approved', passed?: boolean) => {
    const [n] = await db
      .insert(classNominations)
      .values({ classId, personId: p.id, unitId: p.unitId, status })
      .returning();
    if (passed !== undefined)
      await db.insert(classResults).values({
        nominationId: n.id,
        classId,
        personId: p.id,
        attendancePct: '100',
        passed,
        grade: passed ? 'KHA' : 'KHONG_DAT',
      });
  };
  await enrol(k.K1, people.an, 'approved', true);
  await enrol(k.K1, people.bao, 'approved', false);
  await enrol(k.K1, people.chi, 'pending');
  await enrol(k.K2, people.chi);
  await enrol(k.K2, people.dung);
  await enrol(k.K3, people.em);
  await enrol(k.K5, people.an, 'approved', true);
  await enrol(k.K5, people.em, 'approved', true);
  await enrol(k.K6, people.dung);
  await enrol(k.K6, people.giang);
  await enrol(k.K7, people.bao);

  const delegation = async (code: string, status: string, [departsOn, returnsOn]: [string, string]) => {
    const [d] = await db
      .insert(abroadDelegations)
      .values({
        code,
        name: `Đoàn ${code}`,
        searchName: foldText(code),
        partnerInstitutionId: inst.I3,
        organiserUnitId: root.id,
        country: 'SG',
        departsOn,
        returnsOn,
        budget: { NST: 200_000_000 },
        status,
      })
      .returning();
    return d.id;
  };
  const d1 = await delegation('D1', 'returned', ['2026-08-01', '2026-08-20']);
  const d2 = await delegation('D2', 'cancelled', ['2026-07-01', '2026-07-10']);
  for (const [d, p] of [
    [d1, people.an],
    [d1, people.hung],
    [d2, people.chi],
  ] as const)
    await db.insert(abroadMembers).values({ delegationId: d, personId: p.id, unitId: p.unitId });

  return { people, classes: k, plans, lines, institutions: inst };
}

/**
 * A test app on this fixture for one report (`/api/reports/<name>`), read on 28/12/2026, with a
 * provincial training officer and the calls the report tests make.
 */
export function useClassReport(kind: Backend, name: string) {
  const t = useTestApp(kind, { clock: fixedClock('2026-12-28T02:00:00Z') });
  const get = (s: Session | null, url: string) => t.call(s, { method: 'GET', url });
  const ok = async <T>(s: Session, url: string) => {
    const res = await get(s, url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  const ctx = {
    t,
    fx: {} as ClassReportsFixture,
    officer: {} as Session,
    get,
    table: (s: Session, query = '') => ok<ReportTable>(s, `/api/reports/${name}?${query}`),
    people: (s: Session, cell: string, query = '') =>
      ok<ReportPeoplePage>(s, `/api/reports/${name}/people?cell=${cell}&${query}`),
    /** The officer's .xlsx of the report, as rows of cell values. */
    async sheet(query: string): Promise<unknown[][]> {
      const res = await get(ctx.officer, `/api/reports/${name}/export.xlsx?${query}`);
      expect(res.statusCode).toBe(200);
      return sheetRows(res);
    },
  };
  beforeAll(async () => {
    ctx.fx = await buildClassReportsFixture(t);
    ctx.officer = await t.as('training_officer', t.root);
  });
  return ctx;
}
