import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { systemActor } from '../lib/actor';
import { planActualByUnit } from '../modules/plans/plan-actual-units';
import { testBackends } from '../test/db';
import { openSeededDemo } from '../test/fixtures/demo';
import { queryRows } from './sql-util';

/** The demo's money (ADR 039): spending on finished classes, some settled, abroad and postgraduate tied. */
describe.each(testBackends())('demo money on %s', (kind) => {
  let h: DbHandle;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ handle: h, cleanup } = await openSeededDemo(kind, {
      people: 200,
      seed: 5,
      pastClasses: 0,
      today: new Date('2026-12-06T03:00:00Z'),
    }));
  }, 120_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('records spending on every finished class with a budget and settles the closed ones', async () => {
    const [c] = await queryRows<{ finished: number; spent: number; settled: number; off: number }>(
      h.db,
      `select count(*) filter (where c.status in ('finished', 'closed') and c.budget <> '{}'::jsonb)::int as finished,
         count(*) filter (where exists (select 1 from class_spending s where s.class_id = c.id))::int as spent,
         count(*) filter (where exists (select 1 from class_settlements s where s.class_id = c.id))::int as settled,
         count(*) filter (where exists (select 1 from class_spending s where s.class_id = c.id)
           and c.status not in ('finished', 'closed'))::int as off
       from classes c`,
    );
    expect(c.finished).toBeGreaterThan(0);
    expect(c.spent).toBe(c.finished);
    expect(c.settled).toBeGreaterThan(0);
    expect(c.settled).toBeLessThanOrEqual(c.spent);
    expect(c.off).toBe(0);
  });

  it('ties the delegation and the sponsorships of 2026 to plan lines; plan vs actual counts them', async () => {
    const [root] = await queryRows<{ id: number; path: string }>(
      h.db,
      "select id, path::text as path from org_units where parent_id is null and level = 'province'",
    );
    const pa = await planActualByUnit(h.db, systemActor(root.id, root.path), 2026);
    const kind = (k: string) => pa.byKindLevel.filter((x) => x.programmeKind === k);
    const sum = (k: string) => kind(k).reduce((s, x) => s + x.actualTrainees, 0);
    expect(sum('ABROAD')).toBeGreaterThan(0);
    expect(sum('POSTGRADUATE')).toBeGreaterThan(0);
    const [d] = await queryRows<{ cost: number }>(
      h.db,
      `select (select sum(v::bigint) from jsonb_each_text(actual_cost) as b(k, v))::bigint as cost
       from abroad_delegations where status = 'returned'`,
    );
    expect(Number(d.cost)).toBeGreaterThan(0);
  });
});
