import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { orgEvents, orgUnits, orgUnitVersions } from '../../db/schema/index';
import { viOrder } from '../../lib/vi-sort';

export type UnitRow = typeof orgUnits.$inferSelect;

/** Units of a subtree as they stood on `asOf` (names and parents from the version history). */
export async function listTree(q: Queryable, scopePath: string, asOf: string, includeHistorical: boolean) {
  const validity = includeHistorical
    ? sql`true`
    : sql`u.valid_from <= ${asOf} and (u.valid_to is null or u.valid_to > ${asOf})`;
  const result = await q.execute(sql`
    select u.id, coalesce(v.parent_id, u.parent_id) as "parentId", u.path::text as path,
           coalesce(v.name, u.name) as name, u.short_name as "shortName", u.code, u.level, u.kind,
           u.valid_from::text as "validFrom", u.valid_to::text as "validTo", u.successor_id as "successorId",
           coalesce(pc.n, 0)::int as "peopleCount"
    from org_units u
    left join lateral (
      select name, parent_id from org_unit_versions v
      where v.unit_id = u.id and v.valid_from <= ${asOf} and (v.valid_to is null or v.valid_to > ${asOf})
      order by v.valid_from desc limit 1
    ) v on true
    left join (select unit_id, count(*) as n from people group by unit_id) pc on pc.unit_id = u.id
    where u.path <@ ${scopePath}::ltree and ${validity}
    order by u.level, ${viOrder(sql`coalesce(v.name, u.name)`)}, u.id`);
  return rowsOf<{
    id: number;
    parentId: number | null;
    path: string;
    name: string;
    shortName: string | null;
    code: string | null;
    level: string;
    kind: string;
    validFrom: string;
    validTo: string | null;
    successorId: number | null;
    peopleCount: number;
  }>(result);
}

export async function getUnit(q: Queryable, id: number): Promise<UnitRow | undefined> {
  const [u] = await q.select().from(orgUnits).where(eq(orgUnits.id, id));
  return u;
}

export async function countPeople(q: Queryable, unit: UnitRow) {
  const r = rowsOf<{ own: number; subtree: number }>(
    await q.execute(sql`
      select count(*) filter (where p.unit_id = ${unit.id})::int as own, count(*)::int as subtree
      from people p join org_units u on u.id = p.unit_id
      where u.path <@ ${unit.path}::ltree`),
  );
  return r[0] ?? { own: 0, subtree: 0 };
}

export async function listVersions(q: Queryable, unitId: number) {
  const parent = sql`(select name from org_units p where p.id = ${orgUnitVersions.parentId})`;
  return q
    .select({
      name: orgUnitVersions.name,
      parentId: orgUnitVersions.parentId,
      parentName: sql<string | null>`${parent}`,
      validFrom: orgUnitVersions.validFrom,
      validTo: orgUnitVersions.validTo,
    })
    .from(orgUnitVersions)
    .where(eq(orgUnitVersions.unitId, unitId))
    .orderBy(asc(orgUnitVersions.validFrom), asc(orgUnitVersions.id));
}

export async function listEvents(q: Queryable, unitId: number) {
  return q
    .select()
    .from(orgEvents)
    .where(sql`${orgEvents.unitIds} @> array[${unitId}]::int[]`)
    .orderBy(desc(orgEvents.effectiveDate), desc(orgEvents.id));
}

/** Insert a unit under a parent and compute its path; opens its first version. */
export async function insertUnit(
  q: Queryable,
  parent: UnitRow,
  v: {
    name: string;
    searchName: string;
    shortName?: string | null;
    code?: string | null;
    level: string;
    kind: string;
    validFrom: string;
  },
): Promise<UnitRow> {
  const [created] = await q
    .insert(orgUnits)
    .values({ ...v, parentId: parent.id, path: `${parent.path}.0` })
    .returning();
  const [withPath] = await q
    .update(orgUnits)
    .set({ path: `${parent.path}.${created.id}` })
    .where(eq(orgUnits.id, created.id))
    .returning();
  await q
    .insert(orgUnitVersions)
    .values({ unitId: created.id, name: v.name, parentId: parent.id, validFrom: v.validFrom });
  return withPath;
}

/** Close the open version of a unit on `date` and open a new one with the given name/parent. */
export async function newVersion(
  q: Queryable,
  unitId: number,
  date: string,
  name: string,
  parentId: number | null,
) {
  // A version that would start and end on the same day is replaced rather than kept empty.
  await q
    .delete(orgUnitVersions)
    .where(
      and(
        eq(orgUnitVersions.unitId, unitId),
        isNull(orgUnitVersions.validTo),
        eq(orgUnitVersions.validFrom, date),
      ),
    );
  await q
    .update(orgUnitVersions)
    .set({ validTo: date })
    .where(and(eq(orgUnitVersions.unitId, unitId), isNull(orgUnitVersions.validTo)));
  await q.insert(orgUnitVersions).values({ unitId, name, parentId, validFrom: date });
}

export async function closeVersion(q: Queryable, unitId: number, date: string) {
  await q
    .update(orgUnitVersions)
    .set({ validTo: date })
    .where(and(eq(orgUnitVersions.unitId, unitId), isNull(orgUnitVersions.validTo)));
}

/** Re-root a unit and its whole subtree under a new parent: one UPDATE of the ltree paths. */
export async function reparent(q: Queryable, unit: UnitRow, newParent: UnitRow) {
  await q.execute(sql`
    update org_units set path = ${newParent.path}::ltree || subpath(path, nlevel(${unit.path}::ltree) - 1),
                         updated_at = now()
    where path <@ ${unit.path}::ltree`);
  await q.update(orgUnits).set({ parentId: newParent.id }).where(eq(orgUnits.id, unit.id));
}

export async function recordEvent(
  q: Queryable,
  e: {
    kind: string;
    effectiveDate: string;
    unitIds: number[];
    detail?: Record<string, unknown>;
    note?: string | null;
    actorId: number | null;
  },
) {
  await q.insert(orgEvents).values({ ...e, detail: e.detail ?? {}, note: e.note ?? null });
}
