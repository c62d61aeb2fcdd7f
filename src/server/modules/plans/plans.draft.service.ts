/**
 * Drafting a plan from a needs campaign's consolidated table, and the class-size setting that
 * suggests how many classes the needs make (ADR 010). The needs are read through the needs
 * service, which checks that the actor may read the campaign's root table.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FromNeedsBody, SetClassSizeBody } from '../../../contracts/plans';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { annualPlans, planClassSizes, planLines } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { invalid } from '../../lib/errors';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import { createCampaignService } from '../needs/needs.campaigns.service';
import { record } from './plans.policy';
import { findPlanOf } from './plans.queries';
import { type ClassSizeRow, draftLinesFromNeeds, planTotals, resolveClassSize } from './plans.rules';
import { checkMultiyear, createPlanService, planExists } from './plans.service';

/** The product's class size when no unit has set one; seeded at every start (provision). */
export const DEFAULT_CLASS_SIZE = 50;

/** Insert the product default (unit null, every kind) unless one exists. Idempotent. */
export async function seedPlanDefaults(q: Queryable) {
  await q.execute(sql`insert into plan_class_sizes (unit_id, programme_kind, size, effective_from, note)
    select null, null, ${DEFAULT_CLASS_SIZE}, '2000-01-01',
      'Mặc định của phần mềm: 50 học viên/lớp (tỉnh có thể đặt lại theo loại chương trình)'
    where not exists (select 1 from plan_class_sizes where unit_id is null and programme_kind is null)`);
}

type SizeRow = ClassSizeRow & { id: number; unitName: string | null; note: string | null };

async function classSizeRows(q: Queryable, unitPath: string): Promise<SizeRow[]> {
  return rowsOf<SizeRow>(
    await q.execute(sql`select s.id, s.unit_id as "unitId", u.name as "unitName", s.programme_kind as "programmeKind",
        s.size, s.effective_from::text as "effectiveFrom", s.note
      from plan_class_sizes s left join org_units u on u.id = s.unit_id
      where s.unit_id is null or ${unitPath}::ltree <@ u.path
      order by s.effective_from desc, s.id desc`),
  );
}

const pathIds = (path: string) => path.split('.').map(Number);

export function createPlanDraftService({ db, clock }: { db: Db; clock: Clock }) {
  const needs = createCampaignService({ db, clock });
  const plans = createPlanService({ db, clock });

  /** Class sizes that reach the actor's unit (its own, its ancestors', the product's), `applies` marked. */
  async function classSizes(actor: Actor) {
    requirePermission(actor, 'plans.read');
    const rows = await classSizeRows(db, actor.scopePath);
    const today = todayOf(clock);
    const ids = pathIds(actor.scopePath);
    const kinds = new Set([null, ...rows.map((r) => r.programmeKind)]);
    const applying = new Set([...kinds].map((k) => resolveClassSize(rows, ids, k, today)?.id));
    return { items: rows.map((r) => ({ ...r, applies: applying.has(r.id) })) };
  }

  /** The lines a campaign's consolidated needs make for its root unit's plan. */
  async function preview(actor: Actor, campaignId: number, classSize?: number) {
    requirePermission(actor, 'plans.read');
    const table = await needs.consolidated(actor, campaignId);
    const c = table.campaign;
    const unit = await getUnitInScope(db, actor, c.rootUnitId);
    const sizes = await classSizeRows(db, unit.path);
    const today = todayOf(clock);
    const sizeOf = (kind: string) =>
      classSize ?? resolveClassSize(sizes, pathIds(unit.path), kind, today)?.size ?? DEFAULT_CLASS_SIZE;
    const lines = draftLinesFromNeeds(c.id, table.groups, sizeOf);
    return {
      campaignId: c.id,
      campaignTitle: c.title,
      year: c.year,
      unitId: unit.id,
      unitName: unit.name,
      unitPath: unit.path,
      existingPlanId: await findPlanOf(db, unit.id, c.year),
      lines,
      totals: planTotals(lines),
      reviewedByRoot: table.reviewedByRoot,
    };
  }

  return {
    preview: async (actor: Actor, campaignId: number, classSize?: number) => {
      const { unitPath: _, ...p } = await preview(actor, campaignId, classSize);
      return p;
    },

    /** Create the root unit's draft plan for the year with one line per needs group; then the user edits. */
    async fromNeeds(actor: Actor, body: z.infer<typeof FromNeedsBody>) {
      requirePermission(actor, 'plans.draft');
      const p = await preview(actor, body.campaignId, body.classSize);
      const year = body.year ?? p.year;
      const id = await db.transaction(async (tx) => {
        if (await findPlanOf(tx, p.unitId, year)) throw planExists(year);
        if (body.multiyearId) await checkMultiyear(tx, actor, body.multiyearId, p.unitPath);
        const [plan] = await tx
          .insert(annualPlans)
          .values({
            unitId: p.unitId,
            year,
            title: body.title ?? `Kế hoạch đào tạo, bồi dưỡng năm ${year}`,
            multiyearId: body.multiyearId ?? null,
            sourceCampaignId: p.campaignId,
            createdBy: actor.userId || null,
          })
          .onConflictDoNothing()
          .returning();
        if (!plan) throw planExists(year);
        if (p.lines.length)
          await tx
            .insert(planLines)
            .values(p.lines.map(({ classSize: _, budgetTotal: __, ...l }) => ({ ...l, planId: plan.id })));
        await record(tx, actor, { ...plan, unitPath: p.unitPath }, 'draft.needs', {
          after: { campaignId: p.campaignId, lines: p.lines.length, totals: p.totals },
          comment: p.campaignTitle,
        });
        return plan.id;
      });
      return plans.detail(actor, id);
    },

    /** Class sizes that reach the actor's unit (its own, its ancestors', the product's), `applies` marked. */
    classSizes,

    /** A class size for the actor's unit and subtree from a date (a new row; older ones are kept). */
    async setClassSize(actor: Actor, body: z.infer<typeof SetClassSizeBody>) {
      requirePermission(actor, 'plans.manage');
      if (body.programmeKind) {
        const errors = await findUnknownCodes(db, [
          { field: 'programmeKind', list: 'programme_kind', code: body.programmeKind },
        ]);
        if (errors.length) throw invalid(errors);
      }
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(planClassSizes)
          .values({
            unitId: actor.scopeUnitId,
            programmeKind: body.programmeKind ?? null,
            size: body.size,
            effectiveFrom: body.effectiveFrom,
            note: body.note ?? null,
            createdBy: actor.userId || null,
          })
          .returning();
        await audit(tx, actor, {
          action: 'plans.class_size.set',
          entity: 'plan_class_size',
          entityId: row.id,
          summary: `${body.programmeKind ?? '*'}: ${body.size}`,
          scopePath: actor.scopePath,
          after: row,
        });
      });
      return classSizes(actor);
    },
  };
}
