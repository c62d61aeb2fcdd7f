import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org';
import { people } from './people';
import { decisionColumns } from './types';

/** A yearly training-needs campaign opened by a province (root unit) for its subtree. */
export const needsCampaigns = pgTable('needs_campaigns', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  rootUnitId: integer('root_unit_id')
    .notNull()
    .references(() => orgUnits.id),
  opensOn: date('opens_on').notNull(),
  deadline: date('deadline').notNull(),
  status: text('status').notNull().default('open'),
  note: text('note'),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One unit's proposal in a campaign. `reviewerUnitId` is the level above that reviews it.
 * Status: draft -> submitted -> (returned -> submitted ...) -> accepted.
 */
export const needsProposals = pgTable(
  'needs_proposals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => needsCampaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    reviewerUnitId: integer('reviewer_unit_id').references(() => orgUnits.id),
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: integer('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by'),
    reviewComment: text('review_comment'),
    /** The accepting decision (ADR 044); cleared when the proposal is returned. */
    ...decisionColumns(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('needs_proposals_campaign_unit_uq').on(t.campaignId, t.unitId),
    index('needs_proposals_reviewer_idx').on(t.campaignId, t.reviewerUnitId),
  ],
);

/** A line of a proposal: who (optional), which programme kind and level, priority, note. */
export const needsLines = pgTable(
  'needs_lines',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => needsProposals.id, { onDelete: 'cascade' }),
    personId: integer('person_id').references(() => people.id),
    programmeKind: text('programme_kind').notNull(),
    level: text('level'),
    /** 1 high, 2 normal, 3 low. */
    priority: integer('priority').notNull().default(2),
    quantity: integer('quantity').notNull().default(1),
    note: text('note'),
    /** gap (pre-filled from computed gaps) | manual | consolidated (rolled up from a sub-unit). */
    source: text('source').notNull().default('manual'),
    ruleCode: text('rule_code'),
    fromProposalId: integer('from_proposal_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('needs_lines_proposal_idx').on(t.proposalId)],
);

/** Who did what on a proposal, and when (prefill, edit, submit, return, accept, consolidate). */
export const needsEvents = pgTable(
  'needs_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => needsProposals.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('needs_events_proposal_idx').on(t.proposalId)],
);
