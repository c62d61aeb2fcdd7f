/** /api/documents: official documents of classes and plans, the decisions issued, the templates (ADR 040). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common';
import {
  DocModel,
  type DocModelT,
  FormatQuery,
  IssueBody,
  IssuedDocument,
  IssuedList,
  KindParams,
  PreviewBody,
  PreviewQuery,
  PrintQuery,
  RegisterPrintQuery,
  SubjectParams,
  Template,
  TemplateBody,
  TemplateList,
} from '../../../contracts/documents';
import { requirePermission } from '../../lib/scope';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { unitNames } from './documents.data';
import { renderDocx } from './documents.docx';
import { renderPdf } from './documents.pdf';
import { previewDocument } from './documents.preview';
import { printRegister } from './documents.register';
import { createDocumentService } from './documents.service';
import { createTemplateService } from './documents.templates';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The file of a document, PDF or .docx, named after the kind and record. */
export async function sendDocument(reply: FastifyReply, model: DocModelT, format: 'pdf' | 'docx') {
  const body = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  return reply
    .type(format === 'pdf' ? 'application/pdf' : DOCX)
    .header(
      'content-disposition',
      `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${model.fileName}.${format}"`,
    )
    .header('cache-control', 'private, no-store')
    .send(body);
}

export function documentsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const service = createDocumentService({ db: handle.db, clock });
  const templates = createTemplateService({ db: handle.db });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  r.get(
    '/documents/:subject/:id/print',
    {
      schema: {
        summary:
          'A document of a class or plan as PDF or .docx (a decision not yet issued prints as an unnumbered draft)',
        description:
          'Summons: one page per learner, or one learner with personId. Only the managers of the record.',
        tags,
        params: SubjectParams,
        querystring: PrintQuery,
      },
    },
    async (req, reply) => {
      const { subject, id } = req.params;
      const model = await service.print(actorOf(req), subject, id, req.query.kind, req.query.personId);
      return sendDocument(reply, model, req.query.format);
    },
  );
  r.get(
    '/documents/registers/:id/print',
    {
      schema: {
        summary:
          'The certificate register of an institution (or unit) printed for a period: all its classes, in order of issue',
        description: 'Only who keeps the register (404 otherwise). from/to bound the issue dates.',
        tags,
        params: IdParams,
        querystring: RegisterPrintQuery,
      },
    },
    async (req, reply) => {
      const { from, to, format } = req.query;
      const today = clock.now().toISOString().slice(0, 10);
      const model = await printRegister(handle.db, actorOf(req), req.params.id, { from, to }, today);
      return sendDocument(reply, model, format);
    },
  );
  r.get(
    '/documents/:subject/:id/issued',
    {
      schema: {
        summary: 'The decisions issued for a class or plan, newest first',
        tags,
        params: SubjectParams,
        response: { 200: IssuedList },
      },
    },
    async (req) => service.issued(actorOf(req), req.params.subject, req.params.id),
  );
  r.post(
    '/documents/:subject/:id/issue',
    {
      schema: {
        summary: "Issue a decision: the next number of the issuing unit's register for the year",
        description:
          'A record that already has a decision of the kind answers 409 unless again is true (a new number).',
        tags,
        params: SubjectParams,
        body: IssueBody,
        response: { 200: IssuedDocument },
      },
    },
    async (req) => service.issue(actorOf(req), req.params.subject, req.params.id, req.body),
  );
  r.get(
    '/documents/issued/:id/file',
    {
      schema: {
        summary: 'Re-print an issued decision exactly as issued (same number, date and text)',
        tags,
        params: IdParams,
        querystring: FormatQuery,
      },
    },
    async (req, reply) =>
      sendDocument(reply, await service.reprint(actorOf(req), req.params.id), req.query.format),
  );
  r.get(
    '/documents/templates',
    {
      schema: {
        summary: 'The templates my unit prints with, by kind',
        tags,
        response: { 200: TemplateList },
      },
    },
    async (req) => templates.list(actorOf(req)),
  );
  r.put(
    '/documents/templates/:kind',
    {
      schema: {
        summary: "Save my unit's own template of a kind (units below without their own use it too)",
        description: 'Placeholders {{...}} unknown to the kind are refused (400).',
        tags,
        params: KindParams,
        body: TemplateBody,
        response: { 200: Template },
      },
    },
    async (req) => templates.save(actorOf(req), req.params.kind, req.body),
  );
  r.delete(
    '/documents/templates/:kind',
    {
      schema: {
        summary: "Drop my unit's own template of a kind: print with the one above it or the default",
        tags,
        params: KindParams,
        response: { 200: Template },
      },
    },
    async (req) => templates.reset(actorOf(req), req.params.kind),
  );
  r.post(
    '/documents/templates/preview',
    {
      schema: {
        summary: 'Lay out a template being edited on sample records (the editor preview)',
        tags,
        body: PreviewBody,
        querystring: PreviewQuery,
        response: { 200: DocModel },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, 'classes.manage');
      const u = await unitNames(handle.db, actor.scopeUnitId);
      const model = previewDocument(
        req.body.kind,
        req.body.template,
        { name: u?.name ?? '', parentName: u?.parentName ?? null },
        clock.now().toISOString().slice(0, 10),
      );
      return req.query.format ? sendDocument(reply, model, req.query.format) : model;
    },
  );
}
