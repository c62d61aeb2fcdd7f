import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  AsOfQuery,
  CopyRuleBody,
  CreateRuleBody,
  PersonStandards,
  RetireRuleBody,
  ReviseRuleBody,
  RulesQuery,
  StandardRule,
  StandardRuleDetail,
} from '../../../contracts/standards';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createPersonStandardsService } from './person-standards.service';
import { createRulesService } from './rules.service';

export function standardsRoutes(app: FastifyInstance, { handle, clock }: ModuleDeps) {
  const rules = createRulesService({ db: handle.db, clock });
  const person = createPersonStandardsService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['standards'];

  r.get(
    '/standards/rules',
    {
      schema: {
        summary:
          'Standard rules in force on a date (national pack, own and overrides); all versions with includeRetired',
        tags,
        querystring: RulesQuery,
        response: { 200: z.object({ asOf: z.string(), items: z.array(StandardRule) }) },
      },
    },
    async (req) => rules.list(actorOf(req), req.query),
  );
  r.get(
    '/standards/rules/:id',
    {
      schema: {
        summary: 'One rule version with every version of its code',
        tags,
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: StandardRuleDetail },
      },
    },
    async (req) => rules.get(actorOf(req), req.params.id, req.query.asOf),
  );
  r.post(
    '/standards/rules',
    {
      schema: {
        summary: "Add a province's own rule (owned by the actor's scope unit)",
        tags,
        body: CreateRuleBody,
        response: { 200: StandardRule },
      },
    },
    async (req) => rules.create(actorOf(req), req.body),
  );
  r.post(
    '/standards/rules/:id/revise',
    {
      schema: {
        summary:
          'Change a rule from a date: closes the version in force and adds the next (a national rule gets an override)',
        tags,
        params: IdParams,
        body: ReviseRuleBody,
        response: { 200: StandardRule },
      },
    },
    async (req) => rules.revise(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/standards/rules/:id/retire',
    {
      schema: {
        summary: "Retire a rule from a date (a national rule: for the actor's subtree only)",
        tags,
        params: IdParams,
        body: RetireRuleBody,
        response: { 200: StandardRule },
      },
    },
    async (req) => rules.retire(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/standards/rules/:id/copy',
    {
      schema: {
        summary: "Copy a rule under a new code, owned by the actor's scope unit",
        tags,
        params: IdParams,
        body: CopyRuleBody,
        response: { 200: StandardRule },
      },
    },
    async (req) => rules.copy(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/people/:id/standards',
    {
      schema: {
        summary: "A person's standards on a date: met, missing or due, each explained",
        tags,
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: PersonStandards },
      },
    },
    async (req) => person.standards(actorOf(req), req.params.id, req.query.asOf),
  );
}
