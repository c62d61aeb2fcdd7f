import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../../contracts/common';
import {
  ApprovePlanBody,
  ClassSizeList,
  CreateMultiyearBody,
  CreatePlanBody,
  DiffQuery,
  FromNeedsBody,
  FromNeedsPreview,
  FromNeedsQuery,
  LineParams,
  MultiyearDetail,
  MultiyearList,
  MultiyearQuery,
  PlanDetail,
  PlanDiff,
  PlanLine,
  PlanLineBody,
  PlanList,
  PlanQuery,
  PlanVersionDetail,
  ReturnPlanBody,
  SetClassSizeBody,
  UpdateMultiyearBody,
  UpdatePlanBody,
  UpdatePlanLineBody,
  VersionParams,
} from '../../../contracts/plans';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createMultiyearService } from './multiyear.service';
import { planActualRoutes } from './plan-actual.routes';
import { createPlanDraftService } from './plans.draft.service';
import { plansExport } from './plans.export';
import { createPlanService } from './plans.service';
import { createPlanWorkflowService } from './plans.workflow.service';

export function plansRoutes(app: FastifyInstance, moduleDeps: ModuleDeps) {
  const { handle, clock } = moduleDeps;
  const deps = { db: handle.db, clock };
  const multiyear = createMultiyearService(deps);
  const plans = createPlanService(deps);
  const workflow = createPlanWorkflowService(deps);
  const drafts = createPlanDraftService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  plansExport(app, moduleDeps, plans);
  planActualRoutes(app, moduleDeps);

  // Multi-year programmes.
  r.get(
    '/plans/multiyear',
    {
      schema: {
        summary: 'Multi-year programmes issued in my subtree or above it',
        tags,
        querystring: MultiyearQuery,
        response: { 200: MultiyearList },
      },
    },
    async (req) => multiyear.list(actorOf(req), req.query),
  );
  r.post(
    '/plans/multiyear',
    {
      schema: {
        summary: 'Issue a multi-year programme from my scope unit, with targets per year or for the period',
        tags,
        body: CreateMultiyearBody,
        response: { 200: MultiyearDetail },
      },
    },
    async (req) => multiyear.create(actorOf(req), req.body),
  );
  r.get(
    '/plans/multiyear/:id',
    {
      schema: {
        summary: 'A multi-year programme with its targets and the trainees planned against them',
        tags,
        params: IdParams,
        response: { 200: MultiyearDetail },
      },
    },
    async (req) => multiyear.detail(actorOf(req), req.params.id),
  );
  r.patch(
    '/plans/multiyear/:id',
    {
      schema: {
        summary: 'Change a multi-year programme (fields, status, or every target at once)',
        tags,
        params: IdParams,
        body: UpdateMultiyearBody,
        response: { 200: MultiyearDetail },
      },
    },
    async (req) => multiyear.update(actorOf(req), req.params.id, req.body),
  );

  // Drafting from needs and class sizes (before /plans/:id so the static paths win).
  r.get(
    '/plans/from-needs/preview',
    {
      schema: {
        summary: "Preview the plan lines a needs campaign's consolidated table makes (nothing written)",
        tags,
        querystring: FromNeedsQuery,
        response: { 200: FromNeedsPreview },
      },
    },
    async (req) => drafts.preview(actorOf(req), req.query.campaignId, req.query.classSize),
  );
  r.post(
    '/plans/from-needs',
    {
      schema: {
        summary: "Draft the campaign root unit's plan for the year from the consolidated needs",
        description:
          'One line per programme kind x level: trainees = people needed, classes = trainees / class size ' +
          '(rounded up), budget and periods left to fill. Each line keeps its source (ADR 010).',
        tags,
        body: FromNeedsBody,
        response: { 200: PlanDetail },
      },
    },
    async (req) => drafts.fromNeeds(actorOf(req), req.body),
  );
  r.get(
    '/plans/class-sizes',
    {
      schema: {
        summary: 'Trainees per class used to suggest class counts, as they reach my unit',
        tags,
        response: { 200: ClassSizeList },
      },
    },
    async (req) => drafts.classSizes(actorOf(req)),
  );
  r.post(
    '/plans/class-sizes',
    {
      schema: {
        summary: 'Set the class size for my subtree from a date (for one programme kind or all)',
        tags,
        body: SetClassSizeBody,
        response: { 200: ClassSizeList },
      },
    },
    async (req) => drafts.setClassSize(actorOf(req), req.body),
  );

  // Annual plans.
  r.get(
    '/plans',
    {
      schema: {
        summary: 'Annual plans of my subtree with their totals (filter by year, unit, status; paged)',
        tags,
        querystring: PlanQuery,
        response: { 200: PlanList },
      },
    },
    async (req) => plans.list(actorOf(req), req.query),
  );
  r.post(
    '/plans',
    {
      schema: {
        summary: 'Create the draft annual plan of a unit in my subtree for a year (one per unit and year)',
        tags,
        body: CreatePlanBody,
        response: { 200: PlanDetail },
      },
    },
    async (req) => plans.create(actorOf(req), req.body),
  );
  r.get(
    '/plans/:id',
    {
      schema: {
        summary: 'A plan: working lines, totals by kind and funding source, versions, who did what',
        tags,
        params: IdParams,
        response: { 200: PlanDetail },
      },
    },
    async (req) => plans.detail(actorOf(req), req.params.id),
  );
  r.patch(
    '/plans/:id',
    {
      schema: {
        summary: 'Change the title, note or multi-year programme of a draft or returned plan',
        tags,
        params: IdParams,
        body: UpdatePlanBody,
        response: { 200: PlanDetail },
      },
    },
    async (req) => plans.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/plans/:id/lines',
    {
      schema: {
        summary: 'Add a line to a draft or returned plan',
        tags,
        params: IdParams,
        body: PlanLineBody,
        response: { 200: PlanLine },
      },
    },
    async (req) => plans.addLine(actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/plans/:id/lines/:lineId',
    {
      schema: {
        summary: 'Change a line of a draft or returned plan',
        tags,
        params: LineParams,
        body: UpdatePlanLineBody,
        response: { 200: PlanLine },
      },
    },
    async (req) => plans.updateLine(actorOf(req), req.params.id, req.params.lineId, req.body),
  );
  r.delete(
    '/plans/:id/lines/:lineId',
    {
      schema: {
        summary: 'Remove a line from a draft or returned plan (kept for older versions and classes)',
        tags,
        params: LineParams,
        response: { 200: Ok },
      },
    },
    async (req) => plans.deleteLine(actorOf(req), req.params.id, req.params.lineId),
  );
  r.post(
    '/plans/:id/submit',
    {
      schema: {
        summary: 'Submit a draft or returned plan for approval',
        tags,
        params: IdParams,
        response: { 200: PlanDetail },
      },
    },
    async (req) => workflow.submit(actorOf(req), req.params.id),
  );
  r.post(
    '/plans/:id/return',
    {
      schema: {
        summary: 'Return a submitted plan with a comment',
        tags,
        params: IdParams,
        body: ReturnPlanBody,
        response: { 200: PlanDetail },
      },
    },
    async (req) => workflow.return(actorOf(req), req.params.id, req.body.comment),
  );
  r.post(
    '/plans/:id/approve',
    {
      schema: {
        summary: 'Approve a submitted plan: its working version is frozen',
        description:
          'Records the decision (number, date, signer). Where the policy approvals.four_eyes is on, ' +
          'whoever submitted the plan gets 403 (ADR 038).',
        tags,
        params: IdParams,
        body: ApprovePlanBody,
        response: { 200: PlanDetail },
      },
    },
    async (req) => {
      const { comment, ...decision } = req.body ?? {};
      return workflow.approve(actorOf(req), req.params.id, comment, decision);
    },
  );
  r.post(
    '/plans/:id/revise',
    {
      schema: {
        summary: 'Open a new version (draft) of an approved plan; the approved one stays viewable',
        tags,
        params: IdParams,
        response: { 200: PlanDetail },
      },
    },
    async (req) => workflow.revise(actorOf(req), req.params.id),
  );
  r.get(
    '/plans/:id/versions/:version',
    {
      schema: {
        summary: 'An approved version of a plan as it was frozen',
        tags,
        params: VersionParams,
        response: { 200: PlanVersionDetail },
      },
    },
    async (req) => workflow.version(actorOf(req), req.params.id, req.params.version),
  );
  r.get(
    '/plans/:id/diff',
    {
      schema: {
        summary: 'Lines added, removed and changed between two versions (or a version and the working one)',
        tags,
        params: IdParams,
        querystring: DiffQuery,
        response: { 200: PlanDiff },
      },
    },
    async (req) => workflow.diff(actorOf(req), req.params.id, req.query),
  );
}
