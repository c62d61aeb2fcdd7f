import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, paged } from '../../../contracts/common';
import {
  CommitBody,
  IMPORT_KINDS,
  ImportBatch,
  ImportErrorsQuery,
  ImportListQuery,
  ImportProgress,
  ImportRowError,
  TemplateQuery,
  UndoBody,
  UploadQuery,
} from '../../../contracts/imports';
import { requirePermission } from '../../lib/scope';
import { overLimit } from '../../lib/sheets/limits';
import { attachment, XLSX_TYPE } from '../../lib/xlsx-write';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { templateOf } from './imports.classes';
import { createImportsService } from './imports.service';
import { templateCsv, templateFileName, templateXlsx } from './imports.template';
import { KINDS } from './kinds/index';

/**
 * What an upload may be sent as: what browsers send for .xlsx and .csv (Windows names a CSV
 * `application/vnd.ms-excel`), or a plain byte stream (the CLI, scripts). The content decides
 * how it is read (a zip is .xlsx, an .xls is refused, anything else is CSV text).
 */
const UPLOAD_TYPES = [
  'application/octet-stream',
  XLSX_TYPE,
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
];

export function importsRoutes(app: FastifyInstance, { handle, clock, config }: ModuleDeps) {
  const limits = config.importLimits;
  const service = createImportsService({ handle, clock, limits });
  // The raw-body parser lives in its own scope so no other route accepts octet streams.
  app.register(async (scoped) => {
    scoped.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: limits.maxBytes },
      (_req, body, done) => done(null, body),
    );
    // An upload over the limit is 413 naming it; every other error goes on to the app's handler.
    scoped.setErrorHandler((err) => {
      if ((err as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        throw overLimit('maxBytes', limits.maxBytes);
      throw err;
    });
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    const tags = ['imports'];

    r.get(
      '/imports/templates/:kind',
      {
        schema: {
          summary: 'The template of a kind: .xlsx (data sheet and "Hướng dẫn") or CSV',
          tags,
          params: z.object({ kind: z.enum(IMPORT_KINDS) }),
          querystring: TemplateQuery,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        requirePermission(actor, 'imports.run');
        const { def, rows } = await templateOf(
          handle.db,
          KINDS[req.params.kind],
          req.query.classId,
          actor.scopePath,
        );
        const name = templateFileName(req.params.kind, req.query.format);
        reply.header('content-disposition', attachment(name));
        if (req.query.format === 'csv')
          return reply.type('text/csv; charset=utf-8').send(templateCsv(def, rows));
        return reply.type(XLSX_TYPE).send(await templateXlsx(handle.db, def, rows));
      },
    );
    r.post(
      '/imports',
      {
        bodyLimit: limits.maxBytes,
        schema: {
          summary: 'Upload a sheet (.xlsx or CSV as the raw body) and check every row; nothing is written',
          tags,
          querystring: UploadQuery,
          response: { 200: ImportBatch },
        },
      },
      async (req) =>
        service.upload(actorOf(req), req.query, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)),
    );
    r.get(
      '/imports',
      {
        schema: {
          summary: "Imports of the actor's subtree, newest first",
          tags,
          querystring: ImportListQuery,
          response: { 200: paged(ImportBatch) },
        },
      },
      async (req) => service.list(actorOf(req), req.query),
    );
    r.get(
      '/imports/:id',
      { schema: { summary: 'One import', tags, params: IdParams, response: { 200: ImportBatch } } },
      async (req) => service.get(actorOf(req), req.params.id),
    );
    r.get(
      '/imports/:id/errors',
      {
        schema: {
          summary: 'The errors found, by row and column, in the user language, paged',
          tags,
          params: IdParams,
          querystring: ImportErrorsQuery,
          response: { 200: paged(ImportRowError) },
        },
      },
      async (req) =>
        service.errors(actorOf(req), req.params.id, req.query.page, req.query.pageSize, req.query.severity),
    );
    r.get(
      '/imports/:id/progress',
      {
        schema: {
          summary: 'Progress of a running commit',
          tags,
          params: IdParams,
          response: { 200: ImportProgress },
        },
      },
      async (req) => service.progress(actorOf(req), req.params.id),
    );
    r.get(
      '/imports/:id/file',
      { schema: { summary: 'The original file as uploaded', tags, params: IdParams } },
      async (req, reply) => {
        const f = await service.file(actorOf(req), req.params.id);
        return reply
          .type('application/octet-stream')
          .header('content-disposition', attachment(f.fileName))
          .send(f.content);
      },
    );
    r.post(
      '/imports/:id/commit',
      {
        schema: {
          summary: 'Write the rows in one transaction (all or nothing, or only the valid rows)',
          tags,
          params: IdParams,
          body: CommitBody,
          response: { 200: ImportBatch },
        },
      },
      async (req) => service.commit(actorOf(req), req.params.id, req.body.mode),
    );
    r.post(
      '/imports/:id/undo',
      {
        schema: {
          summary: 'Remove everything the import wrote, as a whole',
          tags,
          params: IdParams,
          body: UndoBody,
          response: { 200: ImportBatch },
        },
      },
      async (req) => service.undo(actorOf(req), req.params.id, req.body.reason),
    );
  });
}
