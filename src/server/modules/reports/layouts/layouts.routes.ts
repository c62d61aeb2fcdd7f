import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../../contracts/common';
import {
  CopyLayoutBody,
  LayoutIdParams,
  PublishLayoutBody,
  ReportLayout,
  ReportLayoutList,
  ReportLayoutUpdate,
} from '../../../../contracts/report-layouts';
import type { ModuleDeps } from '../../../module-deps';
import { actorOf } from '../../../plugins/auth';
import { createLayoutService } from './layouts.service';

export function reportLayoutsRoutes(app: FastifyInstance, { handle }: ModuleDeps) {
  const service = createLayoutService({ db: handle.db });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  r.get(
    '/report-layouts',
    {
      schema: {
        summary: 'Layouts of the annual statistical report I can use (shipped, my province’s, my subtree’s)',
        tags,
        response: { 200: ReportLayoutList },
      },
    },
    async (req) => service.list(actorOf(req)),
  );
  r.get(
    '/report-layouts/:id',
    { schema: { summary: 'One layout', tags, params: LayoutIdParams, response: { 200: ReportLayout } } },
    async (req) => service.get(actorOf(req), req.params.id),
  );
  r.post(
    '/report-layouts/:id/copy',
    {
      schema: {
        summary: 'Copy a layout to my unit under a new code (to change it)',
        tags,
        params: LayoutIdParams,
        body: CopyLayoutBody,
        response: { 200: ReportLayout },
      },
    },
    async (req) => service.copy(actorOf(req), req.params.id, req.body.code),
  );
  r.post(
    '/report-layouts/:id/publish',
    {
      schema: {
        summary: 'Publish a draft copy of my subtree: it may then be the layout in force',
        tags,
        params: LayoutIdParams,
        body: PublishLayoutBody,
        response: { 200: ReportLayout },
      },
    },
    async (req) => service.publish(actorOf(req), req.params.id, req.body.version),
  );
  r.put(
    '/report-layouts/:id',
    {
      schema: {
        summary: 'Change a layout of my subtree: names, source, dates, rows and columns (version checked)',
        tags,
        params: LayoutIdParams,
        body: ReportLayoutUpdate,
        response: { 200: ReportLayout },
      },
    },
    async (req) => service.update(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/report-layouts/:id',
    {
      schema: {
        summary: 'Remove a layout of my subtree',
        tags,
        params: LayoutIdParams,
        response: { 200: Ok },
      },
    },
    async (req) => service.remove(actorOf(req), req.params.id),
  );
}
