import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  AsOfQuery,
  EligibilityRule,
  EligiblePeopleQuery,
  EligiblePerson,
  PersonEligibility,
  PurposeParams,
  RulesQuery,
} from '../../../contracts/standards';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createEligibilityService } from './eligibility.service';
import { createPersonStandardsService } from './person-standards.service';

export function eligibilityRoutes(app: FastifyInstance, { handle, clock }: ModuleDeps) {
  const service = createEligibilityService({ db: handle.db, clock });
  const person = createPersonStandardsService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['eligibility'];

  r.get(
    '/eligibility/rules',
    {
      schema: {
        summary: 'Eligibility rules (political theory, postgraduate...) in force on a date',
        tags,
        querystring: RulesQuery,
        response: { 200: z.object({ asOf: z.string(), items: z.array(EligibilityRule) }) },
      },
    },
    async (req) => service.rules(actorOf(req), req.query),
  );
  r.get(
    '/people/:id/eligibility',
    {
      schema: {
        summary: 'For each purpose: is the person eligible on a date, each condition explained',
        tags,
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: PersonEligibility },
      },
    },
    async (req) => person.eligibility(actorOf(req), req.params.id, req.query.asOf),
  );
  r.get(
    '/eligibility/:purpose/people',
    {
      schema: {
        summary:
          'The eligible people of a subtree for a purpose, paged in roster order, with the rules they pass',
        tags,
        params: PurposeParams,
        querystring: EligiblePeopleQuery,
        response: {
          200: z.object({
            purpose: z.string(),
            asOf: z.string(),
            items: z.array(EligiblePerson),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => service.people(actorOf(req), req.params.purpose, req.query),
  );
}
