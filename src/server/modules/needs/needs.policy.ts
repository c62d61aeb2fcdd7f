/**
 * Who may see and act on a campaign and its proposals. The campaign root and the proposal's unit
 * and reviewer are org units; the actor's scope is a subtree. Another subtree answers 404, a
 * visible record the role or position does not allow answers 403, a wrong state answers 409.
 */
import { eq, sql } from 'drizzle-orm';
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from '../../../contracts/needs';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { users } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { AppError, notFound } from '../../lib/errors';
import { pathWithin } from '../../lib/scope';

export const CAMPAIGN_NOT_FOUND = { vi: 'đợt tổng hợp nhu cầu', en: 'Needs campaign' };
export const PROPOSAL_NOT_FOUND = { vi: 'đề xuất nhu cầu', en: 'Needs proposal' };
export const LINE_NOT_FOUND = { vi: 'dòng đề xuất', en: 'Proposal line' };

export interface CampaignRow {
  id: number;
  year: number;
  title: string;
  rootUnitId: number;
  rootUnitName: string;
  rootPath: string;
  opensOn: string;
  deadline: string;
  status: 'open' | 'closed';
  note: string | null;
  createdAt: string;
}

const CAMPAIGN_COLUMNS = sql`c.id, c.year, c.title, c.root_unit_id as "rootUnitId", u.name as "rootUnitName",
  u.path::text as "rootPath", c.opens_on::text as "opensOn", c.deadline::text as deadline, c.status, c.note,
  c.created_at as "createdAt"`;

export async function findCampaign(q: Queryable, id: number): Promise<CampaignRow | undefined> {
  const [row] = rowsOf<CampaignRow & { createdAt: Date | string }>(
    await q.execute(sql`select ${CAMPAIGN_COLUMNS} from needs_campaigns c
      join org_units u on u.id = c.root_unit_id where c.id = ${id}`),
  );
  return row && { ...row, createdAt: new Date(row.createdAt).toISOString() };
}

/** Campaigns whose subtree overlaps the actor's: opened inside it, or covering it. */
export async function listCampaignRows(q: Queryable, scopePath: string): Promise<CampaignRow[]> {
  const rows = rowsOf<CampaignRow & { createdAt: Date | string }>(
    await q.execute(sql`select ${CAMPAIGN_COLUMNS} from needs_campaigns c
      join org_units u on u.id = c.root_unit_id
      where u.path <@ ${scopePath}::ltree or ${scopePath}::ltree <@ u.path
      order by c.year desc, c.id desc`),
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** A campaign the actor can see (it covers or lies in their subtree), else 404. */
export async function getVisibleCampaign(q: Queryable, actor: Actor, id: number) {
  const c = await findCampaign(q, id);
  if (!c || !(pathWithin(c.rootPath, actor.scopePath) || pathWithin(actor.scopePath, c.rootPath)))
    throw notFound(CAMPAIGN_NOT_FOUND);
  return c;
}

/** Managing (closing) a campaign, or reading its root-level table, needs its root in one's subtree. */
export function assertCoversRoot(actor: Actor, c: CampaignRow) {
  if (!pathWithin(c.rootPath, actor.scopePath)) throw new AppError('FORBIDDEN');
}

export function assertOpen(c: CampaignRow) {
  if (c.status !== 'open')
    throw new AppError('CONFLICT', {
      message: {
        vi: 'Đợt tổng hợp nhu cầu đã kết thúc: mọi đề xuất đã được khóa.',
        en: 'The campaign is closed: every proposal is frozen.',
      },
    });
}

export interface ProposalRow {
  id: number;
  campaignId: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  reviewerUnitId: number | null;
  reviewerName: string | null;
  reviewerPath: string | null;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  signerName: string | null;
  signerTitle: string | null;
}

export async function findProposal(q: Queryable, id: number): Promise<ProposalRow | undefined> {
  const [row] = rowsOf<ProposalRow>(
    await q.execute(sql`select p.id, p.campaign_id as "campaignId", p.unit_id as "unitId", u.name as "unitName",
        u.path::text as "unitPath", p.reviewer_unit_id as "reviewerUnitId", r.name as "reviewerName",
        r.path::text as "reviewerPath", p.status, p.submitted_at as "submittedAt", p.reviewed_at as "reviewedAt",
        p.review_comment as "reviewComment", p.decision_no as "decisionNo",
        p.decision_date::text as "decisionDate", p.signer_name as "signerName", p.signer_title as "signerTitle"
      from needs_proposals p join org_units u on u.id = p.unit_id
      left join org_units r on r.id = p.reviewer_unit_id
      where p.id = ${id}`),
  );
  if (!row) return undefined;
  const date = (v: unknown) => (v == null ? null : new Date(v as string));
  return { ...row, submittedAt: date(row.submittedAt), reviewedAt: date(row.reviewedAt) };
}

/** A proposal of a unit in the actor's subtree (with its campaign), else 404. */
export async function getVisibleProposal(q: Queryable, actor: Actor, id: number) {
  const p = await findProposal(q, id);
  if (!p || !pathWithin(p.unitPath, actor.scopePath)) throw notFound(PROPOSAL_NOT_FOUND);
  const campaign = (await findCampaign(q, p.campaignId))!;
  return { proposal: p, campaign };
}

/** Editing and submitting: the campaign is open and has started, the proposal is draft or returned. */
export function assertEditable(p: ProposalRow, c: CampaignRow, today: string) {
  assertOpen(c);
  if (today < c.opensOn)
    throw new AppError('CONFLICT', {
      message: {
        vi: `Đợt tổng hợp mở từ ngày ${c.opensOn}; chưa thể sửa hoặc gửi đề xuất.`,
        en: `The campaign opens on ${c.opensOn}; proposals cannot be edited or submitted yet.`,
      },
    });
  if (p.status === 'submitted')
    throw new AppError('CONFLICT', {
      message: {
        vi: 'Đề xuất đã gửi, đang chờ cấp trên xem xét: không sửa được nữa. Cấp trên cần trả lại để sửa.',
        en: 'The proposal has been submitted and awaits review: it cannot be changed unless the reviewer returns it.',
      },
    });
  if (p.status === 'accepted')
    throw new AppError('CONFLICT', {
      message: {
        vi: 'Đề xuất đã được cấp trên chấp nhận: không sửa được nữa.',
        en: 'The proposal has been accepted: it can no longer be changed.',
      },
    });
}

/**
 * Reviewing: the actor's subtree holds the reviewer unit, the proposal is not their own unit's,
 * and it awaits review.
 */
export function assertReviewable(actor: Actor, p: ProposalRow, c: CampaignRow) {
  if (!p.reviewerPath || !pathWithin(p.reviewerPath, actor.scopePath) || p.unitId === actor.scopeUnitId)
    throw new AppError('FORBIDDEN', {
      message: {
        vi: 'Chỉ cấp trên trực tiếp của đơn vị mới được trả lại hoặc chấp nhận đề xuất này.',
        en: "Only the level above the unit may return or accept this proposal, not the unit's own officers.",
      },
    });
  assertOpen(c);
  if (p.status !== 'submitted')
    throw new AppError('CONFLICT', {
      message: {
        vi: `Đề xuất đang ở trạng thái "${PROPOSAL_STATUS_LABELS[p.status as ProposalStatus].vi}", không ở trạng thái chờ xem xét.`,
        en: `The proposal is ${PROPOSAL_STATUS_LABELS[p.status as ProposalStatus].en}: only a submitted proposal can be returned or accepted.`,
      },
    });
}

/** Overdue now (deadline passed, not submitted), and whether the current submission came late. */
export function lateness(
  p: { status: string; submittedAt: Date | string | null },
  deadline: string,
  today: string,
) {
  const submittedOn = p.submittedAt ? new Date(p.submittedAt).toISOString().slice(0, 10) : null;
  return {
    late: (p.status === 'draft' || p.status === 'returned') && today > deadline,
    submittedLate: p.status !== 'draft' && submittedOn !== null && submittedOn > deadline,
  };
}

/** The name shown in "who did what": the user's display name. */
export async function actorName(q: Queryable, actor: Actor): Promise<string> {
  if (!actor.userId) return actor.username;
  const [u] = await q.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
  return u?.name ?? actor.username;
}
