/**
 * Plan vs actual and the cost report by post group and post (ADR 061), on the class-report fixture:
 * the learners counted under a group are the unfiltered report's learners kept by the group of the
 * post they held on the period's end (read back from the history rows and the code list contract,
 * not from the SQL helper); a cost item is charged per trainee of the group. Dũng changed post on
 * 01/12/2026 (a deputy before, a head since): a period ending in November counts him as a deputy.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POSTS } from '../../../contracts/posts';
import type { ReportPeoplePage, ReportTable } from '../../../contracts/reports';
import { people, personHistory } from '../../db/schema/index';
import type { Session } from '../../test/app';
import { testBackends } from '../../test/db';
import { useClassReport } from '../../test/fixtures/reports-classes';

const CHANGE = '2026-12-01';
const GROUPS = ['FRONT_MASS_HEAD', 'FRONT_MASS_DEPUTY', 'STAFF'];
const groupOf = (code: string | null) =>
  (POSTS.find((p) => p.code === code)?.meta as { group?: string } | undefined)?.group ?? null;
const postsOf = (group: string) => POSTS.filter((p) => groupOf(p.code) === group).map((p) => p.code);

describe.each(testBackends())('plan vs actual and costs by post group (%s)', (kind) => {
  const rep = useClassReport(kind, 'costs');
  const { t } = rep;
  const history = new Map<number, { from: string; to: string | null; post: string | null }[]>();
  const current = new Map<number, string | null>();
  const postOn = (id: number, date: string) => {
    const h = history.get(id)?.find((r) => r.from <= date && (r.to === null || r.to > date));
    return h ? h.post : (current.get(id) ?? null);
  };
  let communeOfficer: Session;

  beforeAll(async () => {
    const db = t.handle.db;
    const p = rep.fx.people;
    const posts: [number, string | null][] = [
      [p.an.id, postsOf('FRONT_MASS_HEAD')[0]],
      [p.bao.id, postsOf('FRONT_MASS_HEAD')[1]],
      [p.chi.id, postsOf('FRONT_MASS_DEPUTY')[0]],
      [p.dung.id, postsOf('FRONT_MASS_HEAD')[0]],
      [p.em.id, postsOf('STAFF')[0]],
      [p.giang.id, null],
      [p.hung.id, postsOf('COMMUNE_LEADER')[0]],
    ];
    for (const [id, code] of posts) {
      await db.update(people).set({ postCode: code }).where(sql`${people.id} = ${id}`);
      await db.update(personHistory).set({ postCode: code }).where(sql`${personHistory.personId} = ${id}`);
    }
    // Dũng: a deputy until CHANGE, a head since (the current record says head).
    const [old] = await db.select().from(personHistory).where(sql`${personHistory.personId} = ${p.dung.id}`);
    await db
      .update(personHistory)
      .set({ postCode: postsOf('FRONT_MASS_DEPUTY')[0], validTo: CHANGE })
      .where(sql`${personHistory.id} = ${old.id}`);
    const { id: _id, createdAt: _at, ...rest } = old;
    await db.insert(personHistory).values({ ...rest, validFrom: CHANGE, validTo: null });
    for (const r of await db.select({ id: people.id, postCode: people.postCode }).from(people))
      current.set(r.id, r.postCode);
    for (const h of await db.select().from(personHistory)) {
      const list = history.get(h.personId) ?? [];
      list.push({ from: h.validFrom, to: h.validTo, post: h.postCode });
      history.set(h.personId, list);
    }
    communeOfficer = await t.as('unit_officer', t.communeA);
  });

  const get = async <T>(url: string): Promise<T> => {
    const res = await rep.get(rep.officer, url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };
  const drill = (report: string, base: string, token: string) =>
    get<ReportPeoplePage>(`/api/reports/${report}/people?${base}&cell=${token}&pageSize=200`);

  /** Every drilled number filtered by `filter` = the unfiltered drill's people kept by `keep`. */
  async function parity(report: string, base: string, filter: string, keep: (id: number) => boolean) {
    const whole = await get<ReportTable>(`/api/reports/${report}?${base}`);
    const part = await get<ReportTable>(`/api/reports/${report}?${base}&${filter}`);
    const partRows = new Map([...part.rows, ...(part.totals ? [part.totals] : [])].map((r) => [r.key, r]));
    let nonZero = 0;
    for (const row of [...whole.rows, ...(whole.totals ? [whole.totals] : [])]) {
      for (const [col, token] of Object.entries(row.drill ?? {})) {
        const list = Number(row.cells[col] ?? 0) === 0 ? { items: [] } : await drill(report, base, token);
        const kept = list.items.filter((x) => keep(x.id)).map((x) => x.id);
        expect(Number(partRows.get(row.key)?.cells[col] ?? 0), `${report} ${row.key} ${col} ${filter}`).toBe(
          kept.length,
        );
        if (kept.length) {
          const narrowed = await drill(report, `${base}&${filter}`, token);
          expect(narrowed.items.map((x) => x.id).sort()).toEqual(kept.sort());
        }
        nonZero += kept.length ? 1 : 0;
      }
    }
    return { whole, part, nonZero };
  }

  it.each([
    ['plan-actual', 'year=2026', '2026-12-31'],
    ['costs', 'year=2026', '2026-12-31'],
    ['costs', 'from=2026-01-01&to=2026-11-30', '2026-11-30'],
  ])(
    '%s (%s): learners of a group are the people of the post held on %s',
    async (report, base, date) => {
      let nonZero = 0;
      for (const g of GROUPS) {
        const r = await parity(report, base, `postGroup=${g}`, (id) => groupOf(postOn(id, date)) === g);
        nonZero += r.nonZero;
        expect(r.part.filters.find((f) => f.label === 'Nhóm chức danh')).toBeTruthy();
        expect(r.part.notes[0]).toMatch(/^Lọc theo nhóm chức danh/);
      }
      const post = postsOf('FRONT_MASS_HEAD')[0];
      const byPost = await parity(report, base, `post=${post}`, (id) => postOn(id, date) === post);
      expect(byPost.part.filters.some((f) => f.label === 'Chức danh')).toBe(true);
      expect(nonZero + byPost.nonZero).toBeGreaterThan(2);
    },
    300_000,
  );

  it('counts Dũng as a deputy before his change of post and as a head after it', async () => {
    const ids = async (base: string, group: string) => {
      const table = await get<ReportTable>(`/api/reports/costs?${base}&postGroup=${group}`);
      return (
        await drill('costs', `${base}&postGroup=${group}`, table.totals?.drill?.trainees ?? '')
      ).items.map((x) => x.id);
    };
    const dung = rep.fx.people.dung.id;
    const november = 'from=2026-01-01&to=2026-11-30';
    expect(await ids(november, 'FRONT_MASS_DEPUTY')).toContain(dung);
    expect(await ids(november, 'FRONT_MASS_HEAD')).not.toContain(dung);
    expect(await ids('year=2026', 'FRONT_MASS_HEAD')).toContain(dung);
    expect(await ids('year=2026', 'FRONT_MASS_DEPUTY')).not.toContain(dung);
  }, 120_000);

  it('charges each cost item per trainee of the group, and the groups add up to the whole', async () => {
    const whole = await get<ReportTable>('/api/reports/costs?year=2026');
    const items = whole.rows.filter((r) => r.depth === 1 && !r.key.startsWith('l'));
    const money = whole.columns.filter((c) => c.kind === 'money' && !c.key.includes('per_trainee'));
    let charged = 0;
    for (const g of GROUPS) {
      const part = await get<ReportTable>(`/api/reports/costs?year=2026&postGroup=${g}`);
      for (const row of items) {
        const list = await drill('costs', 'year=2026', row.drill?.trainees ?? '');
        const n = list.items.filter((x) => groupOf(postOn(x.id, '2026-12-31')) === g).length;
        const got = part.rows.find((r) => r.key === row.key);
        if (!n) {
          expect(got, `${g} ${row.key}`).toBeUndefined();
          continue;
        }
        const all = Number(row.cells.trainees);
        expect(Number(got?.cells.trainees), `${g} ${row.key}`).toBe(n);
        for (const c of money) {
          const v = row.cells[c.key];
          const want = v === null || v === undefined ? null : Math.round((Number(v) * n) / all);
          // A source none of the group's items used has no column in the filtered table (a zero).
          const shown = part.columns.some((x) => x.key === c.key);
          expect(shown ? (got?.cells[c.key] ?? null) : 0, `${g} ${row.key} ${c.key}`).toBe(want);
        }
        charged++;
      }
    }
    expect(charged).toBeGreaterThan(2);
  }, 300_000);

  it('plan vs actual by post group shows the learners only, and says why', async () => {
    const part = await get<ReportTable>('/api/reports/plan-actual?year=2026&postGroup=FRONT_MASS_HEAD');
    expect(part.columns.map((c) => c.key)).toEqual(['item', 'target', 'level', 'seats', 'completed']);
    expect(part.notes[0]).toMatch(/không chia theo người/);
    // The learners of the group are there (An passed K1 of line A).
    expect(Number(part.totals?.cells.seats)).toBeGreaterThan(0);
  });

  it.each([
    '/api/reports/plan-actual?year=2026&postGroup=NOPE',
    '/api/reports/plan-actual/people?year=2026&post=NOPE&cell=x',
    '/api/reports/costs?year=2026&post=NOPE',
    '/api/reports/costs/people?year=2026&postGroup=NOPE&cell=x',
  ])('refuses an unknown code: %s', async (url) => {
    const vi = await rep.get(rep.officer, url);
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.code).toBe('VALIDATION_FAILED');
    expect(vi.json().error.message).toMatch(/không có trong danh mục/);
    const en = await t.call(rep.officer, { method: 'GET', url, headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(400);
  });

  it('keeps another subtree out of reach with a post filter', async () => {
    for (const url of [
      `/api/reports/plan-actual?unitId=${t.communeB.id}&year=2026&postGroup=FRONT_MASS_HEAD`,
      `/api/reports/costs?unitId=${t.communeB.id}&year=2026&postGroup=FRONT_MASS_HEAD`,
    ]) {
      const res = await rep.get(communeOfficer, url);
      expect([403, 404], url).toContain(res.statusCode);
    }
  });
});
