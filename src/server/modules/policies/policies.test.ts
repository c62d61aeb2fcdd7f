import { describe, expect, it } from 'vitest';
import { policyValues } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makeUnit } from '../../test/fixtures/org';
import { policyAt, seedPolicies } from './policies';
import { POLICY_PACK } from './policy-pack';

describe.each(testBackends())('policy values (%s)', (kind) => {
  const t = useTestApp(kind);

  it('reads the national value, a province value in its subtree from its date, and old dates as they were', async () => {
    const db = t.handle.db;
    const other = await makeUnit(db, { name: 'Tỉnh Khác' });
    await db.insert(policyValues).values({
      code: 'abroad.report_due_days',
      ownerUnitId: t.root.id,
      value: 10,
      effectiveFrom: '2026-01-01',
      legalSource: 'Quyết định của UBND tỉnh',
    });
    const at = (date: string, path: string | null) => policyAt(db, 'abroad.report_due_days', date, path);
    expect((await at('2026-06-01', t.communeA.path)).value).toBe(10);
    expect((await at('2025-06-01', t.communeA.path)).value).toBe(15);
    expect((await at('2026-06-01', other.path)).value).toBe(15);
    expect((await at('2026-06-01', null)).legalSource).toContain('03/2023');
    await expect(at('2020-01-01', null)).rejects.toThrow(/No value/);
  });

  it('keeps a province value when the shipped ones are refreshed, and does not duplicate them', async () => {
    await seedPolicies(t.handle.db);
    await seedPolicies(t.handle.db);
    const rows = await t.handle.db.select().from(policyValues);
    expect(rows.filter((r) => r.builtIn)).toHaveLength(POLICY_PACK.length);
    expect(rows.filter((r) => !r.builtIn)).toHaveLength(1);
    const bands = await policyAt(t.handle.db, 'class.grade_bands', '2026-06-01', t.root.path);
    expect(bands.value.map((b) => b.code)).toEqual(['XUAT_SAC', 'GIOI', 'KHA', 'TRUNG_BINH']);
  });
});
