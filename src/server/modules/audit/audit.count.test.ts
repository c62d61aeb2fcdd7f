import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { COUNT_CAP } from '../../lib/bounded-count';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';

/** The audit log only grows: its list says "more than" past COUNT_CAP and still pages (ADR 032). */
describe.each(testBackends())('audit log totals (%s)', (kind) => {
  const t = useTestApp(kind);

  it('counts a long log as "more than", pages past the cap, counts a filtered one exactly', async () => {
    const n = COUNT_CAP + 5;
    await t.handle.db.execute(sql`
      insert into audit_log (action, entity, entity_id, scope_path)
      select 'bulk.test', 'probe', i::text, ${t.communeA.path}::ltree from generate_series(1, ${n}) i`);
    const admin = await t.as('admin', t.root);
    const get = async (query: string) => {
      const res = await t.call(admin, { method: 'GET', url: `/api/audit?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect(await get('entity=probe&pageSize=10')).toMatchObject({
      total: COUNT_CAP,
      totalIsLowerBound: true,
    });
    // Newest first: the last page past the cap holds the 5 oldest.
    const tail = await get(`entity=probe&pageSize=50&page=${COUNT_CAP / 50 + 1}`);
    expect(tail.items.map((e: { entityId: string }) => e.entityId)).toEqual(['5', '4', '3', '2', '1']);
    expect(await get('entity=probe&entityId=77')).toMatchObject({ total: 1, totalIsLowerBound: false });
    // An admin of another subtree sees none of it.
    const other = await t.as('admin', t.communeB);
    const theirs = (await t.call(other, { method: 'GET', url: '/api/audit?entity=probe' })).json();
    expect(theirs).toMatchObject({ items: [], total: 0, totalIsLowerBound: false });
  }, 60_000);
});
