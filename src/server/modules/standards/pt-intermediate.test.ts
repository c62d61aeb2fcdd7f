/**
 * Quy định 350-QĐ/TW (ADR 060): intermediate political theory asks the target group (deputy
 * head of division or equivalent and above, commune leaders) AND the standards (party member,
 * college or higher, good or better two years running), one rule, not two paths. The pure engine
 * (a person's eligibility), the SQL on the base tables (another day) and on the stored standing
 * (today) select the same people. Migration 0041 brings an older install to the same rules,
 * audited, leaving a province's own versions as they were.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../db/migrate';
import { annualRatings, auditLog, eligibilityRules, qualifications } from '../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson, makeUnit } from '../../test/fixtures/org';
import { seedRulePack } from './rule-pack';

const PURPOSE = 'POLITICAL_THEORY_INTERMEDIATE';
const TODAY = '2026-11-20';
const migrationSql = () =>
  `begin;\n${readFileSync(path.join(MIGRATIONS_DIR, '0041_pt_intermediate_combined.sql'), 'utf8').replaceAll(
    '--> statement-breakpoint',
    '',
  )}\ncommit;`;

describe.each(testBackends())('Quy định 350-QĐ/TW: intermediate political theory (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock(`${TODAY}T08:00:00Z`) });
  let officer: Session;
  let unitId: number;
  const ids = {} as Record<'groupOnly' | 'memberOnly' | 'all' | 'allButHolds', number>;

  beforeAll(async () => {
    const db = t.handle.db;
    await seedRulePack(db);
    const district = await makeUnit(db, { parent: t.root, name: 'Huyện Ba Năm Mươi', level: 'district' });
    const agency = await makeUnit(db, { parent: district, name: 'Phòng Nội vụ', level: 'agency' });
    const commune = await makeUnit(db, { parent: district, name: 'Xã Đồng Tâm', level: 'commune' });
    unitId = district.id;
    const person = async (unit: typeof agency, fullName: string, over: object) =>
      (await makePerson(db, unit, { fullName, ...over })).id;
    // In the target group, meets education and ratings, not a party member.
    ids.groupOnly = await person(agency, 'Nguyễn Thị Nhóm', {
      leadershipTier: 'PHONG',
      post: 'Phó Trưởng phòng',
    });
    // A party member with college and good ratings, outside the target group.
    ids.memberOnly = await person(agency, 'Trần Văn Đảng', {
      partyMember: true,
      partyJoinDate: '2015-01-01',
    });
    // Meets all: a commune leader, party member, college, good or better two years running.
    ids.all = await person(commune, 'Lê Văn Đủ', {
      category: 'CBX',
      leadershipTier: 'XA',
      post: 'Phó Chủ tịch UBND xã',
      partyMember: true,
      partyJoinDate: '2012-05-19',
    });
    // Meets all but already holds intermediate political theory.
    ids.allButHolds = await person(agency, 'Phạm Văn Có', {
      leadershipTier: 'PHONG',
      partyMember: true,
      partyJoinDate: '2010-02-03',
    });
    const everyone = Object.values(ids);
    await db.insert(qualifications).values([
      ...everyone.map((personId) => ({
        personId,
        kind: 'EDUCATION',
        level: 'CAO_DANG',
        issuedOn: '2008-06-01',
      })),
      { personId: ids.allButHolds, kind: 'POLITICAL_THEORY', level: 'TRUNG_CAP', issuedOn: '2019-06-01' },
    ]);
    await db.insert(annualRatings).values(
      everyone.flatMap((personId) => [
        { personId, year: 2023, rating: 'GOOD', unitId: agency.id },
        { personId, year: 2024, rating: 'GOOD', unitId: agency.id },
        { personId, year: 2025, rating: 'EXCELLENT', unitId: agency.id },
      ]),
    );
    officer = await t.as('training_officer', district);
  });

  const get = (url: string) => t.call(officer, { method: 'GET', url });
  /** The engine, person by person (GET /api/people/:id/eligibility). */
  async function engineEligible(asOf: string): Promise<number[]> {
    const out: number[] = [];
    for (const id of Object.values(ids)) {
      const res = await get(`/api/people/${id}/eligibility?asOf=${asOf}`);
      expect(res.statusCode).toBe(200);
      if (res.json().purposes.find((p: { purpose: string }) => p.purpose === PURPOSE)?.eligible) out.push(id);
    }
    return out.sort((a, b) => a - b);
  }
  /** The SQL of the subtree list: the stored standing on TODAY, the base tables on other days. */
  async function listed(asOf: string): Promise<number[]> {
    const res = await get(`/api/eligibility/${PURPOSE}/people?unitId=${unitId}&asOf=${asOf}&pageSize=50`);
    expect(res.statusCode).toBe(200);
    return res
      .json()
      .items.map((p: { personId: number }) => p.personId)
      .sort((a: number, b: number) => a - b);
  }

  it('is eligible only in the target group AND meeting the standards, the same in the engine and both SQL paths', async () => {
    for (const asOf of [TODAY, '2026-01-15', '2025-09-01']) {
      expect({ asOf, ids: await engineEligible(asOf) }).toEqual({ asOf, ids: [ids.all] });
      expect({ asOf, ids: await listed(asOf) }).toEqual({ asOf, ids: [ids.all] });
    }
    // Before the regulation: no intermediate rule at all.
    expect(await engineEligible('2025-08-28')).toEqual([]);

    const all = (await get(`/api/people/${ids.all}/eligibility?asOf=${TODAY}`)).json();
    const [rule] = all.purposes.find((p: { purpose: string }) => p.purpose === PURPOSE).rules;
    expect(rule).toMatchObject({ code: 'PT_INTERMEDIATE_LEADERS', passed: true });
    expect(rule.conditions.map((c: { type: string }) => c.type)).toEqual([
      'selector',
      'partyMember',
      'minQualification',
      'ratingsAtLeast',
      'notHolding',
    ]);
    const groupOnly = (await get(`/api/people/${ids.groupOnly}/eligibility?asOf=${TODAY}`)).json();
    const failed = groupOnly.purposes
      .find((p: { purpose: string }) => p.purpose === PURPOSE)
      .rules[0].conditions.filter((c: { passed: boolean }) => !c.passed)
      .map((c: { explanation: { vi: string } }) => c.explanation.vi);
    expect(failed).toEqual(['Không phải đảng viên.']);
  });

  it('keeps the first reading readable: never in force, with its reason; version 2 supersedes it', async () => {
    const list = (await get(`/api/eligibility/rules?asOf=${TODAY}&includeRetired=true`)).json().items;
    const pt = list
      .filter((r: { purpose: string }) => r.purpose === PURPOSE)
      .map((r: Record<string, unknown>) => [
        r.code,
        r.version,
        r.effectiveFrom,
        r.effectiveTo,
        !!r.retiredReason,
      ]);
    expect(pt).toEqual(
      expect.arrayContaining([
        ['PT_INTERMEDIATE_LEADERS', 1, '2025-08-29', '2025-08-29', true],
        ['PT_INTERMEDIATE_LEADERS', 2, '2025-08-29', null, false],
        ['PT_INTERMEDIATE_PARTY_MEMBERS', 1, '2025-08-29', '2025-08-29', true],
      ]),
    );
    expect(pt).toHaveLength(3);
    const inForce = (await get(`/api/eligibility/rules?asOf=${TODAY}`)).json().items;
    expect(
      inForce.filter((r: { purpose: string }) => r.purpose === PURPOSE).map((r: { code: string }) => r.code),
    ).toEqual(['PT_INTERMEDIATE_LEADERS']);
    const v1 = list.find(
      (r: { code: string; version: number }) => r.code === 'PT_INTERMEDIATE_LEADERS' && r.version === 1,
    );
    const v2 = list.find(
      (r: { code: string; version: number }) => r.code === 'PT_INTERMEDIATE_LEADERS' && r.version === 2,
    );
    expect(v2.supersedesId).toBe(v1.id);
  });

  it('migration 0041 corrects an older install, audits each record, leaves a province version alone', async () => {
    const db = t.handle.db;
    const readRules = () => db.select().from(eligibilityRules).orderBy(asc(eligibilityRules.id));
    const fresh = await readRules();
    const v2 = fresh.find((r) => r.code === 'PT_INTERMEDIATE_LEADERS' && r.version === 2)!;
    // What an older install held: both first-reading versions open, no version 2.
    await db.delete(eligibilityRules).where(eq(eligibilityRules.id, v2.id));
    await db
      .update(eligibilityRules)
      .set({ effectiveTo: null, retiredReason: null })
      .where(and(eq(eligibilityRules.builtIn, true), eq(eligibilityRules.version, 1)));
    // A province's own version of the second path, from 2026-01-01.
    const partyV1 = fresh.find((r) => r.code === 'PT_INTERMEDIATE_PARTY_MEMBERS')!;
    const [province] = await db
      .insert(eligibilityRules)
      .values({
        ...partyV1,
        id: undefined,
        version: 2,
        ownerUnitId: unitId,
        builtIn: false,
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
        retiredReason: null,
        supersedesId: partyV1.id,
      })
      .returning();
    const old = await readRules();
    expect(await listed('2026-01-15')).toEqual(
      [ids.groupOnly, ids.memberOnly, ids.all].sort((a, b) => a - b),
    );

    await t.handle.exec(migrationSql());
    const migrated = await readRules();
    const reason = fresh.find((r) => r.code === 'PT_INTERMEDIATE_PARTY_MEMBERS')!.retiredReason;
    expect(reason).toMatch(/^Đọc sai Quy định 350-QĐ\/TW/);
    const noTime = <T extends { updatedAt: unknown }>(r: T) => ({ ...r, updatedAt: undefined });
    expect(migrated.map(noTime)).toEqual(
      old.map((r) =>
        noTime(
          r.builtIn && r.version === 1 && r.code.startsWith('PT_INTERMEDIATE_')
            ? { ...r, effectiveTo: r.effectiveFrom, retiredReason: reason }
            : r,
        ),
      ),
    );
    expect(migrated.find((r) => r.id === province.id)).toEqual(province);
    const audited = await db
      .select({ entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'eligibility_rule.backfill'))
      .orderBy(asc(auditLog.id));
    const v1Ids = old
      .filter((r) => r.builtIn && r.version === 1 && r.code.startsWith('PT_INTERMEDIATE_'))
      .map((r) => String(r.id));
    expect(audited).toEqual(
      v1Ids.map((entityId) => ({
        entityId,
        before: { effectiveTo: null, retiredReason: null },
        after: { effectiveTo: '2025-08-29', retiredReason: reason },
      })),
    );

    // The pack on start adds version 2; the province's version keeps governing its subtree.
    await seedRulePack(db);
    const after = await readRules();
    const newV2 = after.find((r) => r.code === 'PT_INTERMEDIATE_LEADERS' && r.version === 2 && r.builtIn)!;
    const { id: _a, createdAt: _b, updatedAt: _c, ...content } = newV2;
    const { id: _d, createdAt: _e, updatedAt: _f, ...freshContent } = v2;
    expect(content).toEqual(freshContent);
    expect(after.find((r) => r.id === province.id)).toEqual(province);
    expect(await listed('2026-01-15')).toEqual([ids.memberOnly, ids.all].sort((a, b) => a - b));
    await db.delete(eligibilityRules).where(eq(eligibilityRules.id, province.id));
    expect(await listed('2026-01-15')).toEqual([ids.all]);

    // Run again: nothing more changes and nothing more is audited.
    await t.handle.exec(migrationSql());
    expect((await readRules()).map(noTime)).toEqual(after.filter((r) => r.id !== province.id).map(noTime));
    expect(
      await db.select().from(auditLog).where(eq(auditLog.action, 'eligibility_rule.backfill')),
    ).toHaveLength(2);
  });
});
