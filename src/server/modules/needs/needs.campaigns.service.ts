import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { BoardQuery, Campaign, CreateCampaignBody } from '../../../contracts/needs';
import type { Db, Queryable } from '../../db/client';
import { needsCampaigns, orgUnits } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, fieldError } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import {
  actorName,
  assertCoversRoot,
  assertOpen,
  type CampaignRow,
  getVisibleCampaign,
  lateness,
  listCampaignRows,
} from './needs.policy';
import { prefillCampaign } from './needs.prefill';
import {
  boardRows,
  consolidatedGroups,
  consolidatedRows,
  rootReviewCounts,
  statusRows,
} from './needs.queries';

/** A campaign with its proposals counted by status (those the actor can see). */
async function withCounts(
  q: Queryable,
  actor: Actor,
  rows: CampaignRow[],
  today: string,
): Promise<Campaign[]> {
  const counts = await statusRows(
    q,
    rows.map((r) => r.id),
    actor.scopePath,
  );
  return rows.map(({ rootPath: _, ...c }) => {
    const mine = counts.filter((s) => s.campaignId === c.id);
    const n = (status: string) => mine.find((s) => s.status === status)?.n ?? 0;
    const unsent = n('draft') + n('returned');
    return {
      ...c,
      proposals: {
        total: mine.reduce((a, s) => a + s.n, 0),
        draft: n('draft'),
        submitted: n('submitted'),
        returned: n('returned'),
        accepted: n('accepted'),
        late: today > c.deadline ? unsent : 0,
      },
    };
  });
}

export function createCampaignService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Open a campaign over the actor's subtree and pre-fill one proposal per participating unit
     * from the standards gaps on the opening day (ADR 008).
     */
    async create(actor: Actor, body: z.infer<typeof CreateCampaignBody>) {
      requirePermission(actor, 'needs.manage');
      const today = todayOf(clock);
      return db.transaction(async (tx) => {
        const [root] = await tx.select().from(orgUnits).where(eq(orgUnits.id, actor.scopeUnitId));
        if (root.validTo) throw new AppError('UNIT_DISSOLVED');
        const [clash] = await tx
          .select({ id: needsCampaigns.id })
          .from(needsCampaigns)
          .where(
            and(
              eq(needsCampaigns.rootUnitId, root.id),
              eq(needsCampaigns.year, body.year),
              eq(needsCampaigns.status, 'open'),
            ),
          );
        if (clash)
          throw new AppError('CONFLICT', {
            message: {
              vi: `Đơn vị đã có một đợt tổng hợp nhu cầu năm ${body.year} đang mở.`,
              en: `An open needs campaign for ${body.year} already exists for this unit.`,
            },
            fields: [fieldError('year', 'đã có đợt đang mở', 'an open campaign exists')],
          });
        const [c] = await tx
          .insert(needsCampaigns)
          .values({ ...body, note: body.note ?? null, rootUnitId: root.id, createdBy: actor.userId || null })
          .returning();
        const prefill = await prefillCampaign(tx, {
          campaignId: c.id,
          root,
          asOf: today,
          actorId: actor.userId,
          actorName: await actorName(tx, actor),
        });
        await audit(tx, actor, {
          action: 'needs.campaign.create',
          entity: 'needs_campaign',
          entityId: c.id,
          summary: `${c.year}: ${c.title}`,
          scopePath: root.path,
          after: { ...c, prefill },
        });
        const row = (await getVisibleCampaign(tx, actor, c.id)) as CampaignRow;
        const [campaign] = await withCounts(tx, actor, [row], today);
        return { ...campaign, prefill };
      });
    },

    /** Campaigns covering the actor's subtree or opened inside it, newest year first. */
    async list(actor: Actor) {
      requirePermission(actor, 'needs.read');
      const rows = await listCampaignRows(db, actor.scopePath);
      return { items: await withCounts(db, actor, rows, todayOf(clock)) };
    },

    /** The status board: every proposal of the actor's subtree, late units listed. */
    async board(actor: Actor, id: number, query: z.infer<typeof BoardQuery>) {
      requirePermission(actor, 'needs.read');
      const today = todayOf(clock);
      const c = await getVisibleCampaign(db, actor, id);
      const [campaign] = await withCounts(db, actor, [c], today);
      const proposals = (await boardRows(db, id, actor.scopePath)).map((r) => ({
        proposalId: r.proposalId,
        unitId: r.unitId,
        unitName: r.unitName,
        reviewerUnitId: r.reviewerUnitId,
        reviewerName: r.reviewerName,
        status: r.status,
        submittedAt: r.submittedAt,
        reviewedAt: r.reviewedAt,
        decisionNo: r.decisionNo,
        decisionDate: r.decisionDate,
        signerName: r.signerName,
        lines: {
          total: r.total,
          gap: r.gap,
          manual: r.manual,
          consolidated: r.consolidated,
          people: r.people,
        },
        ...lateness(r, c.deadline, today),
        lastEvent: r.lastAction
          ? { action: r.lastAction, actorName: r.lastActor, comment: r.lastComment, at: r.lastAt! }
          : null,
      }));
      const lateUnits = proposals
        .filter((p) => p.late)
        .map((p) => ({ proposalId: p.proposalId, unitId: p.unitId, unitName: p.unitName, status: p.status }));
      const shown = proposals.filter(
        (p) => (!query.status || p.status === query.status) && (!query.late || String(p.late) === query.late),
      );
      return { campaign, proposals: shown, lateUnits };
    },

    /** Close the campaign: every proposal is frozen from then on. */
    async close(actor: Actor, id: number) {
      requirePermission(actor, 'needs.manage');
      return db.transaction(async (tx) => {
        const c = await getVisibleCampaign(tx, actor, id);
        assertCoversRoot(actor, c);
        assertOpen(c);
        await tx
          .update(needsCampaigns)
          .set({ status: 'closed', updatedAt: clock.now() })
          .where(eq(needsCampaigns.id, id));
        await tx.execute(sql`insert into needs_events (proposal_id, action, actor_id, actor_name)
          select id, 'close', ${actor.userId || null}::int, ${await actorName(tx, actor)} from needs_proposals
          where campaign_id = ${id}`);
        await audit(tx, actor, {
          action: 'needs.campaign.close',
          entity: 'needs_campaign',
          entityId: id,
          summary: `${c.year}: ${c.title}`,
          scopePath: c.rootPath,
          before: { status: 'open' },
          after: { status: 'closed' },
        });
        const [campaign] = await withCounts(tx, actor, [{ ...c, status: 'closed' }], todayOf(clock));
        return campaign;
      });
    },

    /** The consolidated needs table at the campaign root (programme kind x level x unit). */
    async consolidated(actor: Actor, id: number) {
      requirePermission(actor, 'needs.read');
      const c = await getVisibleCampaign(db, actor, id);
      assertCoversRoot(actor, c);
      const [[campaign], rows, groups, counts] = await Promise.all([
        withCounts(db, actor, [c], todayOf(clock)),
        consolidatedRows(db, id, c.rootUnitId),
        consolidatedGroups(db, id, c.rootUnitId),
        rootReviewCounts(db, id, c.rootUnitId),
      ]);
      return {
        campaign,
        groups,
        rows,
        totals: { people: counts.people, quantity: counts.quantity },
        reviewedByRoot: {
          total: counts.total,
          accepted: counts.accepted,
          pending: counts.total - counts.accepted,
        },
      };
    },
  };
}
