/**
 * What people already hold, as overlap content (ADR 009, ADR 012): their qualifications (with
 * the topics of the catalogue programmes granting them) and the classes they completed (an
 * approved nomination in a finished or closed class, with its programme's topics). Read for a
 * batch of people at once, so a nomination check and the duplicated-training report share it.
 */
import { sql } from 'drizzle-orm';
import { levelListOf } from '../../../contracts/codes';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { type Codebook, labelOf, rankOf } from '../standards/codebook';
import { loadCodebook } from '../standards/rules.queries';
import { ownerVisibleSql } from './catalogue.policy';
import type { HeldContent, ProgrammeForPerson } from './overlap';
import { topicsOf } from './programmes.queries';

export function qualificationLabel(book: Codebook, kind: string, level: string) {
  const k = labelOf(book, 'qualification_kind', kind);
  const l = labelOf(book, levelListOf(kind), level);
  return { vi: `${k.vi} - ${l.vi}`, en: `${k.en} - ${l.en}` };
}

const ints = (ids: number[]) => sql`${sql.param(ids)}::int[]`;

/** kind + level -> topic codes of the visible catalogue programmes granting that qualification. */
async function grantingTopics(q: Queryable, actor: Actor, kinds: string[]) {
  const out = new Map<string, string[]>();
  if (kinds.length === 0) return out;
  const rows = await q.execute(sql`select p.grants_kind as kind, p.grants_level as level,
      array_agg(distinct t.topic_code) as topics
    from programmes p join org_units u on u.id = p.owner_unit_id
    join programme_topics t on t.programme_id = p.id
    where p.grants_kind = any(${sql.param(kinds)}::text[]) and ${ownerVisibleSql(actor, sql`u.path`)}
    group by 1, 2`);
  for (const r of rowsOf<{ kind: string; level: string; topics: string[] }>(rows))
    out.set(`${r.kind}\u0000${r.level}`, r.topics);
  return out;
}

export interface HeldOptions {
  /** Leave this class out of the completed classes (the class being checked). */
  excludeClassId?: number;
  /** Only classes ended before this day and qualifications issued before it (undated ones count). */
  before?: string;
}

/** personId -> what the person holds (people with nothing held have an empty list). */
export async function heldContentOf(
  q: Queryable,
  actor: Actor,
  personIds: number[],
  opts: HeldOptions = {},
  book?: Codebook,
): Promise<Map<number, HeldContent[]>> {
  const out = new Map<number, HeldContent[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return out;
  const codebook = book ?? (await loadCodebook(q));
  const before = opts.before ?? null;
  const quals = rowsOf<{ id: number; personId: number; kind: string; level: string }>(
    await q.execute(sql`select id, person_id as "personId", kind, level from qualifications
      where person_id = any(${ints(personIds)}) and deleted_at is null
        and (${before}::date is null or issued_on is null or issued_on < ${before}::date)`),
  );
  const granting = await grantingTopics(q, actor, [...new Set(quals.map((x) => x.kind))]);
  for (const h of quals)
    out.get(Number(h.personId))?.push({
      source: 'qualification',
      id: Number(h.id),
      kind: h.kind,
      level: h.level,
      levelRank: rankOf(codebook, h.kind, h.level) ?? null,
      label: qualificationLabel(codebook, h.kind, h.level),
      topics: granting.get(`${h.kind}\u0000${h.level}`) ?? [],
    });
  const done = rowsOf<{
    personId: number;
    classId: number;
    code: string;
    name: string;
    topics: string[] | null;
  }>(
    await q.execute(sql`select n.person_id as "personId", c.id as "classId", c.code, c.name,
        (select array_agg(t.topic_code) from programme_topics t where t.programme_id = c.programme_id) as topics
      from class_nominations n join classes c on c.id = n.class_id
      where n.person_id = any(${ints(personIds)}) and n.status = 'approved'
        and c.status in ('finished', 'closed')
        and (${opts.excludeClassId ?? null}::int is null or c.id <> ${opts.excludeClassId ?? null}::int)
        and (${before}::date is null or c.ends_on < ${before}::date)`),
  );
  for (const d of done)
    out.get(Number(d.personId))?.push({
      source: 'class',
      id: Number(d.classId),
      kind: null,
      level: null,
      levelRank: null,
      label: { vi: `lớp ${d.code} ${d.name}`, en: `class ${d.code} ${d.name}` },
      topics: d.topics ?? [],
    });
  return out;
}

/** A programme as overlapForPerson reads it. */
export async function programmeForPerson(
  q: Queryable,
  p: { id: number; grantsKind: string | null; grantsLevel: string | null },
  book?: Codebook,
): Promise<ProgrammeForPerson> {
  const codebook = book ?? (await loadCodebook(q));
  const granted = p.grantsKind && p.grantsLevel ? { kind: p.grantsKind, level: p.grantsLevel } : null;
  return {
    id: p.id,
    grantsKind: p.grantsKind,
    grantsLevel: p.grantsLevel,
    grantsLevelRank: granted ? (rankOf(codebook, granted.kind, granted.level) ?? null) : null,
    grantsLabel: granted ? qualificationLabel(codebook, granted.kind, granted.level) : null,
    topics: await topicsOf(q, p.id),
  };
}
