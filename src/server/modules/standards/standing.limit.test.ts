/**
 * When the stored standing (ADR 033) rebuilds only the marked people and when everyone: above
 * 20,000 marks, or a fifth of the people by the planner's estimate when that is more. An import
 * of 100,000 people into a country of 2.5 M rebuilds its own people (28 s), not everyone (~5 min,
 * BENCHMARKS.md). Either way the rows equal a full rebuild's.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { vietnamMoment } from '../../lib/dates';
import { openTestDb, testBackends } from '../../test/db';
import { makePerson, makeUnit } from '../../test/fixtures/org';
import { seedCodeLists } from '../codes/seed-codes';
import { seedRulePack } from './rule-pack';
import { ensureStanding, markEveryone } from './standing';

const today = vietnamMoment(new Date()).day;

describe.each(testBackends())('standing: people or everyone (%s)', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const personIds: number[] = [];

  /** Every stored row of the standing, as text, in a stable order. */
  const stored = async () =>
    rowsOf<{ r: string }>(
      await handle.db.execute(sql`select (select coalesce(string_agg(s::text, ';' order by s::text), '')
          from person_standing s) || '|' || (select coalesce(string_agg(g::text, ';' order by g::text), '')
          from person_standing_gaps g) as r`),
    )[0].r;
  /** Marks as a bulk write leaves them: `n` people (ids past the real ones) and the real ones. */
  const mark = (n: number) =>
    handle.exec(`insert into standing_dirty (person_id)
      select g from generate_series(10000000, ${10_000_000 + n - 1}) g
      union all select id from people`);
  const estimate = (n: number) =>
    handle.exec(`update pg_class set reltuples = ${n} where oid = 'people'::regclass`);

  beforeAll(async () => {
    ({ handle, cleanup } = await openTestDb(kind));
    await seedCodeLists(handle.db);
    await seedRulePack(handle.db);
    const province = await makeUnit(handle.db, { name: 'Tỉnh Ngưỡng' });
    const commune = await makeUnit(handle.db, { parent: province, name: 'Xã Ngưỡng', level: 'commune' });
    for (const over of [
      { category: 'CC' },
      { category: 'VC', rank: 'V.07.05.15' },
      { category: 'CBX', rank: null },
    ])
      personIds.push((await makePerson(handle.db, commune, over)).id);
    expect((await ensureStanding(handle.db, today)).kind).toBe('everyone');
  }, 120_000);

  afterAll(async () => cleanup?.());

  it('25,000 marks among few people: everyone', async () => {
    await estimate(3);
    await mark(25_000);
    expect((await ensureStanding(handle.db, today)).kind).toBe('everyone');
  });

  it('25,000 marks among an estimated 200,000 people: only the marked, the same rows as a full rebuild', async () => {
    const before = await stored();
    await handle.exec(`insert into qualifications (person_id, kind, level, issued_on)
      values (${personIds[0]}, 'POLITICAL_THEORY', 'SO_CAP', '2020-05-01')`);
    await estimate(200_000);
    await mark(25_000);
    const r = await ensureStanding(handle.db, today);
    expect(r).toMatchObject({ kind: 'people', people: 25_000 + personIds.length });
    const partial = await stored();
    expect(partial).not.toBe(before);
    await markEveryone(handle.db);
    expect((await ensureStanding(handle.db, today)).kind).toBe('everyone');
    expect(await stored()).toBe(partial);
  });

  it('past a fifth of the estimate: everyone', async () => {
    await estimate(100_000);
    await mark(25_000);
    expect((await ensureStanding(handle.db, today)).kind).toBe('everyone');
  });
});
