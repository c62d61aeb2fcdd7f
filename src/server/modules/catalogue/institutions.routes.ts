import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common';
import {
  CreateInstitutionBody,
  CreateLecturerBody,
  HoursBody,
  HoursParams,
  Institution,
  InstitutionList,
  InstitutionsQuery,
  LecturerDetail,
  LecturerList,
  LecturersQuery,
  UpdateInstitutionBody,
  UpdateLecturerBody,
} from '../../../contracts/institutions';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { institutionsExport } from './catalogue.export';
import { createInstitutionService } from './institutions.service';
import { createLecturerService } from './lecturers.service';

export function institutionRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const institutions = createInstitutionService({ db: handle.db });
  const lecturers = createLecturerService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalogue'];
  institutionsExport(app, deps, institutions, lecturers);

  r.get(
    '/institutions',
    {
      schema: {
        summary: 'Training institutions I can see: search (accents ignored), kind, active',
        tags,
        querystring: InstitutionsQuery,
        response: { 200: InstitutionList },
      },
    },
    async (req) => institutions.list(actorOf(req), req.query),
  );
  r.post(
    '/institutions',
    {
      schema: {
        summary: 'Add an institution owned by my scope unit (optionally the org unit it is)',
        tags,
        body: CreateInstitutionBody,
        response: { 200: Institution },
      },
    },
    async (req) => institutions.create(actorOf(req), req.body),
  );
  r.get(
    '/institutions/:id',
    { schema: { summary: 'One institution', tags, params: IdParams, response: { 200: Institution } } },
    async (req) => institutions.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/institutions/:id',
    {
      schema: {
        summary: 'Change an institution; `active: false` retires it',
        tags,
        params: IdParams,
        body: UpdateInstitutionBody,
        response: { 200: Institution },
      },
    },
    async (req) => institutions.update(actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/lecturers',
    {
      schema: {
        summary: 'Lecturers I can see: search name, workplace and subjects; kind, institution, subject',
        tags,
        querystring: LecturersQuery,
        response: { 200: LecturerList },
      },
    },
    async (req) => lecturers.list(actorOf(req), req.query),
  );
  r.post(
    '/lecturers',
    {
      schema: {
        summary: 'Add a lecturer: internal (a person of my subtree) or invited (name, workplace)',
        tags,
        body: CreateLecturerBody,
        response: { 200: LecturerDetail },
      },
    },
    async (req) => lecturers.create(actorOf(req), req.body),
  );
  r.get(
    '/lecturers/:id',
    {
      schema: {
        summary: 'A lecturer with institutions and periods taught by year and source',
        tags,
        params: IdParams,
        response: { 200: LecturerDetail },
      },
    },
    async (req) => lecturers.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/lecturers/:id',
    {
      schema: {
        summary: 'Change a lecturer (institutionIds, when given, replace the links)',
        tags,
        params: IdParams,
        body: UpdateLecturerBody,
        response: { 200: LecturerDetail },
      },
    },
    async (req) => lecturers.update(actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/lecturers/:id/hours/:year',
    {
      schema: {
        summary: 'Set the periods a lecturer taught in a year (typed; class sessions add their own rows)',
        tags,
        params: HoursParams,
        body: HoursBody,
        response: { 200: LecturerDetail },
      },
    },
    async (req) => lecturers.setHours(actorOf(req), req.params.id, req.params.year, req.body),
  );
}
