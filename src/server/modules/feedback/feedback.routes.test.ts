import { and, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassFeedback, EffectivenessItem, QuestionStat, Rollup } from '../../../contracts/feedback';
import { auditLog, classNominations, policyValues } from '../../db/schema/index';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme, fieldsOf } from '../../test/fixtures/catalogue';
import { enrol, level1Body, level3Body, taughtClass } from '../../test/fixtures/feedback';
import { makePerson, makeUnit, makeUser } from '../../test/fixtures/org';

type Learner = Awaited<ReturnType<typeof enrol>>;
const avg = (stats: QuestionStat[], code: string) => stats.find((s) => s.questionCode === code);

describe.each(testBackends())('feedback routes (%s)', (kind) => {
  // Today is 2026-11-20 (the default test clock).
  const t = useTestApp(kind);
  const call = (s: Session | null, opts: InjectOptions) => t.call(s, opts);
  const get = (s: Session | null, url: string) => call(s, { method: 'GET', url });
  const post = (s: Session | null, url: string, payload: object) => call(s, { method: 'POST', url, payload });
  let officer: Session;
  let officerA: Session;
  let officerB: Session;
  let staff: Session;
  let lecturerUser: Session;
  let foreign: Session;
  let l1: number;
  let l2: number;
  let institutionId: number;
  let k0: number;
  let k1: number;
  let k2: number;
  let kOpen: number;
  const learners: Record<string, Learner> = {};
  const sessions: Record<string, Session> = {};
  let form1: number;
  let form3: number;

  const asLearner = async (who: Learner) => {
    const u = await makeUser(t.handle.db, 'learner', t.communeA, { personId: who.personId });
    return t.login(u.username);
  };

  beforeAll(async () => {
    const school = await makeUnit(t.handle.db, { parent: t.root, name: 'Trường Chính trị', level: 'agency' });
    const otherProvince = await makeUnit(t.handle.db, { name: 'Tỉnh Khác' });
    officer = await t.as('training_officer', t.root);
    officerA = await t.as('unit_officer', t.communeA);
    officerB = await t.as('unit_officer', t.communeB);
    staff = await t.as('institution_staff', school);
    lecturerUser = await t.as('lecturer', school);
    foreign = await t.as('training_officer', otherProvince);
    const programmeId = (await createProgramme(t, officer, { effectiveFrom: '2025-01-01' })).id;
    institutionId = (
      await post(officer, '/api/institutions', {
        kind: 'PROVINCIAL_SCHOOL',
        name: 'Trường Chính trị',
        orgUnitId: school.id,
      })
    ).json().id;
    const lecturer = async (fullName: string) =>
      (
        await post(officer, '/api/lecturers', { kind: 'invited', fullName, institutionIds: [institutionId] })
      ).json().id as number;
    l1 = await lecturer('Trần Văn Giảng');
    l2 = await lecturer('Lê Thị Dạy');
    // Commune B keeps its own delay: 3 months from 2026.
    await t.handle.db.insert(policyValues).values({
      code: 'feedback.level3_delay_months',
      ownerUnitId: t.communeB.id,
      value: 3,
      effectiveFrom: '2026-01-01',
      legalSource: 'Quyết định của UBND xã',
    });
    const base = { programmeId, institutionId };
    k0 = await taughtClass(t, officer, {
      ...base,
      lecturerIds: [l1],
      startsOn: '2025-08-01',
      endsOn: '2025-09-30',
      status: 'finished',
    });
    k1 = await taughtClass(t, officer, {
      ...base,
      lecturerIds: [l1, l2],
      startsOn: '2026-02-01',
      endsOn: '2026-03-31',
      status: 'finished',
    });
    k2 = await taughtClass(t, officer, {
      ...base,
      lecturerIds: [l2],
      startsOn: '2026-06-01',
      endsOn: '2026-07-31',
      status: 'finished',
    });
    kOpen = await taughtClass(t, officer, {
      ...base,
      lecturerIds: [l1],
      startsOn: '2026-12-01',
      endsOn: '2026-12-20',
      status: 'open_for_nomination',
    });
    learners.d = await enrol(t, k0, t.communeA, 'Đặng Văn Dũng');
    for (const [key, name] of [
      ['a', 'Nguyễn Văn An'],
      ['b', 'Bùi Thị Bích'],
      ['c', 'Cao Văn Cường'],
      ['e', 'Phan Văn Em'],
    ])
      learners[key] = await enrol(t, k1, t.communeA, name);
    learners.p = await enrol(t, k1, t.communeA, 'Hà Văn Chờ', 'pending');
    learners.f = await enrol(t, k2, t.communeA, 'Vũ Văn Phúc');
    learners.g = await enrol(t, k2, t.communeB, 'Hồ Thị Giang');
    await enrol(t, kOpen, t.communeA, 'Lý Văn Mở');
    const { personId } = learners.a;
    await t.handle.db.insert(classNominations).values({
      classId: kOpen,
      personId,
      unitId: t.communeA.id,
      status: 'approved',
    });
    for (const key of ['a', 'b', 'c', 'd', 'p']) sessions[key] = await asLearner(learners[key]);
    sessions.h = await asLearner({ ...learners.a, personId: (await makePerson(t.handle.db, t.communeA)).id });
  });

  it("lists a learner's started classes and gives the form with the class's lecturers", async () => {
    const mine = await get(sessions.a, '/api/feedback/my-classes');
    expect(mine.statusCode, mine.body).toBe(200);
    // The class open for nomination is not rated yet.
    expect(mine.json().items.map((c: { classId: number }) => c.classId)).toEqual([k1]);
    const form = await get(sessions.a, `/api/feedback/my-classes/${k1}`);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({ answer: null, form: { level: 1, version: 1 } });
    expect(
      form
        .json()
        .lecturers.map((l: { id: number }) => l.id)
        .sort(),
    ).toEqual([l1, l2].sort());
    expect(form.json().form.questions).toHaveLength(6);
    form1 = form.json().form.id;

    expect((await get(null, '/api/feedback/my-classes')).statusCode).toBe(401);
    expect((await get(officerA, '/api/feedback/my-classes')).statusCode).toBe(403);
    // Only enrolled learners: not sent, pending, another class, not started.
    expect((await get(sessions.h, `/api/feedback/my-classes/${k1}`)).statusCode).toBe(404);
    expect((await get(sessions.p, `/api/feedback/my-classes/${k1}`)).statusCode).toBe(404);
    expect((await get(sessions.d, `/api/feedback/my-classes/${k1}`)).statusCode).toBe(404);
    expect((await get(sessions.a, `/api/feedback/my-classes/${kOpen}`)).statusCode).toBe(404);
    expect(
      (
        await post(
          sessions.h,
          `/api/feedback/my-classes/${k1}`,
          level1Body(form1, { content: [5, 5], org: [5, 5], lecturers: { [l1]: [5, 5], [l2]: [5, 5] } }),
        )
      ).statusCode,
    ).toBe(404);
  });

  it('takes one complete answer per learner and class, and records the act without its content', async () => {
    const incomplete = await post(
      sessions.a,
      `/api/feedback/my-classes/${k1}`,
      level1Body(form1, { content: [5, 4], org: [4, 3], lecturers: { [l1]: [5, 4] } }),
    );
    expect(incomplete.statusCode).toBe(400);
    expect(fieldsOf(incomplete)).toBe('scores');
    expect(incomplete.json().error.details.fields[0].message).toContain('Lê Thị Dạy');
    const stranger = await post(
      sessions.a,
      `/api/feedback/my-classes/${k1}`,
      level1Body(form1, {
        content: [5, 4],
        org: [4, 3],
        lecturers: { [l1]: [5, 4], [l2]: [3, 2], 999999: [1, 1] },
      }),
    );
    expect(stranger.statusCode).toBe(400);
    const badScore = await post(
      sessions.a,
      `/api/feedback/my-classes/${k1}`,
      level1Body(form1, { content: [6, 4], org: [4, 3], lecturers: { [l1]: [5, 4], [l2]: [3, 2] } }),
    );
    expect(badScore.statusCode).toBe(400);
    const wrongForm = await post(sessions.a, `/api/feedback/my-classes/${k1}`, {
      ...level3Body(form1, [4, 4, 4]),
      formId: form1 + 1,
    });
    expect(fieldsOf(wrongForm)).toBe('formId');

    const answers: [string, Parameters<typeof level1Body>[1], string?][] = [
      ['a', { content: [5, 4], org: [4, 3], lecturers: { [l1]: [5, 4], [l2]: [3, 2] } }, 'Rất bổ ích'],
      ['b', { content: [4, 4], org: [5, 4], lecturers: { [l1]: [4, 4], [l2]: [4, 3] } }],
      [
        'c',
        { content: [3, 5], org: [3, 3], lecturers: { [l1]: [5, 5], [l2]: [2, 2] } },
        '  Phòng học nóng  ',
      ],
    ];
    for (const [key, scores, comment] of answers) {
      const res = await post(
        sessions[key],
        `/api/feedback/my-classes/${k1}`,
        level1Body(form1, scores, comment),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().answer.scores).toHaveLength(8);
    }
    const k0Form = (await get(sessions.d, `/api/feedback/my-classes/${k0}`)).json();
    const d = await post(
      sessions.d,
      `/api/feedback/my-classes/${k0}`,
      level1Body(k0Form.form.id, { content: [3, 3], org: [3, 3], lecturers: { [l1]: [2, 3] } }),
    );
    expect(d.statusCode, d.body).toBe(200);

    const again = await post(
      sessions.a,
      `/api/feedback/my-classes/${k1}`,
      level1Body(form1, { content: [1, 1], org: [1, 1], lecturers: { [l1]: [1, 1], [l2]: [1, 1] } }),
    );
    expect(again.statusCode).toBe(409);
    const mine = (await get(sessions.a, '/api/feedback/my-classes')).json();
    expect(mine.items[0].answeredAt).toBeTruthy();
    const shown = (await get(sessions.c, `/api/feedback/my-classes/${k1}`)).json();
    expect(shown.answer.comment).toBe('Phòng học nóng');

    const rows = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'feedback.level1'), eq(auditLog.entityId, String(k1))));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.after === null && r.before === null)).toBe(true);
  });

  it("gives each supervisor the learners of their subtree once the policy's months have passed", async () => {
    const list = async (s: Session, state: string) => {
      const res = await get(s, `/api/feedback/effectiveness?state=${state}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as EffectivenessItem[];
    };
    // K1 ended 31/03/2026: due 30/09/2026 (6 months). K0 ended before any delay was in force.
    const dueA = await list(officerA, 'due');
    expect(dueA.map((i) => i.personName).sort()).toEqual([
      'Bùi Thị Bích',
      'Cao Văn Cường',
      'Nguyễn Văn An',
      'Phan Văn Em',
    ]);
    expect(dueA[0]).toMatchObject({ classId: k1, endsOn: '2026-03-31', dueOn: '2026-09-30', delayMonths: 6 });
    // K2 ended 31/07/2026: commune A waits 6 months, commune B its own 3.
    expect(await list(officerA, 'upcoming')).toMatchObject([
      { personName: 'Vũ Văn Phúc', dueOn: '2027-01-31' },
    ]);
    expect(await list(officerB, 'due')).toMatchObject([
      { personName: 'Hồ Thị Giang', dueOn: '2026-10-31', delayMonths: 3 },
    ]);
    expect((await list(officer, 'due')).length).toBe(5);
    const searched = await get(officerA, '/api/feedback/effectiveness?state=due&q=cuong');
    expect(searched.json().items.map((i: EffectivenessItem) => i.personName)).toEqual(['Cao Văn Cường']);

    const a = learners.a.nominationId;
    const form = await get(officerA, `/api/feedback/effectiveness/${a}`);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({
      answer: null,
      form: { level: 3 },
      item: { personName: 'Nguyễn Văn An' },
    });
    form3 = form.json().form.id;

    expect((await get(null, '/api/feedback/effectiveness')).statusCode).toBe(401);
    expect((await get(sessions.a, '/api/feedback/effectiveness')).statusCode).toBe(403);
    expect((await get(staff, '/api/feedback/effectiveness')).statusCode).toBe(403);
    expect((await get(officerB, `/api/feedback/effectiveness/${a}`)).statusCode).toBe(404);
    expect(
      (await post(officerB, `/api/feedback/effectiveness/${a}`, level3Body(form3, [4, 5, 5]))).statusCode,
    ).toBe(404);
    const early = await post(
      officerA,
      `/api/feedback/effectiveness/${learners.f.nominationId}`,
      level3Body(form3, [4, 4, 4]),
    );
    expect(early.statusCode).toBe(409);
    const short = await post(officerA, `/api/feedback/effectiveness/${a}`, {
      ...level3Body(form3, [4, 5, 5]),
      scores: level3Body(form3, [4, 5, 5]).scores.slice(1),
    });
    expect(fieldsOf(short)).toBe('scores');

    const done = await post(
      officerA,
      `/api/feedback/effectiveness/${a}`,
      level3Body(form3, [4, 5, 5], 'Vận dụng tốt'),
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().answer).toMatchObject({ comment: 'Vận dụng tốt', formVersion: 1 });
    expect(
      (await post(officer, `/api/feedback/effectiveness/${a}`, level3Body(form3, [1, 1, 1]))).statusCode,
    ).toBe(409);
    expect((await list(officerA, 'done')).map((i) => i.nominationId)).toEqual([a]);
    expect((await list(officerA, 'due')).length).toBe(3);
    const [row] = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'feedback.level3'));
    expect(row).toMatchObject({ entityId: String(a), scopePath: t.communeA.path });
  });

  it('rolls up a class for its managers, without names', async () => {
    const res = await get(staff, `/api/classes/${k1}/feedback`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as ClassFeedback;
    expect(f).toMatchObject({ enrolled: 4, answers: 3, effectivenessAnswers: 1 });
    // Hand-computed: (5+4+3)/3, (4+4+5)/3, (4+5+3)/3, (3+4+3)/3.
    expect(avg(f.overall, 'CONTENT_RELEVANT')).toMatchObject({ average: 4, count: 3 });
    expect(avg(f.overall, 'CONTENT_UPDATED')?.average).toBe(4.33);
    expect(avg(f.overall, 'ORG_MANAGEMENT')?.average).toBe(4);
    expect(avg(f.overall, 'ORG_FACILITIES')?.average).toBe(3.33);
    const byId = (id: number) => f.lecturers.find((l) => l.lecturerId === id)!;
    expect(byId(l1)).toMatchObject({ fullName: 'Trần Văn Giảng', answers: 3 });
    expect(avg(byId(l1).questions, 'LECTURER_KNOWLEDGE')?.average).toBe(4.67);
    expect(avg(byId(l1).questions, 'LECTURER_METHOD')?.average).toBe(4.33);
    expect(avg(byId(l2).questions, 'LECTURER_KNOWLEDGE')?.average).toBe(3);
    expect(avg(byId(l2).questions, 'LECTURER_METHOD')?.average).toBe(2.33);
    expect(avg(f.effectiveness, 'WORK_IMPROVED')).toMatchObject({ average: 5, count: 1 });
    // In the order of the forms, not of the codes.
    expect(f.overall.map((x) => x.questionCode)).toEqual([
      'CONTENT_RELEVANT',
      'CONTENT_UPDATED',
      'ORG_MANAGEMENT',
      'ORG_FACILITIES',
    ]);
    expect(f.effectiveness.map((x) => x.questionCode)).toEqual([
      'APPLIES_LEARNING',
      'WORK_IMPROVED',
      'RECOMMEND_PROGRAMME',
    ]);
    expect(
      f.comments
        .filter((c) => c.level === 1)
        .map((c) => c.text)
        .sort(),
    ).toEqual(['Phòng học nóng', 'Rất bổ ích']);
    expect(f.comments.filter((c) => c.level === 3)).toEqual([{ level: 3, text: 'Vận dụng tốt' }]);
    for (const name of ['Nguyễn Văn An', 'Bùi Thị Bích', 'Cao Văn Cường'])
      expect(res.body).not.toContain(name);
    expect(res.body).not.toMatch(/personId|nominationId|answeredBy/);

    expect((await get(null, `/api/classes/${k1}/feedback`)).statusCode).toBe(401);
    expect((await get(officerA, `/api/classes/${k1}/feedback`)).statusCode).toBe(403);
    expect((await get(foreign, `/api/classes/${k1}/feedback`)).statusCode).toBe(404);
  });

  it('rolls up lecturers and institutions by year of the class and overall', async () => {
    const res = await get(lecturerUser, `/api/lecturers/${l1}/ratings`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as Rollup;
    expect(r.questions.map((q) => q.code)).toEqual(['LECTURER_KNOWLEDGE', 'LECTURER_METHOD']);
    // 2026: K1 (5,4,5 / 4,4,5); 2025: K0 (2 / 3); overall (5+4+5+2)/4, (4+4+5+3)/4.
    expect(r.total).toMatchObject({ year: null, answers: 4, effectivenessAnswers: 0 });
    expect(avg(r.total.questions, 'LECTURER_KNOWLEDGE')).toMatchObject({ average: 4, count: 4 });
    expect(avg(r.total.questions, 'LECTURER_METHOD')).toMatchObject({ average: 4, count: 4 });
    expect(r.years.map((y) => [y.year, y.answers])).toEqual([
      [2026, 3],
      [2025, 1],
    ]);
    expect(avg(r.years[0].questions, 'LECTURER_KNOWLEDGE')?.average).toBe(4.67);
    expect(avg(r.years[1].questions, 'LECTURER_KNOWLEDGE')?.average).toBe(2);
    expect(res.body).not.toContain('comment');
    const second = (await get(officerA, `/api/lecturers/${l2}/ratings`)).json() as Rollup;
    expect(second.total.answers).toBe(3);
    expect(avg(second.total.questions, 'LECTURER_METHOD')?.average).toBe(2.33);

    const inst = await get(officerA, `/api/institutions/${institutionId}/ratings`);
    expect(inst.statusCode, inst.body).toBe(200);
    const i = inst.json() as Rollup;
    expect(i.questions).toHaveLength(9);
    expect(i.total).toMatchObject({ answers: 4, effectivenessAnswers: 1 });
    // (5+4+3+3)/4; every lecturer score: (5+4+5+3+4+2+2)/7 = 3.571.
    expect(avg(i.total.questions, 'CONTENT_RELEVANT')).toMatchObject({ average: 3.75, count: 4 });
    expect(avg(i.total.questions, 'LECTURER_KNOWLEDGE')).toMatchObject({ average: 3.57, count: 7 });
    expect(avg(i.total.questions, 'APPLIES_LEARNING')).toMatchObject({ average: 4, count: 1 });
    expect(i.years.map((y) => [y.year, y.answers, y.effectivenessAnswers])).toEqual([
      [2026, 3, 1],
      [2025, 1, 0],
    ]);

    expect((await get(null, `/api/lecturers/${l1}/ratings`)).statusCode).toBe(401);
    expect((await get(sessions.a, `/api/lecturers/${l1}/ratings`)).statusCode).toBe(403);
    expect((await get(foreign, `/api/lecturers/${l1}/ratings`)).statusCode).toBe(404);
    expect((await get(foreign, `/api/institutions/${institutionId}/ratings`)).statusCode).toBe(404);
    expect((await get(officer, `/api/lecturers/999999/ratings`)).statusCode).toBe(404);
  });
});
