/**
 * When the stored standing (ADR 033) and the stored trends (ADR 047) rebuild only the marked
 * people and when everyone: above 20,000 marks, or a fifth of the people by the planner's
 * estimate when that is more (marked-limit.ts). An import of 100,000 people into a country of
 * 2.5 M rebuilds its own people (standing 28 s, trends 9.5 s), not everyone (~5 min and 156 s,
 * BENCHMARKS.md). Either way the rows equal a full rebuild's.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamMoment } from '../lib/dates';
import { seedCodeLists } from '../modules/codes/seed-codes';
import { ensureTrends } from '../modules/dashboard/dashboard.trends';
import { seedRulePack } from '../modules/standards/rule-pack';
import { ensureStanding, markEveryone } from '../modules/standards/standing';
import { openTestDb, testBackends } from '../test/db';
import { makePerson, makeUnit } from '../test/fixtures/org';
import type { DbHandle } from './client';
import { rowsOf } from './rows';

const today = vietnamMoment(new Date()).day;

describe.each(testBackends())('standing: people or everyone (%s)', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const personIds: number[] = [];

  /** Every row of the given tables, as text, in a stable order. */
  const tableRows = async (...tables: string[]) =>
    rowsOf<{ r: string }>(
      await handle.db.execute(
        sql.raw(
          `select ${tables.map((t) => `(select coalesce(string_agg(x::text, ';' order by x::text), '') from ${t} x)`).join(" || '|' || ")} as r`,
        ),
      ),
    )[0].r;
  const stored = () => tableRows('person_standing', 'person_standing_gaps');
  const storedTrends = () => tableRows('person_trends', 'trend_unit_counts');
  /** Marks as a bulk write leaves them: `n` people (ids past the real ones) and the real ones. */
  const mark = (n: number, table = 'standing_dirty') =>
    handle.exec(`insert into ${table} (person_id)
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
    expect((await ensureTrends(handle.db)).kind).toBe('everyone');
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

  it('the trends: only the marked under a fifth of the estimate, the same rows as a full rebuild; else everyone', async () => {
    await handle.exec(`insert into qualifications (person_id, kind, level, issued_on)
      values (${personIds[1]}, 'IT', 'BASIC', '2024-09-01')`);
    await estimate(3);
    await mark(25_000, 'trend_dirty');
    expect((await ensureTrends(handle.db)).kind).toBe('everyone');
    const full = await storedTrends();
    expect(full).toContain('IT');
    await handle.exec(`insert into qualifications (person_id, kind, level, issued_on)
      values (${personIds[2]}, 'FOREIGN_LANGUAGE', 'B1', '2025-03-01')`);
    await estimate(200_000);
    await mark(25_000, 'trend_dirty');
    expect(await ensureTrends(handle.db)).toMatchObject({
      kind: 'people',
      people: 25_000 + personIds.length,
    });
    const partial = await storedTrends();
    expect(partial).not.toBe(full);
    await handle.exec('insert into trend_dirty (person_id) values (null)');
    expect((await ensureTrends(handle.db)).kind).toBe('everyone');
    expect(await storedTrends()).toBe(partial);
  });
});
