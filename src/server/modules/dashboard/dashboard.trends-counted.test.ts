/**
 * The trends tile and its drill-down on a world small enough to count by hand (ADR 047, 058): a
 * person counts once per kind and period however many trainings they had in it; a qualification
 * deleted, without a date, dated before 2010, or dated after the day asked, or one written by a
 * class (classes count through their nominations) does not count; the period boundaries are
 * 1 January. The parity tests (dashboard.trends.test.ts) keep stored = live on generated data;
 * this file pins the live definition itself to numbers a person counted.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { openTestDb, testBackends } from '../../test/db';
import { makePerson, makeUnit, type UnitRow } from '../../test/fixtures/org';
import { trends } from './dashboard.queries';
import { storedTrendPeople } from './dashboard.trend-people';
import { ensureTrends, storedTrends } from './dashboard.trends';

const TODAY = '2026-11-20';
const cells = (rows: { period: string; kind: string; n: number }[]) =>
  rows.map((r) => `${r.period} ${r.kind} ${Number(r.n)}`).sort();

describe.each(testBackends())('dashboard trends counted by hand (%s)', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let province: UnitRow;
  let d1: UnitRow;
  let d2: UnitRow;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ({ handle, cleanup } = await openTestDb(kind));
    const db = handle.db;
    province = await makeUnit(db, { name: 'Tỉnh Đếm Tay' });
    d1 = await makeUnit(db, { parent: province, name: 'Huyện Một', level: 'district' });
    const c1 = await makeUnit(db, { parent: d1, name: 'Xã Một', level: 'commune' });
    d2 = await makeUnit(db, { parent: province, name: 'Huyện Hai', level: 'district' });
    // Family and given names sort the same way: An, Bình, Cường, Dung.
    ids.an = (await makePerson(db, c1, { fullName: 'Bùi Văn An' })).id;
    ids.binh = (await makePerson(db, d1, { fullName: 'Hoàng Thị Bình' })).id;
    ids.cuong = (await makePerson(db, d2, { fullName: 'Vũ Văn Cường' })).id;
    ids.dung = (await makePerson(db, c1, { fullName: 'Xa Thị Dung' })).id;
    const q = (who: string, k: string, level: string, on: string | null, extra = '') =>
      `(${ids[who]}, '${k}', '${level}', ${on ? `'${on}'` : 'null'}, ${extra || "'typed', null"})`;
    await handle.exec(`insert into qualifications (person_id, kind, level, issued_on, source, deleted_at) values
      ${[
        q('an', 'LEADERSHIP', 'PHONG', '2021-03-01'),
        q('an', 'LEADERSHIP', 'SO', '2023-05-01'), // the same cell: An counts once
        q('an', 'POLITICAL_THEORY', 'TRUNG_CAP', '2025-02-01'),
        q('an', 'IT', 'BASIC', null), // no date: not counted
        q('binh', 'POLITICAL_THEORY', 'SO_CAP', '2014-06-30'),
        q('binh', 'STATE_MANAGEMENT', 'CV', '2024-12-31'), // last day of 2020-2025
        q('binh', 'STATE_MANAGEMENT', 'CVC', '2025-01-01'), // first day of 2025-now
        q('cuong', 'LEADERSHIP', 'PHONG', '2022-01-10'),
        q('cuong', 'IT', 'BASIC', '2009-12-31'), // before the first period
        q('cuong', 'IT', 'ADVANCED', '2026-12-01'), // after TODAY
        q('dung', 'FOREIGN_LANGUAGE', 'B1', '2021-01-01', "'typed', now()"), // deleted
        q('dung', 'LEADERSHIP', 'PHONG', '2021-01-01', "'class', null"), // a class's: counted by its nomination
      ].join(',\n')}`);
    await ensureTrends(handle.db);
  }, 120_000);

  afterAll(async () => cleanup?.());

  const both = async (path: string, today: string) => {
    const live = cells(await trends(handle.db, path, today, false));
    expect(cells(await storedTrends(handle.db, path, today)), 'stored = live').toEqual(live);
    return live;
  };

  it('the tile: the province, each district, and a later day', async () => {
    expect(await both(province.path, TODAY)).toEqual([
      '2010-2015 POLITICAL_THEORY 1',
      '2020-2025 LEADERSHIP 2',
      '2020-2025 STATE_MANAGEMENT 1',
      '2025-now POLITICAL_THEORY 1',
      '2025-now STATE_MANAGEMENT 1',
    ]);
    expect(await both(d1.path, TODAY)).toEqual([
      '2010-2015 POLITICAL_THEORY 1',
      '2020-2025 LEADERSHIP 1',
      '2020-2025 STATE_MANAGEMENT 1',
      '2025-now POLITICAL_THEORY 1',
      '2025-now STATE_MANAGEMENT 1',
    ]);
    expect(await both(d2.path, TODAY)).toEqual(['2020-2025 LEADERSHIP 1']);
    // Cường's IT course of 1 December counts from that day on.
    expect(await both(province.path, '2026-12-05')).toContain('2025-now IT 1');
    expect(await both(province.path, '2026-11-30')).not.toContain('2025-now IT 1');
  });

  it('the drill-down: each person once, in roster order, with the smallest detail of the period', async () => {
    const ask = { path: province.path, today: TODAY, period: '2020-2025' };
    const whole = { offset: 0, limit: 50 };
    expect(await storedTrendPeople(handle.db, ask, whole)).toEqual({
      total: 3,
      items: [
        { personId: ids.an, fullName: 'Bùi Văn An', unitName: 'Xã Một', detail: 'PHONG' },
        { personId: ids.binh, fullName: 'Hoàng Thị Bình', unitName: 'Huyện Một', detail: 'CV' },
        { personId: ids.cuong, fullName: 'Vũ Văn Cường', unitName: 'Huyện Hai', detail: 'PHONG' },
      ],
    });
    const leaders = await storedTrendPeople(handle.db, { ...ask, kind: 'LEADERSHIP' }, whole);
    expect(leaders.items.map((p) => p.personId)).toEqual([ids.an, ids.cuong]);
    expect(leaders.total).toBe(2);
    // A page of one, the second person: the total is still the period's.
    const second = await storedTrendPeople(handle.db, ask, { offset: 1, limit: 1 });
    expect(second).toEqual({ total: 3, items: [expect.objectContaining({ personId: ids.binh })] });
    // A district sees its own people only.
    const d2people = await storedTrendPeople(handle.db, { ...ask, path: d2.path }, whole);
    expect(d2people.items.map((p) => p.personId)).toEqual([ids.cuong]);
  });

  it('a deleted qualification leaves the tile at the next read', async () => {
    await handle.db.execute(sql`update qualifications set deleted_at = now()
      where person_id = ${ids.binh} and issued_on = '2014-06-30'`);
    await ensureTrends(handle.db);
    expect(await both(province.path, TODAY)).not.toContain('2010-2015 POLITICAL_THEORY 1');
    expect(await both(province.path, TODAY)).toHaveLength(4);
  });
});
