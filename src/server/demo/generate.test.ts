import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { foldText } from '../../contracts/text';
import type { DbHandle } from '../db/client';
import { codeItems } from '../db/schema/index';
import { csvField } from '../lib/csv-write';
import { seedCodeLists } from '../modules/codes/seed-codes';
import { type Backend, openTestDb, testBackends } from '../test/db';
import { makeUnit } from '../test/fixtures/org';
import { generatePeople } from './generate';
import { PersonFactory } from './person-factory';
import { COMMUNES, DISTRICTS } from './quang-ninh';
import { DEMO_LOGINS, isDatabaseEmpty, seedDemo } from './seed-demo';
import { queryRows } from './sql-util';
import { loadUnitProfiles } from './unit-profile';

const N = 300;
const SEED = 7;
/** Names per backend, to check that PGlite and PostgreSQL get the same people. */
const namesByBackend = new Map<Backend, string[]>();

const rows = <T>(h: DbHandle, q: string | ReturnType<typeof sql>) => queryRows<T>(h.db, q);
const one = async (h: DbHandle, q: string) =>
  Number(Object.values((await rows<Record<string, unknown>>(h, q))[0])[0]);

describe.each(testBackends())('demo province on %s', (kind) => {
  let h: DbHandle;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ handle: h, cleanup } = await openTestDb(kind));
    expect(await isDatabaseEmpty(h.db)).toBe(true);
    const progress: number[] = [];
    expect(await seedDemo(h, { people: N, seed: SEED, onProgress: (done) => progress.push(done) })).toBe(
      true,
    );
    expect(progress.at(0)).toBe(0);
    expect(progress.at(-1)).toBe(N);
  }, 60_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('seeds only an empty database', async () => {
    expect(await isDatabaseEmpty(h.db)).toBe(false);
    expect(await seedDemo(h, { people: 10 })).toBe(false);
    expect(await one(h, 'SELECT count(*) FROM people')).toBe(N);
  });

  it('builds the post-2025 province with dissolved districts and their successors', async () => {
    expect(await one(h, "SELECT count(*) FROM org_units WHERE level = 'commune' AND valid_to IS NULL")).toBe(
      COMMUNES.length,
    );
    expect(COMMUNES.length).toBeGreaterThanOrEqual(28);
    const districts = await rows<{ valid_to: string; successor_level: string; successor_open: boolean }>(
      h,
      `SELECT d.valid_to::text AS valid_to, s.level AS successor_level, s.valid_to IS NULL AS successor_open
         FROM org_units d JOIN org_units s ON s.id = d.successor_id WHERE d.level = 'district'`,
    );
    expect(districts).toHaveLength(DISTRICTS.length);
    for (const d of districts)
      expect(d).toEqual({ valid_to: '2025-07-01', successor_level: 'commune', successor_open: true });
    expect(
      await one(h, "SELECT count(*) FROM org_units WHERE level = 'district' AND successor_id IS NULL"),
    ).toBe(0);
    // Old communes hang under their district and point at a current commune.
    expect(
      await one(
        h,
        `SELECT count(*) FROM org_units o JOIN org_units p ON p.id = o.parent_id JOIN org_units s ON s.id = o.successor_id
          WHERE o.level = 'commune' AND o.valid_to IS NOT NULL AND p.level = 'district' AND s.valid_to IS NULL`,
      ),
    ).toBe(DISTRICTS.reduce((n, d) => n + d.communes.length, 0));
    // Each commune has its party, committee and front units.
    expect(
      await one(
        h,
        `SELECT count(*) FROM org_units c WHERE c.level = 'commune' AND c.valid_to IS NULL
            AND (SELECT count(*) FROM org_units s WHERE s.parent_id = c.id) <> 3`,
      ),
    ).toBe(0);
    const units = await rows<{
      id: number;
      name: string;
      search_name: string;
      path: string;
      parent_path: string | null;
      code: string | null;
      level: string;
    }>(
      h,
      `SELECT u.id, u.name, u.search_name, u.path::text AS path, p.path::text AS parent_path, u.code, u.level
         FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id`,
    );
    for (const u of units) {
      expect(u.path).toBe(u.parent_path ? `${u.parent_path}.${u.id}` : String(u.id));
      expect(u.search_name).toBe(foldText(u.name));
      expect(u.search_name).toMatch(/^[\x20-\x7e]+$/);
      if (u.level === 'commune') expect(u.code).toMatch(/^\d{5}$/);
    }
    expect(await one(h, 'SELECT count(*) FROM org_unit_versions')).toBe(units.length);
    expect(await one(h, "SELECT count(*) FROM org_events WHERE kind = 'create'")).toBe(1);
    expect(await one(h, "SELECT count(*) FROM org_events WHERE kind = 'merge'")).toBeGreaterThan(10);
  });

  it('places every person in a current commune or agency, with sound identity numbers', async () => {
    expect(
      await one(
        h,
        `SELECT count(*) FROM people p JOIN org_units u ON u.id = p.unit_id
          WHERE u.valid_to IS NULL AND u.level IN ('commune', 'agency')`,
      ),
    ).toBe(N);
    const people = await rows<{
      personal_id: string;
      birth_date: string;
      gender: string;
      full_name: string;
      search_name: string;
    }>(
      h,
      'SELECT personal_id, birth_date::text AS birth_date, gender, full_name, search_name FROM people ORDER BY id',
    );
    expect(new Set(people.map((p) => p.personal_id)).size).toBe(N);
    for (const p of people) {
      expect(p.personal_id).toMatch(/^022\d{9}$/);
      const year = Number(p.birth_date.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(1966);
      expect(year).toBeLessThanOrEqual(2002);
      const genderCentury = (p.gender === 'F' ? 1 : 0) + (year >= 2000 ? 2 : 0);
      expect(p.personal_id[3]).toBe(String(genderCentury));
      expect(p.personal_id.slice(4, 6)).toBe(String(year % 100).padStart(2, '0'));
      expect(p.search_name).toBe(foldText(p.full_name));
      expect(p.full_name.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    namesByBackend.set(
      kind,
      people.map((p) => p.full_name),
    );
    const nguyen = people.filter((p) => p.full_name.startsWith('Nguyễn ')).length / N;
    expect(nguyen).toBeGreaterThan(0.22);
    expect(nguyen).toBeLessThan(0.5);
    const women = people.filter((p) => p.gender === 'F').length / N;
    expect(women).toBeGreaterThan(0.35);
    expect(women).toBeLessThan(0.65);
  });

  it('has a realistic mix of categories, ranks, leaders and qualifications', async () => {
    const count = (where: string) => one(h, `SELECT count(*) FROM people p WHERE ${where}`);
    // Commune staff were "CBX" until 30 June 2025 and cadres or civil servants since (ADR 043).
    expect(await count("category = 'CBX' AND status = 'WORKING'")).toBe(0);
    expect(
      await one(h, "SELECT count(DISTINCT person_id) FROM person_history WHERE category = 'CBX'"),
    ).toBeGreaterThan(N * 0.3);
    expect(
      await one(
        h,
        `SELECT count(*) FROM person_history h WHERE h.category = 'CBX'
           AND (h.valid_to IS NULL OR h.valid_to > '2025-07-01') AND EXISTS (SELECT 1 FROM people p
             WHERE p.id = h.person_id AND p.status = 'WORKING')`,
      ),
    ).toBe(0);
    expect(
      await one(
        h,
        `SELECT count(*) FROM person_history a JOIN person_history b ON b.person_id = a.person_id
           AND b.valid_from = '2025-07-01' AND b.category IN ('CB', 'CC')
         WHERE a.category = 'CBX' AND a.valid_to = '2025-07-01'`,
      ),
    ).toBeGreaterThan(N * 0.3);
    expect(await count("category = 'CC'")).toBeGreaterThan(N * 0.1);
    expect(await count("category = 'VC'")).toBeGreaterThan(N * 0.05);
    expect(await count("rank = 'CV'")).toBeGreaterThan(N * 0.4);
    expect(await count("leadership_tier <> 'NONE'")).toBeGreaterThan(N * 0.1);
    expect(await count("leadership_tier <> 'NONE' AND appointed_on IS NULL")).toBe(0);
    expect(await count("leadership_tier = 'NONE' AND appointed_on IS NOT NULL")).toBe(0);
    expect(await count('service_start < birth_date + 22 * 365')).toBe(0);
    expect(await count('party_member AND party_join_date IS NULL')).toBe(0);
    expect(await count("status = 'WORKING'")).toBeGreaterThan(N * 0.9);
    const quals = await one(h, 'SELECT count(*) FROM qualifications');
    expect(quals).toBeGreaterThan(N * 2);
    expect(quals).toBeLessThan(N * 4);
    expect(
      await one(
        h,
        "SELECT count(*) FROM qualifications WHERE source <> 'imported' OR issued_on > '2026-06-30'",
      ),
    ).toBe(0);
    const university = await count(
      "EXISTS (SELECT 1 FROM qualifications q WHERE q.person_id = p.id AND q.kind = 'EDUCATION' AND q.level IN ('DAI_HOC', 'THAC_SI', 'TIEN_SI'))",
    );
    expect(university / N).toBeGreaterThan(0.75);
    expect(university / N).toBeLessThan(0.95);
    const theory = await count(
      "EXISTS (SELECT 1 FROM qualifications q WHERE q.person_id = p.id AND q.kind = 'POLITICAL_THEORY')",
    );
    expect(theory / N).toBeGreaterThan(0.45);
    expect(theory / N).toBeLessThan(0.88); // a small province has proportionally more leaders
    // Every qualification level is a code of its kind's level list.
    expect(
      await one(
        h,
        `SELECT count(*) FROM qualifications q
          WHERE NOT EXISTS (SELECT 1 FROM code_items c WHERE c.list = 'level_' || q.kind AND c.code = q.level)`,
      ),
    ).toBe(0);
  });

  it('keeps dated history, with the old commune before 1 July 2025', async () => {
    expect(
      await one(
        h,
        'SELECT count(*) FROM people p WHERE (SELECT count(*) FROM person_history x WHERE x.person_id = p.id AND x.valid_to IS NULL) <> 1',
      ),
    ).toBe(0);
    const old = await rows<{ n: number | string }>(
      h,
      `SELECT count(*) AS n FROM person_history x JOIN org_units u ON u.id = x.unit_id
        WHERE u.valid_to = '2025-07-01' AND u.level = 'commune' AND x.valid_to = '2025-07-01'`,
    );
    expect(Number(old[0].n)).toBeGreaterThan(N * 0.1);
    expect(
      await one(
        h,
        'SELECT count(*) FROM person_history WHERE valid_to IS NOT NULL AND valid_to <= valid_from',
      ),
    ).toBe(0);
  });

  it('creates the demo logins, the learner linked to a person of Xã Đầm Hà', async () => {
    const users = await rows<{
      username: string;
      role: string;
      person_id: number | null;
      in_commune: boolean;
    }>(
      h,
      `SELECT u.username, u.role, u.person_id,
              EXISTS (SELECT 1 FROM people p JOIN org_units pu ON pu.id = p.unit_id JOIN org_units s ON s.id = u.scope_unit_id
                       WHERE p.id = u.person_id AND pu.path <@ s.path AND s.name = 'Xã Đầm Hà') AS in_commune
         FROM users u ORDER BY u.username`,
    );
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_LOGINS.map((l) => l.username).sort());
    const learner = users.find((u) => u.role === 'learner')!;
    expect(learner.person_id).not.toBeNull();
    expect(learner.in_commune).toBe(true);
  });

  it('seeds code lists idempotently, keeping an admin relabel', async () => {
    await h.db
      .update(codeItems)
      .set({ labelVi: 'Cán bộ (sửa)' })
      .where(sql`${codeItems.list} = 'category' AND ${codeItems.code} = 'CB'`);
    expect(await seedCodeLists(h.db)).toBe(0);
    const [cb] = await h.db
      .select()
      .from(codeItems)
      .where(sql`${codeItems.list} = 'category' AND ${codeItems.code} = 'CB'`);
    expect(cb.labelVi).toBe('Cán bộ (sửa)');
    expect(await one(h, "SELECT count(*) FROM code_items WHERE list = 'level_EDUCATION' AND built_in")).toBe(
      5,
    );
  });

  it('is deterministic for a seed, and the same on every backend', async () => {
    const profiles = await loadUnitProfiles(h);
    const a = new PersonFactory(profiles, 99, { expectedPeople: 200 });
    const b = new PersonFactory(profiles, 99, { expectedPeople: 200 });
    for (let i = 1; i <= 200; i++) expect(a.next(i)).toEqual(b.next(i));
    const names = namesByBackend.get(kind)!;
    for (const other of namesByBackend.values()) expect(other).toEqual(names);
  });

  it('adds people to an existing tree with fresh ids and unique identity numbers', async () => {
    const before = await one(h, 'SELECT max(id) FROM people');
    // The same seed draws the same identity numbers again: those already taken are drawn anew.
    const redraws = vi.spyOn(PersonFactory.prototype, 'reassignPersonalId');
    const r = await generatePeople(h, { people: 120, seed: SEED, chunkSize: 50 });
    expect(redraws).toHaveBeenCalled();
    redraws.mockRestore();
    expect(r.firstPersonId).toBe(before + 1);
    expect(await one(h, 'SELECT count(DISTINCT personal_id) FROM people')).toBe(N + 120);
    // Identity sequences were moved past the explicit ids.
    const [next] = await rows<{ id: number }>(
      h,
      sql`INSERT INTO code_items (list, code, label_vi, label_en) VALUES ('x', 'y', 'x', 'y') RETURNING 1 AS id`,
    );
    expect(next).toBeTruthy();
    const [q] = await rows<{ id: number }>(
      h,
      sql`INSERT INTO qualifications (person_id, kind, level) VALUES (1, 'IT', 'CO_BAN') RETURNING id`,
    );
    expect(Number(q.id)).toBeGreaterThan(r.qualifications);
  });
});

describe('generatePeople on a tree built by users (PGlite)', () => {
  it('uses any current communes and agencies, rebuilding indexes in bulk mode', async () => {
    const { handle: h, cleanup } = await openTestDb('pglite');
    try {
      await seedCodeLists(h.db);
      const root = await makeUnit(h.db, { name: 'Tỉnh Thử', validFrom: '2000-01-01' });
      const commune = await makeUnit(h.db, { parent: root, name: 'Xã Bình Minh' });
      const agency = await makeUnit(h.db, {
        parent: root,
        name: 'Sở Y tế',
        level: 'agency',
        kind: 'STATE_AGENCY',
      });
      const gone = await makeUnit(h.db, { parent: root, name: 'Xã Cũ' });
      await h.db.execute(
        sql`UPDATE org_units SET valid_to = '2025-07-01', successor_id = ${commune.id} WHERE id = ${gone.id}`,
      );
      const indexes = await one(
        h,
        "SELECT count(*) FROM pg_indexes WHERE tablename IN ('people', 'qualifications', 'person_history')",
      );

      const r = await generatePeople(h, { people: 200, seed: 3, rebuildIndexes: true });
      expect(r.people).toBe(200);
      expect(
        await one(
          h,
          "SELECT count(*) FROM pg_indexes WHERE tablename IN ('people', 'qualifications', 'person_history')",
        ),
      ).toBe(indexes);
      const byUnit = await rows<{ unit_id: number; n: number | string }>(
        h,
        'SELECT unit_id, count(*) AS n FROM people GROUP BY unit_id',
      );
      expect(byUnit.map((u) => Number(u.unit_id)).sort()).toEqual([commune.id, agency.id].sort());
      expect(
        await one(
          h,
          `SELECT count(*) FROM people WHERE unit_id = ${commune.id} AND category NOT IN ('CB', 'CC', 'CBX', 'KCT', 'VC')`,
        ),
      ).toBe(0);
      expect(await one(h, `SELECT count(*) FROM person_history WHERE unit_id = ${gone.id}`)).toBeGreaterThan(
        0,
      );
      // Again with the same seed: the existing identity numbers are loaded before the indexes go.
      await generatePeople(h, { people: 150, seed: 3, rebuildIndexes: true });
      expect(await one(h, 'SELECT count(DISTINCT personal_id) FROM people')).toBe(350);
      // Foreign keys are checked again after the bulk load.
      await expect(
        h.db.execute(
          sql`INSERT INTO people (full_name, search_name, sort_key, gender, category, unit_id) VALUES ('a', 'a', 'a', 'M', 'CC', 999999)`,
        ),
      ).rejects.toThrow();
      const [p] = await h.db.execute(sql`SELECT 1`).then((x) => (x as unknown as { rows: unknown[] }).rows);
      expect(p).toBeTruthy();
      expect(
        (await h.db.select().from(codeItems).where(eq(codeItems.list, 'category'))).length,
      ).toBeGreaterThan(0);
    } finally {
      await cleanup();
    }
  }, 30_000);
});

describe('csvField', () => {
  it('quotes what COPY needs quoted and leaves NULL empty', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField('Sở Văn hóa, Thể thao và Du lịch')).toBe('"Sở Văn hóa, Thể thao và Du lịch"');
    expect(csvField('a "b"')).toBe('"a ""b"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('Nguyễn Văn Hùng')).toBe('Nguyễn Văn Hùng');
    expect(csvField(true)).toBe('t');
    expect(csvField(12)).toBe('12');
  });
});
