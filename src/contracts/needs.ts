import { z } from 'zod';
import { Id, Int, IsoDate, MAX_PAGE, OptionalText, RequiredText } from './common';
import { Decision, DecisionFields } from './decisions';
import { updateOf } from './update';

const Code = z.string().min(1).max(40);

export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
/** draft -> submitted -> (returned -> submitted ...) -> accepted. */
export const PROPOSAL_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** Words for each status, for messages. */
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, { vi: string; en: string }> = {
  draft: { vi: 'đang soạn', en: 'draft' },
  submitted: { vi: 'đã gửi, chờ xem xét', en: 'submitted, awaiting review' },
  returned: { vi: 'bị trả lại', en: 'returned' },
  accepted: { vi: 'đã chấp nhận', en: 'accepted' },
};
/** gap: pre-filled from computed standards gaps; manual: added by the unit; consolidated: from a sub-unit. */
export const LINE_SOURCES = ['gap', 'manual', 'consolidated'] as const;

/**
 * Open a needs campaign for a year over the actor's subtree (its root is the actor's scope unit).
 * Each participating unit gets a draft proposal pre-filled from its people's standards gaps.
 */
export const CreateCampaignBody = z
  .object({
    /** The year the training is needed for. */
    year: z.number().int().min(2000).max(2200),
    title: RequiredText(300),
    /** Units may edit and submit from this day. */
    opensOn: IsoDate,
    /** Submissions after it are accepted but marked late. */
    deadline: IsoDate,
    note: OptionalText(2000),
  })
  .refine((b) => b.deadline >= b.opensOn, {
    path: ['deadline'],
    params: { vi: 'không được trước ngày mở', en: 'must not be before the opening day' },
  });

/** Proposals of a campaign counted by status; `late`: deadline passed and not yet submitted. */
export const StatusCounts = z.object({
  total: z.number(),
  draft: z.number(),
  submitted: z.number(),
  returned: z.number(),
  accepted: z.number(),
  late: z.number(),
});

export const Campaign = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  rootUnitId: z.number(),
  rootUnitName: z.string(),
  opensOn: z.string(),
  deadline: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  note: z.string().nullable(),
  createdAt: z.string(),
  /** Counts over the proposals the actor can see. */
  proposals: StatusCounts,
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignCreated = Campaign.extend({
  prefill: z.object({
    /** Gaps computed for the subtree on the opening day. */
    gaps: z.number(),
    /** Proposal lines written (gaps of the same person and programme merged). */
    lines: z.number(),
    /** Gaps with no programme kind (e.g. an education gap below master) or no proposal to land in. */
    skipped: z.number(),
    /** Time to compute the gaps and write the proposals, in ms. */
    ms: z.number(),
  }),
});

export const CampaignList = z.object({ items: z.array(Campaign) });

export const LastEvent = z
  .object({
    action: z.string(),
    actorName: z.string().nullable(),
    comment: z.string().nullable(),
    at: z.string(),
  })
  .nullable();

/** One row of the status board. */
export const BoardRow = z.object({
  proposalId: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  /** The unit that reviews it: its nearest participating ancestor, or the campaign root. */
  reviewerUnitId: z.number().nullable(),
  reviewerName: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** The accepting decision's number and date (ADR 044). */
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  signerName: z.string().nullable(),
  lines: z.object({
    total: z.number(),
    gap: z.number(),
    manual: z.number(),
    consolidated: z.number(),
    /** Distinct people named on the lines. */
    people: z.number(),
  }),
  /** The deadline has passed and the proposal is not submitted (draft or returned). */
  late: z.boolean(),
  /** Its current submission came after the deadline. */
  submittedLate: z.boolean(),
  lastEvent: LastEvent,
});

export const BoardQuery = z.object({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  late: z.enum(['true', 'false']).optional(),
});

export const CampaignBoard = z.object({
  campaign: Campaign,
  proposals: z.array(BoardRow),
  /** Units whose deadline passed without a submission. */
  lateUnits: z.array(
    z.object({ proposalId: z.number(), unitId: z.number(), unitName: z.string(), status: z.string() }),
  ),
});

export const ProposalParams = z.object({ id: Id });
export const LineParams = z.object({ id: Id, lineId: Id });

/** A line a unit adds: who (optional: a count of unnamed people otherwise), which programme, priority. */
export const LineBody = z.object({
  /** A person of the proposing unit's subtree; omit for a line that counts unnamed people. */
  personId: Id.nullable().optional(),
  /** Code of `programme_kind`. */
  programmeKind: Code,
  /** Code of the programme's level list (`level_<kind>`; POSTGRADUATE uses level_EDUCATION), if it has one. */
  level: Code.nullable().optional(),
  /** 1 high, 2 normal, 3 low. */
  priority: z.number().int().min(1).max(3).default(2),
  /** People needed; 1 for a named person. */
  quantity: z.number().int().min(1).max(100_000).default(1),
  note: OptionalText(1000),
});
/** Only the fields named change (ADR 023). */
export const UpdateLineBody = updateOf(LineBody);

export const NeedsLine = z.object({
  id: z.number(),
  personId: z.number().nullable(),
  personName: z.string().nullable(),
  programmeKind: z.string(),
  level: z.string().nullable(),
  priority: z.number(),
  quantity: z.number(),
  note: z.string().nullable(),
  source: z.enum(LINE_SOURCES),
  /** The standard whose gap produced the line (source gap, or consolidated from one). */
  ruleCode: z.string().nullable(),
  /** For consolidated lines: the proposal (and unit) the line was first written in. */
  fromProposalId: z.number().nullable(),
  fromUnitName: z.string().nullable(),
});
export type NeedsLine = z.infer<typeof NeedsLine>;

export const NeedsEvent = z.object({
  id: z.number(),
  action: z.string(),
  actorName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});

export const ProposalQuery = z.object({
  page: Int(1, MAX_PAGE).default(1),
  pageSize: Int(1, 1000).default(500),
});

export const ProposalDetail = z.object({
  id: z.number(),
  campaign: Campaign.pick({
    id: true,
    year: true,
    title: true,
    opensOn: true,
    deadline: true,
    status: true,
    rootUnitId: true,
  }),
  unitId: z.number(),
  unitName: z.string(),
  reviewerUnitId: z.number().nullable(),
  reviewerName: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  /** The accepting decision (ADR 044); null until accepted or when none was recorded. */
  ...Decision.shape,
  late: z.boolean(),
  submittedLate: z.boolean(),
  /** Proposals this unit reviews, and how many of them it has accepted. */
  subProposals: z.object({ total: z.number(), accepted: z.number() }),
  totals: z.object({ lines: z.number(), people: z.number(), quantity: z.number() }),
  /** Lines ordered by programme kind, level, priority; paged (`page`, `pageSize`). */
  lines: z.object({ items: z.array(NeedsLine), total: z.number(), page: z.number(), pageSize: z.number() }),
  /** Who did what, newest first (at most 200). */
  events: z.array(NeedsEvent),
  /** Why the actor may not accept (the four-eyes rule, ADR 038: the server's own refusal), or null. */
  approveBlockedReason: z.string().nullable(),
});
export type ProposalDetail = z.infer<typeof ProposalDetail>;

export const ReturnBody = z.object({ comment: RequiredText(2000) });
/** Accepting: a comment and the decision (ADR 044), required where `approvals.decision_required` is on. */
export const AcceptBody = z
  .object({ comment: OptionalText(2000), ...DecisionFields })
  .default({ comment: undefined, decisionNo: undefined, signerName: undefined, signerTitle: undefined });

/** Consolidated needs at the campaign root: programme kind x level x unit of origin. */
export const ConsolidatedRow = z.object({
  programmeKind: z.string(),
  level: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  /** The proposal the lines were written in: open it to drill into the people. */
  proposalId: z.number(),
  /** The unit whose accepted proposal brought the lines to the root. */
  viaUnitId: z.number(),
  viaUnitName: z.string(),
  people: z.number(),
  quantity: z.number(),
  priority1: z.number(),
  priority2: z.number(),
  priority3: z.number(),
});

export const ConsolidatedGroup = ConsolidatedRow.pick({
  programmeKind: true,
  level: true,
  people: true,
  quantity: true,
  priority1: true,
  priority2: true,
  priority3: true,
}).extend({ units: z.number() });

export const Consolidated = z.object({
  campaign: Campaign,
  /** Groups of programme kind x level with their totals. */
  groups: z.array(ConsolidatedGroup),
  rows: z.array(ConsolidatedRow),
  totals: z.object({ people: z.number(), quantity: z.number() }),
  /** Proposals the root reviews: all, accepted (counted above), still pending. */
  reviewedByRoot: z.object({ total: z.number(), accepted: z.number(), pending: z.number() }),
});
export type Consolidated = z.infer<typeof Consolidated>;
