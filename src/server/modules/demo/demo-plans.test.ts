import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { systemActor } from '../../lib/actor';
import { fixedClock } from '../../test/app';
import { openTestDb, testBackends } from '../../test/db';
import { createMultiyearService } from '../plans/multiyear.service';
import { createPlanService } from '../plans/plans.service';
import { createPlanWorkflowService } from '../plans/plans.workflow.service';
import { seedDemo } from './seed-demo';
import { queryRows } from './sql-util';

describe.each(testBackends())('demo plans on %s', (kind) => {
  let h: DbHandle;
  let cleanup: () => Promise<void>;
  let actor: ReturnType<typeof systemActor>;

  beforeAll(async () => {
    ({ handle: h, cleanup } = await openTestDb(kind));
    await seedDemo(h, { people: 200, seed: 5 });
    const [root] = await queryRows<{ id: number; path: string }>(
      h.db,
      "select id, path::text as path from org_units where parent_id is null and level = 'province'",
    );
    actor = systemActor(root.id, root.path);
  }, 60_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('has the 2026-2030 programme, an approved 2026 plan of twenty lines frozen as v1, and 2027 drafts', async () => {
    const deps = { db: h.db, clock: fixedClock() };
    const plans = createPlanService(deps);
    const list = await plans.list(actor, { page: 1, pageSize: 50 });
    expect(list.items.map((p) => [p.year, p.status, p.lines > 0])).toEqual([
      [2027, 'draft', true],
      [2027, 'draft', true],
      [2026, 'approved', true],
    ]);
    const p2026 = await plans.detail(actor, list.items[2].id);
    expect(p2026.lines).toHaveLength(20);
    expect(p2026.versions.map((v) => v.version)).toEqual([1]);
    expect(p2026.totals.budget).toBeGreaterThan(10_000_000_000);
    expect(Object.keys(p2026.totals.byFunding).sort()).toEqual(['HOC_VIEN', 'KHAC', 'NSDV', 'NST', 'NSTW']);
    // The frozen version is the working one: no difference.
    const diff = await createPlanWorkflowService(deps).diff(actor, p2026.id, { from: 1 });
    expect(diff.changes).toEqual([]);
    const [programme] = (await createMultiyearService(deps).list(actor, {})).items;
    expect(programme).toMatchObject({ fromYear: 2026, toYear: 2030, status: 'issued', plans: 3 });
    const detail = await createMultiyearService(deps).detail(actor, programme.id);
    expect(
      detail.targets.find((x) => x.year === 2026 && x.programmeKind === 'POLITICAL_THEORY')?.planned,
    ).toBe(640);
  });
});
