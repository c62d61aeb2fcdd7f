/**
 * The eligibility SQL must select exactly the people the engine finds eligible, on demo data, and
 * reading the stored standing (ADR 046) must select the same people as the base tables, before
 * and after random writes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { people, qualifications } from '../../db/schema/index';
import { pathWithin } from '../../lib/scope';
import { testBackends } from '../../test/db';
import { openDemoDb } from '../../test/fixtures/demo';
import { evaluateEligibility } from './eligibility.engine';
import { loadEligibilityVersions } from './eligibility.queries';
import { eligibleSql } from './eligibility.sql';
import { loadPeopleOnDate } from './person-facts.queries';
import { placeRules, rulesAt } from './rule-engine';
import { loadCodebook } from './rules.queries';
import { ensureStanding } from './standing';

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
      update people set party_member = true where id % 3 <> 0;
      update people set party_join_date = date '2026-05-01' where id % 31 = 0 and party_member;`);
  }, 120_000);

  afterAll(async () => cleanup?.());

  /** The eligible people of `purpose` on `asOf`, from the base tables or the stored standing. */
  async function eligibleIds(asOf: string, purpose: string, stored: boolean): Promise<number[]> {
    const db = handle.db;
    const [versions, book] = await Promise.all([loadEligibilityVersions(db), loadCodebook(db)]);
    const placements = placeRules(
      versions.filter((v) => v.purpose === purpose),
      asOf,
    );
    if (stored) await ensureStanding(db, asOf);
    return rowsOf<{ person_id: number }>(
      await db.execute(
        eligibleSql(
          placements,
          book,
          { asOf, scopePath: rootPath },
          sql`select distinct person_id from elig`,
          stored,
        ),
      ),
    )
      .map((r) => Number(r.person_id))
      .sort((a, b) => a - b);
  }

  it.each(DATES.flatMap((d) => PURPOSES.map((p) => [d, p])))('on %s for %s', async (asOf, purpose) => {
    const db = handle.db;
    const [versions, book] = await Promise.all([loadEligibilityVersions(db), loadCodebook(db)]);
    const placements = placeRules(
      versions.filter((v) => v.purpose === purpose),
      asOf,
    );
    const fromSql = await eligibleIds(asOf, purpose, false);

    const ids = (await db.select({ id: people.id }).from(people)).map((p) => p.id);
    const fromEngine: number[] = [];
    for (const p of await loadPeopleOnDate(db, ids, asOf)) {
      if (!p.facts || p.status !== 'WORKING' || !p.unitPath || !pathWithin(p.unitPath, rootPath)) continue;
      const rules = rulesAt(placements, p.unitPath);
      if (evaluateEligibility(rules, p.facts, p.quals, p.ratings, book, asOf).eligible)
        fromEngine.push(p.personId);
    }
    expect(fromSql).toEqual(fromEngine.sort((a, b) => a - b));
    // Intermediate political theory asks the group AND the standards (ADR 060): few on demo data.
    const some = purpose === 'POLITICAL_THEORY_INTERMEDIATE' ? 0 : 3;
    if (asOf >= '2025-07-01') expect(fromSql.length).toBeGreaterThan(some);
    expect(await eligibleIds(asOf, purpose, true)).toEqual(fromSql);
  });

  it('reads the same people from the stored standing after random writes', async () => {
    const asOf = DATES[DATES.length - 1];
    let seed = 46;
    const rnd = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const ids = (await handle.db.select({ id: people.id }).from(people))
      .map((p) => p.id)
      .sort((a, b) => a - b);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 10; i++) {
        const p = ids[rnd(ids.length)];
        const what = rnd(4);
        if (what === 0)
          await handle.db.insert(qualifications).values({
            personId: p,
            kind: 'POLITICAL_THEORY',
            level: rnd(2) ? 'TRUNG_CAP' : 'CAO_CAP',
            issuedOn: '2024-06-01',
          });
        else if (what === 1)
          await handle.exec(`update qualifications set deleted_at = now()
            where id = (select min(id) from qualifications where person_id = ${p} and deleted_at is null)`);
        else if (what === 2)
          await handle.exec(`update person_history set category = case category when 'CBX' then 'CC' else 'CBX' end
            where person_id = ${p} and valid_to is null`);
        else await handle.exec(`update people set birth_date = date '1990-01-01' where id = ${p}`);
      }
      for (const purpose of PURPOSES)
        expect({ round, purpose, ids: await eligibleIds(asOf, purpose, true) }).toEqual({
          round,
          purpose,
          ids: await eligibleIds(asOf, purpose, false),
        });
    }
  });
});
