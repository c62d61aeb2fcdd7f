/**
 * Every report of the registry gets the same routes:
 *   GET /reports/<name>              the table (JSON), read at one moment
 *   GET /reports/<name>/export.xlsx  the same table as a formatted workbook
 *   GET /reports/<name>/people       the people behind one drilled number (paged)
 *   GET /reports/<name>/people/export.xlsx   all of them as a streamed list, 1,000 per read
 * Permission (`reports.read` unless the report says otherwise) and scope (a unit of the actor's
 * subtree, else 404) are checked here once for all reports.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  ReportPeoplePage,
  ReportPeopleQuery,
  type ReportPerson,
  ReportTable,
} from '../../../contracts/reports';
import { notFound } from '../../lib/errors';
import { exportRoute, pagesOf } from '../../lib/list-export';
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

function registerReport(app: FastifyInstance, deps: ModuleDeps, def: ReportDefinition) {
  const { handle, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const permission = def.permission ?? 'reports.read';
  const query = def.query as z.ZodObject;

  const build = async (req: Parameters<typeof actorOf>[0], q: z.infer<typeof def.query>) => {
    const actor = actorOf(req);
    requirePermission(actor, permission);
    await def.prepare?.(handle.db, clock);
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
  const peopleOf = (actor: ReturnType<typeof actorOf>, q: Record<string, unknown>) => {
    requirePermission(actor, permission);
    if (!def.people)
      throw notFound({ vi: 'danh sách người của báo cáo này', en: 'People list of this report' });
    const people = def.people;
    const { cell, page: _p, pageSize: _s, ...filters } = q as z.infer<typeof peopleQuery>;
    return async (page: number, pageSize: number) => {
      await def.prepare?.(handle.db, clock);
      return inOneRead(handle, actor, clock, (filters as { unitId?: number }).unitId, (ctx) =>
        people(ctx, filters as z.infer<typeof def.query>, cell as string, { page, pageSize }),
      );
    };
  };
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
      const { page, pageSize } = req.query as { page: number; pageSize: number };
      return peopleOf(actorOf(req), req.query as Record<string, unknown>)(page, pageSize);
    },
  );

  exportRoute(app, deps, {
    path: `/reports/${def.name}/people/export.xlsx`,
    summary: `${def.summary}: the people behind one number (.xlsx)`,
    tags,
    querystring: query.extend(ReportPeopleQuery.pick({ cell: true }).shape),
    name: ['Danh sách người', 'People'],
    columns: [
      { label: ['Họ và tên', 'Full name'], value: (p: ReportPerson) => p.fullName, width: 28 },
      { label: ['Ngày sinh', 'Date of birth'], value: (p) => p.birthDate, kind: 'date', width: 12 },
      { label: ['Đơn vị', 'Unit'], value: (p) => p.unitName, width: 28 },
      { label: ['Đối tượng', 'Category'], value: (p) => p.category, width: 20 },
      { label: ['Ngạch', 'Rank'], value: (p) => p.rank, width: 20 },
      { label: ['Chức vụ', 'Post'], value: (p) => p.post, width: 24 },
      { label: ['Chi tiết', 'Detail'], value: (p) => p.detail, width: 36 },
    ],
    rows: (actor, q) => pagesOf(peopleOf(actor, q), 1000),
  });
}
