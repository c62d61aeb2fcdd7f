/** Test data for the needs campaign: a small province with rules owned by it (tests only). */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orgUnits, qualifications, standardRules } from '../../db/schema/index';
import type { Clock } from '../../lib/dates';
import { makePerson, makeUnit } from '../../test/fixtures';

/** The real time moved forward on demand (sessions expire by the real clock, so never backwards). */
export function movableClock(): Clock & { advanceDays(days: number): void; today(): string } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advanceDays(days) {
      offset += days * 86_400_000;
    },
    today() {
      return new Date(Date.now() + offset).toISOString().slice(0, 10);
    },
  };
}

export const daysFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let seq = 0;

/**
 * Province P with commune A (and agency A1 under it), commune B, agency S, an empty commune E and
 * a dissolved agency D. Rules owned by P make gaps: a1 lacks the principal-specialist programme
 * (missing), a3 was appointed division head two months ago (leadership due), s1 is a department
 * director without a master's (postgraduate), b1 lacks a university degree (no programme: skipped).
 */
export async function makeProvince(db: Db) {
  const n = ++seq;
  const P = await makeUnit(db, { name: `Tỉnh Nhu Cầu ${n}`, level: 'province', validFrom: '2000-01-01' });
  const A = await makeUnit(db, { parent: P, name: `Xã An ${n}`, level: 'commune' });
  const A1 = await makeUnit(db, {
    parent: A,
    name: `Trạm Y tế An ${n}`,
    level: 'agency',
    kind: 'PUBLIC_SERVICE',
  });
  const B = await makeUnit(db, { parent: P, name: `Phường Bình ${n}`, level: 'commune' });
  const S = await makeUnit(db, { parent: P, name: `Sở Nội vụ ${n}`, level: 'agency', kind: 'STATE_AGENCY' });
  const E = await makeUnit(db, { parent: P, name: `Xã Trống ${n}`, level: 'commune' });
  const D = await makeUnit(db, {
    parent: P,
    name: `Huyện Cũ ${n}`,
    level: 'agency',
    validFrom: '2000-01-01',
  });
  await db.update(orgUnits).set({ validTo: '2025-07-01' }).where(eq(orgUnits.id, D.id));

  const a1 = await makePerson(db, A, { fullName: 'Nguyễn Văn An', rank: 'CVC' });
  const a2 = await makePerson(db, A, { fullName: 'Trần Thị Bích', rank: 'CV' });
  const a3 = await makePerson(db, A1, {
    fullName: 'Lê Văn Cường',
    rank: 'CV',
    leadershipTier: 'PHONG',
    appointedOn: daysFromNow(-60),
  });
  const b1 = await makePerson(db, B, { fullName: 'Phạm Văn Dũng', rank: 'CS' });
  await makePerson(db, D, { fullName: 'Đỗ Văn Giang', rank: 'CV' }); // staffed but dissolved: no proposal
  const s1 = await makePerson(db, S, { fullName: 'Hoàng Thị Én', rank: 'CVCC', post: 'Giám đốc Sở' });
  const base = { effectiveFrom: '2020-01-01', legalSource: { document: 'Thử nghiệm' }, ownerUnitId: P.id };
  const code = (c: string) => `T${n}_${c}_${process.pid}`;
  await db.insert(standardRules).values([
    {
      ...base,
      code: code('SM_CVC'),
      titleVi: 'CVC cần chương trình CVC',
      titleEn: 'CVC programme',
      appliesTo: { rank: ['CVC'] },
      requirement: { type: 'qualification', kind: 'STATE_MANAGEMENT', minLevel: 'CVC' },
    },
    {
      ...base,
      code: code('LEAD'),
      titleVi: 'Lãnh đạo phòng',
      titleEn: 'Division leaders',
      appliesTo: { leadershipTier: ['PHONG'] },
      requirement: { type: 'qualification', kind: 'LEADERSHIP', minLevel: 'PHONG' },
      grace: { from: 'appointedOn', months: 12 },
    },
    {
      ...base,
      code: code('MASTER'),
      titleVi: 'Giám đốc sở cần thạc sĩ',
      titleEn: 'Directors need a master',
      appliesTo: { postContains: ['giam doc'] },
      requirement: { type: 'qualification', kind: 'EDUCATION', minLevel: 'THAC_SI' },
    },
    {
      ...base,
      code: code('UNI'),
      titleVi: 'Cán sự cần đại học',
      titleEn: 'Clerks need a degree',
      appliesTo: { rank: ['CS'] },
      requirement: { type: 'qualification', kind: 'EDUCATION', minLevel: 'DAI_HOC' },
    },
  ]);
  // s1 also holds a university degree: only the master's is missing.
  await db.insert(qualifications).values({ personId: s1.id, kind: 'EDUCATION', level: 'DAI_HOC' });
  return { P, A, A1, B, S, E, D, a1, a2, a3, b1, s1, code };
}
