import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Certificate,
  CertificateList,
  ClassCertificates,
  IssueBody,
  IssueResult,
  PublicCertificate,
  Register,
  RegisterBody,
  RegisterList,
  RegisterOwners,
  ReplaceBody,
  RevokeBody,
  TokenParams,
  UpdateRegisterBody,
} from '../../../contracts/certificates';
import { IdParams } from '../../../contracts/common';
import { publicBase } from '../../config';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { certificatesExport } from './certificates.export';
import { renderCertificates } from './certificates.pdf';
import { createPublicCertificateService } from './certificates.public';
import { createCertificateService } from './certificates.service';
import { createRegisterService } from './registers.service';

export function certificatesRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock, config } = deps;
  const service = createCertificateService({ db: handle.db, clock });
  const registers = createRegisterService({ db: handle.db, clock });
  const publicService = createPublicCertificateService({
    db: handle.db,
    clock,
    maxPerMinute: config.verifyMaxPerMinute,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['certificates'];
  certificatesExport(app, deps, service, registers);

  /** QR codes point at PUBLIC_URL, else the listen address: never at a Host header a client chose. */
  const base = publicBase(config);
  const sendPdf = async (
    reply: FastifyReply,
    p: { fileName: string; items: Parameters<typeof renderCertificates>[0] },
  ) => {
    const pdf = await renderCertificates(p.items, base);
    const name = p.fileName.replace(/[^A-Za-z0-9_-]+/g, '-');
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${name}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  };

  r.get(
    '/certificate-registers',
    { schema: { summary: 'The certificate registers I keep', tags, response: { 200: RegisterList } } },
    async (req) => registers.list(actorOf(req)),
  );
  r.get(
    '/certificate-registers/owners',
    {
      schema: {
        summary: 'Institutions and units I keep that have no register yet',
        tags,
        response: { 200: RegisterOwners },
      },
    },
    async (req) => registers.owners(actorOf(req)),
  );
  r.post(
    '/certificate-registers',
    {
      schema: {
        summary: 'Open the register of an institution (or of a unit, for classes taught at none)',
        description:
          'One register per institution or unit (409). Pattern placeholders: {school} {year} {seq} {seq:N}.',
        tags,
        body: RegisterBody,
        response: { 200: Register },
      },
    },
    async (req) => registers.create(actorOf(req), req.body),
  );
  r.patch(
    '/certificate-registers/:id',
    {
      schema: {
        summary: 'Change a register: pattern, school code, header, place, signer',
        description: 'Numbers already given are never given again, whatever the new pattern.',
        tags,
        params: IdParams,
        body: UpdateRegisterBody,
        response: { 200: Register },
      },
    },
    async (req) => registers.update(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/classes/:id/certificates',
    {
      schema: {
        summary: "A class's certificates (its managers see all; others those of their subtree's people)",
        tags,
        params: IdParams,
        response: { 200: ClassCertificates },
      },
    },
    async (req) => service.forClass(actorOf(req), req.params.id),
  );
  r.post(
    '/classes/:id/certificates/issue',
    {
      schema: {
        summary: 'Issue certificates to the passed learners of a finished class who have none',
        description:
          'Numbered from the register of the class institution (else of its organiser: 409 when there is none). ' +
          'Each adds the qualification the programme grants to the person (source "class"). Before the end ' +
          'of the last session (and the policy days): 409 TOO_EARLY; issuedOn after today or before the ' +
          "class's last day: 400 (ADR 025).",
        tags,
        params: IdParams,
        body: IssueBody,
        response: { 200: IssueResult },
      },
    },
    async (req) => service.issue(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/classes/:id/certificates/pdf',
    {
      schema: {
        summary: 'Bulk print: one PDF, a page per valid certificate of the class',
        tags,
        params: IdParams,
      },
    },
    async (req, reply) => sendPdf(reply, await service.printClass(actorOf(req), req.params.id)),
  );
  r.get(
    '/certificates/:id/pdf',
    { schema: { summary: 'One certificate as a printable A4 PDF with its QR code', tags, params: IdParams } },
    async (req, reply) => sendPdf(reply, await service.printOne(actorOf(req), req.params.id)),
  );
  r.post(
    '/certificates/:id/revoke',
    {
      schema: {
        summary: 'Revoke a certificate issued in error, with the reason; its qualification is removed',
        tags,
        params: IdParams,
        body: RevokeBody,
        response: { 200: Certificate },
      },
    },
    async (req) => service.revoke(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/certificates/:id/replace',
    {
      schema: {
        summary: 'Replace a lost certificate by a certifying paper of equal value (returns the paper)',
        tags,
        params: IdParams,
        body: ReplaceBody,
        response: { 200: Certificate },
      },
    },
    async (req) => service.replace(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/people/:id/certificates',
    {
      schema: {
        summary: "A person's certificates (a learner reads their own)",
        tags,
        params: IdParams,
        response: { 200: CertificateList },
      },
    },
    async (req) => service.forPerson(actorOf(req), req.params.id),
  );
  r.get(
    '/public/certificates/:token',
    {
      config: { public: true },
      schema: {
        summary: 'Public verification of a certificate by the token of its QR code (no login, rate limited)',
        description: 'Only the essentials printed on the paper and its status. Unknown token: 404.',
        tags,
        security: [],
        params: TokenParams,
        response: { 200: PublicCertificate },
      },
    },
    async (req) => publicService.verify(req.params.token, req.ip),
  );
}
