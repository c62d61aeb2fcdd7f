import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Ok } from '../../../contracts/common';
import {
  AttachmentBody,
  DeleteQualificationBody,
  Qualification,
  QualificationInput,
  UpdateQualificationBody,
} from '../../../contracts/qualifications';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createQualificationService } from './qualifications.service';

const Attachment = z.object({ id: z.number(), fileName: z.string(), mimeType: z.string(), size: z.number() });

export function qualificationRoutes(app: FastifyInstance, { handle, clock }: ModuleDeps) {
  const service = createQualificationService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['qualifications'];

  r.get(
    '/people/:id/qualifications',
    {
      schema: {
        summary: "A person's qualifications (with removed ones on request)",
        tags,
        params: IdParams,
        querystring: z.object({ includeDeleted: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ items: z.array(Qualification) }) },
      },
    },
    async (req) => service.list(actorOf(req), req.params.id, req.query.includeDeleted === 'true'),
  );
  r.post(
    '/people/:id/qualifications',
    {
      schema: {
        summary: 'Record a qualification (source: typed)',
        tags,
        params: IdParams,
        body: QualificationInput,
        response: { 200: Qualification },
      },
    },
    async (req) => service.create(actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/qualifications/:id',
    {
      schema: {
        summary: 'Correct a qualification',
        tags,
        params: IdParams,
        body: UpdateQualificationBody,
        response: { 200: Qualification },
      },
    },
    async (req) => service.update(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/qualifications/:id',
    {
      schema: {
        summary: 'Remove a qualification (kept in history with the reason)',
        tags,
        params: IdParams,
        body: DeleteQualificationBody,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await service.remove(actorOf(req), req.params.id, req.body?.reason ?? null);
      return { ok: true as const };
    },
  );
  r.post(
    '/qualifications/:id/attachments',
    {
      schema: {
        summary: 'Attach a scan (PDF, PNG, JPEG; 5 MB)',
        tags,
        params: IdParams,
        body: AttachmentBody,
        response: { 200: Attachment },
      },
    },
    async (req) => service.attach(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/attachments/:id',
    { schema: { summary: 'Download an attachment', tags, params: IdParams } },
    async (req, reply) => {
      const a = await service.download(actorOf(req), req.params.id);
      reply.header('content-type', a.mimeType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`);
      return reply.send(a.content);
    },
  );
}
