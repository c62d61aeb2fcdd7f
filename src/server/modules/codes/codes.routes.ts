import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CodeItem, CreateCodeItemBody, UpdateCodeItemBody } from '../../../contracts/code-items';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createCodesService } from './codes.service';

const ListParams = z.object({ list: z.string().min(1).max(60) });
const ItemParams = ListParams.extend({ code: z.string().min(1).max(40) });

export function codesRoutes(app: FastifyInstance, { handle }: ModuleDeps) {
  const service = createCodesService({ db: handle.db });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['codes'];

  r.get(
    '/codes',
    {
      schema: {
        summary: 'All code lists (categories, ranks, levels...)',
        tags,
        response: { 200: z.object({ lists: z.record(z.string(), z.array(CodeItem)) }) },
      },
    },
    async () => service.listAll(),
  );
  r.post(
    '/codes/:list',
    {
      schema: {
        summary: 'Add an item to a code list (admin)',
        tags,
        params: ListParams,
        body: CreateCodeItemBody,
        response: { 200: CodeItem },
      },
    },
    async (req) => service.add(actorOf(req), req.params.list, req.body),
  );
  r.patch(
    '/codes/:list/:code',
    {
      schema: {
        summary: 'Relabel, reorder or deactivate a code (admin)',
        tags,
        params: ItemParams,
        body: UpdateCodeItemBody,
        response: { 200: CodeItem },
      },
    },
    async (req) => service.update(actorOf(req), req.params.list, req.params.code, req.body),
  );
}
