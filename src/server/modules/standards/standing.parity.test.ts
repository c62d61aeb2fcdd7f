/**
 * The stored standing (ADR 033) must equal the pure engine for every person and rule on the
 * demo province: state, qualifications held, rules that apply, gaps with status and due date.
 * After edits (qualification added and deleted, a move, a category change) only the people
 * touched are rebuilt and every other row stays as it was; a rule version and a year on the
 * clock rebuild everyone; the gap summary read from the table equals the gap statement's.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { migrateAndProvision } from '../../db/provision';
import { rowsOf } from '../../db/rows';
import { qualifications, standardRules } from '../../db/schema/index';
import { generatePeople } from '../../demo/generate';
import { systemActor } from '../../lib/actor';
import { addDays, type Clock, vietnamMoment } from '../../lib/dates';
import { testBackends } from '../../test/db';
import {
  expectRollups,
  fromEngine,
  fromTable,
  openStandingDemo,
  type Standing,
  sorted,
} from '../../test/fixtures/standing';
import { loadGapContext } from './gaps.queries';
import { countGaps, type GroupCounts } from './gaps.report.queries';
import { createGapsService } from './gaps.service';
import { ensureStanding, standingIsCurrent } from './standing';
import { msToNextVietnamMidnight, startStandingRollover, type Timers } from './standing.rollover';

describe.each(testBackends())('stored standing = engine (%s)', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let rootId: number;
  let rootPath: string;
  const today = vietnamMoment(new Date()).day;

  beforeAll(async () => {
    ({ handle, cleanup, rootId, rootPath } = await openStandingDemo(kind, today));
  }, 180_000);

  afterAll(async () => cleanup?.());

  it('is built for everyone on the first read and equals the engine', async () => {
    expect(await standingIsCurrent(handle.db, today)).toBe(false);
    const r = await ensureStanding(handle.db, today);
    expect(r.kind).toBe('everyone');
    expect(await standingIsCurrent(handle.db, today)).toBe(true);
    const table = await fromTable(handle);
    expect(table.size).toBeGreaterThan(300);
    expect(sorted(table)).toEqual(sorted(await fromEngine(handle, today)));
    const lines = [...table.values()];
    expect(lines.some((l) => l.includes(' due '))).toBe(true);
    expect(lines.some((l) => l.includes(' missing '))).toBe(true);
    await expectRollups(handle);
    // A second read does nothing.
    expect((await ensureStanding(handle.db, today)).kind).toBe('none');
  });

  it('stays current across a restart: provisioning re-saves the same rules and codes', async () => {
    expect((await ensureStanding(handle.db, today)).kind).toBe('none');
    await migrateAndProvision(handle);
    expect(await standingIsCurrent(handle.db, today)).toBe(true);
    // A real change to a rule still marks everyone (and is undone for the tests that follow).
    await handle.exec(
      `update standard_rules set title_en = title_en || ' ' where code = 'PROVINCE_ANNUAL_40'`,
    );
    expect(await standingIsCurrent(handle.db, today)).toBe(false);
    await handle.exec(
      `update standard_rules set title_en = rtrim(title_en) where code = 'PROVINCE_ANNUAL_40'`,
    );
    expect((await ensureStanding(handle.db, today)).kind).toBe('everyone');
  });

  it('rebuilds only the people an edit touched; every other row stays as it was', async () => {
    const db = handle.db;
    const before = await fromTable(handle);
    const ids = [...before.keys()].sort((a, b) => a - b);
    const [a, b, c, d] = [ids[3], ids[40], ids[80], ids[120]];
    await db.insert(qualifications).values({ personId: a, kind: 'POLITICAL_THEORY', level: 'CAO_CAP' });
    await handle.exec(`update qualifications set deleted_at = now()
      where id = (select min(id) from qualifications where person_id = ${b} and deleted_at is null)`);
    // c moves to another unit today; d changes category.
    const [other] = rowsOf<{ id: number }>(
      await db.execute(sql`select u.id from org_units u where u.valid_to is null and u.level = 'commune'
        and u.id <> (select unit_id from people where id = ${c}) order by u.id limit 1`),
    );
    await handle.exec(`
      update person_history set valid_to = '${today}' where person_id = ${c} and valid_to is null;
      insert into person_history (person_id, valid_from, category, rank, post, leadership_tier, unit_id, status)
        select person_id, '${today}', category, rank, post, leadership_tier, ${other.id}, status
        from person_history where person_id = ${c} and valid_to = '${today}';
      update person_history set category = case category when 'CBX' then 'CC' else 'CBX' end
        where person_id = ${d} and valid_to is null;`);
    expect(await standingIsCurrent(db, today)).toBe(false);
    const r = await ensureStanding(db, today);
    expect(r).toMatchObject({ kind: 'people', people: 4 });
    const after = await fromTable(handle);
    expect(sorted(after)).toEqual(sorted(await fromEngine(handle, today)));
    for (const id of [a, b, c, d]) expect(after.get(id)).not.toEqual(before.get(id));
    const rest = (m: Standing) => sorted(m).filter(([id]) => ![a, b, c, d].includes(id));
    expect(rest(after)).toEqual(rest(before));
    await expectRollups(handle);
  });

  it('serves the gap summary from the table, equal to the gap statement, never stale', async () => {
    const db = handle.db;
    const clock: Clock = { now: () => new Date() };
    const actor = systemActor(rootId, rootPath);
    const svc = createGapsService({ db, clock });
    const computed = async () => {
      const ctx = await loadGapContext(db, today);
      expect(ctx.standingDay).toBeUndefined();
      return countGaps(db, ctx, { asOf: today, scopePath: rootPath, unitPath: rootPath }, 'unit', rootId);
    };
    // The gap statement's rows as the service returns them: totals, and groups by key.
    const shape = (rows: GroupCounts[]) => {
      const { key: _, ...totals } = rows.find((r) => r.key === null)!;
      const groups = rows
        .filter((r) => r.key !== null)
        .map((r) => ({ ...r }))
        .sort((x, y) => String(x.key).localeCompare(String(y.key)));
      return { totals, groups };
    };
    const served = async () => {
      const s = await svc.summary(actor, { groupBy: 'unit' });
      const groups = s.groups
        .map(({ key, headcount, peopleWithGaps, gaps, missing, due }) => ({
          key,
          headcount,
          peopleWithGaps,
          gaps,
          missing,
          due,
        }))
        .sort((x, y) => String(x.key).localeCompare(String(y.key)));
      return { totals: s.totals, groups };
    };
    const first = await served();
    expect(first.groups.length).toBeGreaterThan(3);
    expect(first).toEqual(shape(await computed()));
    // A write by hand-written SQL: the next read sees it.
    const [someone] = rowsOf<{ person_id: number }>(
      await db.execute(
        sql`select person_id from person_standing_gaps where status = 'missing' order by person_id limit 1`,
      ),
    );
    await handle.exec(
      `update person_history set status = 'RETIRED' where person_id = ${someone.person_id} and valid_to is null`,
    );
    const next = await served();
    expect(next.totals.headcount).toBe(first.totals.headcount! - 1);
    expect(next).toEqual(shape(await computed()));
    expect(await standingIsCurrent(db, today)).toBe(true);
    await expectRollups(handle);
  });

  it('generate leaves it current: one set-based rebuild at the end of the batch', async () => {
    const r = await generatePeople(handle, { people: 60, seed: 5, today });
    expect(r.standingMs).toBeGreaterThanOrEqual(0);
    expect(await standingIsCurrent(handle.db, today)).toBe(true);
    const table = await fromTable(handle);
    expect([...table.keys()].filter((id) => id >= r.firstPersonId).length).toBeGreaterThan(40);
    expect(sorted(table)).toEqual(sorted(await fromEngine(handle, today)));
    await expectRollups(handle);
  });

  it('rolls over at midnight in Vietnam by a timer: only the people a date crossed, equal to the engine', async () => {
    const db = handle.db;
    expect((await ensureStanding(db, today)).kind).not.toBe('everyone');
    // The first due date ahead in this year: on that day its person turns missing.
    const [d] = rowsOf<{ due: string; n: number }>(
      await db.execute(sql`select min(due_by)::text as due, count(*)::int as n from person_standing_gaps
        where due_by > ${today}::date and due_by < ${`${today.slice(0, 4)}-12-31`}::date`),
    );
    const target = d.due ?? addDays(today, 1);
    if (target.slice(0, 4) !== today.slice(0, 4)) return; // the last day of the year: the year test covers it
    // The clock: 23:59:50 in Vietnam the evening before, then just after midnight.
    let now = new Date(Date.parse(`${addDays(target, -1)}T23:59:50+07:00`));
    const clock: Clock = { now: () => now };
    const pending: { fn: () => void; ms: number }[] = [];
    const timers: Timers = { set: (fn, ms) => pending.push({ fn, ms }), clear: () => pending.splice(0) };
    const roll = startStandingRollover({ db, clock, timers });
    expect(pending).toHaveLength(1);
    expect(pending[0].ms).toBe(msToNextVietnamMidnight(now));
    expect(pending[0].ms).toBeGreaterThanOrEqual(10_000);
    expect(pending[0].ms).toBeLessThan(20_000);
    now = new Date(now.getTime() + pending[0].ms);
    pending.shift()!.fn();
    await roll.done();
    roll.stop();
    expect(await standingIsCurrent(db, target)).toBe(true);
    const [st] = rowsOf<{ people: number }>(await db.execute(sql`select people from standing_state`));
    const total = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from person_standing`),
    )[0];
    if (d.due) expect(Number(st.people)).toBeGreaterThan(0);
    expect(Number(st.people)).toBeLessThan(Number(total.n));
    expect(sorted(await fromTable(handle))).toEqual(sorted(await fromEngine(handle, target)));
    await expectRollups(handle);
    // Back to today for the tests that follow (the clock went back: everyone).
    expect((await ensureStanding(db, today)).kind).toBe('everyone');
  });

  it('rebuilds everyone on a new rule version and when the clock moves a year', async () => {
    const db = handle.db;
    const [lead] = await db.select().from(standardRules).where(sql`code = 'PT_LEADER_PHONG_XA'`);
    await db.insert(standardRules).values({
      ...lead,
      id: undefined,
      version: 9,
      ownerUnitId: rootId,
      builtIn: false,
      effectiveFrom: addDays(today, -10),
      grace: { from: 'appointedOn', months: 6 },
      requirement: { type: 'qualification', kind: 'POLITICAL_THEORY', minLevel: 'CAO_CAP' },
    });
    expect(await standingIsCurrent(db, today)).toBe(false);
    expect((await ensureStanding(db, today)).kind).toBe('everyone');
    expect(sorted(await fromTable(handle))).toEqual(sorted(await fromEngine(handle, today)));

    const nextYear = addDays(today, 365);
    expect(await standingIsCurrent(db, nextYear)).toBe(false);
    expect((await ensureStanding(db, nextYear)).kind).toBe('everyone');
    expect(sorted(await fromTable(handle))).toEqual(sorted(await fromEngine(handle, nextYear)));
    await expectRollups(handle);
  });
});
