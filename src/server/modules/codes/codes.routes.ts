import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CodeAlias, CreateCodeAliasBody } from '../../../contracts/code-aliases';
import { CodeItem, CreateCodeItemBody, UpdateCodeItemBody } from '../../../contracts/code-items';
import { Id, Ok } from '../../../contracts/common';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createAliasesService } from './aliases.service';
import { createCodesService } from './codes.service';

const ListParams = z.object({ list: z.string().min(1).max(60) });
const ItemParams = ListParams.extend({ code: z.string().min(1).max(40) });
const AliasParams = ListParams.extend({ id: Id });

export function codesRoutes(app: FastifyInstance, { handle }: ModuleDeps) {
  const service = createCodesService({ db: handle.db });
  const aliases = createAliasesService({ db: handle.db });
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

  r.get(
    '/codes/:list/aliases',
    {
      schema: {
        summary: 'Import aliases of a code list: other ways sheets write its codes (admin)',
        tags,
        params: ListParams,
        response: { 200: z.object({ items: z.array(CodeAlias) }) },
      },
    },
    async (req) => ({ items: await aliases.list(actorOf(req), req.params.list) }),
  );
  r.post(
    '/codes/:list/aliases',
    {
      schema: {
        summary: 'Add an import alias to a code of the list (admin)',
        tags,
        params: ListParams,
        body: CreateCodeAliasBody,
        response: { 200: CodeAlias },
      },
    },
    async (req) => aliases.add(actorOf(req), req.params.list, req.body),
  );
  r.delete(
    '/codes/:list/aliases/:id',
    {
      schema: {
        summary: 'Delete an import alias (admin); a default alias stays deleted',
        tags,
        params: AliasParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await aliases.remove(actorOf(req), req.params.list, req.params.id);
      return { ok: true as const };
    },
  );
}
