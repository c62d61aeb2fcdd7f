import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateCodeItemBody, UpdateCodeItemBody } from '../../../contracts/code-items';
import { codeListName } from '../../../contracts/code-list-names';
import type { Db, Queryable } from '../../db/client';
import { codeItems } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, namedIn } from '../../lib/audit';
import { AppError, type FieldError, notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';

export interface CodeCheck {
  field: string;
  list: string;
  code: string | null | undefined;
}

/** Unknown or inactive codes, one FieldError each, checked in one query. */
export async function findUnknownCodes(q: Queryable, checks: CodeCheck[]): Promise<FieldError[]> {
  const wanted = checks.filter((c) => c.code != null && c.code !== '');
  if (wanted.length === 0) return [];
  const lists = [...new Set(wanted.map((c) => c.list))];
  const rows = await q
    .select({ list: codeItems.list, code: codeItems.code })
    .from(codeItems)
    .where(and(inArray(codeItems.list, lists), eq(codeItems.active, true)));
  const known = new Set(rows.map((r) => `${r.list}\u0000${r.code}`));
  return wanted
    .filter((c) => !known.has(`${c.list}\u0000${c.code}`))
    .map((c) => ({
      field: c.field,
      message: {
        vi: `mã "${c.code}" không có trong danh mục ${codeListName(c.list).vi}`,
        en: `unknown code "${c.code}" in the list of ${codeListName(c.list).en}`,
      },
    }));
}

export function createCodesService({ db }: { db: Db }) {
  async function listNames(): Promise<Set<string>> {
    const rows = await db.selectDistinct({ list: codeItems.list }).from(codeItems);
    return new Set(rows.map((r) => r.list));
  }

  return {
    /** Every list with its items (active and inactive), ordered for display. */
    async listAll() {
      const rows = await db
        .select()
        .from(codeItems)
        .orderBy(asc(codeItems.list), asc(codeItems.sort), asc(codeItems.code));
      const lists: Record<string, typeof rows> = {};
      for (const r of rows) {
        lists[r.list] ??= [];
        lists[r.list].push(r);
      }
      return { lists };
    },

    async add(actor: Actor, list: string, body: z.infer<typeof CreateCodeItemBody>) {
      requirePermission(actor, 'codes.write');
      if (!(await listNames()).has(list))
        throw notFound({ vi: `danh mục ${codeListName(list).vi}`, en: `Code list ${codeListName(list).en}` });
      return db.transaction(async (tx) => {
        const [max] = await tx
          .select({ m: sql<number>`coalesce(max(${codeItems.sort}), 0)` })
          .from(codeItems)
          .where(eq(codeItems.list, list));
        const inserted = await tx
          .insert(codeItems)
          .values({
            list,
            code: body.code,
            labelVi: body.labelVi,
            labelEn: body.labelEn,
            sort: body.sort ?? Number(max.m) + 1,
            meta: body.meta ?? {},
          })
          .onConflictDoNothing()
          .returning();
        if (inserted.length === 0)
          throw new AppError('CONFLICT', {
            message: { vi: `Mã ${body.code} đã có trong danh mục.`, en: `Code ${body.code} already exists.` },
          });
        await audit(tx, actor, {
          action: 'code.create',
          entity: 'code_item',
          entityId: `${list}/${body.code}`,
          after: inserted[0],
        });
        return inserted[0];
      });
    },

    async update(actor: Actor, list: string, code: string, body: z.infer<typeof UpdateCodeItemBody>) {
      requirePermission(actor, 'codes.write');
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(codeItems)
          .where(and(eq(codeItems.list, list), eq(codeItems.code, code)));
        if (!before) throw notFound({ vi: `mã ${code}`, en: `Code ${code}` });
        const [after] = await tx
          .update(codeItems)
          .set({ ...body, updatedAt: new Date() })
          .where(and(eq(codeItems.list, list), eq(codeItems.code, code)))
          .returning();
        await audit(tx, actor, {
          action: 'code.update',
          entity: 'code_item',
          entityId: `${list}/${code}`,
          before,
          after,
          request: namedIn(body),
        });
        return after;
      });
    },
  };
}
