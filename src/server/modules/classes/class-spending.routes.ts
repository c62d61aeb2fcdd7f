import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common';
import {
  ClassSpending,
  SettlementBody,
  SpendingBody,
  SpendingParams,
  UpdateSpendingBody,
} from '../../../contracts/spending';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createClassSpendingService } from './class-spending';

/** A class's actual spending by item and funding source, and its settlement (ADR 039). */
export function classSpendingRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const service = createClassSpendingService({ db: deps.handle.db, clock: deps.clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['classes'];
  const response = { 200: ClassSpending };

  r.get(
    '/classes/:id/spending',
    {
      schema: {
        summary: "The class's estimate, actual spending lines, totals by item and source, and settlement",
        description:
          "For whoever manages the class's money (organiser's subtree, teaching institution); others 403.",
        tags,
        params: IdParams,
        response,
      },
    },
    async (req) => service.get(actorOf(req), req.params.id),
  );
  r.post(
    '/classes/:id/spending',
    {
      schema: {
        summary: 'Record a spending line (item in force on the day spent, funding source, amount)',
        description: '409 once the class is settled or when it is cancelled.',
        tags,
        params: IdParams,
        body: SpendingBody,
        response,
      },
    },
    async (req) => service.add(actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/classes/:id/spending/:lineId',
    {
      schema: {
        summary: 'Change a spending line (only the fields named)',
        tags,
        params: SpendingParams,
        body: UpdateSpendingBody,
        response,
      },
    },
    async (req) => service.update(actorOf(req), req.params.id, req.params.lineId, req.body),
  );
  r.delete(
    '/classes/:id/spending/:lineId',
    { schema: { summary: 'Delete a spending line', tags, params: SpendingParams, response } },
    async (req) => service.remove(actorOf(req), req.params.id, req.params.lineId),
  );
  r.post(
    '/classes/:id/settlement',
    {
      schema: {
        summary: 'Settle the class (quyết toán): number, date, settled total; locks the spending lines',
        description: 'Only a finished or closed class; the settled total defaults to the sum of the lines.',
        tags,
        params: IdParams,
        body: SettlementBody,
        response,
      },
    },
    async (req) => service.settle(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/classes/:id/settlement',
    {
      schema: {
        summary: 'Undo the settlement (a correction): the lines can change again',
        tags,
        params: IdParams,
        response,
      },
    },
    async (req) => service.reopen(actorOf(req), req.params.id),
  );
}
