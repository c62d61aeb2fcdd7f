/**
 * What a class actually spent and its settlement (ADR 039). Lines carry an item of the dated list
 * `spending_item` (in force on the day spent), a funding source and an amount; the settlement
 * (quyết toán) records the decision's number and date and the settled total, and locks the lines
 * until it is undone. Read by whoever manages the class (its organiser's subtree, the teaching
 * institution); others who merely see the class get 403. Every change is audited.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../../contracts/roles';
import type { SettlementBody, SpendingBody, UpdateSpendingBody } from '../../../contracts/spending';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { classSettlements, classSpending } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { AppError, conflict, type FieldError, fieldError, invalid, notFound } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import { assertVisible } from './classes.policy';
import { type ClassRow, findClass } from './classes.queries';
import { budgetTotal } from './classes.rules';

const LINE = { vi: 'khoản chi', en: 'Spending line' };
const SETTLED_STATUSES = ['finished', 'closed'];

/** Manages the class's money: the organiser's subtree or the teaching institution's. */
const ownsMoney = (actor: Actor, c: ClassRow) =>
  pathWithin(c.organiserPath, actor.scopePath) ||
  (c.institutionPath !== null && pathWithin(c.institutionPath, actor.scopePath));

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The item in force on the day spent (meta validFrom / validTo of list spending_item) and the source known. */
async function checkLine(q: Queryable, body: Partial<z.infer<typeof SpendingBody>>, day: string) {
  const errors: FieldError[] = await findUnknownCodes(q, [
    { field: 'item', list: 'spending_item', code: body.item ?? '' },
    { field: 'fundingSource', list: 'funding_source', code: body.fundingSource ?? '' },
  ]);
  if (body.item && !errors.some((e) => e.field === 'item')) {
    const [row] = rowsOf<{ validFrom: string | null; validTo: string | null }>(
      await q.execute(sql`select meta->>'validFrom' as "validFrom", meta->>'validTo' as "validTo"
        from code_items where list = 'spending_item' and code = ${body.item}`),
    );
    if (row && ((row.validFrom && day < row.validFrom) || (row.validTo && day > row.validTo)))
      errors.push(
        fieldError(
          'item',
          `khoản chi "${body.item}" không áp dụng vào ngày ${day}`,
          `spending item "${body.item}" is not in force on ${day}`,
        ),
      );
  }
  if (errors.length) throw invalid(errors);
}

export function createClassSpendingService({ db, clock }: { db: Db; clock: Clock }) {
  async function classFor(q: Queryable, actor: Actor, id: number, lock: boolean) {
    if (lock) await q.execute(sql`select id from classes where id = ${id} for update`);
    const c = assertVisible(actor, await findClass(q, id));
    if (!ownsMoney(actor, c)) throw new AppError('FORBIDDEN');
    return c;
  }

  async function settlementOf(q: Queryable, classId: number) {
    const [s] = await q.select().from(classSettlements).where(eq(classSettlements.classId, classId));
    return s ?? null;
  }

  async function manageable(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'classes.manage');
    const c = await classFor(q, actor, id, true);
    return { c, settlement: await settlementOf(q, id) };
  }

  /** Lines may change while the class is not cancelled and not settled. */
  async function editable(q: Queryable, actor: Actor, id: number) {
    const m = await manageable(q, actor, id);
    if (m.settlement)
      throw conflict(
        `Lớp đã quyết toán (số ${m.settlement.number}): các khoản chi đã khóa.`,
        `The class is settled (no. ${m.settlement.number}): its spending is locked.`,
      );
    if (m.c.status === 'cancelled')
      throw conflict(
        'Lớp đã hủy: không ghi chi phí được.',
        'The class is cancelled: no spending can be recorded.',
      );
    return m.c;
  }

  async function read(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'classes.read');
    const c = await classFor(q, actor, id, false);
    const lines = (
      await q
        .select()
        .from(classSpending)
        .where(eq(classSpending.classId, id))
        .orderBy(classSpending.spentOn, classSpending.id)
    ).map((l) => ({
      id: l.id,
      item: l.item,
      fundingSource: l.fundingSource,
      amount: Number(l.amount),
      spentOn: l.spentOn,
      note: l.note,
    }));
    const settlement = await settlementOf(q, id);
    const by = (key: 'item' | 'fundingSource') => {
      const out: Record<string, number> = {};
      for (const l of lines) out[l[key]] = (out[l[key]] ?? 0) + l.amount;
      return out;
    };
    const manages = can(actor.role, 'classes.manage');
    return {
      classId: id,
      estimate: c.budget,
      estimateTotal: budgetTotal(c.budget),
      lines,
      actualTotal: sum(lines.map((l) => l.amount)),
      byItem: by('item'),
      bySource: by('fundingSource'),
      settlement: settlement
        ? {
            number: settlement.number,
            settledOn: settlement.settledOn,
            settledTotal: Number(settlement.settledTotal),
            note: settlement.note,
          }
        : null,
      canEdit: manages && !settlement && c.status !== 'cancelled',
      canSettle: manages && !settlement && SETTLED_STATUSES.includes(c.status),
      canReopen: manages && settlement !== null,
    };
  }

  const scope = (c: ClassRow) => c.organiserPath;

  return {
    get: (actor: Actor, id: number) => read(db, actor, id),

    async add(actor: Actor, id: number, body: z.infer<typeof SpendingBody>) {
      return db.transaction(async (tx) => {
        const c = await editable(tx, actor, id);
        await checkLine(tx, body, body.spentOn);
        const [row] = await tx
          .insert(classSpending)
          .values({ ...body, classId: id, createdBy: actor.userId || null })
          .returning();
        await audit(tx, actor, {
          action: 'class.spending.add',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: ${row.item} ${row.amount}`,
          scopePath: scope(c),
          after: row,
        });
        return read(tx, actor, id);
      });
    },

    async update(actor: Actor, id: number, lineId: number, body: z.infer<typeof UpdateSpendingBody>) {
      return db.transaction(async (tx) => {
        const c = await editable(tx, actor, id);
        const where = and(eq(classSpending.id, lineId), eq(classSpending.classId, id));
        const [before] = await tx.select().from(classSpending).where(where);
        if (!before) throw notFound(LINE);
        await checkLine(tx, { ...before, ...body }, body.spentOn ?? before.spentOn);
        const [after] = await tx
          .update(classSpending)
          .set({ ...body, updatedAt: clock.now() })
          .where(where)
          .returning();
        const diff = changedFields(before as Record<string, unknown>, after as Record<string, unknown>);
        await audit(tx, actor, {
          action: 'class.spending.update',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: ${after.item} ${after.amount}`,
          scopePath: scope(c),
          before: diff.before,
          after: diff.after,
          request: namedIn(body),
        });
        return read(tx, actor, id);
      });
    },

    async remove(actor: Actor, id: number, lineId: number) {
      return db.transaction(async (tx) => {
        const c = await editable(tx, actor, id);
        const [gone] = await tx
          .delete(classSpending)
          .where(and(eq(classSpending.id, lineId), eq(classSpending.classId, id)))
          .returning();
        if (!gone) throw notFound(LINE);
        await audit(tx, actor, {
          action: 'class.spending.delete',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: ${gone.item} ${gone.amount}`,
          scopePath: scope(c),
          before: gone,
        });
        return read(tx, actor, id);
      });
    },

    /** Settle a finished or closed class: locks its lines. */
    async settle(actor: Actor, id: number, body: z.infer<typeof SettlementBody>) {
      return db.transaction(async (tx) => {
        const c = await editable(tx, actor, id);
        if (!SETTLED_STATUSES.includes(c.status))
          throw conflict('Chỉ quyết toán lớp đã kết thúc.', 'Only a finished class can be settled.');
        const [{ total }] = rowsOf<{ total: number }>(
          await tx.execute(
            sql`select coalesce(sum(amount), 0)::bigint as total from class_spending where class_id = ${id}`,
          ),
        );
        const [row] = await tx
          .insert(classSettlements)
          .values({
            classId: id,
            number: body.number,
            settledOn: body.settledOn,
            settledTotal: body.settledTotal ?? Number(total),
            note: body.note ?? null,
            createdBy: actor.userId || null,
          })
          .returning();
        await audit(tx, actor, {
          action: 'class.settle',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: quyết toán số ${row.number}, ${row.settledTotal}`,
          scopePath: scope(c),
          after: row,
        });
        return read(tx, actor, id);
      });
    },

    /** Undo a settlement (a correction): the lines can change again. */
    async reopen(actor: Actor, id: number) {
      return db.transaction(async (tx) => {
        const { c, settlement } = await manageable(tx, actor, id);
        if (!settlement) throw conflict('Lớp chưa quyết toán.', 'The class is not settled.');
        await tx.delete(classSettlements).where(eq(classSettlements.classId, id));
        await audit(tx, actor, {
          action: 'class.settle.undo',
          entity: 'class',
          entityId: id,
          summary: `${c.code}: hủy quyết toán số ${settlement.number}`,
          scopePath: scope(c),
          before: settlement,
        });
        return read(tx, actor, id);
      });
    },
  };
}
