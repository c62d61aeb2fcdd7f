/**
 * The post-group and post filters (ADR 048) give the same figures as the unfiltered report's own
 * people, kept by the group of their post code read from the code list (not from the SQL helper):
 * every drilled number of the qualification structure, the annual statistics, the trained, the
 * compliance and the ratings report; and the gap summary (per-person standing path) against the standards engine run person
 * by person. Unknown codes are refused (400, vi and en); another subtree stays out of reach.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POSTS } from '../../../contracts/posts';
import type { ReportPeoplePage, ReportTable } from '../../../contracts/reports';
import { people, personHistory } from '../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { buildAnnualFixture } from '../../test/fixtures/reports-annual-statistics';
import { loadPeopleOnDate } from '../standards/person-facts.queries';
import { placeRules, rulesAt } from '../standards/rule-engine';
import { seedRulePack } from '../standards/rule-pack';
import { loadCodebook, loadRuleVersions } from '../standards/rules.queries';
import { judgeStandard } from '../standards/standard.engine';
import { seedReportLayouts } from './layouts/layout-pack';

const TODAY = '2027-02-10';
/** Dũng's change of post (ADR 061): a deputy until then (history), a head from then on (current). */
const CHANGE = '2027-01-15';
const GROUPS = ['FRONT_MASS_HEAD', 'FRONT_MASS_DEPUTY', 'COMMUNE_LEADER', 'STAFF'];
const groupOf = (code: string | null) =>
  (POSTS.find((p) => p.code === code)?.meta as { group?: string } | undefined)?.group ?? null;
const postsOf = (group: string) => POSTS.filter((p) => groupOf(p.code) === group).map((p) => p.code);

describe.each(testBackends())('post-group filters = person rows (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock(`${TODAY}T03:00:00Z`) });
  let officer: Session;
  let communeOfficer: Session;
  /** person id -> post group of their current post code (from the code list contract). */
  const groupById = new Map<number, string | null>();
  const postById = new Map<number, string | null>();
  /** person id -> their dated posts, read back from the history rows. */
  const historyById = new Map<number, { from: string; to: string | null; post: string | null }[]>();
  let dungId = 0;
  /** The post held on `date`: the history period open that day, else the current record. */
  const postOn = (id: number, date: string) => {
    const h = historyById.get(id)?.find((r) => r.from <= date && (r.to === null || r.to > date));
    return h ? h.post : (postById.get(id) ?? null);
  };

  beforeAll(async () => {
    const db = t.handle.db;
    const f = await buildAnnualFixture(t);
    // Posts, current record and history alike: two heads, a deputy, a leader, one without a post.
    const posts: [number, string | null][] = [
      [f.an.id, postsOf('FRONT_MASS_HEAD')[0]],
      [f.dung.id, postsOf('FRONT_MASS_HEAD')[1]],
      [f.chi.id, postsOf('FRONT_MASS_DEPUTY')[0]],
      [f.rang.id, postsOf('COMMUNE_LEADER')[0]],
      [f.giang.id, postsOf('FRONT_MASS_HEAD')[0]],
      [f.em.id, postsOf('STAFF')[0]],
      [f.bao.id, null],
    ];
    for (const [id, code] of posts) {
      await db.update(people).set({ postCode: code }).where(sql`${people.id} = ${id}`);
      await db.update(personHistory).set({ postCode: code }).where(sql`${personHistory.personId} = ${id}`);
    }
    // Dũng was a deputy until CHANGE and is a head since: the history row is split in two.
    dungId = f.dung.id;
    const [old] = await db.select().from(personHistory).where(sql`${personHistory.personId} = ${f.dung.id}`);
    await db
      .update(personHistory)
      .set({ postCode: postsOf('FRONT_MASS_DEPUTY')[0], validTo: CHANGE })
      .where(sql`${personHistory.id} = ${old.id}`);
    const { id: _id, createdAt: _at, ...rest } = old;
    await db.insert(personHistory).values({ ...rest, validFrom: CHANGE, validTo: null });
    for (const r of await db.select({ id: people.id, postCode: people.postCode }).from(people)) {
      groupById.set(r.id, groupOf(r.postCode));
      postById.set(r.id, r.postCode);
    }
    for (const h of await db.select().from(personHistory)) {
      const list = historyById.get(h.personId) ?? [];
      list.push({ from: h.validFrom, to: h.validTo, post: h.postCode });
      historyById.set(h.personId, list);
    }
    // A rating of 2026 for everyone (each rating used), so the ratings report has people to split.
    await db.execute(sql`insert into annual_ratings (person_id, year, rating, unit_id)
      select id, 2026, (array['EXCELLENT','GOOD','COMPLETED','FAILED'])[1 + id % 4], unit_id from people`);
    await seedRulePack(db);
    await seedReportLayouts(db);
    officer = await t.as('training_officer', t.root);
    communeOfficer = await t.as('unit_officer', t.communeA);
  }, 120_000);

  const get = async <T>(s: Session, url: string): Promise<T> => {
    const res = await t.call(s, { method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };

  /** Every drilled number of `report` filtered by `filter` = the unfiltered drill's people kept by `keep`. */
  async function expectParity(report: string, base: string, filter: string, keep: (id: number) => boolean) {
    const whole = await get<ReportTable>(officer, `/api/reports/${report}?${base}`);
    const part = await get<ReportTable>(officer, `/api/reports/${report}?${base}&${filter}`);
    const partRows = new Map([...part.rows, ...(part.totals ? [part.totals] : [])].map((r) => [r.key, r]));
    let nonZero = 0;
    let compared = 0;
    for (const row of [...whole.rows, ...(whole.totals ? [whole.totals] : [])]) {
      for (const [col, token] of Object.entries(row.drill ?? {})) {
        // A zero of the whole report is a zero of any part of it (and saves a drill).
        const list =
          Number(row.cells[col] ?? 0) === 0
            ? { items: [] }
            : await get<ReportPeoplePage>(
                officer,
                `/api/reports/${report}/people?${base}&cell=${token}&pageSize=200`,
              );
        const expected = list.items.filter((p) => keep(p.id)).length;
        const got = Number(partRows.get(row.key)?.cells[col] ?? 0);
        expect(got, `${report} ${row.key} ${col} ${filter}`).toBe(expected);
        // The filtered drill lists the same people.
        if (expected > 0) {
          const narrowed = await get<ReportPeoplePage>(
            officer,
            `/api/reports/${report}/people?${base}&${filter}&cell=${token}&pageSize=200`,
          );
          expect(narrowed.items.map((p) => p.id).sort()).toEqual(
            list.items
              .filter((p) => keep(p.id))
              .map((p) => p.id)
              .sort(),
          );
        }
        nonZero += expected > 0 ? 1 : 0;
        compared++;
      }
    }
    return { nonZero, compared, part };
  }

  // Each report with the date its post filter reads (ADR 061): today for the current staff, the
  // period's end (31/12) for the yearly ones, the date asked for compliance.
  const reports: [string, string, string][] = [
    ['qualification-structure', '', TODAY],
    ['annual-statistics', 'year=2026', '2026-12-31'],
    ['trained', 'year=2026', '2026-12-31'],
    ['compliance', `asOf=${TODAY}`, TODAY],
    ['ratings-distribution', 'year=2026', '2026-12-31'],
  ];
  it.each(reports)(
    '%s by post group and by post (%s, post held on %s)',
    async (report, base, date) => {
      let nonZero = 0;
      for (const g of GROUPS) {
        const r = await expectParity(report, base, `postGroup=${g}`, (id) => groupOf(postOn(id, date)) === g);
        nonZero += r.nonZero;
        expect(r.compared).toBeGreaterThan(0);
        const label = POSTS.length && r.part.filters.find((x) => x.label === 'Nhóm chức danh');
        expect(label).toBeTruthy();
      }
      const post = postsOf('FRONT_MASS_HEAD')[0];
      const byPost = await expectParity(report, base, `post=${post}`, (id) => postOn(id, date) === post);
      expect(byPost.part.filters.some((x) => x.label === 'Chức danh')).toBe(true);
      // The figures are not all zero: the parity can fail.
      expect(nonZero + byPost.nonZero).toBeGreaterThan(2);
    },
    300_000,
  );

  /** Everyone behind a drilled number of `report` filtered by `filter`. */
  async function totalPeople(report: string, base: string, filter: string): Promise<Set<number>> {
    const table = await get<ReportTable>(officer, `/api/reports/${report}?${base}&${filter}`);
    const ids = new Set<number>();
    const drills = [...table.rows, ...(table.totals ? [table.totals] : [])].flatMap((r) =>
      Object.entries(r.drill ?? {})
        .filter(([col]) => Number(r.cells[col] ?? 0) > 0)
        .map(([, token]) => token),
    );
    for (const token of new Set(drills)) {
      const page = await get<ReportPeoplePage>(
        officer,
        `/api/reports/${report}/people?${base}&${filter}&cell=${token}&pageSize=200`,
      );
      for (const p of page.items) ids.add(p.id);
    }
    return ids;
  }

  it('counts a person who changed post in the group held on the report date', async () => {
    // 2026 (before the change): a deputy, whatever the current record says.
    for (const report of ['annual-statistics', 'trained', 'ratings-distribution']) {
      expect(await totalPeople(report, 'year=2026', 'postGroup=FRONT_MASS_DEPUTY'), report).toContain(dungId);
      expect(await totalPeople(report, 'year=2026', 'postGroup=FRONT_MASS_HEAD'), report).not.toContain(
        dungId,
      );
    }
    // Now (after it): a head.
    expect(await totalPeople('qualification-structure', '', 'postGroup=FRONT_MASS_HEAD')).toContain(dungId);
    expect(await totalPeople('qualification-structure', '', 'postGroup=FRONT_MASS_DEPUTY')).not.toContain(
      dungId,
    );
    expect(await totalPeople('compliance', `asOf=${TODAY}`, 'postGroup=FRONT_MASS_HEAD')).toContain(dungId);
  }, 300_000);

  it('gap summary by post group = the engine over the people of the group', async () => {
    const db = t.handle.db;
    const [versions, book] = await Promise.all([loadRuleVersions(db), loadCodebook(db)]);
    const placements = placeRules(versions, TODAY);
    const ids = [...groupById.keys()];
    const expected = new Map<string, { headcount: number; peopleWithGaps: number; gaps: number }>();
    for (const p of await loadPeopleOnDate(db, ids, TODAY)) {
      if (!p.facts || p.status !== 'WORKING' || !p.unitPath) continue;
      if (!p.unitPath.startsWith(t.root.path)) continue;
      const key = groupById.get(p.personId) ?? '-';
      const e = expected.get(key) ?? { headcount: 0, peopleWithGaps: 0, gaps: 0 };
      e.headcount++;
      let gaps = 0;
      for (const rule of rulesAt(placements, p.unitPath)) {
        const o = judgeStandard(rule, p.facts, p.quals, book, TODAY);
        if (o.status === 'missing' || o.status === 'due') gaps++;
      }
      e.gaps += gaps;
      e.peopleWithGaps += gaps ? 1 : 0;
      expected.set(key, e);
    }
    let withGaps = 0;
    for (const g of GROUPS) {
      const s = await get<{ totals: { headcount: number; peopleWithGaps: number; gaps: number } }>(
        officer,
        `/api/standards/gaps/summary?unitId=${t.root.id}&postGroup=${g}`,
      );
      const e = expected.get(g) ?? { headcount: 0, peopleWithGaps: 0, gaps: 0 };
      expect({ g, ...pick(s.totals) }).toEqual({ g, ...e });
      withGaps += e.gaps;
      // The people behind it are the group's.
      const list = await get<{ items: { personId: number }[]; total: number }>(
        officer,
        `/api/standards/gaps/people?unitId=${t.root.id}&postGroup=${g}&pageSize=200`,
      );
      expect(list.total).toBe(e.gaps);
      for (const r of list.items) expect(groupById.get(r.personId)).toBe(g);
    }
    expect(withGaps).toBeGreaterThan(0);
    // The unfiltered summary (stored rollups) adds up the groups and the people without a post.
    const all = await get<{ totals: { headcount: number; peopleWithGaps: number; gaps: number } }>(
      officer,
      `/api/standards/gaps/summary?unitId=${t.root.id}`,
    );
    const sum = { headcount: 0, peopleWithGaps: 0, gaps: 0 };
    for (const e of expected.values()) {
      sum.headcount += e.headcount;
      sum.peopleWithGaps += e.peopleWithGaps;
      sum.gaps += e.gaps;
    }
    expect(pick(all.totals)).toEqual(sum);
  });

  it('eligibility list by post group = the unfiltered list kept by the post held on its date', async () => {
    const rules = await get<{ items: { purpose: string }[] }>(
      officer,
      `/api/eligibility/rules?asOf=${TODAY}`,
    );
    const purposes = [...new Set(rules.items.map((r) => r.purpose))];
    expect(purposes.length).toBeGreaterThan(0);
    let kept = 0;
    // Today reads the stored standing; the day before Dũng's change reads the history.
    for (const date of [TODAY, '2027-01-10']) {
      for (const purpose of purposes) {
        const base = `/api/eligibility/${purpose}/people?unitId=${t.root.id}&asOf=${date}&pageSize=200`;
        const whole = await get<{ items: { personId: number }[]; total: number }>(officer, base);
        expect(whole.total).toBe(whole.items.length);
        for (const g of GROUPS) {
          const part = await get<{ items: { personId: number }[]; total: number }>(
            officer,
            `${base}&postGroup=${g}`,
          );
          const expected = whole.items.map((p) => p.personId).filter((id) => groupOf(postOn(id, date)) === g);
          expect({ date, purpose, g, ids: part.items.map((p) => p.personId) }).toEqual({
            date,
            purpose,
            g,
            ids: expected,
          });
          expect(part.total).toBe(expected.length);
          kept += expected.length;
        }
        // One post: only the people holding it on the date.
        const post = postsOf('FRONT_MASS_HEAD')[0];
        const one = await get<{ items: { personId: number }[] }>(officer, `${base}&post=${post}`);
        expect(one.items.map((p) => p.personId)).toEqual(
          whole.items.map((p) => p.personId).filter((id) => postOn(id, date) === post),
        );
      }
    }
    expect(kept).toBeGreaterThan(0);
  });

  const pick = (x: { headcount: number; peopleWithGaps: number; gaps: number }) => ({
    headcount: x.headcount,
    peopleWithGaps: x.peopleWithGaps,
    gaps: x.gaps,
  });

  it.each([
    '/api/reports/qualification-structure?postGroup=NOPE',
    '/api/reports/annual-statistics?year=2026&post=NOPE',
    '/api/reports/trained?postGroup=NOPE',
    '/api/reports/trained/people?postGroup=NOPE&cell=x',
    '/api/reports/compliance?postGroup=NOPE',
    '/api/reports/compliance/people?post=NOPE&cell=x',
    '/api/reports/ratings-distribution?year=2026&post=NOPE',
    '/api/reports/ratings-distribution/people?postGroup=NOPE&cell=x',
    '/api/standards/gaps/summary?postGroup=NOPE',
    '/api/standards/gaps/people?post=NOPE',
    '/api/people?postGroup=NOPE',
    '/api/eligibility/POSTGRADUATE/people?postGroup=NOPE',
    '/api/eligibility/POSTGRADUATE/people?post=NOPE',
    '/api/eligibility/POSTGRADUATE/people/export.xlsx?postGroup=NOPE',
  ])('refuses an unknown code: %s', async (url) => {
    const vi = await t.call(officer, { method: 'GET', url });
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.code).toBe('VALIDATION_FAILED');
    expect(vi.json().error.message).toMatch(/không có trong danh mục/);
    const en = await t.call(officer, { method: 'GET', url, headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(400);
  });

  it('keeps another subtree out of reach with a post filter', async () => {
    for (const url of [
      `/api/reports/qualification-structure?unitId=${t.communeB.id}&postGroup=FRONT_MASS_HEAD`,
      `/api/reports/compliance?unitId=${t.communeB.id}&postGroup=FRONT_MASS_HEAD`,
      `/api/reports/ratings-distribution?unitId=${t.communeB.id}&year=2026&postGroup=FRONT_MASS_HEAD`,
      `/api/standards/gaps/summary?unitId=${t.communeB.id}&postGroup=FRONT_MASS_HEAD`,
      `/api/people?unitId=${t.communeB.id}&postGroup=FRONT_MASS_HEAD`,
      `/api/eligibility/POSTGRADUATE/people?unitId=${t.communeB.id}&postGroup=FRONT_MASS_HEAD`,
      `/api/eligibility/POSTGRADUATE/people/export.xlsx?unitId=${t.communeB.id}&postGroup=FRONT_MASS_HEAD`,
    ]) {
      const res = await t.call(communeOfficer, { method: 'GET', url });
      expect([403, 404], url).toContain(res.statusCode);
    }
  });
});
