import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { PeopleSort } from '../../../contracts/people';
import { foldText } from '../../../contracts/text';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { orgUnits, people, personHistory } from '../../db/schema/index';
import { readTogether } from '../../db/together';
import { type BoundedTotal, boundedCount, COUNT_CAP } from '../../lib/bounded-count';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';
import { postFilterConditions } from '../codes/post-filters';

export interface PeopleFilter {
  scopePath: string;
  q?: string;
  unitPath?: string;
  unitId?: number;
  category?: string;
  rank?: string;
  leadershipTier?: string;
  post?: string;
  /** Post group code: people whose current post code is in it (ADR 036). */
  postGroup?: string;
  status?: string;
}

/**
 * Filters of a people query. `joined`: the query joins org_units (the page query, where the
 * planner walks the sort index and checks each row's unit); otherwise the units of the scope are
 * collected first (the count, ~3x faster than a join over 100,000 rows).
 */
export function conditions(f: PeopleFilter, joined: boolean): SQL[] {
  const unitPath = f.unitPath ?? f.scopePath;
  const where: SQL[] = joined
    ? [sql`${orgUnits.path} <@ ${f.scopePath}::ltree`, sql`${orgUnits.path} <@ ${unitPath}::ltree`]
    : [
        sql`${people.unitId} = any(array(select id from org_units where path <@ ${f.scopePath}::ltree and path <@ ${unitPath}::ltree))`,
      ];
  if (f.unitId) where.push(eq(people.unitId, f.unitId));
  if (f.q) {
    const digits = f.q.replace(/\s/g, '');
    if (/^\d{3,12}$/.test(digits)) where.push(sql`${people.personalId} like ${`${digits}%`}`);
    else where.push(sql`${people.searchName} like ${`%${escapeLike(foldText(f.q))}%`}`);
  }
  if (f.category) where.push(eq(people.category, f.category));
  if (f.rank) where.push(eq(people.rank, f.rank));
  if (f.leadershipTier) where.push(eq(people.leadershipTier, f.leadershipTier));
  if (f.status) where.push(eq(people.status, f.status));
  if (f.postGroup) where.push(...postFilterConditions(sql`${people.postCode}`, { postGroup: f.postGroup }));
  if (f.post) where.push(sql`lower(${people.post}) like ${`%${escapeLike(f.post.toLowerCase())}%`}`);
  return where;
}

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const listColumns = {
  id: people.id,
  fullName: people.fullName,
  birthDate: people.birthDate,
  gender: people.gender,
  category: people.category,
  rank: people.rank,
  post: people.post,
  postCode: people.postCode,
  leadershipTier: people.leadershipTier,
  unitId: people.unitId,
  unitName: orgUnits.name,
  status: people.status,
};

/** A name search (not a personal-ID prefix): matched through the trigram index (ADR 004). */
const isNameSearch = (f: PeopleFilter) => !!f.q && !/^\d{3,12}$/.test(f.q.replace(/\s/g, ''));

/**
 * The number of people matching, exact up to COUNT_CAP, else "more than" (ADR 032). A name
 * search joins the units (the trigram bitmap, then each match's unit); a plain list collects the
 * units of the scope first (its rows come off the unit index).
 */
function countPeople(q: Queryable, f: PeopleFilter): Promise<BoundedTotal> {
  const joined = isNameSearch(f);
  const rows = q.select({ one: sql`1` }).from(people);
  return boundedCount(
    q,
    (joined ? rows.innerJoin(orgUnits, eq(orgUnits.id, people.unitId)) : rows)
      .where(and(...conditions(f, joined)))
      .$dynamic(),
  );
}

/**
 * How a page is found. `walk`: along the covering sort index (index-only), checking each row,
 * fast when matches are dense (any plain list, a very common name). `matches`: every match
 * through the trigram index, then the page sorted out of them (at most MATCHES_SORTED_MAX rows as
 * planned), fast when matches are sparse or clustered; walking would read the whole index for a
 * name few people have. The
 * `offset 0` keeps the planner from folding the matches back into an index walk (ADR 032).
 */
type Strategy = 'walk' | 'matches';

/**
 * `offset 0` on the matches: the fence that keeps the planner from folding them back into a walk
 * of the sort index. Written as SQL because drizzle leaves out `.offset(0)` (a falsy number); so
 * it did until 7 Dec 2026, and a common name's matches walked 2.5 M rows (9.2 s, not 0.35 s).
 */
const OFFSET_FENCE = sql.raw('0') as unknown as number;

/**
 * A name search with more than COUNT_CAP matches still sorts its matches when the planner
 * expects at most this many: the roster order puts the given name first, so the people of a
 * common full name ("nguyen van hung": 23,588 of 2.5 M) sit together far down the order, and a
 * walk read 879,046 rows before the first (5.6 s; the sorted matches 0.4 s). A name most people
 * share ("nguyen") is dense from the start: walking finds a page at once.
 */
const MATCHES_SORTED_MAX = 200_000;

/** The planner's estimate of the people a name search matches (EXPLAIN; nothing is run). */
async function plannedMatches(q: Queryable, f: PeopleFilter): Promise<number> {
  const query = q
    .select({ id: people.id })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(and(...conditions(f, true)));
  const [row] = rowsOf<Record<string, unknown>>(await q.execute(sql`explain (format json) ${query}`));
  const plan = Object.values(row ?? {})[0];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: { 'Plan Rows': number } }[];
  return Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? Number.POSITIVE_INFINITY);
}

/**
 * Ids of one page, then whole rows for those ids only. Past the middle, the page is read from
 * the end in reverse, so the deepest offset is half the list.
 */
async function pageOfPeople(
  q: Queryable,
  f: PeopleFilter,
  at: { offset: number; limit: number; reverse: boolean },
  strategy: Strategy,
) {
  const dir = at.reverse ? sql`desc` : sql`asc`;
  const source =
    strategy === 'matches'
      ? q
          .select({ id: people.id, sortKey: sql<string>`${people.sortKey}`.as('found_sort_key') })
          .from(people)
          .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
          .where(and(...conditions(f, true)))
          .offset(OFFSET_FENCE)
          .as('found')
      : undefined;
  const ids = q.$with('page_ids').as(
    source
      ? q
          .select({
            id: sql<number>`${source.id}`.as('page_id'),
            sortKey: sql<string>`${source.sortKey}`.as('page_sort_key'),
          })
          .from(source)
          .orderBy(sql`${source.sortKey} collate "C" ${dir}`, sql`${source.id} ${dir}`)
          .limit(at.limit)
          .offset(at.offset)
      : q
          .select({
            id: sql<number>`${people.id}`.as('page_id'),
            sortKey: sql<string>`${people.sortKey}`.as('page_sort_key'),
          })
          .from(people)
          .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
          .where(and(...conditions(f, true)))
          .orderBy(sql`${people.sortKey} collate "C" ${dir}`, sql`${people.id} ${dir}`)
          .limit(at.limit)
          .offset(at.offset),
  );
  return q
    .with(ids)
    .select(listColumns)
    .from(ids)
    .innerJoin(people, eq(people.id, ids.id))
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .orderBy(sql`${ids.sortKey} collate "C"`, asc(ids.id));
}

/** The people list's sort keys (ADR 041); the name sorts by its roster key (given name first). */
const SORT_EXPRS = {
  fullName: sql`${people.sortKey} collate "C"`,
  birthDate: sql`${people.birthDate}`,
  unitName: viOrder(sql`${orgUnits.name}`),
};

/**
 * One page in a chosen order: the rows sorted by the key, then roster order and id (stable
 * pages). The count is the same bounded count as the roster list's.
 */
async function sortedPage(q: Queryable, f: PeopleFilter, sort: PeopleSort, offset: number, limit: number) {
  const [items, count] = await readTogether(
    q,
    () =>
      q
        .select(listColumns)
        .from(people)
        .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
        .where(and(...conditions(f, true)))
        .orderBy(sortedBy(sort, SORT_EXPRS, sql`${people.sortKey} collate "C", ${people.id}`))
        .limit(limit)
        .offset(offset),
    () => countPeople(q, f),
  );
  return { items, ...count };
}

/**
 * One page of people in roster order (given name, middle, family), plus the total (exact up to
 * COUNT_CAP, else a lower bound). Past the middle of an exactly counted list the page is read
 * from the end; a list counted only as "more than" is read forwards. A name search is counted
 * first: its count picks how the page is found. `sort` (other than the roster order itself):
 * one page sorted by that column instead.
 */
export async function listPeople(
  q: Queryable,
  f: PeopleFilter,
  page: number,
  pageSize: number,
  sort?: PeopleSort,
) {
  const offset = (page - 1) * pageSize;
  if (sort && sort !== 'fullName') return sortedPage(q, f, sort, offset, pageSize);
  const forwards = { offset, limit: pageSize, reverse: false };
  if (page === 1 && !isNameSearch(f)) {
    const [items, count] = await readTogether(
      q,
      () => pageOfPeople(q, f, forwards, 'walk'),
      () => countPeople(q, f),
    );
    return { items, ...count };
  }
  if (isNameSearch(f) && (await plannedMatches(q, f)) <= MATCHES_SORTED_MAX)
    return matchedPage(q, f, offset, pageSize);
  const count = await countPeople(q, f);
  const strategy: Strategy = isNameSearch(f) && !count.totalIsLowerBound ? 'matches' : 'walk';
  const { total } = count;
  if (count.totalIsLowerBound) return { items: await pageOfPeople(q, f, forwards, strategy), ...count };
  if (offset >= total) return { items: [], ...count };
  if (offset <= total / 2) return { items: await pageOfPeople(q, f, forwards, strategy), ...count };
  const limit = Math.min(pageSize, total - offset);
  const fromEnd = { offset: total - offset - limit, limit, reverse: true };
  return { items: await pageOfPeople(q, f, fromEnd, strategy), ...count };
}

/**
 * A name search's page and its total in one statement: the matches through the trigram index,
 * counted (a window over all of them) and sorted once; a count and then a page read the same
 * bitmap twice (0.7 s + 0.4 s for "nguyen van hung" at 2.5 M). A total past COUNT_CAP is told
 * as "more than", as every list's.
 */
async function matchedPage(q: Queryable, f: PeopleFilter, offset: number, limit: number) {
  const found = q
    .select({ id: people.id, sortKey: sql<string>`${people.sortKey}`.as('found_sort_key') })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(and(...conditions(f, true)))
    .offset(OFFSET_FENCE)
    .as('found');
  const ids = q.$with('page_ids').as(
    q
      .select({
        id: sql<number>`${found.id}`.as('page_id'),
        sortKey: sql<string>`${found.sortKey}`.as('page_sort_key'),
        total: sql<number>`count(*) over ()`.as('page_total'),
      })
      .from(found)
      .orderBy(sql`${found.sortKey} collate "C"`, sql`${found.id}`)
      .limit(limit)
      .offset(offset),
  );
  const rows = await q
    .with(ids)
    .select({ ...listColumns, total: ids.total })
    .from(ids)
    .innerJoin(people, eq(people.id, ids.id))
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .orderBy(sql`${ids.sortKey} collate "C"`, asc(ids.id));
  // Past the last page no row carries the total: count it.
  if (rows.length === 0) return { items: [], ...(await countPeople(q, f)) };
  const n = Number(rows[0].total);
  const items = rows.map(({ total: _, ...item }) => item);
  return n > COUNT_CAP
    ? { items, total: COUNT_CAP, totalIsLowerBound: true }
    : { items, total: n, totalIsLowerBound: false };
}

/** A person with the unit path (for scope checks) and unit name. */
export async function findPerson(q: Queryable, id: number) {
  const [row] = await q
    .select({ person: people, unitName: orgUnits.name, unitPath: orgUnits.path })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(eq(people.id, id));
  return row;
}

export async function listHistory(q: Queryable, personId: number) {
  return q
    .select({
      id: personHistory.id,
      validFrom: personHistory.validFrom,
      validTo: personHistory.validTo,
      category: personHistory.category,
      rank: personHistory.rank,
      post: personHistory.post,
      postCode: personHistory.postCode,
      leadershipTier: personHistory.leadershipTier,
      unitId: personHistory.unitId,
      unitName: orgUnits.name,
      managementAuthority: personHistory.managementAuthority,
      planningTitle: personHistory.planningTitle,
      status: personHistory.status,
      reason: personHistory.reason,
    })
    .from(personHistory)
    .innerJoin(orgUnits, eq(orgUnits.id, personHistory.unitId))
    .where(eq(personHistory.personId, personId))
    .orderBy(sql`${personHistory.validFrom} desc`, sql`${personHistory.id} desc`);
}
