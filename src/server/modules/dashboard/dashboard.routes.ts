import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Dashboard,
  DashboardClasses,
  DashboardClassesQuery,
  DashboardGaps,
  DashboardGapsQuery,
  DashboardPeople,
  DashboardPeopleQuery,
  DashboardQuery,
} from '../../../contracts/dashboard';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createDashboardService } from './dashboard.service';

const tags = ['reports'];
const SCOPE = 'Over my subtree, or `unitId` inside it (404 for a unit of another subtree).';

export function dashboardRoutes(app: FastifyInstance, { handle, clock }: ModuleDeps) {
  const service = createDashboardService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/dashboard',
    {
      schema: {
        summary:
          'Dashboard tiles of a year: staff, trainees, classes, plan vs actual, costs, structure, trends',
        description:
          `${SCOPE} Trainees = approved learners sent by units of the subtree to the year's classes not ` +
          'cancelled (one per class); classes and costs = classes of the year organised in the subtree; plan ' +
          'vs actual as GET /plans/actual; structure = current staff holding each measure at its level or ' +
          'higher; trends = people trained per period (qualifications issued, classes completed). ADR 020.',
        tags,
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (req) => service.get(actorOf(req), req.query),
  );
  r.get(
    '/dashboard/gaps',
    {
      schema: {
        summary: 'Dashboard gaps tile: people with an unmet standard, top 10 rules',
        description: `${SCOPE} The gap summary by rule of GET /standards/gaps/summary on \`asOf\` (default today).`,
        tags,
        querystring: DashboardGapsQuery,
        response: { 200: DashboardGaps },
      },
    },
    async (req) => service.gaps(actorOf(req), req.query),
  );
  r.get(
    '/dashboard/people',
    {
      schema: {
        summary: 'The people behind a dashboard number, in roster order',
        description: `${SCOPE} Same conditions as the tile the number comes from.`,
        tags,
        querystring: DashboardPeopleQuery,
        response: { 200: DashboardPeople },
      },
    },
    async (req) => service.people(actorOf(req), req.query),
  );
  r.get(
    '/dashboard/classes',
    {
      schema: {
        summary: 'The classes behind the class and cost tiles',
        description: `${SCOPE} Classes of the year organised in the subtree; \`source\`: cost of that funding source.`,
        tags,
        querystring: DashboardClassesQuery,
        response: { 200: DashboardClasses },
      },
    },
    async (req) => service.classes(actorOf(req), req.query),
  );
}
