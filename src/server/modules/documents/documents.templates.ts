/**
 * Templates as data (ADR 040): a unit's own template of a kind, else the nearest one above it,
 * else the shipped default. Edited by the training office of a unit for itself and the units
 * below it; every change audited.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  TemplateBody,
  type TemplateBodyT,
} from '../../../contracts/documents';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { documentTemplates } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, namedIn } from '../../lib/audit';
import { requirePermission } from '../../lib/scope';
import { DEFAULT_TEMPLATES } from './documents.defaults';
import { assertPlaceholders, placeholdersOf } from './documents.model';

export interface EffectiveTemplate {
  kind: DocumentKind;
  unitId: number | null;
  unitName: string | null;
  content: TemplateBodyT;
}

const defaultOf = (kind: DocumentKind): TemplateBodyT => {
  const { source: _s, ...body } = DEFAULT_TEMPLATES[kind];
  return body;
};

/** The template a unit at `path` prints with: its own, the nearest above, or the default. */
export async function effectiveTemplate(
  q: Queryable,
  kind: DocumentKind,
  path: string,
): Promise<EffectiveTemplate> {
  const [row] = rowsOf<{ unitId: number; unitName: string; content: Record<string, unknown> }>(
    await q.execute(sql`select t.unit_id as "unitId", u.name as "unitName", t.content
      from document_templates t join org_units u on u.id = t.unit_id
      where t.kind = ${kind} and u.path @> ${path}::ltree order by nlevel(u.path) desc limit 1`),
  );
  if (!row) return { kind, unitId: null, unitName: null, content: defaultOf(kind) };
  // A stored template parsed again: fields added since fall back to the default's.
  const content = TemplateBody.parse({ ...defaultOf(kind), ...row.content });
  return { kind, unitId: Number(row.unitId), unitName: row.unitName, content };
}

const toView = (t: EffectiveTemplate) => ({
  ...t.content,
  kind: t.kind,
  unitId: t.unitId,
  unitName: t.unitName,
  source: DEFAULT_TEMPLATES[t.kind].source,
  placeholders: Object.entries(placeholdersOf(t.kind)).map(([key, l]) => ({ key, ...l })),
});

export function createTemplateService({ db }: { db: Db }) {
  const unitOf = async (actor: Actor) =>
    rowsOf<{ name: string }>(
      await db.execute(sql`select name from org_units where id = ${actor.scopeUnitId}`),
    )[0];
  return {
    /** Every kind's template as the actor's unit prints it. */
    async list(actor: Actor) {
      requirePermission(actor, 'classes.manage');
      const items = [];
      for (const kind of DOCUMENT_KINDS)
        items.push(toView(await effectiveTemplate(db, kind, actor.scopePath)));
      return { unitId: actor.scopeUnitId, unitName: (await unitOf(actor))?.name ?? '', items };
    },

    /** Save the actor's unit's own template of a kind (placeholders checked). */
    async save(actor: Actor, kind: DocumentKind, body: TemplateBodyT) {
      requirePermission(actor, 'classes.manage');
      assertPlaceholders(kind, body);
      return db.transaction(async (tx) => {
        const before = await effectiveTemplate(tx, kind, actor.scopePath);
        await tx
          .insert(documentTemplates)
          .values({ kind, unitId: actor.scopeUnitId, content: body, updatedBy: actor.userId || null })
          .onConflictDoUpdate({
            target: [documentTemplates.kind, documentTemplates.unitId],
            set: { content: body, updatedBy: actor.userId || null, updatedAt: new Date() },
          });
        await audit(tx, actor, {
          action: 'document_template.update',
          entity: 'document_template',
          entityId: `${kind}:${actor.scopeUnitId}`,
          summary: `Mẫu văn bản ${kind}`,
          scopePath: actor.scopePath,
          before: before.content,
          after: body,
          request: namedIn(body),
        });
        return toView(await effectiveTemplate(tx, kind, actor.scopePath));
      });
    },

    /** Drop the unit's own template: it prints with the one above it (or the default) again. */
    async reset(actor: Actor, kind: DocumentKind) {
      requirePermission(actor, 'classes.manage');
      return db.transaction(async (tx) => {
        const gone = await tx
          .delete(documentTemplates)
          .where(and(eq(documentTemplates.kind, kind), eq(documentTemplates.unitId, actor.scopeUnitId)))
          .returning({ content: documentTemplates.content });
        if (gone.length)
          await audit(tx, actor, {
            action: 'document_template.reset',
            entity: 'document_template',
            entityId: `${kind}:${actor.scopeUnitId}`,
            summary: `Mẫu văn bản ${kind}: dùng lại mẫu chung`,
            scopePath: actor.scopePath,
            before: gone[0].content,
          });
        return toView(await effectiveTemplate(tx, kind, actor.scopePath));
      });
    },
  };
}

/** Take the next decision number of a unit in a year (the row stays locked until the caller's transaction ends). */
export async function nextSeq(q: Queryable, unitId: number, year: number): Promise<number> {
  const [r] = rowsOf<{ lastSeq: number }>(
    await q.execute(sql`insert into document_counters (unit_id, year, last_seq) values (${unitId}, ${year}, 1)
      on conflict (unit_id, year) do update set last_seq = document_counters.last_seq + 1
      returning last_seq as "lastSeq"`),
  );
  return Number(r.lastSeq);
}
