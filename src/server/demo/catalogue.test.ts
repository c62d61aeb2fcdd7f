import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { overlapPairs } from '../modules/catalogue/overlap';
import { testBackends } from '../test/db';
import { openSeededDemo } from '../test/fixtures/demo';
import { DEMO_PROGRAMMES } from './catalogue-data';
import { SCHOOL_NAME } from './quang-ninh';
import { queryRows } from './sql-util';

describe.each(testBackends())('demo catalogue on %s', (kind) => {
  let h: DbHandle;
  let cleanup: () => Promise<void>;
  const rows = <T>(q: string) => queryRows<T>(h.db, q);

  beforeAll(async () => {
    ({ handle: h, cleanup } = await openSeededDemo(kind, {
      people: 400,
      seed: 11,
      today: new Date('2026-11-20T08:00:00Z'),
    }));
  }, 60_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('fills the catalogue: programmes of every kind with topics within their periods', async () => {
    const [c] = await rows<{ programmes: number; kinds: number; over: number; empty: number }>(`
      select count(*)::int as programmes, count(distinct kind)::int as kinds,
        count(*) filter (where (select sum(periods) from programme_topics t where t.programme_id = p.id) > p.periods)::int as over,
        count(*) filter (where not exists (select 1 from programme_topics t where t.programme_id = p.id))::int as empty
      from programmes p`);
    expect(c).toEqual({ programmes: DEMO_PROGRAMMES.length, kinds: 12, over: 0, empty: 0 });
    expect(c.programmes).toBeGreaterThanOrEqual(25);
    // Every code is a known code of its list (the admin UI and filters rely on it).
    const unknown = await rows<{ code: string }>(`
      select p.code from programmes p where not exists (select 1 from code_items c
        where c.list = 'programme_kind' and c.code = p.kind)
        or (p.level is not null and not exists (select 1 from code_items c where c.list = 'level_' || p.kind and c.code = p.level))
        or (p.grants_kind is not null and not exists (select 1 from code_items c
          where c.list = 'level_' || p.grants_kind and c.code = p.grants_level))`);
    expect(unknown).toEqual([]);
  });

  it('has deliberate topic overlaps for the report', async () => {
    const topics = await rows<{
      id: number;
      code: string;
      topics: { topicCode: string; name: string; periods: number }[];
    }>(`
      select p.id, p.code, json_agg(json_build_object('topicCode', t.topic_code, 'name', t.name, 'periods', t.periods)) as topics
      from programmes p join programme_topics t on t.programme_id = p.id group by p.id, p.code`);
    const pairs = overlapPairs(
      topics.map((t) => ({
        ...t,
        nameVi: t.code,
        nameEn: t.code,
        topics: typeof t.topics === 'string' ? JSON.parse(t.topics) : t.topics,
      })),
    );
    const names = pairs.map((p) => `${p.a.code}/${p.b.code}`);
    expect(names).toContain('QLNN-CV/LD-PHONG');
    expect(pairs.length).toBeGreaterThan(10);
  });

  it('links the political school to its org unit and gives it its own lecturers', async () => {
    const [school] = await rows<{ linked: string; lecturers: number; internal: number; hours: number }>(`
      select u.name as linked,
        (select count(*)::int from lecturer_institutions li where li.institution_id = i.id) as lecturers,
        (select count(*)::int from lecturers l where l.owner_unit_id = u.id and l.kind = 'internal') as internal,
        (select count(*)::int from lecturer_hours where source = 'manual') as hours
      from institutions i join org_units u on u.id = i.org_unit_id where i.kind = 'PROVINCIAL_SCHOOL'`);
    expect(school.linked).toBe(SCHOOL_NAME);
    expect(school.internal).toBeGreaterThan(0);
    expect(school.lecturers).toBeGreaterThan(school.internal);
    const [all] = await rows<{ n: number; institutions: number }>(
      `select (select count(*)::int from lecturers) as n, (select count(*)::int from institutions) as institutions`,
    );
    expect(all.institutions).toBeGreaterThanOrEqual(8);
    expect(all.n).toBeGreaterThanOrEqual(30);
    // Two typed years each; the periods of demo classes come on top as source classes.
    expect(school.hours).toBe(all.n * 2);
  });
});
