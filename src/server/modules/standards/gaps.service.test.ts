import { describe, expect, it } from 'vitest';
import { qualifications, standardRules } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson, makeUnit } from '../../test/fixtures/org';
import { listGapsForUnits } from './gaps.service';

describe.each(testBackends())('listGapsForUnits (%s)', (kind) => {
  const t = useTestApp(kind);

  it('lists missing and due standards of the people working in a subtree on a date', async () => {
    const db = t.handle.db;
    const unit = await makeUnit(db, { parent: t.root, name: 'Sở Thử Khoảng Trống', level: 'agency' });
    const [rule] = await db
      .insert(standardRules)
      .values({
        code: 'T_SM_CVC',
        titleVi: 'Chuyên viên chính cần chương trình CVC',
        titleEn: 'Principal specialists need the CVC programme',
        appliesTo: { rank: ['CVC'] },
        requirement: { type: 'qualification', kind: 'STATE_MANAGEMENT', minLevel: 'CVC' },
        effectiveFrom: '2020-01-01',
        legalSource: { document: 'Thử nghiệm' },
        ownerUnitId: unit.id,
      })
      .returning();
    const [lead] = await db
      .insert(standardRules)
      .values({
        code: 'T_LEAD_PHONG',
        titleVi: 'Lãnh đạo phòng',
        titleEn: 'Division leaders',
        appliesTo: { leadershipTier: ['PHONG'] },
        requirement: { type: 'qualification', kind: 'LEADERSHIP', minLevel: 'PHONG' },
        grace: { from: 'appointedOn', months: 12 },
        effectiveFrom: '2020-01-01',
        legalSource: { document: 'Thử nghiệm' },
        ownerUnitId: unit.id,
      })
      .returning();
    const missing = await makePerson(db, unit, { rank: 'CVC' });
    const holder = await makePerson(db, unit, { rank: 'CVC' });
    await db
      .insert(qualifications)
      .values({ personId: holder.id, kind: 'STATE_MANAGEMENT', level: 'CVCC', issuedOn: '2021-05-01' });
    const leader = await makePerson(db, unit, {
      rank: 'CV',
      leadershipTier: 'PHONG',
      appointedOn: '2026-03-31',
    });

    const rows = await listGapsForUnits(db, {
      scopePath: t.root.path,
      unitPath: unit.path,
      asOf: '2026-11-20',
    });
    expect(rows).toEqual([
      expect.objectContaining({
        personId: missing.id,
        unitId: unit.id,
        ruleId: rule.id,
        ruleCode: 'T_SM_CVC',
        status: 'missing',
        dueBy: null,
      }),
      expect.objectContaining({ personId: leader.id, ruleId: lead.id, status: 'due', dueBy: '2027-03-31' }),
    ]);
    expect(rows[0].requirement).toEqual({ type: 'qualification', kind: 'STATE_MANAGEMENT', minLevel: 'CVC' });
    // Before the holder's certificate was issued, they had a gap too; before the rule, nobody.
    const before = await listGapsForUnits(db, {
      scopePath: t.root.path,
      unitPath: unit.path,
      asOf: '2019-01-01',
    });
    expect(before).toEqual([]);
    const mid = await listGapsForUnits(db, { scopePath: unit.path, asOf: '2020-06-01' });
    expect(mid.map((r) => r.personId).sort((a, b) => a - b)).toEqual([missing.id, holder.id, leader.id]);
  });
});
