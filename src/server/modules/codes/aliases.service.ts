/**
 * Import aliases per code list (ADR 028): the admin lists, adds and deletes them. An alias points
 * to an active code of its list and never equals a code or a label of the list (the import would
 * read that as the code, not the alias). Deleting keeps the row, so a default stays deleted.
 */

import { and, asc, eq, isNull } from 'drizzle-orm';
import { aliasKey, type CodeAlias, type CreateCodeAliasBody } from '../../../contracts/code-aliases';
import { codeListName } from '../../../contracts/code-list-names';
import type { Db, Queryable } from '../../db/client';
import { codeAliases, codeItems, users } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';

type AliasRow = typeof codeAliases.$inferSelect;

function toView(a: AliasRow, createdBy: string | null): CodeAlias {
  return {
    id: a.id,
    list: a.list,
    code: a.code,
    alias: a.alias,
    aliasKey: a.aliasKey,
    builtIn: a.builtIn,
    createdBy,
    createdAt: a.createdAt.toISOString(),
  };
}

async function itemsOf(q: Queryable, list: string) {
  const items = await q.select().from(codeItems).where(eq(codeItems.list, list));
  if (items.length === 0)
    throw notFound({ vi: `danh mục ${codeListName(list).vi}`, en: `Code list ${codeListName(list).en}` });
  return items;
}

export function createAliasesService({ db }: { db: Db }) {
  return {
    /** The live aliases of a list, in the order of their codes. */
    async list(actor: Actor, list: string): Promise<CodeAlias[]> {
      requirePermission(actor, 'codes.write');
      await itemsOf(db, list);
      const rows = await db
        .select({ a: codeAliases, username: users.username })
        .from(codeAliases)
        .innerJoin(codeItems, and(eq(codeItems.list, codeAliases.list), eq(codeItems.code, codeAliases.code)))
        .leftJoin(users, eq(users.id, codeAliases.createdBy))
        .where(and(eq(codeAliases.list, list), isNull(codeAliases.deletedAt)))
        .orderBy(asc(codeItems.sort), asc(codeItems.code), asc(codeAliases.aliasKey));
      return rows.map((r) => toView(r.a, r.username));
    },

    async add(actor: Actor, list: string, body: CreateCodeAliasBody): Promise<CodeAlias> {
      requirePermission(actor, 'codes.write');
      return db.transaction(async (tx) => {
        const items = await itemsOf(tx, list);
        const target = items.find((i) => i.code === body.code && i.active);
        if (!target)
          throw invalid([
            fieldError(
              'code',
              `mã "${body.code}" không có hoặc đã ngừng dùng trong danh mục ${codeListName(list).vi}`,
              `code "${body.code}" is not an active code of list ${list}`,
            ),
          ]);
        const key = aliasKey(body.alias);
        if (!key)
          throw invalid([
            fieldError('alias', 'phải có ít nhất một chữ hoặc số', 'needs at least one letter or digit'),
          ]);
        const clash = items.find((i) => [i.code, i.labelVi, i.labelEn].some((x) => aliasKey(x) === key));
        if (clash)
          throw new AppError('CONFLICT', {
            message:
              clash.code === target.code
                ? {
                    vi: `"${body.alias}" đã là mã hoặc tên của ${clash.code} (${clash.labelVi}): không cần từ đồng nghĩa.`,
                    en: `"${body.alias}" is already the code or a label of ${clash.code} (${clash.labelEn}): no alias needed.`,
                  }
                : {
                    vi: `"${body.alias}" là mã hoặc tên của ${clash.code} (${clash.labelVi}), không dùng làm từ đồng nghĩa của ${target.code} được.`,
                    en: `"${body.alias}" is the code or a label of ${clash.code} (${clash.labelEn}); it cannot be an alias of ${target.code}.`,
                  },
            details: { code: clash.code },
          });
        const [existing] = await tx
          .select()
          .from(codeAliases)
          .where(and(eq(codeAliases.list, list), eq(codeAliases.aliasKey, key)))
          .for('update');
        if (existing && !existing.deletedAt)
          throw new AppError('CONFLICT', {
            message: {
              vi: `Từ đồng nghĩa "${existing.alias}" đã có trong danh mục (trỏ tới ${existing.code}).`,
              en: `The alias "${existing.alias}" already exists in this list (for ${existing.code}).`,
            },
            details: { id: existing.id, code: existing.code },
          });
        const values = {
          code: target.code,
          alias: body.alias,
          aliasKey: key,
          builtIn: false,
          createdBy: actor.userId || null,
          createdAt: new Date(),
          deletedAt: null,
        };
        // A deleted alias of the same key is brought back (its row holds the key).
        const [row] = existing
          ? await tx.update(codeAliases).set(values).where(eq(codeAliases.id, existing.id)).returning()
          : await tx
              .insert(codeAliases)
              .values({ list, ...values })
              .returning();
        await audit(tx, actor, {
          action: 'code_alias.create',
          entity: 'code_alias',
          entityId: row.id,
          summary: `${list}: "${row.alias}" -> ${row.code}`,
          after: row,
        });
        return toView(row, actor.username);
      });
    },

    async remove(actor: Actor, list: string, id: number): Promise<void> {
      requirePermission(actor, 'codes.write');
      await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(codeAliases)
          .where(and(eq(codeAliases.id, id), eq(codeAliases.list, list), isNull(codeAliases.deletedAt)))
          .for('update');
        if (!before) throw notFound({ vi: `từ đồng nghĩa #${id}`, en: `Alias #${id}` });
        const [after] = await tx
          .update(codeAliases)
          .set({ deletedAt: new Date() })
          .where(eq(codeAliases.id, id))
          .returning();
        await audit(tx, actor, {
          action: 'code_alias.delete',
          entity: 'code_alias',
          entityId: id,
          summary: `${list}: "${before.alias}" -> ${before.code}`,
          before,
          after,
        });
      });
    },
  };
}
