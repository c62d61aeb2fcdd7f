/**
 * A hand-built province for the annual statistical report (year 2026), shared by its tests.
 * People (category, rank, tier; unit):
 *   Rạng  CB, tier SO; province          — IT class K5 (running, ends 31/12/2026); abroad D1
 *   An    CBX; Xã Đông Hòa               — K1 (LLCT trung cấp, finished 30/06/2026), K6 (same, 01/09/2026), K5
 *   Bảo   CBX; Xã Đông Hòa               — K1
 *   Giang CBX, RETIRED; Xã Đông Hòa      — K1 (counted in "trained", not in headcounts)
 *   Chi   CC, CV, tier PHONG; Xã Đông Hòa — K2 (QLNN chuyên viên, closed 15/11/2026); pending in K1 (not counted)
 *   Dũng  CC, CVC; Phường Tây Sơn         — K2; abroad D1
 *   Em    VC; Phường Tây Sơn              — K3 (LLCT trung cấp, ended 20/12/2025: another year); cancelled delegation D2
 * K4 (IT, cancelled) has Rạng approved: not counted.
 * Qualifications: An Đại học + LLCT Trung cấp; Chi Thạc sĩ; Em Cao đẳng; Giang Đại học; Dũng LLCT Cao cấp.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/rows';
import { qualifications } from '../../../db/schema/index';
import type { TestContext } from '../../../test/app';
import { makePerson } from '../../../test/fixtures';

export async function buildAnnualFixture(t: TestContext) {
  const db = t.handle.db;
  const p = async (unit: typeof t.root, fullName: string, over: object) =>
    makePerson(db, unit, { fullName, ...over });
  const rang = await p(t.root, 'Lê Văn Rạng', { category: 'CB', rank: null, leadershipTier: 'SO' });
  const an = await p(t.communeA, 'Nguyễn Văn An', { category: 'CBX', rank: null });
  const bao = await p(t.communeA, 'Trần Thị Bảo', { category: 'CBX', rank: null });
  const giang = await p(t.communeA, 'Đỗ Văn Giang', { category: 'CBX', rank: null, status: 'RETIRED' });
  const chi = await p(t.communeA, 'Phạm Minh Chi', { category: 'CC', rank: 'CV', leadershipTier: 'PHONG' });
  const dung = await p(t.communeB, 'Hoàng Văn Dũng', { category: 'CC', rank: 'CVC' });
  const em = await p(t.communeB, 'Vũ Thị Em', { category: 'VC', rank: null });
  const held: [number, string, string][] = [
    [an.id, 'EDUCATION', 'DAI_HOC'],
    [an.id, 'POLITICAL_THEORY', 'TRUNG_CAP'],
    [chi.id, 'EDUCATION', 'THAC_SI'],
    [em.id, 'EDUCATION', 'CAO_DANG'],
    [giang.id, 'EDUCATION', 'DAI_HOC'],
    [dung.id, 'POLITICAL_THEORY', 'CAO_CAP'],
  ];
  for (const [personId, kind, level] of held)
    await db.insert(qualifications).values({ personId, kind, level });

  const one = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ id: number }>(await db.execute(q))[0].id);
  const programme = (code: string, kind: string, level: string | null) =>
    one(sql`insert into programmes (owner_unit_id, code, name_vi, name_en, search_name, kind, level, periods, mode,
        organiser_levels, effective_from)
      values (${t.root.id}, ${code}, ${code}, ${code}, ${code.toLowerCase()}, ${kind}, ${level}, 40, 'in_person',
        array['province']::text[], '2020-01-01') returning id`);
  const pTc = await programme('LLCT-TC', 'POLITICAL_THEORY', 'TRUNG_CAP');
  const pCv = await programme('QLNN-CV', 'STATE_MANAGEMENT', 'CV');
  const pIt = await programme('TIN-HOC', 'IT', null);
  const cls = (code: string, programmeId: number, status: string, endsOn: string) =>
    one(sql`insert into classes (code, year, name, search_name, programme_id, organiser_unit_id, starts_on, ends_on,
        mode, capacity, status)
      values (${code}, ${Number(endsOn.slice(0, 4))}, ${`Lớp ${code}`}, ${code.toLowerCase()}, ${programmeId}, ${t.root.id},
        ${`${endsOn.slice(0, 4)}-01-05`}, ${endsOn}, 'in_person', 50, ${status}) returning id`);
  const k1 = await cls('K1', pTc, 'finished', '2026-06-30');
  const k2 = await cls('K2', pCv, 'closed', '2026-11-15');
  const k3 = await cls('K3', pTc, 'finished', '2025-12-20');
  const k4 = await cls('K4', pIt, 'cancelled', '2026-05-01');
  const k5 = await cls('K5', pIt, 'running', '2026-12-31');
  const k6 = await cls('K6', pTc, 'finished', '2026-09-01');
  const nominate = async (classId: number, person: { id: number; unitId: number }, status = 'approved') =>
    db.execute(sql`insert into class_nominations (class_id, person_id, unit_id, status)
      values (${classId}, ${person.id}, ${person.unitId}, ${status})`);
  for (const x of [an, bao, giang]) await nominate(k1, x);
  await nominate(k1, chi, 'pending');
  for (const x of [chi, dung]) await nominate(k2, x);
  await nominate(k3, em);
  await nominate(k4, rang);
  for (const x of [rang, an]) await nominate(k5, x);
  await nominate(k6, an);

  const partner = await one(sql`insert into institutions (owner_unit_id, kind, name, search_name)
    values (${t.root.id}, 'FOREIGN_PARTNER', 'Đối tác Singapore', 'doi tac singapore') returning id`);
  const delegation = (code: string, status: string) =>
    one(sql`insert into abroad_delegations (code, name, search_name, partner_institution_id, organiser_unit_id,
        country, departs_on, returns_on, status)
      values (${code}, ${`Đoàn ${code}`}, ${code.toLowerCase()}, ${partner}, ${t.root.id}, 'Singapore',
        '2026-09-10', '2026-09-24', ${status}) returning id`);
  const d1 = await delegation('D1', 'closed');
  const d2 = await delegation('D2', 'cancelled');
  const member = (delegationId: number, person: { id: number; unitId: number }) =>
    db.execute(sql`insert into abroad_members (delegation_id, person_id, unit_id)
      values (${delegationId}, ${person.id}, ${person.unitId})`);
  await member(d1, rang);
  await member(d1, dung);
  await member(d2, em);
  return { rang, an, bao, giang, chi, dung, em };
}
