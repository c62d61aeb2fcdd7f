import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { paged } from '../../../contracts/common';
import {
  GapPersonRow,
  GapsExportQuery,
  GapsPeopleQuery,
  GapsSummary,
  GapsSummaryQuery,
} from '../../../contracts/standards';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createGapsService } from './gaps.service';
import { gapsExport } from './standards.export';

export function gapsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const service = createGapsService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['standards'];
  gapsExport(app, deps, service);

  r.get(
    '/standards/gaps/summary',
    {
      schema: {
        summary: 'Gaps of a subtree on a date, counted by unit, rule or category',
        tags,
        querystring: GapsSummaryQuery,
        response: { 200: GapsSummary },
      },
    },
    async (req) => service.summary(actorOf(req), req.query),
  );
  r.get(
    '/standards/gaps/people',
    {
      schema: {
        summary: 'The people behind a number of the summary: one row per unmet standard, explained',
        tags,
        querystring: GapsPeopleQuery,
        response: { 200: paged(GapPersonRow) },
      },
    },
    async (req) => service.people(actorOf(req), req.query),
  );
  r.get(
    '/standards/gaps/export.csv',
    {
      schema: {
        summary: 'The same rows as CSV (UTF-8 with BOM, Vietnamese headers, STT, dd/mm/yyyy), streamed',
        tags,
        querystring: GapsExportQuery,
      },
    },
    async (req, reply) => {
      const { filename, stream } = await service.exportCsv(actorOf(req), req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(stream);
    },
  );
}
