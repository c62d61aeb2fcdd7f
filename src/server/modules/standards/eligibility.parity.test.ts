/** The eligibility SQL must select exactly the people the engine finds eligible, on demo data. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { people } from '../../db/schema/index';
import { pathWithin } from '../../lib/scope';
import { testBackends } from '../../test/db';
import { openDemoDb } from '../../test/fixtures/demo';
import { evaluateEligibility } from './eligibility.engine';
import { loadEligibilityVersions } from './eligibility.queries';
import { eligibleSql } from './eligibility.sql';
import { loadPeopleOnDate } from './person-facts.queries';
import { placeRules, rulesAt } from './rule-engine';
import { loadCodebook } from './rules.queries';

const DATES = ['2025-03-01', '2025-09-01', '2026-02-28', '2026-11-20'];
const PURPOSES = ['POLITICAL_THEORY_INTERMEDIATE', 'POLITICAL_THEORY_ADVANCED', 'POSTGRADUATE'];

describe.each(testBackends())('eligibility SQL = engine (%s)', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let rootPath: string;

  beforeAll(async () => {
    const demo = await openDemoDb(kind, 300, 5);
    handle = demo.handle;
    cleanup = demo.cleanup;
    rootPath = demo.root.path;
    await handle.exec(`
      insert into annual_ratings (person_id, year, rating, unit_id)
        select id, y, (array['EXCELLENT','GOOD','GOOD','GOOD','COMPLETED','FAILED'])[1 + (id * 7 + y) % 6], unit_id
        from people, generate_series(2022, 2026) y where (id + y) % 5 <> 0;
      update people set birth_date = date '1980-11-20' where id % 23 = 0;
      update people set service_start = date '2022-11-21' where id % 29 = 0;
      update people set party_join_date = date '2026-05-01' where id % 31 = 0 and party_member;`);
  }, 120_000);

  afterAll(async () => cleanup?.());

  it.each(DATES.flatMap((d) => PURPOSES.map((p) => [d, p])))('on %s for %s', async (asOf, purpose) => {
    const db = handle.db;
    const [versions, book] = await Promise.all([loadEligibilityVersions(db), loadCodebook(db)]);
    const placements = placeRules(
      versions.filter((v) => v.purpose === purpose),
      asOf,
    );
    const fromSql = rowsOf<{ person_id: number }>(
      await db.execute(
        eligibleSql(
          placements,
          book,
          { asOf, scopePath: rootPath },
          sql`select distinct person_id from elig`,
        ),
      ),
    )
      .map((r) => Number(r.person_id))
      .sort((a, b) => a - b);

    const ids = (await db.select({ id: people.id }).from(people)).map((p) => p.id);
    const fromEngine: number[] = [];
    for (const p of await loadPeopleOnDate(db, ids, asOf)) {
      if (!p.facts || p.status !== 'WORKING' || !p.unitPath || !pathWithin(p.unitPath, rootPath)) continue;
      const rules = rulesAt(placements, p.unitPath);
      if (evaluateEligibility(rules, p.facts, p.quals, p.ratings, book, asOf).eligible)
        fromEngine.push(p.personId);
    }
    expect(fromSql).toEqual(fromEngine.sort((a, b) => a - b));
    if (asOf >= '2025-07-01') expect(fromSql.length).toBeGreaterThan(3);
  });
});
