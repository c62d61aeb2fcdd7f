/**
 * Recipes of the class update routes: the class, its sessions, quotas, attendance, conduct,
 * assessments and scores. One running class (past sessions, three learners) serves the routes of
 * its sheets; the class itself is changed on a planned class of its own.
 */
import { AssessmentBody } from '../../../../contracts/results';
import { createDefaults } from '../../../../contracts/update';
import { seatLearners } from '../../fixtures/nominations';
import type { Rec, Recipe, World } from '../recipe';
import { makeInstitution, makeLecturer, makeProgramme } from './catalogue';

let seq = 0;

/** The item of `list` matching `match`, with the other items beside it. */
function itemAndOthers(list: Rec[], match: (x: Rec) => boolean): Rec {
  const item = list.find(match)!;
  return { ...item, others: list.filter((x) => x !== item) };
}

/**
 * Read a sheet of a class (`GET /api/classes/:id/<sheet>`): the row of its `list` that `match`
 * picks with the other rows beside it, and its `beside` list as it is (it must not move either).
 */
function sheetRow(
  w: World,
  classId: number,
  sheet: string,
  list: string,
  beside: string,
  match: (x: Rec) => boolean,
) {
  return async (): Promise<Rec> => {
    const s = await w.get<Record<string, Rec[]>>(w.admin, `/api/classes/${classId}/${sheet}`);
    return { ...itemAndOthers(s[list], match), [beside]: s[beside] };
  };
}

interface RunningClass {
  classId: number;
  programme: Rec;
  sessions: number[];
  learners: number[];
  assessments: number[];
}

const running = new WeakMap<World, Promise<RunningClass>>();

/** A running class of the province with three past sessions, three learners, marks, conduct and scores. */
function runningClass(w: World): Promise<RunningClass> {
  if (!running.has(w)) running.set(w, makeRunningClass(w));
  return running.get(w)!;
}

async function makeRunningClass(w: World): Promise<RunningClass> {
  const programme = await makeProgramme(w);
  const inst = await makeInstitution(w);
  const lecturer = await makeLecturer(w, [inst.id as number]);
  const cls = await w.post(w.admin, '/api/classes', {
    code: `LH ${++seq}/${w.year}`,
    name: 'Lớp trung cấp lý luận chính trị',
    programmeId: programme.id,
    institutionId: inst.id,
    startsOn: `${w.year}-11-02`,
    endsOn: `${w.year}-11-27`,
    mode: 'in_person',
    capacity: 40,
  });
  const topics = programme.topics as Rec[];
  for (const day of [2, 3, 4].map((d) => `${w.year}-11-0${d}`))
    await w.post(w.admin, `/api/classes/${cls.id}/sessions`, {
      day,
      startsAt: '07:30',
      endsAt: '11:00',
      topicCode: topics[0].topicCode,
      lecturerId: lecturer.id,
      room: `Phòng ${day.slice(-2)}`,
      onlineUrl: 'https://hoc.example.vn/lop',
      note: 'Mang tài liệu',
    });
  for (const to of ['open_for_nomination', 'running'])
    await w.post(w.admin, `/api/classes/${cls.id}/status`, { to });
  await seatLearners(w.t.handle.db, cls.id as number, w.communeA, 3);
  // After the learners, so the quotas' counts of seats taken start right.
  await w.put(w.admin, `/api/classes/${cls.id}/quotas`, {
    quotas: [
      { unitId: w.communeA.id, seats: 10 },
      { unitId: w.communeB.id, seats: 8 },
    ],
  });
  const sheet = await w.get<{ sessions: Rec[]; learners: Rec[] }>(
    w.admin,
    `/api/classes/${cls.id}/attendance`,
  );
  const sessions = sheet.sessions.map((s) => s.id as number);
  const learners = sheet.learners.map((l) => l.nominationId as number);
  await w.put(w.admin, `/api/classes/${cls.id}/attendance`, {
    marks: [
      {
        sessionId: sessions[0],
        nominationId: learners[0],
        status: 'excused',
        reason: 'Ốm, có giấy của bệnh viện',
      },
      { sessionId: sessions[0], nominationId: learners[1], status: 'late', reason: 'Tắc đường' },
      { sessionId: sessions[1], nominationId: learners[0], status: 'present' },
    ],
  });
  await w.put(w.admin, `/api/classes/${cls.id}/learners/${learners[1]}/conduct`, {
    rulesKept: false,
    disciplineNote: 'Vắng không phép hai buổi',
  });
  const assessments: number[] = [];
  for (const a of [
    { name: 'Kiểm tra giữa khóa', kind: 'test', weight: 2 },
    { name: 'Tiểu luận cuối khóa', kind: 'essay', weight: 3, heldOn: `${w.year}-11-04` },
  ])
    assessments.push((await w.post(w.admin, `/api/classes/${cls.id}/assessments`, a)).id as number);
  await w.put(w.admin, `/api/classes/${cls.id}/scores`, {
    scores: [
      { assessmentId: assessments[0], nominationId: learners[0], score: 7.5 },
      { assessmentId: assessments[0], nominationId: learners[1], score: 8 },
      { assessmentId: assessments[1], nominationId: learners[0], score: 9 },
    ],
  });
  return { classId: cls.id as number, programme, sessions, learners, assessments };
}

const classRecipe: Recipe = {
  async setup(w) {
    const programme = await makeProgramme(w);
    const inst = await makeInstitution(w);
    const plan = await w.post(w.admin, '/api/plans', {
      unitId: w.communeA.id,
      year: w.year + 1,
      title: 'Kế hoạch năm sau',
    });
    const line = await w.post(w.admin, `/api/plans/${plan.id}/lines`, {
      programmeKind: 'POLITICAL_THEORY',
      level: 'TRUNG_CAP',
      classes: 2,
      trainees: 80,
    });
    const cls = await w.post(w.admin, '/api/classes', {
      code: `LD ${++seq}/${w.year + 1}`,
      name: 'Lớp bồi dưỡng dự kiến',
      programmeId: programme.id,
      institutionId: inst.id,
      organiserUnitId: w.communeA.id,
      planLineId: line.id,
      startsOn: `${w.year + 1}-03-01`,
      endsOn: `${w.year + 1}-03-31`,
      venue: 'Hội trường Tỉnh ủy',
      mode: 'in_person',
      capacity: 45,
      nominationDeadline: `${w.year + 1}-02-15`,
      note: 'Ưu tiên cán bộ trong quy hoạch',
      budget: { NST: 120_000_000, HOC_VIEN: 10_000_000 },
    });
    return { params: { id: cls.id as number }, read: () => w.get(w.admin, `/api/classes/${cls.id}`) };
  },
  controls: { version: (r) => r.version },
  // Another programme, line or plan of the same kind as the plan line the class carries out.
  values: {
    programmeId: async (_r, w) => [(await makeProgramme(w)).id],
    institutionId: async (_r, w) => [null, (await makeInstitution(w)).id],
    organiserUnitId: (_r, w) => [w.root.id],
    planLineId: async (r, w) => {
      const plan = (r.planLine as { plan: { id: number } }).plan;
      const line = await w.post(w.admin, `/api/plans/${plan.id}/lines`, {
        programmeKind: 'POLITICAL_THEORY',
        level: 'CAO_CAP',
        classes: 1,
        trainees: 40,
      });
      return [null, line.id];
    },
  },
  follows: {
    programmeId: ['programmeCode', 'programmeName'],
    institutionId: ['institutionName'],
    organiserUnitId: ['organiserUnitName'],
    planLineId: ['planLine'],
    budget: ['budgetTotal'],
    // What cannot be done yet, and from when, follows the class's dates (ADR 025).
    startsOn: ['notYet'],
    endsOn: ['notYet'],
  },
  ignore: ['events'],
};

const session: Recipe = {
  async setup(w) {
    const c = await runningClass(w);
    const read = async () => {
      const d = await w.get<{ sessions: Rec[] }>(w.admin, `/api/classes/${c.classId}`);
      return itemAndOthers(d.sessions, (s) => s.id === c.sessions[2]);
    };
    return { params: { id: c.classId, sessionId: c.sessions[2] }, read };
  },
  values: {
    startsAt: () => ['07:00'],
    endsAt: () => ['11:30'],
    topicCode: async (r, w) => {
      const c = await runningClass(w);
      return [null, (c.programme.topics as Rec[]).find((x) => x.topicCode !== r.topicCode)!.topicCode];
    },
    lecturerId: async (_r, w) => [null, (await makeLecturer(w, [])).id],
  },
  follows: { topicCode: ['topicName'], lecturerId: ['lecturerName'] },
};

const quotas: Recipe = {
  async setup(w) {
    const c = await runningClass(w);
    const read = async () => {
      const v = await w.get<{ quotas: Rec[] }>(w.admin, `/api/classes/${c.classId}/nominations`);
      return itemAndOthers(v.quotas, (q) => q.unitId === w.communeB.id);
    };
    return { params: { id: c.classId }, read };
  },
  // A PUT of the whole set: the other quotas are sent as they are.
  items: {
    property: 'quotas',
    key: ['unitId'],
    rest: (r) => (r.others as Rec[]).map((q) => ({ unitId: q.unitId, seats: q.seats })),
  },
};

const attendance: Recipe = {
  async setup(w) {
    const c = await runningClass(w);
    const read = sheetRow(
      w,
      c.classId,
      'attendance',
      'marks',
      'learners',
      (m) => m.sessionId === c.sessions[0] && m.nominationId === c.learners[0],
    );
    return { params: { id: c.classId }, read };
  },
  items: { property: 'marks', key: ['sessionId', 'nominationId'] },
  noClear: { status: 'null removes the mark, its reason with it' },
};

const conduct: Recipe = {
  async setup(w) {
    const c = await runningClass(w);
    const read = sheetRow(
      w,
      c.classId,
      'attendance',
      'learners',
      'marks',
      (l) => l.nominationId === c.learners[1],
    );
    return { params: { id: c.classId, nominationId: c.learners[1] }, read };
  },
};

const scores: Recipe = {
  async setup(w) {
    const c = await runningClass(w);
    const read = sheetRow(
      w,
      c.classId,
      'scores',
      'scores',
      'assessments',
      (x) => x.assessmentId === c.assessments[0] && x.nominationId === c.learners[0],
    );
    return { params: { id: c.classId }, read };
  },
  items: { property: 'scores', key: ['assessmentId', 'nominationId'] },
  noClear: { score: 'null removes the score (the record is then gone): tried by the results tests' },
};

const assessment: Recipe = {
  async setup(w) {
    const c = await runningClass(w);
    const read = sheetRow(w, c.classId, 'scores', 'assessments', 'scores', (a) => a.id === c.assessments[1]);
    return { params: { id: c.classId, assessmentId: c.assessments[1] }, read };
  },
  // A day within the class that has passed (a scored assessment cannot move to a day still to come).
  values: { heldOn: (_r, w) => [`${w.year}-11-03`] },
  createDefaults: createDefaults(AssessmentBody),
};

/** A spending line of the running class, with a second line beside it that must not move (ADR 039). */
const spending: Recipe = {
  async setup(w) {
    const { classId } = await runningClass(w);
    const add = (item: string, amount: number) =>
      w.post<{ lines: Rec[] }>(w.admin, `/api/classes/${classId}/spending`, {
        item,
        fundingSource: 'NST',
        amount,
        spentOn: `${w.year}-11-03`,
        note: `Chi ${++seq}`,
      });
    const before = await add('LECTURER', 12_000_000);
    const ids = new Set(before.lines.map((l) => l.id));
    const made = (await add('MATERIALS', 3_500_000)).lines.find((l) => !ids.has(l.id))!;
    const read = async () => {
      const all = await w.get<{ lines: Rec[] }>(w.admin, `/api/classes/${classId}/spending`);
      return itemAndOthers(all.lines, (l) => l.id === made.id);
    };
    return { params: { id: classId, lineId: made.id as number }, read };
  },
  codes: { item: 'spending_item', fundingSource: 'funding_source' },
};

export const CLASSES_RECIPES: Record<string, Recipe> = {
  'PATCH /api/classes/{id}': classRecipe,
  'PUT /api/classes/{id}/spending/{lineId}': spending,
  'PUT /api/classes/{id}/sessions/{sessionId}': session,
  'PUT /api/classes/{id}/quotas': quotas,
  'PUT /api/classes/{id}/attendance': attendance,
  'PUT /api/classes/{id}/learners/{nominationId}/conduct': conduct,
  'PUT /api/classes/{id}/scores': scores,
  'PUT /api/classes/{id}/assessments/{assessmentId}': assessment,
};
