/**
 * The set-based gap SQL must return exactly what the pure engine returns, person by person, on
 * demo data (dated history across the 2025 reorganisation) with overrides, a retirement in one
 * subtree, periods, undated, late and deleted qualifications, on several dates.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { people, standardRules } from '../../db/schema/index';
import { pathWithin } from '../../lib/scope';
import { testBackends } from '../../test/db';
import { openDemoDb } from '../../test/fixtures/demo';
import { listGapsForUnits } from './gaps.service';
import { loadPeopleOnDate } from './person-facts.queries';
import { placeRules, rulesAt } from './rule-engine';
import { loadCodebook, loadRuleVersions } from './rules.queries';
import { judgeStandard } from './standard.engine';

const DATES = [
  '2019-06-30',
  '2021-12-09',
  '2025-06-30',
  '2025-07-01',
  '2026-03-15',
  '2026-11-20',
  '2027-02-01',
];

describe.each(testBackends())('gap SQL = engine (%s)', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let rootPath: string;
  let subtreePath: string;

  beforeAll(async () => {
    const demo = await openDemoDb(kind, 400);
    handle = demo.handle;
    cleanup = demo.cleanup;
    const root = demo.root;
    rootPath = root.path;
    // Two current subtrees with people: one overrides a rule, one retires another.
    const busy = rowsOf<{ path: string }>(
      await handle.db.execute(sql`select u.path::text as path from org_units u
        where u.valid_to is null and u.level = 'commune'
          and exists (select 1 from people p join org_units c on c.id = p.unit_id
            where c.path <@ u.path and p.leadership_tier <> 'NONE')
        order by u.id limit 2`),
    );
    subtreePath = busy[0].path;
    const unitOf = (path: string) => Number(path.split('.').pop());
    const versions = await handle.db.select().from(standardRules);
    const lead = versions.find((r) => r.code === 'PT_LEADER_PHONG_XA')!;
    const ds = versions.find((r) => r.code === 'EDU_COMMUNE_LEADER')!;
    await handle.db.insert(standardRules).values([
      {
        ...lead,
        id: undefined,
        version: 2,
        ownerUnitId: unitOf(busy[0].path),
        builtIn: false,
        effectiveFrom: '2026-01-01',
        grace: { from: 'appointedOn', months: 6 },
        requirement: { type: 'qualification', kind: 'POLITICAL_THEORY', minLevel: 'CAO_CAP' },
      },
      {
        ...ds,
        id: undefined,
        version: 2,
        ownerUnitId: unitOf(busy[1].path),
        builtIn: false,
        effectiveFrom: '2026-01-01',
        effectiveTo: '2026-01-01',
        retiredReason: 'thử',
      },
      {
        ...ds,
        id: undefined,
        code: 'PROVINCE_ANNUAL_40',
        version: 1,
        ownerUnitId: root.id,
        builtIn: false,
        appliesTo: { category: ['CC', 'CBX'] },
        requirement: { type: 'annual_periods', minPeriods: 40 },
        grace: { from: 'serviceStart', months: 18 },
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
      },
    ]);
    // Periods in 2026 for some, undated, late and deleted qualifications for others.
    await handle.exec(`
      update qualifications set periods = 8 + (id % 5) * 8, issued_on = date '2026-01-05' + (id % 300)
        where id % 3 = 0;
      update qualifications set issued_on = null where id % 17 = 1;
      update qualifications set deleted_at = now() where id % 13 = 2;
      update qualifications set issued_on = date '2026-10-01' where id % 19 = 4;
      update people set appointed_on = date '2026-02-10' where id % 7 = 0 and leadership_tier <> 'NONE';
      update people set service_start = date '2025-09-01' where id % 11 = 0;`);
  }, 120_000);

  afterAll(async () => cleanup?.());

  it.each(DATES)('on %s', async (asOf) => {
    const db = handle.db;
    const sqlRows = await listGapsForUnits(db, { scopePath: rootPath, asOf });
    const fromSql = sqlRows
      .map((r) => `${r.personId} ${r.ruleCode} #${r.ruleId} ${r.status} ${r.dueBy ?? '-'}`)
      .sort();

    const [versions, book] = await Promise.all([loadRuleVersions(db), loadCodebook(db)]);
    const placements = placeRules(versions, asOf);
    const ids = (await db.select({ id: people.id }).from(people)).map((p) => p.id);
    const fromEngine: string[] = [];
    const statuses = new Map<string, number>();
    for (const p of await loadPeopleOnDate(db, ids, asOf)) {
      if (!p.facts || p.status !== 'WORKING' || !p.unitPath || !pathWithin(p.unitPath, rootPath)) continue;
      for (const rule of rulesAt(placements, p.unitPath)) {
        const o = judgeStandard(rule, p.facts, p.quals, book, asOf);
        statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
        if (o.status === 'missing' || o.status === 'due')
          fromEngine.push(`${p.personId} ${rule.code} #${rule.id} ${o.status} ${o.dueBy ?? '-'}`);
      }
    }
    expect(fromSql).toEqual(fromEngine.sort());
    if (asOf >= '2025-07-01') {
      expect(statuses.get('met')).toBeGreaterThan(50);
      expect(statuses.get('missing')).toBeGreaterThan(50);
    }
    // A subtree gives the subset of the whole.
    const sub = await listGapsForUnits(db, { scopePath: rootPath, asOf, unitPath: subtreePath });
    const whole = new Set(fromSql);
    for (const r of sub)
      expect(whole.has(`${r.personId} ${r.ruleCode} #${r.ruleId} ${r.status} ${r.dueBy ?? '-'}`)).toBe(true);
  });

  it('covers due, override and annual rows on the dates above', async () => {
    const rows = await listGapsForUnits(handle.db, { scopePath: rootPath, asOf: '2026-03-15' });
    expect(rows.some((r) => r.status === 'due' && r.ruleCode === 'PROVINCE_ANNUAL_40')).toBe(true);
    expect(rows.some((r) => r.status === 'due' && r.ruleCode.startsWith('LEAD_'))).toBe(true);
    const old = await listGapsForUnits(handle.db, { scopePath: rootPath, asOf: '2019-06-30' });
    expect(old.some((r) => r.ruleCode === 'ANNUAL_40_PERIODS')).toBe(true);
  });
});
