/**
 * The per-unit rollups of the standing (ADR 035) stay equal to a GROUP BY over the standing after
 * seeded random writes of every kind a person goes through (qualification added and deleted, a
 * move, a category change, retirement), and the gap summaries served from them equal the gap
 * statement for every grouping and filter.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { qualifications } from '../../db/schema/index';
import { systemActor } from '../../lib/actor';
import { vietnamMoment } from '../../lib/dates';
import { testBackends } from '../../test/db';
import { expectRollups, openStandingDemo } from '../../test/fixtures/standing';
import { loadGapContext } from './gaps.queries';
import { countGaps, type GroupCounts } from './gaps.report.queries';
import { createGapsService } from './gaps.service';
import { ensureStanding } from './standing';

describe.each(testBackends())('standing rollups = GROUP BY (%s)', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let rootId: number;
  let rootPath: string;
  const today = vietnamMoment(new Date()).day;

  beforeAll(async () => {
    ({ handle, cleanup, rootId, rootPath } = await openStandingDemo(kind, today));
    expect((await ensureStanding(handle.db, today)).kind).toBe('everyone');
    await expectRollups(handle);
  }, 180_000);

  afterAll(async () => cleanup?.());

  it('keeps the rollups equal to a GROUP BY after random writes; summaries from them equal the statement', async () => {
    const db = handle.db;
    // Seeded pseudo-random writes over every kind of change a person can go through.
    let seed = 15;
    const rnd = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const ids = rowsOf<{ id: number }>(await db.execute(sql`select id from people order by id`)).map((r) =>
      Number(r.id),
    );
    const units = rowsOf<{ id: number }>(
      await db.execute(sql`select id from org_units where valid_to is null order by id`),
    ).map((r) => Number(r.id));
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 12; i++) {
        const p = ids[rnd(ids.length)];
        const what = rnd(5);
        if (what === 0)
          await db
            .insert(qualifications)
            .values({ personId: p, kind: 'POLITICAL_THEORY', level: 'TRUNG_CAP' });
        else if (what === 1)
          await handle.exec(`update qualifications set deleted_at = now()
            where id = (select min(id) from qualifications where person_id = ${p} and deleted_at is null)`);
        else if (what === 2)
          await handle.exec(`update person_history set unit_id = ${units[rnd(units.length)]}
            where person_id = ${p} and valid_to is null`);
        else if (what === 3)
          await handle.exec(`update person_history set category = case category when 'CBX' then 'CC' else 'CBX' end
            where person_id = ${p} and valid_to is null`);
        else
          await handle.exec(`update person_history set status = case status when 'WORKING' then 'RETIRED' else 'WORKING' end
            where person_id = ${p} and valid_to is null`);
      }
      expect((await ensureStanding(db, today)).kind).toBe('people');
      await expectRollups(handle);
    }
    const actor = systemActor(rootId, rootPath);
    const svc = createGapsService({ db, clock: { now: () => new Date() } });
    const codes = rowsOf<{ rule_code: string }>(
      await db.execute(
        sql`select rule_code from person_standing_gaps group by rule_code order by count(*) desc limit 2`,
      ),
    ).map((r) => r.rule_code);
    const [cat] = rowsOf<{ category: string }>(
      await db.execute(
        sql`select category from person_standing group by category order by count(*) desc limit 1`,
      ),
    );
    const unit = rowsOf<{ id: number; path: string }>(
      await db.execute(sql`select u.id, u.path::text as path from org_units u where nlevel(u.path) = 2
        and exists (select 1 from person_standing s where s.unit_path <@ u.path) order by u.id limit 1`),
    )[0];
    for (const groupBy of ['unit', 'rule', 'category'] as const)
      for (const f of [{}, { ruleCode: codes[0] }, { category: cat.category }, { unitId: Number(unit.id) }]) {
        const unitId = 'unitId' in f ? Number(f.unitId) : rootId;
        const unitPath = 'unitId' in f ? unit.path : rootPath;
        const ruleCode = 'ruleCode' in f ? f.ruleCode : undefined;
        const category = 'category' in f ? f.category : undefined;
        const served = await svc.summary(actor, { groupBy, ...f });
        const ctx = await loadGapContext(db, today, ruleCode);
        expect(ctx.standingDay).toBeUndefined();
        const computed = await countGaps(
          db,
          ctx,
          { asOf: today, scopePath: rootPath, unitPath, category },
          groupBy,
          unitId,
        );
        const pick = ({ key, headcount, peopleWithGaps, gaps, missing, due }: GroupCounts) => ({
          key: key === null ? null : String(key),
          headcount,
          peopleWithGaps,
          gaps,
          missing,
          due,
        });
        const byKey = (a: { key: string | null }, b: { key: string | null }) =>
          String(a.key).localeCompare(String(b.key));
        const total = computed.find((r) => r.key === null);
        const { key: _, ...totals } = pick(
          total ?? { key: null, headcount: 0, peopleWithGaps: 0, gaps: 0, missing: 0, due: 0 },
        );
        expect({ groupBy, f, totals: served.totals }).toEqual({ groupBy, f, totals });
        expect(served.groups.map((g) => pick({ ...g, key: g.key })).sort(byKey)).toEqual(
          computed
            .filter((r) => r.key !== null)
            .map(pick)
            .sort(byKey),
        );
      }
  });
});
