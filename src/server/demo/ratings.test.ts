import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { testBackends } from '../test/db';
import { openSeededDemo } from '../test/fixtures/demo';
import { seedDemoRatings } from './ratings';
import { queryRows } from './sql-util';

const today = new Date('2026-11-20T08:00:00Z');

describe.each(testBackends())('demo ratings on %s', (kind) => {
  let h: DbHandle;
  let cleanup: () => Promise<void>;
  const rows = <T>(q: string) => queryRows<T>(h.db, q);

  beforeAll(async () => {
    ({ handle: h, cleanup } = await openSeededDemo(kind, { people: 400, seed: 11, today }));
  }, 60_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('rates, for each of the three years before today, exactly the people working at its end', async () => {
    const gaps = await rows<{ year: number; working: number; rated: number; wrongUnit: number }>(`
      with y(year) as (values (2023), (2024), (2025)),
      s as (
        select y.year, p.id, h.unit_id, h.status from people p cross join y
        join lateral (select unit_id, status from person_history h where h.person_id = p.id
          and h.valid_from <= make_date(y.year,12,31) and (h.valid_to is null or h.valid_to > make_date(y.year,12,31))
          order by h.valid_from desc, h.id desc limit 1) h on true)
      select s.year,
        count(*) filter (where s.status = 'WORKING')::int as working,
        count(r.id)::int as rated,
        count(r.id) filter (where r.unit_id <> s.unit_id or s.status <> 'WORKING')::int as "wrongUnit"
      from s left join annual_ratings r on r.person_id = s.id and r.year = s.year
      group by s.year order by s.year`);
    expect(gaps.map((g) => g.year)).toEqual([2023, 2024, 2025]);
    for (const g of gaps) {
      expect(g.working).toBeGreaterThan(300);
      expect(g.rated).toBe(g.working);
      expect(g.wrongUnit).toBe(0);
    }
    const other = await rows<{ n: number }>(
      'select count(*)::int as n from annual_ratings where year not in (2023, 2024, 2025) or points is not null',
    );
    expect(other[0].n).toBe(0);
  });

  it('draws a plausible spread, rewards some excellent and reprimands some failed', async () => {
    const spread = await rows<{ rating: string; n: number }>(
      'select rating, count(*)::int as n from annual_ratings group by rating',
    );
    const by = Object.fromEntries(spread.map((s) => [s.rating, s.n]));
    const total = spread.reduce((a, s) => a + s.n, 0);
    expect(by.GOOD / total).toBeGreaterThan(0.55);
    expect(by.EXCELLENT / total).toBeGreaterThan(0.05);
    expect(by.EXCELLENT / total).toBeLessThan(0.15);
    expect(by.FAILED).toBeGreaterThan(0);
    const mismatched = await rows<{ n: number }>(`
      select count(*)::int as n from rewards_discipline d
      where not exists (select 1 from annual_ratings r where r.person_id = d.person_id
        and r.year = extract(year from d.decided_on)::int - 1
        and r.rating = case d.kind when 'reward' then 'EXCELLENT' else 'FAILED' end)`);
    expect(mismatched[0].n).toBe(0);
    const kinds = await rows<{ kind: string }>('select distinct kind from rewards_discipline order by kind');
    expect(kinds.map((k) => k.kind)).toEqual(['discipline', 'reward']);
  });

  it('gives 2026+ ratings points inside their band and keeps a typed rating already there', async () => {
    const [p] = await rows<{ id: number }>(
      "select id from people where status = 'WORKING' order by id limit 1",
    );
    await rows(`insert into annual_ratings (person_id, year, rating, unit_id, source)
       select id, 2026, 'FAILED', unit_id, 'typed' from people where id = ${p.id}`);
    const res = await seedDemoRatings(h.db, { years: [2026] });
    expect(res.ratings).toBeGreaterThan(300);
    const bad = await rows<{ n: number }>(`
      select count(*)::int as n from annual_ratings where year = 2026 and source = 'imported' and not (
        (rating = 'EXCELLENT' and points >= 90) or (rating = 'GOOD' and points >= 70 and points < 90)
        or (rating = 'COMPLETED' and points >= 50 and points < 70) or (rating = 'FAILED' and points < 50))`);
    expect(bad[0].n).toBe(0);
    const kept = await rows<{ rating: string; source: string }>(
      `select rating, source from annual_ratings where person_id = ${p.id} and year = 2026`,
    );
    expect(kept).toEqual([{ rating: 'FAILED', source: 'typed' }]);
  });
});
