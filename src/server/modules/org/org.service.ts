import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateUnitBody, MoveUnitBody, RenameUnitBody } from '../../../contracts/org';
import { foldText, viCompare } from '../../../contracts/text';
import type { Db, Queryable } from '../../db/client';
import { orgUnits } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, fieldError, invalid } from '../../lib/errors';
import { getUnitInScope, pathWithin, requirePermission } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import type { UnitRow } from './org.queries';
import * as queries from './org.queries';

const LEVEL_ORDER: Record<string, number> = { central: 0, province: 1, agency: 2, district: 3, commune: 4 };

export interface OrgServiceDeps {
  db: Db;
  clock: Clock;
}

/** An active unit of the actor's subtree, or 404 / 409 (dissolved). */
export async function getActiveUnit(q: Queryable, actor: Actor, id: number): Promise<UnitRow> {
  const unit = await getUnitInScope(q, actor, id);
  if (unit.validTo) throw new AppError('UNIT_DISSOLVED', { details: { unitId: id, validTo: unit.validTo } });
  return unit;
}

/** The actor's own scope root can be renamed but not moved, merged away or split. */
export function assertNotScopeRoot(actor: Actor, unit: UnitRow) {
  if (unit.id === actor.scopeUnitId)
    throw new AppError('FORBIDDEN', {
      message: {
        vi: 'Không thể chuyển, sáp nhập hay chia tách đơn vị gốc trong phạm vi quản lý của bạn.',
        en: 'You cannot move, merge or split the root unit of your own scope.',
      },
    });
}

export function assertDateNotBefore(field: string, date: string, notBefore: string) {
  if (date < notBefore)
    throw invalid([
      fieldError(field, `không được trước ngày ${notBefore}`, `must not be before ${notBefore}`),
    ]);
}

export function createOrgService({ db, clock }: OrgServiceDeps) {
  return {
    async tree(actor: Actor, opts: { asOf?: string; includeHistorical: boolean }) {
      requirePermission(actor, 'org.read');
      const units = await queries.listTree(
        db,
        actor.scopePath,
        opts.asOf ?? todayOf(clock),
        opts.includeHistorical,
      );
      // Same order on PGlite and PostgreSQL whatever their collations: level, then Vietnamese name order.
      units.sort(
        (a, b) => (LEVEL_ORDER[a.level] ?? 9) - (LEVEL_ORDER[b.level] ?? 9) || viCompare(a.name, b.name),
      );
      const ids = new Set(units.map((u) => u.id));
      return {
        units,
        rootIds: units.filter((u) => u.parentId == null || !ids.has(u.parentId)).map((u) => u.id),
      };
    },

    async detail(actor: Actor, id: number) {
      requirePermission(actor, 'org.read');
      const unit = await getUnitInScope(db, actor, id);
      const [parent, successor, counts, versions, events] = await Promise.all([
        unit.parentId ? queries.getUnit(db, unit.parentId) : undefined,
        unit.successorId ? queries.getUnit(db, unit.successorId) : undefined,
        queries.countPeople(db, unit),
        queries.listVersions(db, unit.id),
        queries.listEvents(db, unit.id),
      ]);
      return {
        ...unit,
        peopleCount: counts.own,
        subtreePeopleCount: counts.subtree,
        parentName: parent?.name ?? null,
        successorName: successor?.name ?? null,
        versions,
        events: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
      };
    },

    async create(actor: Actor, body: z.infer<typeof CreateUnitBody>) {
      requirePermission(actor, 'org.write');
      const unknown = await findUnknownCodes(db, [
        { field: 'level', list: 'unit_level', code: body.level },
        { field: 'kind', list: 'unit_kind', code: body.kind },
      ]);
      if (unknown.length) throw invalid(unknown);
      return db.transaction(async (tx) => {
        const parent = await getActiveUnit(tx, actor, body.parentId);
        assertDateNotBefore('validFrom', body.validFrom, parent.validFrom);
        const unit = await queries.insertUnit(tx, parent, { ...body, searchName: foldText(body.name) });
        await queries.recordEvent(tx, {
          kind: 'create',
          effectiveDate: body.validFrom,
          unitIds: [unit.id, parent.id],
          actorId: actor.userId,
          detail: { name: unit.name },
        });
        await audit(tx, actor, {
          action: 'org.create',
          entity: 'org_unit',
          entityId: unit.id,
          summary: unit.name,
          scopePath: unit.path,
          after: unit,
        });
        return { ...unit, peopleCount: 0 };
      });
    },

    async rename(actor: Actor, id: number, body: z.infer<typeof RenameUnitBody>) {
      requirePermission(actor, 'org.write');
      return db.transaction(async (tx) => {
        const unit = await getActiveUnit(tx, actor, id);
        assertDateNotBefore('effectiveDate', body.effectiveDate, unit.validFrom);
        await queries.newVersion(tx, unit.id, body.effectiveDate, body.name, unit.parentId);
        const [after] = await tx
          .update(orgUnits)
          .set({
            name: body.name,
            searchName: foldText(body.name),
            shortName: body.shortName ?? unit.shortName,
            code: body.code ?? unit.code,
            updatedAt: clock.now(),
          })
          .where(eq(orgUnits.id, unit.id))
          .returning();
        await queries.recordEvent(tx, {
          kind: 'rename',
          effectiveDate: body.effectiveDate,
          unitIds: [unit.id],
          note: body.note,
          actorId: actor.userId,
          detail: { from: unit.name, to: body.name },
        });
        await audit(tx, actor, {
          action: 'org.rename',
          entity: 'org_unit',
          entityId: unit.id,
          summary: `${unit.name} → ${body.name}`,
          scopePath: unit.path,
          before: { name: unit.name, code: unit.code },
          after: { name: after.name, code: after.code },
        });
        const counts = await queries.countPeople(tx, after);
        return { ...after, peopleCount: counts.own };
      });
    },

    async move(actor: Actor, id: number, body: z.infer<typeof MoveUnitBody>) {
      requirePermission(actor, 'org.write');
      return db.transaction(async (tx) => {
        const unit = await getActiveUnit(tx, actor, id);
        assertNotScopeRoot(actor, unit);
        const parent = await getActiveUnit(tx, actor, body.parentId);
        if (parent.id === unit.id || pathWithin(parent.path, unit.path)) throw new AppError('INVALID_MOVE');
        if (parent.id === unit.parentId)
          return { ...unit, peopleCount: (await queries.countPeople(tx, unit)).own };
        assertDateNotBefore('effectiveDate', body.effectiveDate, unit.validFrom);
        await queries.reparent(tx, unit, parent);
        await queries.newVersion(tx, unit.id, body.effectiveDate, unit.name, parent.id);
        await queries.recordEvent(tx, {
          kind: 'move',
          effectiveDate: body.effectiveDate,
          unitIds: [unit.id, parent.id, ...(unit.parentId ? [unit.parentId] : [])],
          note: body.note,
          actorId: actor.userId,
          detail: { fromParentId: unit.parentId, toParentId: parent.id },
        });
        const after = (await queries.getUnit(tx, unit.id))!;
        await audit(tx, actor, {
          action: 'org.move',
          entity: 'org_unit',
          entityId: unit.id,
          summary: `${unit.name} → ${parent.name}`,
          scopePath: after.path,
          before: { parentId: unit.parentId, path: unit.path },
          after: { parentId: parent.id, path: after.path },
        });
        return { ...after, peopleCount: (await queries.countPeople(tx, after)).own };
      });
    },
  };
}
