/**
 * The trends tile from stored figures (ADR 047) equals the live grouping of its drill-down's
 * fragment (`trends` over `trendFrom`) for the province and a district, on generated data and
 * after rounds of random writes to every table the figures come from; a single write rebuilds
 * only the people it marked. The stored drill-down (ADR 058) lists the live fragment's people,
 * person for person with their detail, for every period and kind, whole and page by page.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TREND_PERIODS } from '../../../contracts/dashboard';
import type { DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { testBackends } from '../../test/db';
import { openDemoDb } from '../../test/fixtures/demo';
import { coversAll, pagePeople, trendFrom, trends } from './dashboard.queries';
import { storedTrendPeople } from './dashboard.trend-people';
import { ensureTrends, storedTrends } from './dashboard.trends';

const TODAY = '2026-11-20';
type Cell = { period: string; kind: string; n: number };
const norm = (rows: Cell[]) =>
  rows
    .map((r) => ({ period: r.period, kind: r.kind, n: Number(r.n) }))
    .sort((a, b) => `${a.period}|${a.kind}`.localeCompare(`${b.period}|${b.kind}`));

describe.each(testBackends())('dashboard trends tile stored = live (%s)', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let paths: string[];

  beforeAll(async () => {
    // The same world as dashboard.parity.test.ts (one build per run, copied): 200 people, 40 classes.
    const demo = await openDemoDb(kind, 200, 9, { classHistory: { today: TODAY } });
    handle = demo.handle;
    cleanup = demo.cleanup;
    const district = rowsOf<{ path: string }>(
      await handle.db.execute(sql`select u.path::text as path from org_units u where u.level = 'district'
        and exists (select 1 from people p join org_units pu on pu.id = p.unit_id where pu.path <@ u.path)
        order by u.id limit 1`),
    );
    paths = [demo.root.path, ...district.map((d) => d.path)];
  }, 180_000);

  afterAll(async () => cleanup?.());

  async function expectEqual(label: string, today = TODAY) {
    await ensureTrends(handle.db);
    for (const path of paths) {
      const live = await trends(handle.db, path, today, await coversAll(handle.db, path));
      const stored = await storedTrends(handle.db, path, today);
      expect({ label, path, cells: norm(stored) }).toEqual({ label, path, cells: norm(live) });
      await expectSamePeople(label, path, today, live);
    }
    const [root] = await trends(handle.db, paths[0], today, true);
    expect(root).toBeDefined();
  }

  /** Every drill-down of the tile (each period, each period and kind) stored = live, whole and paged. */
  async function expectSamePeople(label: string, path: string, today: string, cells: Cell[]) {
    const all = await coversAll(handle.db, path);
    const asks = [
      ...TREND_PERIODS.map((p) => ({ period: p.key, kind: undefined as string | undefined })),
      ...cells.map((c) => ({ period: c.period, kind: c.kind as string | undefined })),
    ];
    const whole = { offset: 0, limit: 100_000 };
    let people = 0;
    for (const ask of asks) {
      const extra = [sql`tr.period = ${ask.period}`, ...(ask.kind ? [sql`tr.kind = ${ask.kind}`] : [])];
      const live = await pagePeople(
        handle.db,
        trendFrom(path, today, all, extra, true),
        sql`tr.detail`,
        whole,
      );
      const stored = await storedTrendPeople(handle.db, { path, today, ...ask }, whole);
      expect({ label, path, ask, ...stored }).toEqual({ label, path, ask, ...live });
      people += live.total;
      // A middle page too: the same order and offsets as the live list.
      const page = { offset: 3, limit: 5 };
      const livePage = await pagePeople(
        handle.db,
        trendFrom(path, today, all, extra, true),
        sql`tr.detail`,
        page,
      );
      expect(await storedTrendPeople(handle.db, { path, today, ...ask }, page)).toEqual(livePage);
    }
    return people;
  }

  it('the stored drill-down notices a stored row gone wrong (the comparison can fail)', async () => {
    await ensureTrends(handle.db);
    const [row] = rowsOf<{ person_id: number; kind: string; period: string }>(
      await handle.db.execute(sql`select person_id, kind, period from person_trends
        where first_on <= ${TODAY}::date order by person_id limit 1`),
    );
    // Unmarked damage (no trigger on person_trends): the stored list now lacks a person.
    await handle.db.execute(sql`delete from person_trends where person_id = ${row.person_id}
      and kind = ${row.kind} and period = ${row.period}`);
    const live = await trends(handle.db, paths[0], TODAY, true);
    await expect(expectSamePeople('damaged', paths[0], TODAY, live)).rejects.toThrow();
    // Mark everyone: the next read rebuilds and the lists agree again.
    await handle.exec('insert into trend_dirty (person_id) values (null)');
    expect((await ensureTrends(handle.db)).kind).toBe('everyone');
    expect(await expectSamePeople('rebuilt', paths[0], TODAY, live)).toBeGreaterThan(0);
  }, 120_000);

  it('on the generated data, and on other days', async () => {
    await expectEqual('generated');
    await expectEqual('earlier day', '2024-03-01');
  });

  it('after random writes to qualifications, places, classes, people and programmes', async () => {
    let seed = 47;
    const rnd = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const ids = async (table: string) =>
      rowsOf<{ id: number }>(await handle.db.execute(sql.raw(`select id from ${table} order by id`))).map(
        (r) => Number(r.id),
      );
    const people = await ids('people');
    const places = await ids('class_nominations');
    const classIds = await ids('classes');
    const units = await ids('org_units');
    const days = ['2012-05-01', '2019-12-31', '2021-06-15', '2025-01-01', '2026-11-20', '2026-12-05'];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 20; i++) {
        const what = rnd(7);
        const person = people[rnd(people.length)];
        if (what === 0)
          await handle.exec(`insert into qualifications (person_id, kind, level, issued_on, source)
            values (${person}, 'STATE_MANAGEMENT', 'BASIC', '${days[rnd(days.length)]}', 'typed')`);
        else if (what === 1)
          await handle.exec(`update qualifications set deleted_at = case when deleted_at is null then now() end
            where id = (select id from qualifications order by id offset ${rnd(200)} limit 1)`);
        else if (what === 2)
          await handle.exec(`update class_nominations set status = case status when 'approved' then 'rejected' else 'approved' end
            where id = ${places[rnd(places.length)]} and status in ('approved', 'rejected')`);
        else if (what === 3)
          await handle.exec(`update classes set status = case status when 'finished' then 'cancelled' else 'finished' end
            where id = ${classIds[rnd(classIds.length)]}`);
        else if (what === 4) {
          const d = [-400, -30, 10, 30][rnd(4)];
          await handle.exec(`update classes set starts_on = starts_on + ${d}, ends_on = ends_on + ${d}
            where id = ${classIds[rnd(classIds.length)]}`);
        } else if (what === 5)
          await handle.exec(`update people set unit_id = ${units[rnd(units.length)]} where id = ${person}`);
        else await handle.exec(`delete from people where id = ${person}`).catch(() => undefined);
      }
      await expectEqual(`round ${round}`);
    }
    // One write marks only its people; a programme's kind marks everyone.
    await handle.exec(`update class_nominations set status = 'approved' where id = ${places[0]}`);
    expect((await ensureTrends(handle.db)).kind).toBe('people');
    await handle.exec(`update programmes set kind = 'STATE_MANAGEMENT'
      where id = (select programme_id from classes where status in ('finished', 'closed') limit 1)`);
    expect((await ensureTrends(handle.db)).kind).toBe('everyone');
    await expectEqual('programme kind');
  }, 120_000);
});
