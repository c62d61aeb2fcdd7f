/** Recipes of the needs and plans update routes: needs lines, annual plans and their lines, multi-year programmes. */
import type { Rec, Recipe, World } from '../recipe';
import { makeFullPerson } from './people';

let seq = 0;

/** A multi-year programme of the province with a target, every optional field filled. */
async function makeMultiyear(w: World): Promise<Rec> {
  seq += 1;
  return w.post(w.admin, '/api/plans/multiyear', {
    code: `${seq}-CTr/TU`,
    name: `Chương trình đào tạo cán bộ giai đoạn ${seq}`,
    fromYear: w.year,
    toYear: w.year + 4,
    decisionNo: `${seq}/QĐ-TU`,
    decisionDate: `${w.year - 1}-12-15`,
    note: 'Ban hành kèm Nghị quyết',
    targets: [
      {
        year: null,
        programmeKind: 'POLITICAL_THEORY',
        level: 'CAO_CAP',
        trainees: 120,
        classes: 3,
        note: 'Cả giai đoạn',
      },
    ],
  });
}

const needsLine: Recipe = {
  async setup(w) {
    const campaign = await w.post(w.admin, '/api/needs/campaigns', {
      year: w.year + 1,
      title: 'Nhu cầu đào tạo năm sau',
      opensOn: `${w.year}-11-01`,
      deadline: `${w.year}-12-31`,
    });
    const board = await w.get<{ proposals: Rec[] }>(w.admin, `/api/needs/campaigns/${campaign.id}`);
    const proposalId = board.proposals.find((p) => p.unitId === w.communeA.id)!.proposalId as number;
    const person = await makeFullPerson(w, { status: 'WORKING' });
    const line = await w.post(w.admin, `/api/needs/proposals/${proposalId}/lines`, {
      personId: person.id,
      programmeKind: 'POLITICAL_THEORY',
      level: 'TRUNG_CAP',
      priority: 1,
      quantity: 1,
      note: 'Quy hoạch Trưởng phòng',
    });
    const read = async () => {
      const p = await w.get<{ lines: { items: Rec[] } }>(w.admin, `/api/needs/proposals/${proposalId}`);
      return p.lines.items.find((l) => l.id === line.id)!;
    };
    return { params: { id: proposalId, lineId: line.id as number }, read };
  },
  // A named person counts once: the line ends unnamed so that its quantity may change after.
  values: {
    personId: async (_r, w) => [(await makeFullPerson(w, { status: 'WORKING' })).id, null],
    programmeKind: () => ['STATE_MANAGEMENT'],
  },
  with: { programmeKind: () => ({ level: 'CVC' }) },
  codes: { level: (r) => `level_${r.programmeKind}` },
  noClear: { level: 'the kind has levels: a line of it names one' },
  follows: { personId: ['personName'] },
};

const plan: Recipe = {
  async setup(w) {
    const m = await makeMultiyear(w);
    const p = await w.post(w.admin, '/api/plans', {
      unitId: w.communeB.id,
      year: w.year + 1,
      title: 'Kế hoạch đào tạo, bồi dưỡng năm sau',
      multiyearId: m.id,
      note: 'Theo chương trình của Tỉnh ủy',
    });
    return { params: { id: p.id as number }, read: () => w.get(w.admin, `/api/plans/${p.id}`) };
  },
  values: { multiyearId: async (_r, w) => [null, (await makeMultiyear(w)).id] },
  follows: { multiyearId: ['multiyearName'] },
  ignore: ['events'],
};

const planLine: Recipe = {
  async setup(w) {
    const p = await w.post(w.admin, '/api/plans', {
      unitId: w.communeA.id,
      year: w.year + 2,
      title: 'Kế hoạch hai năm sau',
    });
    const line = await w.post(w.admin, `/api/plans/${p.id}/lines`, {
      programmeKind: 'POLITICAL_THEORY',
      targetList: 'category',
      targetCode: 'CC',
      level: 'TRUNG_CAP',
      classes: 2,
      trainees: 100,
      periods: 480,
      budget: { NST: 300_000_000 },
      note: 'Hai lớp',
    });
    const read = async () => {
      const d = await w.get<{ lines: Rec[] }>(w.admin, `/api/plans/${p.id}`);
      return d.lines.find((l) => l.id === line.id)!;
    };
    return { params: { id: p.id as number, lineId: line.id as number }, read };
  },
  values: { programmeKind: () => ['STATE_MANAGEMENT'], targetList: () => [null, 'rank'] },
  with: {
    programmeKind: () => ({ level: 'CVC' }),
    targetList: (_r, v) => ({ targetCode: v === null ? null : 'CV' }),
  },
  codes: { level: (r) => `level_${r.programmeKind}`, targetCode: (r) => String(r.targetList) },
  noClear: {
    level: 'the kind has levels: a line of it names one',
    targetCode: 'a target group names its code (clearing the list clears it, tried above)',
  },
  follows: { budget: ['budgetTotal'] },
};

const multiyear: Recipe = {
  async setup(w) {
    const m = await makeMultiyear(w);
    const read = async () => {
      const d = await w.get<{ targets: Rec[] }>(w.admin, `/api/plans/multiyear/${m.id}`);
      // The record's targets as a body gives them (ids and planned counts are the server's).
      return { ...d, targets: d.targets.map(({ id: _i, planned: _p, ...t }) => t) };
    };
    return { params: { id: m.id as number }, read };
  },
  values: {
    fromYear: (r) => [Number(r.fromYear) + 1],
    targets: (r) => [
      (r.targets as Rec[]).map((t, i) => (i === 0 ? { ...t, trainees: Number(t.trainees) + 10 } : t)),
    ],
  },
};

export const PLANS_RECIPES: Record<string, Recipe> = {
  'PATCH /api/needs/proposals/{id}/lines/{lineId}': needsLine,
  'PATCH /api/plans/{id}': plan,
  'PATCH /api/plans/{id}/lines/{lineId}': planLine,
  'PATCH /api/plans/multiyear/{id}': multiyear,
};
