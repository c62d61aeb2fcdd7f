import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { openTestDb, testBackends } from '../test/db';
import { implausibleClasses } from './plausibility';
import { seedDemo } from './seed-demo';
import { queryRows } from './sql-util';

describe.each(testBackends())('a demo that looks like a real December (%s)', (kind) => {
  let h: DbHandle;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle: h, cleanup } = await openTestDb(kind));
    await seedDemo(h, { people: 200, seed: 5, pastClasses: 30, today: new Date('2026-12-06T03:00:00Z') });
  }, 120_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('makes no class implausible for its programme (length, organiser level, in force)', async () => {
    expect(await implausibleClasses(h.db)).toEqual([]);
  });

  it('teaches "pháp luật mới năm 2025" (CNKT-PL-2025) from 2025 only, by year and by date', async () => {
    const [prog] = await queryRows<{ from: string }>(
      h.db,
      sql`select effective_from::text as from from programmes where code = 'CNKT-PL-2025'`,
    );
    expect(prog.from >= '2025-01-01').toBe(true);
    const early = await queryRows<{ code: string; year: number; starts: string }>(
      h.db,
      sql`select c.code, c.year, c.starts_on::text as starts from classes c join programmes p on p.id = c.programme_id
        where p.code = 'CNKT-PL-2025' and (c.year < 2025 or c.starts_on < '2025-01-01')`,
    );
    expect(early).toEqual([]);
  });

  it('finds a class that is implausible', async () => {
    await h.db.execute(
      "update classes set ends_on = starts_on + 2 where id = (select min(id) from classes where status <> 'cancelled')",
    );
    const found = await implausibleClasses(h.db);
    expect(found.map((f) => f.why)).toContain('length');
  });
});
