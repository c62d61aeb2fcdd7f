/**
 * Report layouts (ADR 021): the actor sees the shipped layouts, those of the units above their scope
 * (their province's) and those of their subtree; with `reports.manage` they copy one to their own
 * unit and edit or remove their subtree's copies. Every change is audited; edits check the version.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ReportLayout,
  ReportLayoutBody,
  ReportLayoutList,
  ReportLayoutUpdate,
} from '../../../../contracts/report-layouts';
import { can } from '../../../../contracts/roles';
import type { Db, Queryable } from '../../../db/client';
import { rowsOf } from '../../../db/rows';
import type { Actor } from '../../../lib/actor';
import {
  assertStillReset,
  audit,
  changedFields,
  namedIn,
  type RestoreOf,
  updateAction,
} from '../../../lib/audit';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { requirePermission } from '../../../lib/scope';
import { layoutProblems } from './layouts.validate';

const NOT_FOUND = { vi: 'mẫu báo cáo', en: 'Report layout' };

/** SQL: the layouts `actor` may read (aliases `l` layout, `o` owner unit). */
function visible(actor: Actor): SQL {
  return sql`(l.owner_unit_id is null or ${actor.scopePath}::ltree <@ o.path or o.path <@ ${actor.scopePath}::ltree)`;
}

/** Read the layouts visible to the actor (one by id, or all), each marked editable or not. */
export async function readLayouts(q: Queryable, actor: Actor, id?: number): Promise<ReportLayout[]> {
  const manage = can(actor.role, 'reports.manage');
  const rows = rowsOf<Record<string, unknown>>(
    await q.execute(sql`select l.id, l.code, l.name_vi, l.name_en, l.legal_source, l.effective_from::text as effective_from,
        l.effective_to::text as effective_to, l.owner_unit_id, o.name as owner_unit_name, l.rows, l.columns, l.built_in, l.draft,
        l.version, l.updated_at, (o.path is not null and o.path <@ ${actor.scopePath}::ltree) as own
      from report_layouts l left join org_units o on o.id = l.owner_unit_id
      where ${visible(actor)} ${id === undefined ? sql`` : sql`and l.id = ${id}`}
      order by l.owner_unit_id nulls first, l.effective_from desc, l.code`),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    nameVi: String(r.name_vi),
    nameEn: String(r.name_en),
    legalSource: String(r.legal_source),
    effectiveFrom: String(r.effective_from),
    effectiveTo: (r.effective_to as string | null) ?? null,
    ownerUnitId: r.owner_unit_id === null ? null : Number(r.owner_unit_id),
    ownerUnitName: (r.owner_unit_name as string | null) ?? null,
    rows: r.rows as ReportLayout['rows'],
    columns: r.columns as ReportLayout['columns'],
    builtIn: Boolean(r.built_in),
    draft: Boolean(r.draft),
    version: Number(r.version),
    updatedAt: new Date(r.updated_at as string).toISOString(),
    editable: manage && Boolean(r.own) && !r.built_in,
  }));
}

/** The layout in force at the end of `year` for the actor: the deepest owner wins, then the latest start. */
export async function layoutInForce(q: Queryable, actor: Actor, day: string): Promise<ReportLayout | null> {
  const res =
    await q.execute(sql`select l.id from report_layouts l left join org_units o on o.id = l.owner_unit_id
    where ${visible(actor)} and (l.owner_unit_id is null or ${actor.scopePath}::ltree <@ o.path)
      and not l.draft and l.effective_from <= ${day}::date and (l.effective_to is null or l.effective_to > ${day}::date)
    order by coalesce(nlevel(o.path), 0) desc, l.effective_from desc, l.id desc limit 1`);
  const id = rowsOf<{ id: number }>(res)[0]?.id;
  return id === undefined ? null : ((await readLayouts(q, actor, Number(id)))[0] ?? null);
}

export function createLayoutService({ db }: { db: Db }) {
  async function one(q: Queryable, actor: Actor, id: number) {
    const layout = (await readLayouts(q, actor, id))[0];
    if (!layout) throw notFound(NOT_FOUND);
    return layout;
  }

  async function editable(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'reports.manage');
    const layout = await one(q, actor, id);
    if (!layout.editable)
      throw new AppError('FORBIDDEN', {
        message: {
          vi: 'Không sửa được mẫu này: mẫu có sẵn hoặc của đơn vị cấp trên. Hãy sao chép rồi sửa bản sao.',
          en: 'This layout cannot be changed (shipped or owned above you). Copy it and edit the copy.',
        },
      });
    return layout;
  }

  async function check(q: Queryable, body: ReportLayoutBody) {
    const problems = await layoutProblems(q, body);
    if (problems.length) throw invalid(problems);
  }

  async function ownerPath(q: Queryable, unitId: number | null) {
    if (unitId === null) return null;
    const res = await q.execute(sql`select path::text as path from org_units where id = ${unitId}`);
    return rowsOf<{ path: string }>(res)[0]?.path ?? null;
  }

  const duplicate = () =>
    invalid([
      { field: 'code', message: { vi: 'mã đã có ở đơn vị này', en: 'code already used in this unit' } },
    ]);
  const taken = async (q: Queryable, owner: number, code: string, except = 0) =>
    rowsOf(
      await q.execute(
        sql`select 1 from report_layouts where owner_unit_id = ${owner} and code = ${code} and id <> ${except}`,
      ),
    ).length > 0;

  return {
    async list(actor: Actor): Promise<ReportLayoutList> {
      requirePermission(actor, 'reports.read');
      return { items: await readLayouts(db, actor), canManage: can(actor.role, 'reports.manage') };
    },

    async get(actor: Actor, id: number) {
      requirePermission(actor, 'reports.read');
      return one(db, actor, id);
    },

    /** A copy owned by the actor's scope unit, under a new code: a draft until published (ADR 037). */
    async copy(actor: Actor, id: number, code: string) {
      requirePermission(actor, 'reports.manage');
      return db.transaction(async (tx) => {
        const src = await one(tx, actor, id);
        if (await taken(tx, actor.scopeUnitId, code)) throw duplicate();
        const res = await tx.execute(sql`insert into report_layouts (code, name_vi, name_en, legal_source,
            effective_from, effective_to, owner_unit_id, rows, columns, draft)
          values (${code}, ${src.nameVi}, ${src.nameEn}, ${src.legalSource}, ${src.effectiveFrom}::date,
            ${src.effectiveTo}::date, ${actor.scopeUnitId}, ${JSON.stringify(src.rows)}::jsonb,
            ${JSON.stringify(src.columns)}::jsonb, true) returning id`);
        const newId = Number(rowsOf<{ id: number }>(res)[0].id);
        await audit(tx, actor, {
          action: 'report_layout.copy',
          entity: 'report_layout',
          entityId: newId,
          summary: `${src.code} -> ${code}`,
          scopePath: actor.scopePath,
          after: { code, from: src.id },
        });
        return one(tx, actor, newId);
      });
    },

    /** Publish a draft copy: from now on it can be the layout in force (version checked). */
    async publish(actor: Actor, id: number, version: number) {
      return db.transaction(async (tx) => {
        const before = await editable(tx, actor, id);
        if (!before.draft)
          throw new AppError('CONFLICT', {
            message: { vi: 'Mẫu này đã được ban hành.', en: 'This layout is already published.' },
          });
        await check(tx, before);
        const res = await tx.execute(sql`update report_layouts set draft = false, version = version + 1,
            updated_at = now() where id = ${id} and version = ${version} returning id`);
        if (rowsOf(res).length === 0) throw new AppError('CONFLICT');
        await audit(tx, actor, {
          action: 'report_layout.publish',
          entity: 'report_layout',
          entityId: id,
          summary: before.code,
          scopePath: await ownerPath(tx, before.ownerUnitId),
          before: { draft: true },
          after: { draft: false },
        });
        return one(tx, actor, id);
      });
    },

    /** Only the fields named change (ADR 023); `restores` repairs a 0.1.0 reset. */
    async update(
      actor: Actor,
      id: number,
      body: z.infer<typeof ReportLayoutUpdate>,
      opts: { restores?: RestoreOf } = {},
    ) {
      return db.transaction(async (tx) => {
        const before = await editable(tx, actor, id);
        if (opts.restores) assertStillReset(before, opts.restores);
        const { version, ...named } = body;
        const { code, nameVi, nameEn, legalSource, effectiveFrom, effectiveTo, rows, columns } = before;
        const was = { code, nameVi, nameEn, legalSource, effectiveFrom, effectiveTo, rows, columns };
        // A field not named keeps its value (ADR 023).
        const fields: ReportLayoutBody = { ...was, ...named };
        await check(tx, fields);
        if (before.ownerUnitId !== null && (await taken(tx, before.ownerUnitId, fields.code, id)))
          throw duplicate();
        const res =
          await tx.execute(sql`update report_layouts set code = ${fields.code}, name_vi = ${fields.nameVi},
            name_en = ${fields.nameEn}, legal_source = ${fields.legalSource},
            effective_from = ${fields.effectiveFrom}::date, effective_to = ${fields.effectiveTo}::date,
            rows = ${JSON.stringify(fields.rows)}::jsonb, columns = ${JSON.stringify(fields.columns)}::jsonb,
            version = version + 1, updated_at = now()
          where id = ${id} and version = ${version} returning id`);
        if (rowsOf(res).length === 0) throw new AppError('CONFLICT');
        const diff = changedFields(was as Record<string, unknown>, fields);
        await audit(tx, actor, {
          action: updateAction('report_layout', opts.restores),
          entity: 'report_layout',
          entityId: id,
          summary: fields.code,
          scopePath: await ownerPath(tx, before.ownerUnitId),
          before: diff.before,
          after: diff.after,
          request: namedIn(body, opts.restores ? { restores: opts.restores.auditId } : {}),
        });
        return one(tx, actor, id);
      });
    },

    async remove(actor: Actor, id: number) {
      return db.transaction(async (tx) => {
        const before = await editable(tx, actor, id);
        await tx.execute(sql`delete from report_layouts where id = ${id}`);
        await audit(tx, actor, {
          action: 'report_layout.delete',
          entity: 'report_layout',
          entityId: id,
          summary: before.code,
          scopePath: await ownerPath(tx, before.ownerUnitId),
          before: { code: before.code, nameVi: before.nameVi },
        });
        return { ok: true as const };
      });
    },
  };
}
