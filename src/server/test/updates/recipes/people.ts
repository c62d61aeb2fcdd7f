/** Recipes of the staff registry's update routes: people, qualifications, ratings, users, code items. */
import { CreatePersonBody } from '../../../../contracts/people';
import { createDefaults } from '../../../../contracts/update';
import { ratingScales } from '../../../db/schema/index';
import type { Rec, Recipe, World } from '../recipe';
import { makeLecturer } from './catalogue';

let seq = 0;
/** A plausible personal ID (province 022, woman born in the 1900s: century digit 1). */
const personalId = () => `0221${String(80_000_000 + ++seq).padStart(8, '0')}`;

/** A person away from every create default and with every optional field filled. */
export async function makeFullPerson(w: World, over: Rec = {}): Promise<Rec> {
  return w.post(w.admin, '/api/people', {
    fullName: `Hoàng Thị Đầy Đủ ${++seq}`,
    birthDate: '1980-05-06',
    gender: 'F',
    ethnicity: 'TAY',
    personalId: personalId(),
    partyMember: true,
    partyJoinDate: '2005-03-01',
    category: 'CC',
    rank: 'CVC',
    post: 'Phó Trưởng phòng',
    postCode: 'PHO_TRUONG_PHONG',
    leadershipTier: 'PHONG',
    appointedOn: '2019-01-02',
    unitId: w.communeA.id,
    managementAuthority: 'XA',
    planningTitle: 'Trưởng phòng',
    status: 'TRANSFERRED',
    serviceStart: '2003-09-01',
    ...over,
  });
}

const person: Recipe = {
  async setup(w) {
    const p = await makeFullPerson(w);
    return { params: { id: p.id as number }, read: () => w.get(w.admin, `/api/people/${p.id}`) };
  },
  controls: { version: (r) => r.version },
  skip: {
    effectiveDate: 'the day the change holds from (person_history), not a field of the record',
    reason: 'why the change was made (person_history), not a field of the record',
  },
  codes: {
    gender: 'gender',
    ethnicity: 'ethnicity',
    category: 'category',
    rank: 'rank',
    leadershipTier: 'leadership_tier',
    managementAuthority: 'management_authority',
    status: 'status',
    postCode: 'post',
  },
  values: {
    unitId: (_r, w) => [w.communeB.id],
    personalId: () => [personalId()],
  },
  follows: { unitId: ['unitName'], gender: ['warnings'] },
  createDefaults: createDefaults(CreatePersonBody),
};

const qualification: Recipe = {
  async setup(w) {
    const p = await makeFullPerson(w);
    const q = await w.post(w.admin, `/api/people/${p.id}/qualifications`, {
      kind: 'IT',
      level: 'CO_BAN',
      major: 'Tin học văn phòng',
      issuer: 'Trung tâm Tin học tỉnh',
      issuedOn: '2015-06-01',
      certificateNo: 'TH-0042',
      periods: 120,
      note: 'Bản sao có chứng thực',
    });
    const read = async () => {
      const list = await w.get<{ items: Rec[] }>(w.admin, `/api/people/${p.id}/qualifications`);
      return list.items.find((x) => x.id === q.id)!;
    };
    return { params: { id: q.id as number }, read };
  },
  // Another kind needs a level of its own list: sent together.
  values: { kind: () => ['EDUCATION'] },
  with: { kind: () => ({ level: 'DAI_HOC' }) },
  codes: { level: (r) => `level_${r.kind}` },
};

const rating: Recipe = {
  async setup(w) {
    // 2026 is rated in points for civil servants (Decree 335/2025): the rating follows the points.
    await w.t.handle.db
      .insert(ratingScales)
      .values({
        code: 'UPDATES_CC_POINTS',
        categories: ['CC'],
        scale: {
          bands: [
            { rating: 'EXCELLENT', minPoints: 90 },
            { rating: 'GOOD', minPoints: 70 },
            { rating: 'COMPLETED', minPoints: 50 },
            { rating: 'FAILED', minPoints: 0 },
          ],
          excellentCapPctOfGood: 20,
        },
        effectiveFrom: '2026-01-01',
        legalSource: { document: 'Nghị định 335/2025/NĐ-CP' },
      })
      .onConflictDoNothing();
    const p = await makeFullPerson(w, { status: 'WORKING' });
    await w.put(w.admin, `/api/people/${p.id}/ratings/2026`, { points: 75, note: 'Hoàn thành tốt' });
    const read = async () => {
      const list = await w.get<{ items: Rec[] }>(w.admin, `/api/people/${p.id}/ratings`);
      return list.items.find((x) => x.year === 2026)!;
    };
    return { params: { id: p.id as number, year: 2026 }, read };
  },
  codes: { rating: 'annual_rating' },
  // A rating must agree with the points: another one is sent with points in its band.
  values: { rating: () => ['EXCELLENT'] },
  with: { rating: () => ({ points: 92 }) },
};

const user: Recipe = {
  async setup(w) {
    const p = await makeFullPerson(w);
    const username = `capnhat${++seq}`;
    const u = await w.post(w.admin, '/api/users', {
      username,
      displayName: 'Cán bộ Cập Nhật',
      // A lecturer account, so its link to a lecturer record is changed like any field (ADR 038).
      role: 'lecturer',
      scopeUnitId: w.communeA.id,
      personId: p.id,
      lecturerId: (await makeLecturer(w, [])).id,
      password: 'Cap-nhat#2026-an-toan',
      locale: 'en',
    });
    const read = async () => {
      const list = await w.get<{ items: Rec[] }>(w.admin, `/api/users?q=${username}`);
      return list.items.find((x) => x.id === u.id)!;
    };
    return { params: { id: u.id as number }, read };
  },
  values: {
    scopeUnitId: (_r, w) => [w.communeB.id],
    personId: async (_r, w) => [(await makeFullPerson(w)).id],
    password: () => ['Mat-khau#moi-2026-an-toan'],
    lecturerId: async (_r, w) => [null, (await makeLecturer(w, [])).id],
  },
  // Only a lecturer account links to a lecturer record: another role unlinks it in the same request,
  // and a link names the lecturer role.
  with: {
    role: (_r, v) => (v === 'lecturer' ? {} : { lecturerId: null }),
    lecturerId: (_r, v) => (v === null ? {} : { role: 'lecturer' }),
  },
  follows: { scopeUnitId: ['scopeUnitName'], lecturerId: ['lecturerName'] },
  writeOnly: { password: 'never shown' },
};

const codeItem: Recipe = {
  async setup(w) {
    const code = `CAP_NHAT_${++seq}`;
    await w.post(w.admin, '/api/codes/ethnicity', {
      code,
      labelVi: 'Dân tộc thử',
      labelEn: 'Test ethnicity',
      sort: 50,
    });
    const read = async () => {
      const all = await w.get<{ lists: Record<string, Rec[]> }>(w.admin, '/api/codes');
      return all.lists.ethnicity.find((c) => c.code === code)!;
    };
    return { params: { list: 'ethnicity', code }, read };
  },
};

export const PEOPLE_RECIPES: Record<string, Recipe> = {
  'PATCH /api/people/{id}': person,
  'PATCH /api/qualifications/{id}': qualification,
  'PUT /api/people/{id}/ratings/{year}': rating,
  'PATCH /api/users/{id}': user,
  'PATCH /api/codes/{list}/{code}': codeItem,
};
