/** Recipes of the catalogue's update routes: programmes, institutions, lecturers and their hours, registers, layouts. */

import { RegisterBody } from '../../../../contracts/certificates';
import { ReportLayoutBody } from '../../../../contracts/report-layouts';
import { createDefaults } from '../../../../contracts/update';
import { seedReportLayouts } from '../../../modules/reports/layouts/layout-pack';
import { makeUnit } from '../../fixtures/org';
import type { Rec, Recipe, World } from '../recipe';

let seq = 0;

/** A programme with every optional field filled. */
export async function makeProgramme(w: World, over: Rec = {}): Promise<Rec> {
  seq += 1;
  return w.post(w.admin, '/api/programmes', {
    code: `CN-${seq}`,
    nameVi: `Bồi dưỡng cập nhật ${seq}`,
    nameEn: `Update course ${seq}`,
    kind: 'POLITICAL_THEORY',
    level: 'TRUNG_CAP',
    periods: 200,
    mode: 'blended',
    grantsKind: 'POLITICAL_THEORY',
    grantsLevel: 'TRUNG_CAP',
    organiserLevels: ['province'],
    topics: [
      { topicCode: `CN${seq}-TRIET`, name: 'Triết học Mác - Lênin', periods: 40 },
      { topicCode: `CN${seq}-KTCT`, name: 'Kinh tế chính trị', periods: 40 },
    ],
    legalBasis: 'Quy định 01-QĐ/TW',
    description: 'Chương trình thử cập nhật',
    effectiveFrom: '2025-07-01',
    effectiveTo: '2030-12-30',
    active: true,
    ...over,
  });
}

/** An institution with every optional field filled (the org unit it is: a new school unit). */
export async function makeInstitution(w: World, over: Rec = {}): Promise<Rec> {
  seq += 1;
  const school = await makeUnit(w.t.handle.db, {
    parent: w.root,
    name: `Trường Cập Nhật ${seq}`,
    level: 'agency',
  });
  return w.post(w.admin, '/api/institutions', {
    kind: 'PROVINCIAL_SCHOOL',
    name: `Trường Chính trị Cập Nhật ${seq}`,
    shortName: `TCT${seq}`,
    address: 'Số 1 đường Trần Hưng Đạo',
    phone: '0203 3825 000',
    email: `truong${seq}@example.vn`,
    website: 'https://truongchinhtri.example.vn',
    contactPerson: 'Phòng Đào tạo',
    orgUnitId: school.id,
    active: true,
    ...over,
  });
}

/** An invited lecturer with every optional field filled. */
export async function makeLecturer(w: World, institutionIds: number[]): Promise<Rec> {
  seq += 1;
  return w.post(w.admin, '/api/lecturers', {
    kind: 'invited',
    fullName: `Phạm Văn Giảng ${seq}`,
    workplace: 'Học viện Chính trị khu vực I',
    degree: 'THAC_SI',
    academicTitle: 'PGS',
    subjects: ['Triết học'],
    phone: '0912 000 111',
    email: `giangvien${seq}@example.vn`,
    institutionIds,
    active: true,
  });
}

/** The first element of an array of objects with its first label or name edited. */
const editFirst = (list: unknown, edit: (x: Rec) => Rec) =>
  (list as Rec[]).map((x, i) => (i === 0 ? edit(x) : x));

const programme: Recipe = {
  async setup(w) {
    const p = await makeProgramme(w);
    return { params: { id: p.id as number }, read: () => w.get(w.admin, `/api/programmes/${p.id}`) };
  },
  values: {
    kind: () => ['STATE_MANAGEMENT'],
    grantsKind: () => [null, 'STATE_MANAGEMENT'],
    topics: (r) => [editFirst(r.topics, (x) => ({ ...x, name: `${x.name} (sửa)` }))],
  },
  with: {
    kind: () => ({ level: 'CVC' }),
    grantsKind: (_r, v) => ({ grantsLevel: v === null ? null : 'CVC' }),
    grantsLevel: (_r, v) => ({ grantsKind: v === null ? null : 'STATE_MANAGEMENT' }),
  },
  codes: {
    level: (r) => `level_${r.kind}`,
    grantsLevel: 'level_STATE_MANAGEMENT',
  },
  noClear: { level: 'the kind has levels: a programme of it names one' },
};

const institution: Recipe = {
  async setup(w) {
    const i = await makeInstitution(w);
    return { params: { id: i.id as number }, read: () => w.get(w.admin, `/api/institutions/${i.id}`) };
  },
  codes: { kind: 'institution_kind' },
  values: {
    orgUnitId: async (_r, w) => [
      null,
      (await makeUnit(w.t.handle.db, { parent: w.root, name: `Trường Mới ${++seq}`, level: 'agency' })).id,
    ],
  },
  follows: { orgUnitId: ['orgUnitName'] },
};

const lecturer: Recipe = {
  async setup(w) {
    const l = await makeLecturer(w, [(await makeInstitution(w)).id as number]);
    const read = async () => {
      const d = await w.get(w.admin, `/api/lecturers/${l.id}`);
      return { ...d, institutionIds: (d.institutions as Rec[]).map((i) => i.id) };
    };
    return { params: { id: l.id as number }, read };
  },
  codes: { degree: 'level_EDUCATION', academicTitle: 'academic_title' },
  values: {
    institutionIds: async (r, w) => [[], [...(r.institutionIds as number[]), (await makeInstitution(w)).id]],
  },
  noClear: { fullName: 'an invited lecturer is named' },
  follows: { institutionIds: ['institutions'] },
};

const hours: Recipe = {
  async setup(w) {
    const l = await makeLecturer(w, [(await makeInstitution(w)).id as number]);
    await w.put(w.admin, `/api/lecturers/${l.id}/hours/2025`, { periods: 90, note: 'Thỉnh giảng học kỳ I' });
    await w.put(w.admin, `/api/lecturers/${l.id}/hours/2024`, { periods: 60, note: 'Năm trước' });
    const read = async () => {
      const { hours: all, ...lecturer } = await w.get<Rec & { hours: Rec[] }>(
        w.admin,
        `/api/lecturers/${l.id}`,
      );
      const row = all.find((h) => h.year === 2025 && h.source === 'manual')!;
      return { ...row, others: all.filter((h) => h !== row), lecturer };
    };
    return { params: { id: l.id as number, year: 2025 }, read };
  },
};

const register: Recipe = {
  async setup(w) {
    const i = await makeInstitution(w);
    const r = await w.post(w.admin, '/api/certificate-registers', {
      institutionId: i.id,
      pattern: '{school}-{year}/{seq:5}',
      schoolCode: `CN${++seq}`,
      governingBody: 'Tỉnh ủy Quảng Ninh',
      issuerName: 'Trường Chính trị tỉnh',
      partyBody: true,
      place: 'Hạ Long',
      signerName: 'Nguyễn Văn Ký',
      signerTitle: 'Hiệu trưởng',
    });
    const read = async () => {
      const list = await w.get<{ items: Rec[] }>(w.admin, '/api/certificate-registers');
      return list.items.find((x) => x.id === r.id)!;
    };
    return { params: { id: r.id as number }, read };
  },
  values: { pattern: () => ['{school}/{seq:3}/{year}'], schoolCode: () => [`SUA${++seq}`] },
  follows: { pattern: ['nextNumber'], schoolCode: ['nextNumber'] },
  createDefaults: createDefaults(RegisterBody),
};

const layout: Recipe = {
  async setup(w) {
    await seedReportLayouts(w.t.handle.db);
    const list = await w.get<{ items: Rec[] }>(w.admin, '/api/report-layouts');
    const shipped = list.items.find((l) => l.builtIn)!;
    const copy = await w.post(w.admin, `/api/report-layouts/${shipped.id}/copy`, { code: `CN-${++seq}` });
    await w.put(w.admin, `/api/report-layouts/${copy.id}`, {
      version: copy.version,
      effectiveTo: '2030-12-31',
    });
    return {
      params: { id: copy.id as number },
      read: () => w.get(w.admin, `/api/report-layouts/${copy.id}`),
    };
  },
  controls: { version: (r) => r.version },
  values: {
    rows: (r) => [editFirst(r.rows, (x) => ({ ...x, label: { ...(x.label as Rec), vi: 'Dòng đã sửa' } }))],
    columns: (r) => [
      editFirst(r.columns, (x) => ({ ...x, label: { ...(x.label as Rec), vi: 'Cột đã sửa' } })),
    ],
  },
  createDefaults: createDefaults(ReportLayoutBody),
};

export const CATALOGUE_RECIPES: Record<string, Recipe> = {
  'PATCH /api/programmes/{id}': programme,
  'PATCH /api/institutions/{id}': institution,
  'PATCH /api/lecturers/{id}': lecturer,
  'PUT /api/lecturers/{id}/hours/{year}': hours,
  'PATCH /api/certificate-registers/{id}': register,
  'PUT /api/report-layouts/{id}': layout,
};
