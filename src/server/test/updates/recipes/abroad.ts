/** Recipes of the update routes of training abroad and sponsored postgraduate study. */
import type { Rec, Recipe, World } from '../recipe';
import { makeInstitution, makeProgramme } from './catalogue';
import { makeFullPerson } from './people';

let seq = 0;

/** One plan of the province a year, per world; each call adds a line of the kind to it. */
const plans = new WeakMap<World, Map<number, number>>();
async function carriedLine(
  w: World,
  programmeKind: 'ABROAD' | 'POSTGRADUATE',
  year: number,
): Promise<number> {
  const byYear = plans.get(w) ?? new Map<number, number>();
  plans.set(w, byYear);
  let planId = byYear.get(year);
  if (!planId) {
    const plan = await w.post(w.admin, '/api/plans', { unitId: w.root.id, year, title: `Kế hoạch ${year}` });
    planId = plan.id as number;
    byYear.set(year, planId);
  }
  const line = await w.post(w.admin, `/api/plans/${planId}/lines`, {
    programmeKind,
    classes: 1,
    trainees: 5,
  });
  return line.id as number;
}

const partner = (w: World) => makeInstitution(w, { kind: 'FOREIGN_PARTNER', orgUnitId: null });

const pdf = (name: string) => ({
  fileName: name,
  mimeType: 'application/pdf',
  contentBase64: Buffer.from(`%PDF-1.4\n% ${name}\n`).toString('base64'),
});

/** A delegation with every optional field filled. */
async function makeDelegation(w: World, over: Rec = {}): Promise<Rec> {
  seq += 1;
  return w.post(w.admin, '/api/abroad/delegations', {
    code: `ĐNN-${seq}/${w.year + 1}`,
    name: 'Đoàn nghiên cứu mô hình chính quyền đô thị',
    partnerInstitutionId: (await partner(w)).id,
    programmeId: (await makeProgramme(w)).id,
    organiserUnitId: w.communeA.id,
    country: 'Singapore',
    departsOn: `${w.year + 1}-03-01`,
    returnsOn: `${w.year + 1}-03-20`,
    decisionNo: `${seq}/QĐ-UBND`,
    decisionDate: `${w.year}-10-01`,
    note: 'Kinh phí tỉnh',
    budget: { NST: 500_000_000 },
    actualCost: { NST: 450_000_000 },
    planLineId: await carriedLine(w, 'ABROAD', Number(String(over.departsOn ?? w.year + 1).slice(0, 4))),
    ...over,
  });
}

const delegation: Recipe = {
  async setup(w) {
    const d = await makeDelegation(w);
    return { params: { id: d.id as number }, read: () => w.get(w.admin, `/api/abroad/delegations/${d.id}`) };
  },
  controls: { version: (r) => r.version },
  values: {
    partnerInstitutionId: async (_r, w) => [(await partner(w)).id],
    programmeId: async (_r, w) => [null, (await makeProgramme(w)).id],
    organiserUnitId: (_r, w) => [w.root.id],
    planLineId: async (_r, w) => [null, await carriedLine(w, 'ABROAD', w.year + 1)],
    actualCost: () => [{ NST: 400_000_000, NSDV: 20_000_000 }],
  },
  follows: {
    partnerInstitutionId: ['partnerName'],
    programmeId: ['programmeName', 'grants'],
    organiserUnitId: ['organiserUnitName'],
    returnsOn: ['reportRule'],
    budget: ['budgetTotal'],
    actualCost: ['actualCostTotal'],
  },
};

const report: Recipe = {
  async setup(w) {
    const d = await makeDelegation(w, { departsOn: `${w.year}-10-01`, returnsOn: `${w.year}-10-20` });
    const members: number[] = [];
    for (let i = 0; i < 2; i++) {
      const p = await makeFullPerson(w, { status: 'WORKING' });
      const m = await w.post<{ members: Rec[] }>(w.admin, `/api/abroad/delegations/${d.id}/members`, {
        personId: p.id,
        role: i ? 'Thành viên' : 'Trưởng đoàn',
        confirm: true,
      });
      members.push(m.members.find((x) => x.personId === p.id)!.id as number);
    }
    for (const to of ['approved', 'travelling', 'returned'])
      await w.post(w.admin, `/api/abroad/delegations/${d.id}/status`, { to });
    for (const id of members)
      await w.put(w.admin, `/api/abroad/delegations/${d.id}/members/${id}/report`, {
        submittedOn: `${w.year}-10-25`,
        summary: 'Báo cáo kết quả học tập, đề xuất áp dụng',
        file: pdf(`bao-cao-${id}.pdf`),
      });
    const read = async () => {
      const detail = await w.get<{ members: Rec[] }>(w.admin, `/api/abroad/delegations/${d.id}`);
      const member = detail.members.find((m) => m.id === members[0])!;
      const { report: r, ...rest } = member;
      return { ...(r as Rec), member: rest, others: detail.members.filter((m) => m !== member) };
    };
    return { params: { id: d.id as number, memberId: members[0] }, read };
  },
  values: { file: () => [null, pdf('bao-cao-moi.pdf')] },
  writeOnly: { file: 'the content is served by the file route; its name shows as fileName' },
  follows: { file: ['fileName'] },
};

const sponsorship: Recipe = {
  async setup(w) {
    const p = await makeFullPerson(w, { status: 'WORKING' });
    const s = await w.post(w.admin, '/api/postgraduate', {
      personId: p.id,
      field: 'Quản lý công',
      level: 'THAC_SI',
      institutionId: (await makeInstitution(w, { kind: 'UNIVERSITY' })).id,
      country: 'Việt Nam',
      startsOn: `${w.year}-09-01`,
      expectedEndsOn: `${w.year + 2}-09-01`,
      funding: { NST: 120_000_000 },
      decisionNo: '45/QĐ-UBND',
      note: 'Theo quy hoạch',
      planLineId: await carriedLine(w, 'POSTGRADUATE', w.year),
      confirm: true,
    });
    return { params: { id: s.id as number }, read: () => w.get(w.admin, `/api/postgraduate/${s.id}`) };
  },
  controls: { version: (r) => r.version },
  values: {
    institutionId: async (_r, w) => [null, (await makeInstitution(w, { kind: 'UNIVERSITY' })).id],
    institutionName: () => ['Trường Đại học Mỏ - Địa chất'],
    planLineId: async (_r, w) => [null, await carriedLine(w, 'POSTGRADUATE', w.year)],
  },
  // A sponsorship names its institution once: from the catalogue, or typed.
  with: {
    institutionId: (_r, v) => (v === null ? { institutionName: 'Học viện Hành chính Quốc gia' } : {}),
    institutionName: () => ({ institutionId: null }),
  },
  noClear: { institutionName: 'a sponsorship needs an institution: the catalogue one or a typed name' },
  follows: {
    institutionId: ['institutionName'],
    startsOn: ['commitment', 'eligibility'],
    expectedEndsOn: ['commitment'],
    funding: ['cost'],
  },
};

export const ABROAD_RECIPES: Record<string, Recipe> = {
  'PATCH /api/abroad/delegations/{id}': delegation,
  'PUT /api/abroad/delegations/{id}/members/{memberId}/report': report,
  'PATCH /api/postgraduate/{id}': sponsorship,
};
