import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { COUNT_CAP } from '../../lib/bounded-count';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson, makeUnit } from '../../test/fixtures/org';

/** Lists count exactly up to COUNT_CAP, then say "more than" and still page on (ADR 032). */
describe.each(testBackends())('people list totals (%s)', (kind) => {
  const t = useTestApp(kind);
  const BIG = COUNT_CAP + 60;

  it('counts a large scope as "more than", pages past the cap, and counts small ones exactly', async () => {
    const big = await makeUnit(t.handle.db, { parent: t.communeA, name: 'Sở Rất Đông' });
    // Names "Nguyễn Văn Số 00001".., in roster order by their number.
    await t.handle.db.execute(sql`
      insert into people (full_name, search_name, sort_key, gender, category, unit_id)
      select 'Nguyễn Văn Số ' || lpad(i::text, 5, '0'), 'nguyen van so ' || lpad(i::text, 5, '0'),
             'k' || lpad(i::text, 5, '0'), 'M', 'CC', ${big.id}
      from generate_series(1, ${BIG}) i`);
    await makePerson(t.handle.db, t.communeB, { fullName: 'Trần Thị Xa' });
    const s = await t.as('viewer', t.root);
    const get = async (query: string) => {
      const res = await t.call(s, { method: 'GET', url: `/api/people?${query}` });
      expect(res.statusCode, query).toBe(200);
      return res.json();
    };

    const first = await get(`unitId=${big.id}&pageSize=50`);
    expect(first).toMatchObject({ total: COUNT_CAP, totalIsLowerBound: true, page: 1, pageSize: 50 });
    expect(first.items[0].fullName).toBe('Nguyễn Văn Số 00001');
    // The whole province too (the big unit is under it).
    expect(await get('pageSize=1')).toMatchObject({ total: COUNT_CAP, totalIsLowerBound: true });

    // Past the cap the pages still come, forwards, then run out.
    const past = await get(`unitId=${big.id}&pageSize=50&page=201`);
    expect(past.items.map((p: { fullName: string }) => p.fullName)[0]).toBe('Nguyễn Văn Số 10001');
    expect(past.items).toHaveLength(50);
    const last = await get(`unitId=${big.id}&pageSize=50&page=202`);
    expect(last.items.map((p: { fullName: string }) => p.fullName)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Nguyễn Văn Số ${10051 + i}`),
    );
    expect((await get(`unitId=${big.id}&pageSize=50&page=203`)).items).toEqual([]);

    // A search that narrows it is counted exactly, in both directions of paging.
    const found = await get(`unitId=${big.id}&q=${encodeURIComponent('số 1000')}&pageSize=4&page=3`);
    // "số 1000" is in 10000..10009 only (numbers are padded: 01000).
    expect(found).toMatchObject({ total: 10, totalIsLowerBound: false });
    expect(found.items.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Nguyễn Văn Số 10008',
      'Nguyễn Văn Số 10009',
    ]);
    // A sparse name search (matches sorted) pages the same as the roster order; page 2 is read from the end.
    const want = Array.from(
      { length: BIG },
      (_, i) => `Nguyễn Văn Số ${String(i + 1).padStart(5, '0')}`,
    ).filter((n) => n.includes('Số 100'));
    expect(want).toHaveLength(61);
    const pages: string[] = [];
    for (let page = 1; page <= 2; page++) {
      const res = await get(`q=${encodeURIComponent('so 100')}&pageSize=50&page=${page}`);
      expect(res).toMatchObject({ total: 61, totalIsLowerBound: false });
      pages.push(...res.items.map((p: { fullName: string }) => p.fullName));
    }
    expect(pages).toEqual(want);
    // A name nearly everyone has walks the roster order instead.
    const common = await get(`q=${encodeURIComponent('nguyễn')}&pageSize=3&page=2`);
    expect(common).toMatchObject({ total: COUNT_CAP, totalIsLowerBound: true });
    expect(common.items.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Nguyễn Văn Số 00004',
      'Nguyễn Văn Số 00005',
      'Nguyễn Văn Số 00006',
    ]);
    // Its matches sorted in one statement (the planner expects few enough) page to the end the
    // same, and still say "more than" past the cap; past the end, nothing.
    const commonEnd = await get(`q=${encodeURIComponent('nguyen van')}&pageSize=50&page=202`);
    expect(commonEnd).toMatchObject({ total: COUNT_CAP, totalIsLowerBound: true });
    expect(commonEnd.items.map((p: { fullName: string }) => p.fullName)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Nguyễn Văn Số ${10051 + i}`),
    );
    expect(await get(`q=${encodeURIComponent('nguyen van')}&pageSize=50&page=203`)).toMatchObject({
      items: [],
      total: COUNT_CAP,
      totalIsLowerBound: true,
    });
    const exactly = await get(`unitId=${t.communeB.id}`);
    expect(exactly).toMatchObject({ total: 1, totalIsLowerBound: false });

    // Another subtree sees none of them.
    const b = await t.as('viewer', t.communeB);
    const theirs = (await t.call(b, { method: 'GET', url: '/api/people?pageSize=5' })).json();
    expect(theirs).toMatchObject({ total: 1, totalIsLowerBound: false });
    expect((await t.call(b, { method: 'GET', url: `/api/people?unitId=${big.id}` })).statusCode).toBe(404);
  }, 60_000);

  // drizzle leaves out `.offset(0)`; without the fence PostgreSQL walked the sort index for a
  // common name's matches (9.2 s at 2.5 M instead of 0.35 s). The statement must carry it.
  it.runIf(kind === 'postgres')('sends the matches of a name search behind an offset 0 fence', async () => {
    await makePerson(t.handle.db, t.communeA, { fullName: 'Nguyễn Văn Hùng' });
    const s = await t.as('viewer', t.root);
    const sent: string[] = [];
    const query = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...a) {
      const q = a[0] as string | { text?: string };
      sent.push(typeof q === 'string' ? q : (q?.text ?? ''));
      return (query as (...x: unknown[]) => unknown).apply(this, a) as never;
    });
    try {
      const res = await t.call(s, { method: 'GET', url: `/api/people?q=${encodeURIComponent('văn hùng')}` });
      expect(res.json()).toMatchObject({ total: 1, items: [{ fullName: 'Nguyễn Văn Hùng' }] });
    } finally {
      spy.mockRestore();
    }
    const page = sent.find((q) => q.includes('"found"'));
    expect(page).toMatch(/offset 0\) "found"/);
  });
});
