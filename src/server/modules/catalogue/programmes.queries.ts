/** Reading and writing programmes and their topics. */
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProgrammesQuery, TopicInput } from '../../../contracts/catalogue';
import { foldText } from '../../../contracts/text';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { programmeTopics } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';
import { escapeLike, ownerVisibleSql } from './catalogue.policy';
import type { ProgrammeTopics } from './overlap';

export interface ProgrammeRow {
  id: number;
  ownerUnitId: number;
  ownerPath: string;
  ownerUnitName: string;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  level: string | null;
  periods: number;
  mode: 'in_person' | 'online' | 'blended';
  grantsKind: string | null;
  grantsLevel: string | null;
  organiserLevels: string[];
  legalBasis: string | null;
  description: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  topicCount: number;
}

const COLUMNS = sql`p.id, p.owner_unit_id as "ownerUnitId", u.path::text as "ownerPath",
  u.name as "ownerUnitName", p.code, p.name_vi as "nameVi", p.name_en as "nameEn", p.kind, p.level,
  p.periods, p.mode, p.grants_kind as "grantsKind", p.grants_level as "grantsLevel",
  p.organiser_levels as "organiserLevels", p.legal_basis as "legalBasis", p.description,
  p.effective_from::text as "effectiveFrom", p.effective_to::text as "effectiveTo", p.active,
  p.created_at::text as "createdAt", p.updated_at::text as "updatedAt",
  (select count(*)::int from programme_topics t where t.programme_id = p.id) as "topicCount"`;

/** Search text of a programme: its code and both names, folded. */
export function programmeSearchName(p: { code: string; nameVi: string; nameEn: string }): string {
  return foldText(`${p.code} ${p.nameVi} ${p.nameEn}`);
}

function filters(actor: Actor, f: z.infer<typeof ProgrammesQuery>): SQL {
  const where: SQL[] = [ownerVisibleSql(actor, sql`u.path`)];
  if (f.q?.trim()) where.push(sql`p.search_name like ${`%${escapeLike(foldText(f.q))}%`}`);
  if (f.kind) where.push(sql`p.kind = ${f.kind}`);
  if (f.level) where.push(sql`p.level = ${f.level}`);
  if (f.mode) where.push(sql`p.mode = ${f.mode}`);
  if (f.organiserLevel) where.push(sql`${f.organiserLevel} = any(p.organiser_levels)`);
  if (f.active !== 'all') where.push(sql`p.active = ${f.active === 'true'}`);
  return sql.join(where, sql` and `);
}

/** The programme list's sort keys (the Vietnamese name in Vietnamese order). */
const PROGRAMME_SORT = {
  code: sql`p.code collate "C"`,
  name: viOrder(sql`p.name_vi`),
  periods: sql`p.periods`,
  topicCount: sql`"topicCount"`,
};

/** One page of the programmes the actor sees, by kind then code, or by the chosen column. */
export async function listProgrammes(q: Queryable, actor: Actor, f: z.infer<typeof ProgrammesQuery>) {
  const where = filters(actor, f);
  const [{ total }] = rowsOf<{ total: number }>(
    await q.execute(sql`select count(*)::int as total from programmes p
      join org_units u on u.id = p.owner_unit_id where ${where}`),
  );
  const items = rowsOf<ProgrammeRow>(
    await q.execute(sql`select ${COLUMNS} from programmes p join org_units u on u.id = p.owner_unit_id
      where ${where} order by ${sortedBy(f.sort, PROGRAMME_SORT, sql`p.kind, p.code collate "C", p.id`)}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
  );
  return { items, total: Number(total) };
}

export async function findProgramme(q: Queryable, id: number): Promise<ProgrammeRow | undefined> {
  return rowsOf<ProgrammeRow>(
    await q.execute(sql`select ${COLUMNS} from programmes p join org_units u on u.id = p.owner_unit_id
      where p.id = ${id}`),
  )[0];
}

/** Lock the row for a change (two officers editing the same programme are serialised). */
export async function lockProgramme(q: Queryable, id: number): Promise<void> {
  await q.execute(sql`select id from programmes where id = ${id} for update`);
}

export async function topicsOf(q: Queryable, programmeId: number) {
  return q
    .select({
      topicCode: programmeTopics.topicCode,
      name: programmeTopics.name,
      periods: programmeTopics.periods,
    })
    .from(programmeTopics)
    .where(eq(programmeTopics.programmeId, programmeId))
    .orderBy(asc(programmeTopics.position));
}

/** Replace the topics of a programme, keeping the given order. */
export async function replaceTopics(q: Queryable, programmeId: number, topics: TopicInput[]): Promise<void> {
  await q.delete(programmeTopics).where(eq(programmeTopics.programmeId, programmeId));
  if (topics.length)
    await q.insert(programmeTopics).values(topics.map((t, i) => ({ programmeId, position: i + 1, ...t })));
}

/**
 * Active programmes the actor sees, with their topics, for overlap detection. The catalogue is
 * small (tens to hundreds of programmes), so it is read whole; the topic-code index does the rest.
 */
export async function loadCatalogueTopics(
  q: Queryable,
  actor: Actor,
  opts: { kind?: string; topicCodes?: string[] } = {},
): Promise<ProgrammeTopics[]> {
  const where: SQL[] = [ownerVisibleSql(actor, sql`u.path`), sql`p.active`];
  if (opts.kind) where.push(sql`p.kind = ${opts.kind}`);
  if (opts.topicCodes) {
    if (opts.topicCodes.length === 0) return [];
    // Only programmes sharing one of these topics can overlap.
    where.push(sql`exists (select 1 from programme_topics x where x.programme_id = p.id
      and x.topic_code in (${sql.join(
        opts.topicCodes.map((c) => sql`${c}`),
        sql`, `,
      )}))`);
  }
  const rows = rowsOf<{
    id: number;
    code: string;
    nameVi: string;
    nameEn: string;
    periods: number;
    topics: { topicCode: string; name: string; periods: number }[];
  }>(
    await q.execute(sql`select p.id, p.code, p.name_vi as "nameVi", p.name_en as "nameEn", p.periods,
      coalesce((select json_agg(json_build_object('topicCode', t.topic_code, 'name', t.name,
        'periods', t.periods) order by t.position) from programme_topics t where t.programme_id = p.id),
        '[]'::json) as topics
      from programmes p join org_units u on u.id = p.owner_unit_id
      where ${sql.join(where, sql` and `)} order by p.id`),
  );
  return rows.map((r) => ({ ...r, topics: typeof r.topics === 'string' ? JSON.parse(r.topics) : r.topics }));
}
