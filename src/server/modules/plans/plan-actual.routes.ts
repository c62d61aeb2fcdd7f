import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PlanActual, PlanActualByUnit, PlanActualByUnitQuery } from '../../../contracts/classes';
import { IdParams } from '../../../contracts/common';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createPlanActualService } from './plan-actual';
import { planActualByUnit } from './plan-actual-units';

/** Plan vs actual: a plan's lines against the classes that carry them out (moved from classes, ADR 030). */
export function planActualRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const actual = createPlanActualService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/plans/actual',
    {
      schema: {
        summary:
          "Plan vs actual of a year over the actor's subtree: per unit's plan, per programme kind and level",
        description: 'Same counts as /plans/{id}/actual; every plan of the year is listed with its status.',
        tags: ['plans'],
        querystring: PlanActualByUnitQuery,
        response: { 200: PlanActualByUnit },
      },
    },
    async (req) => planActualByUnit(handle.db, actorOf(req), req.query.year),
  );
  r.get(
    '/plans/:id/actual',
    {
      schema: {
        summary:
          'Plan vs actual, live: each line and each programme kind against the classes that carry it out',
        description:
          'Opened = classes past "planned"; finished = finished or closed; trainees = seats of opened classes ' +
          '(until nominations are recorded); committed budget = budgets of classes not cancelled.',
        tags: ['plans'],
        params: IdParams,
        response: { 200: PlanActual },
      },
    },
    async (req) => actual.get(actorOf(req), req.params.id),
  );
}
