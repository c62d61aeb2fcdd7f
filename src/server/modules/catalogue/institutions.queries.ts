/** Reading institutions and lecturers with their owners, links and hours. */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { InstitutionsQuery, LecturersQuery } from '../../../contracts/institutions';
import { foldText } from '../../../contracts/text';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';
import { escapeLike, ownerVisibleSql } from './catalogue.policy';

export interface InstitutionRow {
  id: number;
  kind: string;
  name: string;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  contactPerson: string | null;
  orgUnitId: number | null;
  orgUnitName: string | null;
  ownerUnitId: number;
  ownerUnitName: string;
  ownerPath: string;
  active: boolean;
  lecturerCount: number;
}

const INSTITUTION = sql`i.id, i.kind, i.name, i.short_name as "shortName", i.address, i.phone, i.email,
  i.website, i.contact_person as "contactPerson", i.org_unit_id as "orgUnitId", ou.name as "orgUnitName",
  i.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName", u.path::text as "ownerPath", i.active,
  (select count(*)::int from lecturer_institutions li join lecturers l on l.id = li.lecturer_id
    where li.institution_id = i.id and l.active) as "lecturerCount"`;
const INSTITUTION_FROM = sql`institutions i join org_units u on u.id = i.owner_unit_id
  left join org_units ou on ou.id = i.org_unit_id`;

export function institutionSearchName(i: { name: string; shortName?: string | null }): string {
  return foldText(`${i.name} ${i.shortName ?? ''}`);
}

const activeFilter = (col: SQL, active: 'true' | 'false' | 'all') =>
  active === 'all' ? sql`true` : sql`${col} = ${active === 'true'}`;

/** The institution list's sort keys (texts in Vietnamese order). */
const INSTITUTION_SORT = {
  name: viOrder(sql`i.name`),
  address: viOrder(sql`i.address`),
  lecturerCount: sql`"lecturerCount"`,
};

export async function listInstitutions(q: Queryable, actor: Actor, f: z.infer<typeof InstitutionsQuery>) {
  const where: SQL[] = [ownerVisibleSql(actor, sql`u.path`), activeFilter(sql`i.active`, f.active)];
  if (f.q?.trim()) where.push(sql`i.search_name like ${`%${escapeLike(foldText(f.q))}%`}`);
  if (f.kind) where.push(sql`i.kind = ${f.kind}`);
  const w = sql.join(where, sql` and `);
  const [{ total }] = rowsOf<{ total: number }>(
    await q.execute(sql`select count(*)::int as total from ${INSTITUTION_FROM} where ${w}`),
  );
  const items = rowsOf<InstitutionRow>(
    await q.execute(sql`select ${INSTITUTION} from ${INSTITUTION_FROM} where ${w}
      order by ${sortedBy(f.sort, INSTITUTION_SORT, sql`${viOrder(sql`i.name`)}, i.id`)}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
  );
  return { items, total: Number(total) };
}

export async function findInstitution(q: Queryable, id: number): Promise<InstitutionRow | undefined> {
  return rowsOf<InstitutionRow>(
    await q.execute(sql`select ${INSTITUTION} from ${INSTITUTION_FROM} where i.id = ${id}`),
  )[0];
}

/** Institutions among `ids` the actor sees (for a lecturer's links). */
export async function visibleInstitutionIds(q: Queryable, actor: Actor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = rowsOf<{ id: number }>(
    await q.execute(sql`select i.id from institutions i join org_units u on u.id = i.owner_unit_id
      where i.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) and ${ownerVisibleSql(actor, sql`u.path`)}`),
  );
  return new Set(rows.map((r) => Number(r.id)));
}

export interface LecturerRow {
  id: number;
  kind: 'internal' | 'invited';
  personId: number | null;
  fullName: string;
  workplace: string | null;
  degree: string | null;
  academicTitle: string | null;
  subjects: string[];
  phone: string | null;
  email: string | null;
  active: boolean;
  ownerUnitId: number;
  ownerUnitName: string;
  ownerPath: string;
  personUnitName: string | null;
  institutions: { id: number; name: string; shortName: string | null }[];
  periodsThisYear: number;
}

const lecturerColumns = (year: number) => sql`l.id, l.kind, l.person_id as "personId",
  coalesce(p.full_name, l.full_name) as "fullName", l.workplace, l.degree, l.academic_title as "academicTitle",
  l.subjects, l.phone, l.email, l.active, l.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName",
  u.path::text as "ownerPath", pu.name as "personUnitName",
  coalesce((select json_agg(json_build_object('id', i.id, 'name', i.name, 'shortName', i.short_name)
    order by ${viOrder(sql`i.name`)}) from lecturer_institutions li join institutions i on i.id = li.institution_id
    where li.lecturer_id = l.id), '[]'::json) as institutions,
  coalesce((select sum(h.periods)::int from lecturer_hours h where h.lecturer_id = l.id and h.year = ${year}), 0)
    as "periodsThisYear"`;
const LECTURER_FROM = sql`lecturers l join org_units u on u.id = l.owner_unit_id
  left join people p on p.id = l.person_id left join org_units pu on pu.id = p.unit_id`;

/** Search text of a lecturer: name, workplace and subjects, folded. */
export function lecturerSearchName(l: { fullName: string; workplace?: string | null; subjects?: string[] }) {
  return foldText(`${l.fullName} ${l.workplace ?? ''} ${(l.subjects ?? []).join(' ')}`);
}

function parseJson<T>(v: T | string): T {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

export async function listLecturers(
  q: Queryable,
  actor: Actor,
  f: z.infer<typeof LecturersQuery>,
  year: number,
) {
  const where: SQL[] = [ownerVisibleSql(actor, sql`u.path`), activeFilter(sql`l.active`, f.active)];
  if (f.q?.trim()) where.push(sql`l.search_name like ${`%${escapeLike(foldText(f.q))}%`}`);
  if (f.kind) where.push(sql`l.kind = ${f.kind}`);
  if (f.subject?.trim()) where.push(sql`upper(${f.subject.trim()}) = any(l.subjects)`);
  if (f.institutionId)
    where.push(sql`exists (select 1 from lecturer_institutions li
      where li.lecturer_id = l.id and li.institution_id = ${f.institutionId})`);
  const w = sql.join(where, sql` and `);
  const [{ total }] = rowsOf<{ total: number }>(
    await q.execute(sql`select count(*)::int as total from ${LECTURER_FROM} where ${w}`),
  );
  const items = rowsOf<LecturerRow>(
    await q.execute(sql`select ${lecturerColumns(year)} from ${LECTURER_FROM} where ${w}
      order by l.sort_key collate "C", l.id
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
  ).map((r) => ({ ...r, institutions: parseJson(r.institutions) }));
  return { items, total: Number(total) };
}

export async function findLecturer(q: Queryable, id: number, year: number): Promise<LecturerRow | undefined> {
  const row = rowsOf<LecturerRow>(
    await q.execute(sql`select ${lecturerColumns(year)} from ${LECTURER_FROM} where l.id = ${id}`),
  )[0];
  return row && { ...row, institutions: parseJson(row.institutions) };
}

export async function hoursOf(q: Queryable, lecturerId: number) {
  return rowsOf<{ year: number; source: 'manual' | 'classes'; periods: number; note: string | null }>(
    await q.execute(sql`select year, source, periods, note from lecturer_hours
      where lecturer_id = ${lecturerId} order by year desc, source`),
  );
}
