import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MergeUnitsBody, SplitUnitBody } from '../../../contracts/org';
import { foldText } from '../../../contracts/text';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { orgUnits, users } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, fieldError, invalid } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import { transferPeople } from '../people/people.transfer';
import type { UnitRow } from './org.queries';
import * as queries from './org.queries';
import { assertDateNotBefore, assertNotScopeRoot, getActiveUnit } from './org.service';

/**
 * A unit ceases on `date` and another takes over: its people (with dated history), its active
 * sub-units and the users scoped to it follow the successor. The unit's row stays for history.
 */
async function dissolveInto(
  tx: Queryable,
  actor: Actor,
  source: UnitRow,
  successor: UnitRow,
  date: string,
  reason: string,
) {
  const moved = await transferPeople(tx, {
    fromUnitId: source.id,
    toUnitId: successor.id,
    date,
    reason,
    actorId: actor.userId,
  });
  const children = await tx
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, source.id), isNull(orgUnits.validTo)));
  for (const child of children) {
    const fresh = (await queries.getUnit(tx, child.id))!;
    const target = (await queries.getUnit(tx, successor.id))!;
    await queries.reparent(tx, fresh, target);
    await queries.newVersion(tx, child.id, date, child.name, successor.id);
  }
  await tx.update(users).set({ scopeUnitId: successor.id }).where(eq(users.scopeUnitId, source.id));
  await tx
    .update(orgUnits)
    .set({ validTo: date, successorId: successor.id, updatedAt: new Date() })
    .where(eq(orgUnits.id, source.id));
  await queries.closeVersion(tx, source.id, date);
  return moved;
}

export function createRestructureService({ db }: { db: Db }) {
  return {
    /** Merge several units into an existing unit or a new one. */
    async merge(actor: Actor, body: z.infer<typeof MergeUnitsBody>) {
      requirePermission(actor, 'org.write');
      if (!body.targetId === !body.newUnit)
        throw invalid([
          fieldError(
            'targetId',
            'chọn một đơn vị tiếp nhận hoặc tạo đơn vị mới (chỉ một)',
            'give either targetId or newUnit',
          ),
        ]);
      if (new Set(body.sourceIds).size !== body.sourceIds.length)
        throw invalid([fieldError('sourceIds', 'có đơn vị bị lặp', 'lists a unit twice')]);
      if (body.newUnit) {
        const unknown = await findUnknownCodes(db, [
          { field: 'newUnit.level', list: 'unit_level', code: body.newUnit.level },
          { field: 'newUnit.kind', list: 'unit_kind', code: body.newUnit.kind },
        ]);
        if (unknown.length) throw invalid(unknown);
      }
      return db.transaction(async (tx) => {
        const sources: UnitRow[] = [];
        for (const id of body.sourceIds) {
          const s = await getActiveUnit(tx, actor, id);
          assertNotScopeRoot(actor, s);
          assertDateNotBefore('effectiveDate', body.effectiveDate, s.validFrom);
          sources.push(s);
        }
        let target: UnitRow;
        if (body.targetId) {
          if (body.sourceIds.includes(body.targetId))
            throw invalid([
              fieldError(
                'targetId',
                'đơn vị tiếp nhận không được nằm trong danh sách sáp nhập',
                'must not be one of the merged units',
              ),
            ]);
          target = await getActiveUnit(tx, actor, body.targetId);
        } else {
          const nu = body.newUnit!;
          const parent = await getActiveUnit(tx, actor, nu.parentId);
          target = await queries.insertUnit(tx, parent, {
            name: nu.name,
            searchName: foldText(nu.name),
            code: nu.code,
            level: nu.level,
            kind: nu.kind,
            validFrom: body.effectiveDate,
          });
        }
        if (sources.some((s) => target.path.startsWith(`${s.path}.`)))
          throw new AppError('INVALID_MOVE', {
            message: {
              vi: 'Đơn vị tiếp nhận không được là đơn vị con của đơn vị bị sáp nhập.',
              en: 'The receiving unit cannot lie under a merged unit.',
            },
          });
        let movedPeople = 0;
        for (const s of sources)
          movedPeople += await dissolveInto(
            tx,
            actor,
            s,
            target,
            body.effectiveDate,
            `Sáp nhập ${s.name} vào ${target.name}`,
          );
        await queries.recordEvent(tx, {
          kind: 'merge',
          effectiveDate: body.effectiveDate,
          unitIds: [target.id, ...body.sourceIds],
          note: body.note,
          actorId: actor.userId,
          detail: {
            sources: sources.map((s) => ({ id: s.id, name: s.name })),
            target: { id: target.id, name: target.name },
            movedPeople,
          },
        });
        await audit(tx, actor, {
          action: 'org.merge',
          entity: 'org_unit',
          entityId: target.id,
          summary: `${sources.map((s) => s.name).join(', ')} → ${target.name}`,
          scopePath: target.path,
          before: { sources: sources.map((s) => ({ id: s.id, name: s.name, path: s.path })) },
          after: { target: { id: target.id, name: target.name }, movedPeople },
        });
        const fresh = (await queries.getUnit(tx, target.id))!;
        return { target: { ...fresh, peopleCount: (await queries.countPeople(tx, fresh)).own }, movedPeople };
      });
    },

    /** Split a unit into new units; each part takes the people listed for it (the rest go to part 1). */
    async split(actor: Actor, id: number, body: z.infer<typeof SplitUnitBody>) {
      requirePermission(actor, 'org.write');
      const all = body.parts.flatMap((p) => p.personIds);
      if (new Set(all).size !== all.length)
        throw invalid([
          fieldError('parts', 'một người được chia vào hai đơn vị', 'a person is listed in two parts'),
        ]);
      return db.transaction(async (tx) => {
        const unit = await getActiveUnit(tx, actor, id);
        assertNotScopeRoot(actor, unit);
        assertDateNotBefore('effectiveDate', body.effectiveDate, unit.validFrom);
        if (all.length) {
          const found = rowsOf<{ n: number }>(
            await tx.execute(
              sql`select count(*)::int as n from people where unit_id = ${unit.id} and id = any(${sql.param(all)}::int[])`,
            ),
          );
          if (found[0].n !== all.length)
            throw invalid([
              fieldError(
                'parts.personIds',
                'có người không thuộc đơn vị bị chia tách',
                'lists people who are not in the unit being split',
              ),
            ]);
        }
        const parent = (await queries.getUnit(tx, unit.parentId!))!;
        const parts: UnitRow[] = [];
        for (const p of body.parts)
          parts.push(
            await queries.insertUnit(tx, parent, {
              name: p.name,
              searchName: foldText(p.name),
              code: p.code,
              level: unit.level,
              kind: p.kind ?? unit.kind,
              validFrom: body.effectiveDate,
            }),
          );
        let movedPeople = 0;
        for (let i = 1; i < parts.length; i++)
          if (body.parts[i].personIds.length)
            movedPeople += await transferPeople(tx, {
              fromUnitId: unit.id,
              toUnitId: parts[i].id,
              date: body.effectiveDate,
              reason: `Chia tách ${unit.name}`,
              actorId: actor.userId,
              personIds: body.parts[i].personIds,
            });
        movedPeople += await dissolveInto(
          tx,
          actor,
          unit,
          parts[0],
          body.effectiveDate,
          `Chia tách ${unit.name}`,
        );
        const partIds = parts.map((p) => p.id);
        await queries.recordEvent(tx, {
          kind: 'split',
          effectiveDate: body.effectiveDate,
          unitIds: [unit.id, ...partIds],
          note: body.note,
          actorId: actor.userId,
          detail: {
            source: { id: unit.id, name: unit.name },
            parts: parts.map((p) => ({ id: p.id, name: p.name })),
            movedPeople,
          },
        });
        await audit(tx, actor, {
          action: 'org.split',
          entity: 'org_unit',
          entityId: unit.id,
          summary: `${unit.name} → ${parts.map((p) => p.name).join(', ')}`,
          scopePath: parent.path,
          before: { unit: { id: unit.id, name: unit.name } },
          after: { parts: parts.map((p) => ({ id: p.id, name: p.name })), movedPeople },
        });
        const fresh = await tx.select().from(orgUnits).where(inArray(orgUnits.id, partIds));
        const out = [];
        for (const p of partIds) {
          const u = fresh.find((f) => f.id === p)!;
          out.push({ ...u, peopleCount: (await queries.countPeople(tx, u)).own });
        }
        return { parts: out, movedPeople };
      });
    },
  };
}
