import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreatePlanBody,
  PlanDetail,
  PlanLineBody,
  PlanQuery,
  UpdatePlanBody,
  UpdatePlanLineBody,
} from '../../../contracts/plans';
import type { Db, Queryable } from '../../db/client';
import { annualPlans, planLines } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { namedIn } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors';
import { getUnitInScope, pathWithin, requirePermission } from '../../lib/scope';
import { approveBlockedReason } from '../policies/four-eyes';
import { getVisibleMultiyear } from './multiyear.service';
import { abilities, assertAllowed, checkLine, getVisiblePlan, LINE_NOT_FOUND, record } from './plans.policy';
import {
  findLine,
  findPlanOf,
  type LineRow,
  listPlans,
  liveLines,
  planEvents,
  planVersions,
} from './plans.queries';
import { budgetTotal, planTotals } from './plans.rules';

export const toLine = (l: LineRow) => ({ ...l, budgetTotal: budgetTotal(l.budget) });

/** A multi-year programme a plan of `unitPath` may refer to: issued by the unit or one above it. */
export async function checkMultiyear(q: Queryable, actor: Actor, multiyearId: number, unitPath: string) {
  const m = await getVisibleMultiyear(q, actor, multiyearId).catch(() => null);
  if (!m || !pathWithin(unitPath, m.unitPath))
    throw invalid([
      fieldError(
        'multiyearId',
        'không phải chương trình của đơn vị hoặc cấp trên',
        'is not a programme of the unit or a unit above it',
      ),
    ]);
}

export function planExists(year: number) {
  return new AppError('CONFLICT', {
    message: {
      vi: `Đơn vị đã có kế hoạch năm ${year}: hãy mở kế hoạch đó (hoặc tạo phiên bản điều chỉnh).`,
      en: `The unit already has a plan for ${year}: open it (or revise it into a new version).`,
    },
    fields: [fieldError('year', 'đã có kế hoạch năm này', 'a plan exists for this year')],
  });
}

export function createPlanService({ db, clock }: { db: Db; clock: Clock }) {
  async function detail(q: Queryable, actor: Actor, id: number): Promise<PlanDetail> {
    const p = await getVisiblePlan(q, actor, id);
    // One after the other: inside a transaction they share one connection.
    const lines = await liveLines(q, id);
    const versions = await planVersions(q, id);
    const events = await planEvents(q, id);
    const can = abilities(actor, p);
    const [sent] = await q
      .select({ submittedBy: annualPlans.submittedBy })
      .from(annualPlans)
      .where(eq(annualPlans.id, id));
    // The four-eyes rule (ADR 038) as the approving service applies it, read before acting.
    const blocked = can.review
      ? await approveBlockedReason(q, actor, {
          submittedBy: sent?.submittedBy ?? null,
          unitPath: p.unitPath,
          date: todayOf(clock),
          subject: 'plan',
        })
      : null;
    return {
      ...p,
      lines: lines.map(toLine),
      totals: planTotals(lines),
      versions: versions.map(({ id: _, ...v }) => v),
      events,
      can: { ...can, approve: can.review && !blocked },
      approveBlockedReason: blocked,
    };
  }

  /** The plan, editable by the actor (permission, scope, status), inside a transaction. */
  async function editable(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'plans.draft');
    const p = await getVisiblePlan(q, actor, id);
    assertAllowed(p, 'edit');
    return p;
  }

  const touch = (q: Queryable, id: number) =>
    q.update(annualPlans).set({ updatedAt: sql`now()` }).where(eq(annualPlans.id, id));

  return {
    detail: (actor: Actor, id: number) => {
      requirePermission(actor, 'plans.read');
      return detail(db, actor, id);
    },

    /** Plans of the actor's subtree (or of a unit in it), filtered by year and status, paged. */
    async list(actor: Actor, query: z.infer<typeof PlanQuery>) {
      requirePermission(actor, 'plans.read');
      const unit = query.unitId ? await getUnitInScope(db, actor, query.unitId) : null;
      const { items, total } = await listPlans(db, actor.scopePath, { ...query, unitPath: unit?.path });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    /** A new (empty) draft plan of a unit in the actor's subtree for a year: one plan per unit and year. */
    async create(actor: Actor, body: z.infer<typeof CreatePlanBody>) {
      requirePermission(actor, 'plans.draft');
      return db.transaction(async (tx) => {
        const unit = await getUnitInScope(tx, actor, body.unitId ?? actor.scopeUnitId);
        if (unit.validTo) throw new AppError('UNIT_DISSOLVED');
        if (body.multiyearId) await checkMultiyear(tx, actor, body.multiyearId, unit.path);
        if (await findPlanOf(tx, unit.id, body.year)) throw planExists(body.year);
        const [row] = await tx
          .insert(annualPlans)
          .values({
            unitId: unit.id,
            year: body.year,
            title: body.title,
            multiyearId: body.multiyearId ?? null,
            note: body.note ?? null,
            createdBy: actor.userId || null,
          })
          // Two officers creating the same plan at once: the unique (unit, year) index decides.
          .onConflictDoNothing()
          .returning();
        if (!row) throw planExists(body.year);
        await record(tx, actor, { ...row, unitPath: unit.path }, 'create', { after: row });
        return detail(tx, actor, row.id);
      });
    },

    async update(actor: Actor, id: number, body: z.infer<typeof UpdatePlanBody>) {
      return db.transaction(async (tx) => {
        const p = await editable(tx, actor, id);
        if (body.multiyearId) await checkMultiyear(tx, actor, body.multiyearId, p.unitPath);
        const before = { title: p.title, multiyearId: p.multiyearId, note: p.note };
        await tx
          .update(annualPlans)
          .set({ ...body, updatedAt: sql`now()` })
          .where(eq(annualPlans.id, id));
        await record(tx, actor, p, 'update', { before, after: body, request: namedIn(body) });
        return detail(tx, actor, id);
      });
    },

    async addLine(actor: Actor, id: number, body: z.infer<typeof PlanLineBody>) {
      return db.transaction(async (tx) => {
        const p = await editable(tx, actor, id);
        await checkLine(tx, body);
        const [row] = await tx
          .insert(planLines)
          .values({
            ...body,
            targetList: body.targetList ?? null,
            targetCode: body.targetCode ?? null,
            level: body.level ?? null,
            periods: body.periods ?? null,
            note: body.note ?? null,
            planId: id,
            createdInVersion: p.version,
          })
          .returning();
        await touch(tx, id);
        await record(tx, actor, p, 'line.add', { after: row });
        return toLine((await findLine(tx, id, row.id))!);
      });
    },

    async updateLine(actor: Actor, id: number, lineId: number, body: z.infer<typeof UpdatePlanLineBody>) {
      return db.transaction(async (tx) => {
        const p = await editable(tx, actor, id);
        const before = await findLine(tx, id, lineId);
        if (!before) throw notFound(LINE_NOT_FOUND);
        await checkLine(tx, { ...before, ...body });
        await tx
          .update(planLines)
          .set({ ...body, updatedAt: sql`now()` })
          .where(and(eq(planLines.id, lineId), eq(planLines.planId, id)));
        await touch(tx, id);
        const after = (await findLine(tx, id, lineId))!;
        await record(tx, actor, p, 'line.update', { before, after, request: namedIn(body) });
        return toLine(after);
      });
    },

    /** Remove a line from the working version; the row stays (marked removed) for older versions and classes. */
    async deleteLine(actor: Actor, id: number, lineId: number) {
      return db.transaction(async (tx) => {
        const p = await editable(tx, actor, id);
        const before = await findLine(tx, id, lineId);
        if (!before) throw notFound(LINE_NOT_FOUND);
        await tx
          .update(planLines)
          .set({ removedAt: sql`now()` })
          .where(and(eq(planLines.id, lineId), eq(planLines.planId, id)));
        await touch(tx, id);
        await record(tx, actor, p, 'line.delete', { before });
        return { ok: true as const };
      });
    },
  };
}
