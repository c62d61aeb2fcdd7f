/**
 * Every report of the registry gets the same routes:
 *   GET /reports/<name>              the table (JSON), read at one moment
 *   GET /reports/<name>/export.xlsx  the same table as a formatted workbook
 *   GET /reports/<name>/people       the people behind one drilled number (paged)
 * Permission (`reports.read` unless the report says otherwise) and scope (a unit of the actor's
 * subtree, else 404) are checked here once for all reports.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ReportPeoplePage, ReportPeopleQuery, ReportTable } from '../../../contracts/reports';
import { notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { attachment, reportWorkbook, XLSX_TYPE } from '../../lib/xlsx-write';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { inOneRead, type ReportDefinition } from './framework';
import { REPORTS } from './registry';

/** `2026-12-04T09:30:00Z` -> `20261204-1630` (Vietnam time), for file names. */
function stamp(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${d.slice(0, 10).replace(/-/g, '')}-${d.slice(11, 16).replace(':', '')}`;
}

export function reportsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  for (const def of REPORTS) registerReport(app, deps, def as ReportDefinition);
}

function registerReport(app: FastifyInstance, { handle, clock }: ModuleDeps, def: ReportDefinition) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const permission = def.permission ?? 'reports.read';
  const query = def.query as z.ZodObject;

  const build = (req: Parameters<typeof actorOf>[0], q: z.infer<typeof def.query>) => {
    const actor = actorOf(req);
    requirePermission(actor, permission);
    return inOneRead(handle, actor, clock, q.unitId, (ctx) => def.build(ctx, q));
  };

  r.get(
    `/reports/${def.name}`,
    { schema: { summary: def.summary, tags, querystring: query, response: { 200: ReportTable } } },
    async (req) => build(req, req.query as z.infer<typeof def.query>),
  );

  r.get(
    `/reports/${def.name}/export.xlsx`,
    { schema: { summary: `${def.summary} (.xlsx)`, tags, querystring: query } },
    async (req, reply) => {
      const table = await build(req, req.query as z.infer<typeof def.query>);
      const body = await reportWorkbook(table, actorOf(req).lang);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`${table.title} ${stamp(table.readAt)}.xlsx`))
        .send(body);
    },
  );

  const peopleQuery = query.extend(ReportPeopleQuery.pick({ cell: true, page: true, pageSize: true }).shape);
  r.get(
    `/reports/${def.name}/people`,
    {
      schema: {
        summary: `${def.summary}: the people behind one number`,
        tags,
        querystring: peopleQuery,
        response: { 200: ReportPeoplePage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, permission);
      const { cell, page, pageSize, ...filters } = req.query as z.infer<typeof peopleQuery>;
      if (!def.people)
        throw notFound({ vi: 'danh sách người của báo cáo này', en: 'People list of this report' });
      const people = def.people;
      return inOneRead(handle, actor, clock, (filters as { unitId?: number }).unitId, (ctx) =>
        people(ctx, filters as z.infer<typeof def.query>, cell as string, {
          page: page as number,
          pageSize: pageSize as number,
        }),
      );
    },
  );
}
