import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditRequest } from '../../../contracts/audit';
import type { DecisionInput } from '../../../contracts/decisions';
import type { LineBody, ProposalDetail, ProposalQuery, UpdateLineBody } from '../../../contracts/needs';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { codeItems, needsEvents, needsLines, needsProposals } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, namedIn } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, type FieldError, fieldError, invalid, notFound } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import { notify } from '../notifications/notify';
import { checkDecision } from '../policies/decision';
import { approveBlockedReason, assertFourEyes } from '../policies/four-eyes';
import {
  actorName,
  assertEditable,
  assertReviewable,
  type CampaignRow,
  getVisibleProposal,
  LINE_NOT_FOUND,
  lateness,
  type ProposalRow,
} from './needs.policy';
import {
  consolidateLines,
  findLine,
  linesPage,
  listEvents,
  personUnitPath,
  proposalTotals,
} from './needs.queries';

/** The code list holding a programme kind's levels (postgraduate study uses the education levels). */
export const levelListOfProgramme = (kind: string) =>
  kind === 'POSTGRADUATE' ? 'level_EDUCATION' : `level_${kind}`;

type Line = { personId?: number | null; programmeKind: string; level?: string | null; quantity: number };

/** Codes, level and person of a line; a named person must belong to the proposing unit's subtree. */
async function checkLine(q: Queryable, p: ProposalRow, line: Line) {
  const errors: FieldError[] = await findUnknownCodes(q, [
    { field: 'programmeKind', list: 'programme_kind', code: line.programmeKind },
  ]);
  const list = levelListOfProgramme(line.programmeKind);
  const [{ n }] = rowsOf<{ n: number }>(
    await q.execute(sql`select count(*)::int as n from ${codeItems} where list = ${list} and active`),
  );
  if (line.level && n === 0)
    errors.push(
      fieldError('level', 'loại chương trình này không chia trình độ', 'this programme kind has no levels'),
    );
  else if (line.level)
    errors.push(...(await findUnknownCodes(q, [{ field: 'level', list, code: line.level }])));
  if (line.personId != null) {
    const path = await personUnitPath(q, line.personId);
    if (!path || !pathWithin(path, p.unitPath))
      errors.push(
        fieldError(
          'personId',
          'không thuộc đơn vị đề xuất hoặc đơn vị trực thuộc',
          'is not in the proposing unit or below it',
        ),
      );
    if (line.quantity !== 1)
      errors.push(fieldError('quantity', 'phải bằng 1 khi ghi tên người', 'must be 1 for a named person'));
  }
  if (errors.length) throw invalid(errors);
}

/** The answer to a proposal is told to whoever submitted it (ADR 051), in the same transaction. */
async function notifyAnswer(
  q: Queryable,
  actor: Actor,
  kind: 'proposal.accepted' | 'proposal.returned',
  p: ProposalRow,
  campaign: string,
  comment: string | null,
) {
  const [sent] = await q
    .select({ submittedBy: needsProposals.submittedBy })
    .from(needsProposals)
    .where(eq(needsProposals.id, p.id));
  await notify(q, {
    userIds: [sent?.submittedBy],
    kind,
    params: { unitName: p.unitName, campaign, ...(comment ? { comment } : {}) },
    link: `/needs/proposals/${p.id}`,
    exceptUserId: actor.userId,
  });
}

const readOnlyLine = () =>
  new AppError('CONFLICT', {
    message: {
      vi: 'Dòng tổng hợp từ đơn vị cấp dưới không sửa hoặc xóa được.',
      en: 'A line consolidated from a sub-unit cannot be changed or deleted.',
    },
  });

export function createProposalService({ db, clock }: { db: Db; clock: Clock }) {
  /** One event and one audit row for a change of a proposal, in the caller's transaction. */
  async function record(
    tx: Queryable,
    actor: Actor,
    p: ProposalRow,
    c: CampaignRow,
    action: string,
    e: { comment?: string | null; before?: unknown; after?: unknown; request?: AuditRequest } = {},
  ) {
    await tx.insert(needsEvents).values({
      proposalId: p.id,
      action,
      actorId: actor.userId || null,
      actorName: await actorName(tx, actor),
      comment: e.comment ?? null,
      at: clock.now(),
    });
    await audit(tx, actor, {
      action: `needs.proposal.${action}`,
      entity: 'needs_proposal',
      entityId: p.id,
      summary: `${c.year} ${c.title}: ${p.unitName}`,
      scopePath: p.unitPath,
      before: e.before,
      after: e.after ?? (e.comment ? { comment: e.comment } : undefined),
      request: e.request,
    });
  }

  /** Load a proposal the actor may edit (needs.propose, in scope, draft or returned, campaign open). */
  async function editable(tx: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'needs.propose');
    const { proposal, campaign } = await getVisibleProposal(tx, actor, id);
    assertEditable(proposal, campaign, todayOf(clock));
    return { proposal, campaign };
  }

  async function setStatus(tx: Queryable, id: number, values: Partial<typeof needsProposals.$inferInsert>) {
    await tx
      .update(needsProposals)
      .set({ ...values, updatedAt: clock.now() })
      .where(eq(needsProposals.id, id));
  }

  async function get(
    actor: Actor,
    id: number,
    query: z.infer<typeof ProposalQuery>,
  ): Promise<ProposalDetail> {
    requirePermission(actor, 'needs.read');
    const { proposal: p, campaign: c } = await getVisibleProposal(db, actor, id);
    const [totals, items, events] = await Promise.all([
      proposalTotals(db, p.id, p.unitId, c.id),
      linesPage(db, p.id, query.page, query.pageSize),
      listEvents(db, p.id),
    ]);
    const [sent] = await db
      .select({ submittedBy: needsProposals.submittedBy })
      .from(needsProposals)
      .where(eq(needsProposals.id, p.id));
    // The four-eyes rule (ADR 038) as accepting applies it, read before acting.
    const blocked =
      p.status === 'submitted'
        ? await approveBlockedReason(db, actor, {
            submittedBy: sent?.submittedBy ?? null,
            unitPath: p.unitPath,
            date: todayOf(clock),
            subject: 'proposal',
          })
        : null;
    return {
      id: p.id,
      campaign: {
        id: c.id,
        year: c.year,
        title: c.title,
        opensOn: c.opensOn,
        deadline: c.deadline,
        status: c.status,
        rootUnitId: c.rootUnitId,
      },
      unitId: p.unitId,
      unitName: p.unitName,
      reviewerUnitId: p.reviewerUnitId,
      reviewerName: p.reviewerName,
      status: p.status,
      submittedAt: p.submittedAt?.toISOString() ?? null,
      reviewedAt: p.reviewedAt?.toISOString() ?? null,
      reviewComment: p.reviewComment,
      decisionNo: p.decisionNo,
      decisionDate: p.decisionDate,
      signerName: p.signerName,
      signerTitle: p.signerTitle,
      ...lateness(p, c.deadline, todayOf(clock)),
      subProposals: { total: totals.subTotal, accepted: totals.subAccepted },
      totals: { lines: totals.lines, people: totals.people, quantity: totals.quantity },
      lines: { items, total: totals.lines, page: query.page, pageSize: query.pageSize },
      events,
      approveBlockedReason: blocked,
    };
  }
  /** After a transition: the proposal as it now stands (read after the commit). */
  const FIRST_PAGE = { page: 1, pageSize: 500 };

  return {
    get,

    async addLine(actor: Actor, id: number, body: z.infer<typeof LineBody>) {
      return db.transaction(async (tx) => {
        const { proposal, campaign } = await editable(tx, actor, id);
        await checkLine(tx, proposal, body);
        const [row] = await tx
          .insert(needsLines)
          .values({
            ...body,
            personId: body.personId ?? null,
            level: body.level ?? null,
            note: body.note ?? null,
            proposalId: id,
            source: 'manual',
          })
          .returning();
        await record(tx, actor, proposal, campaign, 'line.add', { after: row });
        return (await findLine(tx, id, row.id))!;
      });
    },

    async updateLine(actor: Actor, id: number, lineId: number, body: z.infer<typeof UpdateLineBody>) {
      return db.transaction(async (tx) => {
        const { proposal, campaign } = await editable(tx, actor, id);
        const before = await findLine(tx, id, lineId);
        if (!before) throw notFound(LINE_NOT_FOUND);
        if (before.source === 'consolidated') throw readOnlyLine();
        if (Object.keys(body).length === 0) return before;
        const merged = { ...before, ...body };
        await checkLine(tx, proposal, merged);
        const [after] = await tx
          .update(needsLines)
          .set(body)
          .where(and(eq(needsLines.id, lineId), eq(needsLines.proposalId, id)))
          .returning();
        await record(tx, actor, proposal, campaign, 'line.update', {
          before,
          after,
          request: namedIn(body),
        });
        return (await findLine(tx, id, after.id))!;
      });
    },

    async deleteLine(actor: Actor, id: number, lineId: number) {
      return db.transaction(async (tx) => {
        const { proposal, campaign } = await editable(tx, actor, id);
        const before = await findLine(tx, id, lineId);
        if (!before) throw notFound(LINE_NOT_FOUND);
        if (before.source === 'consolidated') throw readOnlyLine();
        await tx.delete(needsLines).where(and(eq(needsLines.id, lineId), eq(needsLines.proposalId, id)));
        await record(tx, actor, proposal, campaign, 'line.delete', { before });
        return { ok: true as const };
      });
    },

    /** Send the proposal to the reviewer; after the deadline it is still taken, and marked late. */
    async submit(actor: Actor, id: number) {
      await db.transaction(async (tx) => {
        const { proposal, campaign } = await editable(tx, actor, id);
        const now = clock.now();
        await setStatus(tx, id, { status: 'submitted', submittedAt: now, submittedBy: actor.userId || null });
        const late = todayOf(clock) > campaign.deadline;
        await record(tx, actor, proposal, campaign, 'submit', {
          before: { status: proposal.status },
          after: { status: 'submitted', late },
        });
      });
      return get(actor, id, FIRST_PAGE);
    },

    /** Return a submitted proposal to its unit with a comment saying what to change. */
    async return(actor: Actor, id: number, comment: string) {
      requirePermission(actor, 'needs.review');
      await db.transaction(async (tx) => {
        const { proposal, campaign } = await getVisibleProposal(tx, actor, id);
        assertReviewable(actor, proposal, campaign);
        await setStatus(tx, id, {
          status: 'returned',
          reviewedAt: clock.now(),
          reviewedBy: actor.userId || null,
          reviewComment: comment,
        });
        await notifyAnswer(tx, actor, 'proposal.returned', proposal, campaign.title, comment);
        await record(tx, actor, proposal, campaign, 'return', {
          comment,
          before: { status: 'submitted' },
          after: { status: 'returned', comment },
        });
      });
      return get(actor, id, FIRST_PAGE);
    },

    /**
     * Accept a submitted proposal. Its lines are copied into the reviewer's own proposal (which
     * must still be open for edits) unless the reviewer is the campaign root, whose consolidated
     * table reads the accepted proposals directly. The accepting decision (number, date, signer)
     * is checked and recorded (ADR 044).
     */
    async accept(
      actor: Actor,
      id: number,
      comment: string | null | undefined,
      decision?: DecisionInput | null,
    ) {
      requirePermission(actor, 'needs.review');
      await db.transaction(async (tx) => {
        const { proposal, campaign } = await getVisibleProposal(tx, actor, id);
        assertReviewable(actor, proposal, campaign);
        const [sent] = await tx
          .select({ submittedBy: needsProposals.submittedBy })
          .from(needsProposals)
          .where(eq(needsProposals.id, id));
        await assertFourEyes(tx, actor, {
          submittedBy: sent?.submittedBy ?? null,
          unitPath: proposal.unitPath,
          date: todayOf(clock),
          subject: 'proposal',
        });
        const decided = await checkDecision(tx, decision, {
          unitPath: proposal.unitPath,
          today: todayOf(clock),
        });
        let consolidated = 0;
        const [into] =
          proposal.reviewerUnitId === campaign.rootUnitId
            ? []
            : await tx
                .select({ id: needsProposals.id })
                .from(needsProposals)
                .where(
                  and(
                    eq(needsProposals.campaignId, campaign.id),
                    eq(needsProposals.unitId, proposal.reviewerUnitId!),
                  ),
                );
        if (into) {
          const target = (await getVisibleProposal(tx, actor, into.id)).proposal;
          if (target.status === 'submitted' || target.status === 'accepted')
            throw new AppError('CONFLICT', {
              message: {
                vi: `Đề xuất của ${target.unitName} đã gửi lên cấp trên: cần được trả lại trước khi tổng hợp thêm đơn vị cấp dưới.`,
                en: `The proposal of ${target.unitName} has already gone up: it must be returned before more sub-units can be consolidated into it.`,
              },
            });
          consolidated = await consolidateLines(tx, id, target.id);
          await record(tx, actor, target, campaign, 'consolidate', {
            comment: `${proposal.unitName}: ${consolidated}`,
            after: { fromProposalId: id, lines: consolidated },
          });
        }
        await setStatus(tx, id, {
          status: 'accepted',
          reviewedAt: clock.now(),
          reviewedBy: actor.userId || null,
          reviewComment: comment ?? null,
          ...decided,
        });
        await notifyAnswer(tx, actor, 'proposal.accepted', proposal, campaign.title, comment ?? null);
        await record(tx, actor, proposal, campaign, 'accept', {
          comment: comment ?? null,
          before: { status: 'submitted' },
          after: { status: 'accepted', consolidatedLines: consolidated, ...decided },
        });
      });
      return get(actor, id, FIRST_PAGE);
    },
  };
}
