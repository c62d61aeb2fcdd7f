import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { foldText } from '../../../contracts/text';
import type { Queryable } from '../../db/client';
import { orgUnits, people, personHistory } from '../../db/schema/index';

export interface PeopleFilter {
  scopePath: string;
  q?: string;
  unitPath?: string;
  unitId?: number;
  category?: string;
  rank?: string;
  leadershipTier?: string;
  post?: string;
  status?: string;
}

function conditions(f: PeopleFilter): SQL[] {
  const where: SQL[] = [sql`${orgUnits.path} <@ ${f.scopePath}::ltree`];
  if (f.unitPath) where.push(sql`${orgUnits.path} <@ ${f.unitPath}::ltree`);
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
  leadershipTier: people.leadershipTier,
  unitId: people.unitId,
  unitName: orgUnits.name,
  status: people.status,
};

/** One page of people in roster order (given name, middle, family), plus the total. */
export async function listPeople(q: Queryable, f: PeopleFilter, page: number, pageSize: number) {
  const where = and(...conditions(f));
  const [items, [{ total }]] = await Promise.all([
    q
      .select(listColumns)
      .from(people)
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(where)
      .orderBy(sql`${people.sortKey} collate "C"`, asc(people.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    q
      .select({ total: sql<number>`count(*)::int` })
      .from(people)
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(where),
  ]);
  return { items, total: Number(total) };
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
