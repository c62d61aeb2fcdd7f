import { beforeAll, describe, expect, it } from 'vitest';
import type { NominationStatus } from '../../../contracts/nominations';
import { classNominations, qualifications } from '../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme, fieldsOf } from '../../test/fixtures/catalogue';
import { makePerson, makeUnit, type PersonRow, type UnitRow } from '../../test/fixtures/org';

interface Report {
  year: number;
  asOf: string;
  totals: { rows: number; people: number; cost: number };
  byClass: { classId: number; code: string; name: string; rows: number; cost: number }[];
  items: {
    nominationId: number;
    classId: number;
    personId: number;
    personName: string;
    personOpen: boolean;
    unitName: string;
    status: string;
    reasons: { code: string; vi: string; en: string }[];
    sharePct: number;
    costPerTrainee: number;
    duplicatedCost: number;
  }[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * GET /reports/duplicated-training on a hand-built year. Class K1/2027 of the specialist
 * programme (150 periods, topics of 40 + 40 + 40) costs 250 000 000 and has five seat holders,
 * so 50 000 000 per trainee: An holds the qualification (100%), Bình completed a class covering
 * two of its topics (80/150 = 53.3%: 26 666 667), Khoa holds a higher level (100%), Cường holds
 * nothing and Lan's qualification came after the class started. A commune's class K7/2027 has
 * one holder, Phúc, who holds the qualification (40 000 000). Another province has its own.
 */
describe.each(testBackends())('duplicated-training report (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-11-20T08:00:00Z') });
  let officer: Session;
  let school: UnitRow;
  let otherProvince: UnitRow;
  const ids: Record<string, number> = {};
  const people: Record<string, PersonRow> = {};

  const post = async (s: Session, url: string, payload: object) => {
    const res = await t.call(s, { method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const get = (s: Session | null, query = '') =>
    t.call(s, { method: 'GET', url: `/api/reports/duplicated-training${query}` });
  const report = async (s: Session, query = '?year=2027') => {
    const res = await get(s, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Report;
  };
  const nominate = (classId: number, person: PersonRow, status: NominationStatus, unitId = person.unitId) =>
    t.handle.db.insert(classNominations).values({
      classId,
      personId: person.id,
      unitId,
      status,
      queuedAt: status === 'waitlisted' ? new Date('2027-02-01T00:00:00Z') : null,
    });
  const qualify = (person: PersonRow, level: string, issuedOn: string | null = '2020-05-01') =>
    t.handle.db
      .insert(qualifications)
      .values({ personId: person.id, kind: 'STATE_MANAGEMENT', level, issuedOn });

  const specialist = (over: Record<string, unknown> = {}) => ({
    code: 'DT-QLNN-CV',
    kind: 'STATE_MANAGEMENT',
    level: 'CV',
    grantsKind: 'STATE_MANAGEMENT',
    grantsLevel: 'CV',
    periods: 150,
    organiserLevels: ['province', 'commune'],
    topics: [
      { topicCode: 'DT-HCNN', name: 'Hành chính nhà nước', periods: 40 },
      { topicCode: 'DT-SOAN-THAO', name: 'Kỹ năng soạn thảo văn bản', periods: 40 },
      { topicCode: 'DT-CV-RIENG', name: 'Nghiệp vụ chuyên viên', periods: 40 },
    ],
    ...over,
  });
  const classBody = (programmeId: number, over: Record<string, unknown>) => ({
    name: 'Lớp bồi dưỡng ngạch chuyên viên',
    programmeId,
    startsOn: '2027-03-01',
    endsOn: '2027-04-30',
    mode: 'in_person',
    capacity: 50,
    ...over,
  });

  beforeAll(async () => {
    const db = t.handle.db;
    officer = await t.as('training_officer', t.root);
    school = await makeUnit(db, { parent: t.root, name: 'Trường Chính trị tỉnh', level: 'agency' });
    const inst = await post(officer, '/api/institutions', {
      kind: 'PROVINCIAL_SCHOOL',
      name: 'Trường Chính trị tỉnh',
      orgUnitId: school.id,
    });
    const cv = await createProgramme(t, officer, specialist());
    // A job-position course granting nothing, sharing two topics with the specialist programme.
    const skills = await createProgramme(t, officer, {
      code: 'DT-KY-NANG',
      kind: 'JOB_POSITION',
      level: null,
      grantsKind: null,
      grantsLevel: null,
      periods: 80,
      topics: [
        { topicCode: 'DT-HCNN', name: 'Hành chính nhà nước', periods: 30 },
        { topicCode: 'DT-SOAN-THAO', name: 'Soạn thảo văn bản', periods: 30 },
        { topicCode: 'DT-TIN-HOC', name: 'Tin học văn phòng', periods: 20 },
      ],
    });

    for (const [key, name, unit] of [
      ['an', 'Nguyễn Văn An', t.communeA],
      ['binh', 'Trần Thị Bình', t.communeA],
      ['cuong', 'Lê Văn Cường', t.communeA],
      ['lan', 'Đỗ Thị Lan', t.communeA],
      ['dung', 'Vũ Thị Dung', t.communeA],
      ['em', 'Bùi Văn Em', t.communeA],
      ['khoa', 'Phạm Văn Khoa', t.communeB],
      ['phuc', 'Hoàng Văn Phúc', t.communeB],
    ] as const)
      people[key] = await makePerson(db, unit, { fullName: name });
    await qualify(people.an, 'CV');
    await qualify(people.khoa, 'CVC');
    await qualify(people.lan, 'CV', '2027-06-01');
    await qualify(people.dung, 'CV');
    await qualify(people.em, 'CV');
    await qualify(people.phuc, 'CV', null);

    // Bình finished the skills course in 2026.
    const done = await post(
      officer,
      '/api/classes',
      classBody(skills.id, {
        code: 'K1/2026',
        name: 'Lớp kỹ năng',
        startsOn: '2026-03-02',
        endsOn: '2026-04-30',
      }),
    );
    for (const to of ['open_for_nomination', 'running', 'finished'])
      await post(officer, `/api/classes/${done.id}/status`, { to });
    await nominate(done.id, people.binh, 'approved');

    const k1 = await post(
      officer,
      '/api/classes',
      classBody(cv.id, { code: 'K1/2027', institutionId: inst.id, budget: { NST: 250_000_000 } }),
    );
    ids.k1 = k1.id;
    await post(officer, `/api/classes/${k1.id}/status`, { to: 'open_for_nomination' });
    await nominate(k1.id, people.an, 'pending');
    await nominate(k1.id, people.binh, 'approved');
    await nominate(k1.id, people.cuong, 'pending');
    await nominate(k1.id, people.lan, 'approved');
    await nominate(k1.id, people.khoa, 'approved');
    await nominate(k1.id, people.dung, 'waitlisted');
    await nominate(k1.id, people.em, 'withdrawn');

    const k7 = await post(
      officer,
      '/api/classes',
      classBody(cv.id, {
        code: 'K7/2027',
        organiserUnitId: t.communeB.id,
        startsOn: '2027-05-04',
        endsOn: '2027-05-30',
        budget: { NST: 30_000_000, NSDV: 10_000_000 },
      }),
    );
    ids.k7 = k7.id;
    await nominate(k7.id, people.phuc, 'pending');

    const cancelled = await post(
      officer,
      '/api/classes',
      classBody(cv.id, { code: 'K2/2027', budget: { NST: 100_000_000 } }),
    );
    await nominate(cancelled.id, people.an, 'pending');
    await post(officer, `/api/classes/${cancelled.id}/status`, { to: 'cancelled', comment: 'Gộp lớp' });

    // Another province, its own programme, class and a person holding the qualification.
    otherProvince = await makeUnit(db, { name: 'Tỉnh Láng Giềng', validFrom: '2000-01-01' });
    const neighbour = await t.as('training_officer', otherProvince);
    const theirs = await createProgramme(t, neighbour, specialist());
    const k9 = await post(
      neighbour,
      '/api/classes',
      classBody(theirs.id, { code: 'K9/2027', budget: { NST: 60_000_000 } }),
    );
    ids.k9 = k9.id;
    people.hai = await makePerson(db, otherProvince, { fullName: 'Ngô Văn Hải' });
    await qualify(people.hai, 'CV');
    await nominate(k9.id, people.hai, 'pending');
  }, 120_000);

  const row = (person: string, classId: number, sharePct: number, costPerTrainee: number, cost: number) =>
    expect.objectContaining({
      personId: people[person].id,
      classId,
      sharePct,
      costPerTrainee,
      duplicatedCost: cost,
    });

  it('lists the duplicated nominations of the year with the costs worked out by hand', async () => {
    const body = await report(officer);
    expect(body).toMatchObject({
      year: 2027,
      asOf: '2027-11-20T08:00:00.000Z',
      totals: { rows: 4, people: 4, cost: 166_666_667 },
      byClass: [
        { classId: ids.k1, code: 'K1/2027', rows: 3, cost: 126_666_667 },
        { classId: ids.k7, code: 'K7/2027', rows: 1, cost: 40_000_000 },
      ],
      total: 4,
      page: 1,
      pageSize: 50,
    });
    expect(body.items).toEqual([
      row('an', ids.k1, 100, 50_000_000, 50_000_000),
      row('binh', ids.k1, 53.3, 50_000_000, 26_666_667),
      row('khoa', ids.k1, 100, 50_000_000, 50_000_000),
      row('phuc', ids.k7, 100, 40_000_000, 40_000_000),
    ]);
    const [an, binh, khoa, phuc] = body.items;
    expect(an).toMatchObject({ personName: 'Nguyễn Văn An', unitName: 'Xã Đông Hòa', status: 'pending' });
    expect(an.personOpen).toBe(true);
    expect(an.reasons.map((r) => r.code)).toEqual(['HOLDS_QUALIFICATION', 'TOPICS_COVERED']);
    expect(an.reasons[0].vi).toContain('Quản lý nhà nước theo ngạch - Chương trình chuyên viên');
    expect(binh).toMatchObject({
      status: 'approved',
      reasons: [expect.objectContaining({ code: 'TOPICS_COVERED' })],
    });
    expect(binh.reasons[0].vi).toBe(
      'Đã học 2/3 chuyên đề (80/120 tiết) của chương trình: DT-HCNN, DT-SOAN-THAO.',
    );
    expect(khoa.reasons.map((r) => r.code)).toEqual(['HOLDS_HIGHER']);
    expect(phuc).toMatchObject({ unitName: 'Phường Tây Sơn', personName: 'Hoàng Văn Phúc' });

    // Totals cover every row; the rows are paged.
    const page2 = await report(officer, '?year=2027&page=2&pageSize=3');
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3, totals: { rows: 4, cost: 166_666_667 } });
    expect(page2.items.map((i) => i.personId)).toEqual([people.phuc.id]);
  });

  it('takes the current year by default and is empty for a year without repetition', async () => {
    expect((await report(officer, '')).totals).toEqual({ rows: 4, people: 4, cost: 166_666_667 });
    // In 2026 Bình had not yet done anything the skills course repeats.
    expect(await report(officer, '?year=2026')).toMatchObject({
      year: 2026,
      totals: { rows: 0, people: 0, cost: 0 },
      byClass: [],
      items: [],
      total: 0,
    });
  });

  it('narrows to a unit of the subtree; a unit of another subtree is a 404', async () => {
    const b = await report(officer, `?year=2027&unitId=${t.communeB.id}`);
    expect(b.items).toEqual([
      row('khoa', ids.k1, 100, 50_000_000, 50_000_000),
      row('phuc', ids.k7, 100, 40_000_000, 40_000_000),
    ]);
    expect(b.totals).toEqual({ rows: 2, people: 2, cost: 90_000_000 });
    expect((await get(officer, `?year=2027&unitId=${otherProvince.id}`)).statusCode).toBe(404);
    const commune = await t.as('unit_officer', t.communeA);
    expect((await get(commune, `?year=2027&unitId=${t.communeB.id}`)).statusCode).toBe(404);
  });

  it("shows a unit officer only their subtree's nominations, in the classes they see", async () => {
    const commune = await t.as('unit_officer', t.communeA);
    const body = await report(commune);
    expect(body.items).toEqual([
      row('an', ids.k1, 100, 50_000_000, 50_000_000),
      row('binh', ids.k1, 53.3, 50_000_000, 26_666_667),
    ]);
    expect(body.totals).toEqual({ rows: 2, people: 2, cost: 76_666_667 });
    expect(body.byClass).toEqual([
      {
        classId: ids.k1,
        code: 'K1/2027',
        name: 'Lớp bồi dưỡng ngạch chuyên viên',
        rows: 2,
        cost: 76_666_667,
      },
    ]);
  });

  it("shows the school's staff every unit's nominations in the classes it teaches", async () => {
    const staff = await t.as('institution_staff', school);
    const body = await report(staff);
    expect(body.items).toEqual([
      row('an', ids.k1, 100, 50_000_000, 50_000_000),
      row('binh', ids.k1, 53.3, 50_000_000, 26_666_667),
      row('khoa', ids.k1, 100, 50_000_000, 50_000_000),
    ]);
    // The people are outside the school's subtree: their records are not the staff's to open.
    expect(body.items.every((i) => !i.personOpen)).toBe(true);
    const neighbour = await t.as('training_officer', otherProvince);
    expect((await report(neighbour)).items).toEqual([row('hai', ids.k9, 100, 60_000_000, 60_000_000)]);
  });

  it('refuses the unauthenticated (401), a role without classes.read (403) and a bad year (400)', async () => {
    expect((await get(null, '?year=2027')).statusCode).toBe(401);
    expect((await get(await t.as('learner', t.root), '?year=2027')).statusCode).toBe(403);
    const bad = await get(officer, '?year=hai');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toBe('year');
  });
});
