import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../../contracts/common';
import {
  AcceptBody,
  BoardQuery,
  Campaign,
  CampaignBoard,
  CampaignCreated,
  CampaignList,
  Consolidated,
  CreateCampaignBody,
  LineBody,
  LineParams,
  NeedsLine,
  ProposalDetail,
  ProposalParams,
  ProposalQuery,
  ReturnBody,
  UpdateLineBody,
} from '../../../contracts/needs';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createCampaignService } from './needs.campaigns.service';
import { needsExport } from './needs.export';
import { createProposalService } from './needs.proposals.service';

export function needsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const campaigns = createCampaignService({ db: handle.db, clock });
  needsExport(app, deps, campaigns);
  const proposals = createProposalService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['needs'];

  r.post(
    '/needs/campaigns',
    {
      schema: {
        summary: 'Open a needs campaign over my subtree; proposals are pre-filled from the standards gaps',
        description:
          "The root is the actor's scope unit. Every active unit below it of level commune or agency with " +
          'someone working in it or below it gets a draft proposal, reviewed by its nearest participating ' +
          'ancestor (else the root), pre-filled from the gaps of its own people (ADR 008).',
        tags,
        body: CreateCampaignBody,
        response: { 200: CampaignCreated },
      },
    },
    async (req) => campaigns.create(actorOf(req), req.body),
  );
  r.get(
    '/needs/campaigns',
    { schema: { summary: 'Campaigns covering or inside my subtree', tags, response: { 200: CampaignList } } },
    async (req) => campaigns.list(actorOf(req)),
  );
  r.get(
    '/needs/campaigns/:id',
    {
      schema: {
        summary: 'Status board: every proposal of my subtree, who did what last, late units',
        tags,
        params: IdParams,
        querystring: BoardQuery,
        response: { 200: CampaignBoard },
      },
    },
    async (req) => campaigns.board(actorOf(req), req.params.id, req.query),
  );
  r.get(
    '/needs/campaigns/:id/consolidated',
    {
      schema: {
        summary: 'Consolidated needs at the campaign root by programme kind, level and unit',
        description:
          'Lines of the proposals the root accepted (each holding what its sub-units consolidated into it), ' +
          "grouped by programme kind x level x the unit that wrote them; `proposalId` opens that unit's proposal.",
        tags,
        params: IdParams,
        response: { 200: Consolidated },
      },
    },
    async (req) => campaigns.consolidated(actorOf(req), req.params.id),
  );
  r.post(
    '/needs/campaigns/:id/close',
    {
      schema: {
        summary: 'Close the campaign: every proposal is frozen',
        tags,
        params: IdParams,
        response: { 200: Campaign },
      },
    },
    async (req) => campaigns.close(actorOf(req), req.params.id),
  );

  r.get(
    '/needs/proposals/:id',
    {
      schema: {
        summary: "A unit's proposal: lines with people, totals, who did what",
        tags,
        params: ProposalParams,
        querystring: ProposalQuery,
        response: { 200: ProposalDetail },
      },
    },
    async (req) => proposals.get(actorOf(req), req.params.id, req.query),
  );
  r.post(
    '/needs/proposals/:id/lines',
    {
      schema: {
        summary: 'Add a line to a draft or returned proposal',
        tags,
        params: ProposalParams,
        body: LineBody,
        response: { 200: NeedsLine },
      },
    },
    async (req) => proposals.addLine(actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/needs/proposals/:id/lines/:lineId',
    {
      schema: {
        summary: 'Change a line of a draft or returned proposal',
        tags,
        params: LineParams,
        body: UpdateLineBody,
        response: { 200: NeedsLine },
      },
    },
    async (req) => proposals.updateLine(actorOf(req), req.params.id, req.params.lineId, req.body),
  );
  r.delete(
    '/needs/proposals/:id/lines/:lineId',
    {
      schema: {
        summary: 'Delete a line of a draft or returned proposal',
        tags,
        params: LineParams,
        response: { 200: Ok },
      },
    },
    async (req) => proposals.deleteLine(actorOf(req), req.params.id, req.params.lineId),
  );
  r.post(
    '/needs/proposals/:id/submit',
    {
      schema: {
        summary: 'Submit the proposal to the level above (after the deadline: taken, marked late)',
        tags,
        params: ProposalParams,
        response: { 200: ProposalDetail },
      },
    },
    async (req) => proposals.submit(actorOf(req), req.params.id),
  );
  r.post(
    '/needs/proposals/:id/return',
    {
      schema: {
        summary: 'Return a submitted proposal to its unit with a comment (reviewer)',
        tags,
        params: ProposalParams,
        body: ReturnBody,
        response: { 200: ProposalDetail },
      },
    },
    async (req) => proposals.return(actorOf(req), req.params.id, req.body.comment),
  );
  r.post(
    '/needs/proposals/:id/accept',
    {
      schema: {
        summary: "Accept a submitted proposal; its lines are consolidated into the reviewer's proposal",
        description:
          'Records the accepting decision (number, date, signer), required where the policy ' +
          'approvals.decision_required is on; the date may not be after today (ADR 044).',
        tags,
        params: ProposalParams,
        body: AcceptBody,
        response: { 200: ProposalDetail },
      },
    },
    async (req) => {
      const { comment, ...decision } = req.body ?? {};
      return proposals.accept(actorOf(req), req.params.id, comment, decision);
    },
  );
}
