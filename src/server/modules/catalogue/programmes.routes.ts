import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateProgrammeBody,
  OverlapCheck,
  OverlapCheckBody,
  OverlapReport,
  OverlapReportQuery,
  PersonOverlap,
  PersonOverlapQuery,
  ProgrammeDetail,
  ProgrammeList,
  ProgrammesQuery,
  UpdateProgrammeBody,
} from '../../../contracts/catalogue';
import { IdParams } from '../../../contracts/common';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { programmesExport } from './catalogue.export';
import { createProgrammeService } from './programmes.service';

export function programmeRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const programmes = createProgrammeService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalogue'];
  programmesExport(app, deps, programmes);

  r.get(
    '/programmes',
    {
      schema: {
        summary: 'Programmes of the catalogue I can see (my units and those above): search, filters, pages',
        description: 'Search ignores accents and case and matches the code and both names.',
        tags,
        querystring: ProgrammesQuery,
        response: { 200: ProgrammeList },
      },
    },
    async (req) => programmes.list(actorOf(req), req.query),
  );
  r.post(
    '/programmes',
    {
      schema: {
        summary: 'Add a programme to the catalogue of my scope unit',
        description:
          'The answer lists other programmes sharing topic codes (`overlaps`): a warning, not a block.',
        tags,
        body: CreateProgrammeBody,
        response: { 200: ProgrammeDetail },
      },
    },
    async (req) => programmes.create(actorOf(req), req.body),
  );
  r.post(
    '/programmes/overlap-check',
    {
      schema: {
        summary: 'Which programmes share the topics of a form not yet saved',
        tags,
        body: OverlapCheckBody,
        response: { 200: OverlapCheck },
      },
    },
    async (req) => programmes.overlapCheck(actorOf(req), req.body),
  );
  r.get(
    '/programmes/overlaps',
    {
      schema: {
        summary: 'Overlap report: pairs of active programmes sharing topics, most shared periods first',
        tags,
        querystring: OverlapReportQuery,
        response: { 200: OverlapReport },
      },
    },
    async (req) => programmes.overlapReport(actorOf(req), req.query),
  );
  r.get(
    '/programmes/:id',
    {
      schema: {
        summary: 'A programme with its topics, overlapping programmes and the standards it satisfies',
        tags,
        params: IdParams,
        response: { 200: ProgrammeDetail },
      },
    },
    async (req) => programmes.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/programmes/:id',
    {
      schema: {
        summary: 'Change a programme (topics, when given, replace the list); `active: false` retires it',
        tags,
        params: IdParams,
        body: UpdateProgrammeBody,
        response: { 200: ProgrammeDetail },
      },
    },
    async (req) => programmes.update(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/programmes/:id/overlap',
    {
      schema: {
        summary:
          'Would this person repeat training? Qualification held (or higher) and topics already covered',
        description: 'Reasons come in Vietnamese and English. Called before a nomination is confirmed.',
        tags,
        params: IdParams,
        querystring: PersonOverlapQuery,
        response: { 200: PersonOverlap },
      },
    },
    async (req) => programmes.personOverlap(actorOf(req), req.params.id, req.query.personId),
  );
}
