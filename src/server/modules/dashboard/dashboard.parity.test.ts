/**
 * The trainees tile counted per class (ADR 046) equals the grouping of its drill-down's own
 * fragment (`traineesFrom`, one row per approved place) on generated classes, for the province
 * and a district, before and after random writes to places and classes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { seedDemoCatalogue } from '../../demo/catalogue';
import { generateClassHistory } from '../../demo/class-history';
import { testBackends } from '../../test/db';
import { openDemoDb } from '../../test/fixtures/demo';
import { traineesByYear, traineesFrom } from './dashboard.queries';

type Cell = { year: number; level: string | null; kind: string | null; n: number };
const norm = (rows: Cell[]) =>
  rows
    .map((r) => ({ year: Number(r.year), level: r.level, kind: r.kind, n: Number(r.n) }))
    .sort((a, b) => `${a.year}|${a.level}|${a.kind}`.localeCompare(`${b.year}|${b.level}|${b.kind}`));

describe.each(testBackends())('dashboard trainees tile = its drill-down grouped (%s)', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let paths: string[];

  beforeAll(async () => {
    const demo = await openDemoDb(kind, 200, 9);
    handle = demo.handle;
    cleanup = demo.cleanup;
    await seedDemoCatalogue(handle.db, { today: new Date('2026-11-20T00:00:00Z') });
    await generateClassHistory(handle.db, {
      classes: 40,
      nominations: 1_200,
      fromYear: 2022,
      toYear: 2026,
      today: '2026-11-20',
    });
    const district = rowsOf<{ path: string }>(
      await handle.db.execute(sql`select u.path::text as path from org_units u where u.level = 'district'
        and exists (select 1 from class_nominations n join org_units nu on nu.id = n.unit_id where nu.path <@ u.path)
        order by u.id limit 1`),
    );
    paths = [demo.root.path, ...district.map((d) => d.path)];
  }, 180_000);

  afterAll(async () => cleanup?.());

  async function expectEqual(label: string) {
    for (const path of paths) {
      const grouped = rowsOf<Cell>(
        await handle.db.execute(
          sql`select c.year, ot.tier as level, pr.kind, count(*)::int as n ${traineesFrom(path, 2022, 2026)}
            group by grouping sets ((c.year, ot.tier), (c.year, pr.kind))`,
        ),
      );
      const tile = await traineesByYear(handle.db, path, 2022, 2026);
      expect({ label, path, cells: norm(tile) }).toEqual({ label, path, cells: norm(grouped) });
      expect(grouped.length).toBeGreaterThan(0);
    }
  }

  it('on the generated classes', async () => expectEqual('generated'));

  it('after random writes to places and classes', async () => {
    let seed = 46;
    const rnd = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const ids = rowsOf<{ id: number }>(
      await handle.db.execute(sql`select id from class_nominations order by id`),
    ).map((r) => Number(r.id));
    const classIds = rowsOf<{ id: number }>(
      await handle.db.execute(sql`select id from classes order by id`),
    ).map((r) => Number(r.id));
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 15; i++) {
        const what = rnd(4);
        const n = ids[rnd(ids.length)];
        if (what === 0)
          await handle.exec(`update class_nominations set status = case status when 'approved' then 'rejected' else 'approved' end
            where id = ${n} and status in ('approved', 'rejected')`);
        else if (what === 1)
          await handle.exec(`update classes set status = case status when 'cancelled' then 'planned' else 'cancelled' end
            where id = ${classIds[rnd(classIds.length)]}`);
        else if (what === 2)
          await handle.exec(`update class_nominations set unit_id = (select id from org_units where level = 'commune'
            order by id offset ${rnd(20)} limit 1) where id = ${n}`);
        else
          await handle.exec(`update classes set year = year - 1 where id = ${classIds[rnd(classIds.length)]}
            and year > 2021`);
      }
      await expectEqual(`round ${round}`);
    }
  });
});
