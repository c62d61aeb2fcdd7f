/** Test helper: a district with an agency and a commune, five people whose gaps are known. */
import { eq } from 'drizzle-orm';
import { annualRatings, personHistory, qualifications } from '../../db/schema/index';
import type { TestContext } from '../../test/app';
import { makePerson, makeUnit } from '../../test/fixtures';
import { seedRulePack } from './rule-pack';

export async function buildGapWorld(t: TestContext) {
  const db = t.handle.db;
  await seedRulePack(db);
  const district = await makeUnit(db, { parent: t.root, name: 'Huyện Khoảng Trống', level: 'district' });
  const agency = await makeUnit(db, { parent: district, name: 'Phòng Nội vụ', level: 'agency' });
  const commune = await makeUnit(db, { parent: district, name: 'Xã Yên Lập', level: 'commune' });
  // Gaps on 2026-11-20: SM_CVC and EDU_CIVIL_SERVANT missing.
  const an = await makePerson(db, agency, {
    fullName: 'Nguyễn Văn An',
    rank: 'CVC',
    serviceStart: '2010-01-01',
  });
  // LEAD_PHONG due by 01/06/2027 (12 months after the appointment).
  const binh = await makePerson(db, agency, {
    fullName: 'Trần Thị Bình',
    gender: 'F',
    rank: 'CV',
    leadershipTier: 'PHONG',
    post: 'Phó Trưởng phòng',
    appointedOn: '2026-06-01',
  });
  // PT_LEADER_PHONG_XA and COMMUNE_CHAIR_PT missing.
  const cuong = await makePerson(db, commune, {
    fullName: 'Lê Văn Cường',
    category: 'CBX',
    rank: 'CV',
    leadershipTier: 'XA',
    post: 'Chủ tịch UBND xã',
    appointedOn: '2025-07-01',
  });
  // Meets everything.
  const dung = await makePerson(db, agency, { fullName: 'Phạm Văn Dũng', rank: 'CVC' });
  // Retired on 01/01/2025: counted on earlier dates only.
  const em = await makePerson(db, agency, { fullName: 'Hoàng Văn Em', rank: 'CVC', status: 'RETIRED' });
  await db
    .update(personHistory)
    .set({ status: 'WORKING', validTo: '2025-01-01' })
    .where(eq(personHistory.personId, em.id));
  await db.insert(personHistory).values({
    personId: em.id,
    validFrom: '2025-01-01',
    category: 'CC',
    rank: 'CVC',
    leadershipTier: 'NONE',
    unitId: agency.id,
    status: 'RETIRED',
  });
  const q = (personId: number, kind: string, level: string, issuedOn: string) => ({
    personId,
    kind,
    level,
    issuedOn,
  });
  await db.insert(qualifications).values([
    q(binh.id, 'EDUCATION', 'DAI_HOC', '2010-06-01'),
    q(binh.id, 'STATE_MANAGEMENT', 'CV', '2015-06-01'),
    q(binh.id, 'POLITICAL_THEORY', 'TRUNG_CAP', '2020-06-01'),
    q(binh.id, 'DEFENCE_SECURITY', 'DT3', '2021-06-01'),
    q(cuong.id, 'EDUCATION', 'DAI_HOC', '2008-06-01'),
    q(cuong.id, 'STATE_MANAGEMENT', 'CV', '2012-06-01'),
    q(dung.id, 'EDUCATION', 'THAC_SI', '2012-06-01'),
    q(dung.id, 'STATE_MANAGEMENT', 'CVC', '2021-06-01'),
    // Deleted: does not count.
    { ...q(an.id, 'STATE_MANAGEMENT', 'CVC', '2019-06-01'), deletedAt: new Date() },
  ]);
  await db.insert(annualRatings).values([
    { personId: an.id, year: 2024, rating: 'GOOD', unitId: agency.id },
    { personId: an.id, year: 2025, rating: 'EXCELLENT', unitId: agency.id },
  ]);
  return { district, agency, commune, an, binh, cuong, dung, em };
}
