import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { testBackends } from '../test/db';
import { openSeededDemo } from '../test/fixtures/demo';
import { queryRows } from './sql-util';

/** The past years' classes of the demo (generateClassHistory), seeded on 20/11/2026. */
describe.each(testBackends())('demo class history on %s', (kind) => {
  let h: DbHandle;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ handle: h, cleanup } = await openSeededDemo(kind, {
      people: 400,
      seed: 5,
      today: new Date('2026-11-20T08:00:00Z'),
    }));
  }, 90_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('adds 30 classes over 2021-2025, closed but one cancelled, with a history that matches', async () => {
    const rows = await queryRows<{ year: number; status: string; n: number }>(
      h.db,
      `select year, status, count(*)::int as n from classes where code like 'G%' group by 1, 2 order by 1, 2`,
    );
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(30);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2021, 2022, 2023, 2024, 2025]));
    expect(rows.filter((r) => r.status !== 'closed')).toEqual([{ year: 2023, status: 'cancelled', n: 1 }]);
    const [noEvents] = await queryRows<{ n: number }>(
      h.db,
      // The demo's class history covers the normal path; a cancelled class has none.
      `select count(*)::int as n from classes c where code like 'G%' and status <> 'cancelled'
        and not exists (select 1 from class_events e where e.class_id = c.id)`,
    );
    expect(noEvents.n).toBe(0);
  });

  it("sends people working in the organiser's subtree on the first day, and counts the seats", async () => {
    const [bad] = await queryRows<{ n: number }>(
      h.db,
      `select count(*)::int as n from class_nominations n join classes c on c.id = n.class_id
        join org_units ou on ou.id = c.organiser_unit_id join org_units su on su.id = n.unit_id
        where c.code like 'G%' and not (su.path <@ ou.path and exists (select 1 from person_history h
          where h.person_id = n.person_id and h.unit_id = n.unit_id and h.status = 'WORKING'
            and h.valid_from <= c.starts_on and (h.valid_to is null or h.valid_to > c.starts_on)))`,
    );
    expect(bad.n).toBe(0);
    const [seats] = await queryRows<{ wrong: number; approved: number }>(
      h.db,
      `select count(*) filter (where c.seats_taken <> (select count(*) from class_nominations n
          where n.class_id = c.id and n.status in ('pending', 'approved')))::int as wrong,
        (select count(*) from class_nominations n join classes c2 on c2.id = n.class_id
          where c2.code like 'G%' and n.status = 'approved')::int as approved
       from classes c where c.code like 'G%'`,
    );
    expect(seats.wrong).toBe(0);
    expect(seats.approved).toBeGreaterThan(100);
  });
});
