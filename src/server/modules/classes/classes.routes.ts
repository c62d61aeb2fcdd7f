import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ClassClashes,
  ClassDetail,
  ClassList,
  ClassListQuery,
  CreateClassBody,
  SessionBody,
  SessionParams,
  UpdateSessionBody,
} from '../../../contracts/classes';
import { Id, IdParams, Int } from '../../../contracts/common';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { classesExport } from './classes.export';
import { createClassService } from './classes.service';

export function classesRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const service = createClassService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['classes'];
  classesExport(app, deps, service);

  r.get(
    '/classes',
    {
      schema: {
        summary: 'Classes I can see: organised in my subtree or above it, or taught at my institution',
        tags,
        querystring: ClassListQuery,
        response: { 200: ClassList },
      },
    },
    async (req) => service.list(actorOf(req), req.query),
  );
  r.get(
    '/classes/next-code',
    {
      schema: {
        summary: 'The next free "K<n>/<year>" code of an organiser',
        tags,
        querystring: z.object({
          organiserUnitId: Id.optional(),
          year: Int(2000, 2200),
        }),
        response: { 200: z.object({ code: z.string() }) },
      },
    },
    async (req) => service.nextCode(actorOf(req), req.query.organiserUnitId, req.query.year),
  );
  r.post(
    '/classes',
    {
      schema: {
        summary: 'Open a class of a catalogue programme, optionally carrying out a plan line',
        description:
          'The organiser defaults to my scope unit. A plan line must be a live line of a plan in my subtree, ' +
          "of the programme's kind. The code is unique per organiser and year (409 on `code`).",
        tags,
        body: CreateClassBody,
        response: { 200: ClassDetail },
      },
    },
    async (req) => service.create(actorOf(req), req.body),
  );
  r.get(
    '/classes/:id',
    {
      schema: {
        summary: 'A class with its sessions, lecturer and room clashes (warnings), history and next statuses',
        tags,
        params: IdParams,
        response: { 200: ClassDetail },
      },
    },
    async (req) => service.get(actorOf(req), req.params.id),
  );
  r.get(
    '/classes/:id/clashes',
    {
      schema: {
        summary: "The class's lecturer and room clashes with other live classes (warnings, never refusals)",
        description:
          'Same day, overlapping hours, the same lecturer or the same room of the same place. A clash with a ' +
          'class of another subtree is flagged without its code and name.',
        tags,
        params: IdParams,
        response: { 200: ClassClashes },
      },
    },
    async (req) => service.clashes(actorOf(req), req.params.id),
  );
  r.post(
    '/classes/:id/sessions',
    {
      schema: {
        summary: 'Add a session; the class comes back with any lecturer or room clash as a warning',
        tags,
        params: IdParams,
        body: SessionBody,
        response: { 200: ClassDetail },
      },
    },
    async (req) => service.addSession(actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/classes/:id/sessions/:sessionId',
    {
      schema: {
        summary: 'Change a session (only the fields named)',
        tags,
        params: SessionParams,
        body: UpdateSessionBody,
        response: { 200: ClassDetail },
      },
    },
    async (req) => service.updateSession(actorOf(req), req.params.id, req.params.sessionId, req.body),
  );
  r.delete(
    '/classes/:id/sessions/:sessionId',
    {
      schema: { summary: 'Delete a session', tags, params: SessionParams, response: { 200: ClassDetail } },
    },
    async (req) => service.deleteSession(actorOf(req), req.params.id, req.params.sessionId),
  );
}
