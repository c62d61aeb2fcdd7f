import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { CreateEligibilityRuleBody, ReviseEligibilityRuleBody } from '../../../contracts/eligibility';
import {
  AsOfQuery,
  CopyRuleBody,
  EligibilityRule,
  EligibilityRuleDetail,
  EligiblePeopleQuery,
  EligiblePerson,
  PersonEligibility,
  PurposeParams,
  RetireRuleBody,
  RulesQuery,
} from '../../../contracts/standards';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createEligibilityRulesService } from './eligibility.rules.service';
import { createEligibilityService } from './eligibility.service';
import { createPersonStandardsService } from './person-standards.service';
import { eligibilityExport } from './standards.export';

export function eligibilityRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const service = createEligibilityService({ db: handle.db, clock });
  const person = createPersonStandardsService({ db: handle.db, clock });
  const rules = createEligibilityRulesService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['eligibility'];
  eligibilityExport(app, deps, service);

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
    '/eligibility/rules/:id',
    {
      schema: {
        summary: 'One eligibility rule version with every version of its code',
        tags,
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: EligibilityRuleDetail },
      },
    },
    async (req) => rules.get(actorOf(req), req.params.id, req.query.asOf),
  );
  r.post(
    '/eligibility/rules',
    {
      schema: {
        summary: "Add a province's own eligibility rule (owned by the actor's scope unit)",
        description:
          'A purpose with several rules is met by any of them; all conditions of one rule must hold. ' +
          'Unknown codes in conditions are refused field by field.',
        tags,
        body: CreateEligibilityRuleBody,
        response: { 200: EligibilityRule },
      },
    },
    async (req) => rules.create(actorOf(req), req.body),
  );
  r.post(
    '/eligibility/rules/:id/revise',
    {
      schema: {
        summary: 'Change an eligibility rule from a date (a national rule gets an override for my subtree)',
        tags,
        params: IdParams,
        body: ReviseEligibilityRuleBody,
        response: { 200: EligibilityRule },
      },
    },
    async (req) => rules.revise(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/eligibility/rules/:id/retire',
    {
      schema: {
        summary: "Retire an eligibility rule from a date (a national rule: for the actor's subtree only)",
        tags,
        params: IdParams,
        body: RetireRuleBody,
        response: { 200: EligibilityRule },
      },
    },
    async (req) => rules.retire(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/eligibility/rules/:id/copy',
    {
      schema: {
        summary: "Copy an eligibility rule under a new code, owned by the actor's scope unit",
        tags,
        params: IdParams,
        body: CopyRuleBody,
        response: { 200: EligibilityRule },
      },
    },
    async (req) => rules.copy(actorOf(req), req.params.id, req.body),
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
