import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NewPolicyValueBody, PolicyList, PolicyQuery, PolicyVersion } from '../../../contracts/policies';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createPolicyService } from './policies.service';

export function policiesRoutes(app: FastifyInstance, { handle, clock }: ModuleDeps) {
  const service = createPolicyService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['policies'];
  r.get(
    '/policies',
    {
      schema: {
        summary:
          'The policy values (pass rule, grade bands, deadlines, commitments): in force for my unit, and their versions',
        tags,
        querystring: PolicyQuery,
        response: { 200: PolicyList },
      },
    },
    async (req) => service.list(actorOf(req), req.query.asOf),
  );
  r.post(
    '/policies/:code',
    {
      schema: {
        summary:
          "Set my unit's own value of a policy from a date (it applies in my subtree; my previous one ends)",
        description: 'The value is checked against the schema of its code (400 on `value.*`).',
        tags,
        params: z.object({ code: z.string().max(60) }),
        body: NewPolicyValueBody,
        response: { 200: PolicyVersion },
      },
    },
    async (req) => service.set(actorOf(req), req.params.code, req.body),
  );
}
