import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CODE_LISTS, QUALIFICATION_LEVELS } from '../../../contracts/codes';
import { eligibilityRules, ratingScales, standardRules } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { seedRulePack } from './rule-pack';
import { ELIGIBILITY_PACK, STANDARD_PACK } from './rule-pack.data';

const codes = (list: keyof typeof CODE_LISTS) => new Set(CODE_LISTS[list].map((c) => c.code));
const levels = (kind: string) => new Set((QUALIFICATION_LEVELS[kind] ?? []).map((l) => l.code));

describe('rule pack data', () => {
  it('uses only codes of the shipped code lists', () => {
    const selectors = [
      ...STANDARD_PACK.map((r) => r.appliesTo),
      ...ELIGIBILITY_PACK.flatMap((r) =>
        r.conditions.flatMap((c) => (c.type === 'selector' ? [c.selector] : [])),
      ),
    ];
    for (const s of selectors) {
      for (const c of s.category ?? []) expect(codes('category')).toContain(c);
      for (const c of s.rank ?? []) expect(codes('rank')).toContain(c);
      for (const c of s.leadershipTier ?? []) expect(codes('leadership_tier')).toContain(c);
      for (const c of s.postCode ?? []) expect(codes('post')).toContain(c);
      for (const c of s.postGroup ?? []) expect(codes('post_group')).toContain(c);
      expect(s.postContains, 'default rules target post codes, not words').toBeUndefined();
    }
    const reqs = [
      ...STANDARD_PACK.flatMap((r) => (r.requirement.type === 'qualification' ? [r.requirement] : [])),
      ...ELIGIBILITY_PACK.flatMap((r) =>
        r.conditions.flatMap((c) => (c.type === 'minQualification' || c.type === 'notHolding' ? [c] : [])),
      ),
    ];
    for (const r of reqs) expect(levels(r.kind)).toContain(r.minLevel);
  });

  it('versions of a code follow each other without gaps or overlaps', () => {
    for (const code of new Set(STANDARD_PACK.map((r) => r.code))) {
      const sorted = STANDARD_PACK.filter((r) => r.code === code).sort((a, b) => a.version - b.version);
      sorted.forEach((v, i) => {
        expect(v.version).toBe(i + 1);
        if (i > 0) expect(v.effectiveFrom).toBe(sorted[i - 1].effectiveTo);
      });
    }
  });
});

describe.each(testBackends())('seedRulePack (%s)', (kind) => {
  const t = useTestApp(kind);

  it('is idempotent, refreshes built-in rows and moves a province row off a version the pack needs', async () => {
    const db = t.handle.db;
    await seedRulePack(db);
    const first = await db.select().from(standardRules);
    expect(first).toHaveLength(STANDARD_PACK.length);
    expect(await db.select().from(eligibilityRules)).toHaveLength(ELIGIBILITY_PACK.length);
    const [scale] = await db.select().from(ratingScales);
    expect(scale).toMatchObject({ code: 'CIVIL_SERVANT_POINTS', effectiveFrom: '2026-01-01', builtIn: true });
    expect(scale.scale.excellentCapPctOfGood).toBe(20);

    const v2 = first.find((r) => r.code === 'SM_CVC' && r.version === 2)!;
    const v1 = first.find((r) => r.code === 'SM_CVC' && r.version === 1)!;
    expect(v2.supersedesId).toBe(v1.id);
    const retired = first.find((r) => r.code === 'ANNUAL_40_PERIODS')!;
    expect(retired).toMatchObject({ effectiveFrom: '2017-10-15', effectiveTo: '2021-12-10' });

    // Someone edits a built-in row in the database; a province owns version 3 of a code.
    await db.update(standardRules).set({ titleVi: 'sửa tay' }).where(eq(standardRules.id, v1.id));
    const [own] = await db
      .insert(standardRules)
      .values({
        ...v2,
        id: undefined,
        version: 3,
        ownerUnitId: t.root.id,
        builtIn: false,
        titleVi: 'Của tỉnh',
      })
      .returning();
    await seedRulePack(db);
    const again = await db.select().from(standardRules);
    expect(again).toHaveLength(STANDARD_PACK.length + 1);
    expect(again.find((r) => r.id === v1.id)!.titleVi).toBe(v1.titleVi);
    expect(again.find((r) => r.id === own.id)).toMatchObject({ version: 3, titleVi: 'Của tỉnh' });

    // A later pack ships version 3 of that code: the province row moves to version 4.
    STANDARD_PACK.push({
      ...STANDARD_PACK.find((r) => r.code === 'SM_CVC' && r.version === 2)!,
      version: 3,
      effectiveFrom: '2030-01-01',
    });
    try {
      await seedRulePack(db);
    } finally {
      STANDARD_PACK.pop();
    }
    const moved = await db
      .select()
      .from(standardRules)
      .where(and(eq(standardRules.code, 'SM_CVC')));
    expect(moved.find((r) => r.id === own.id)).toMatchObject({ version: 4, titleVi: 'Của tỉnh' });
    expect(moved.find((r) => r.version === 3)).toMatchObject({ builtIn: true, effectiveFrom: '2030-01-01' });
  });
});
