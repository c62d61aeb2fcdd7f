import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, paged } from '../../../contracts/common';
import {
  CreatePersonBody,
  PeopleQuery,
  Person,
  PersonHistoryRow,
  PersonListItem,
  UpdatePersonBody,
} from '../../../contracts/people';
import { AppError } from '../../lib/errors';
import { attachment, XLSX_TYPE } from '../../lib/xlsx-write';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createPeopleService } from './people.service';

export function peopleRoutes(app: FastifyInstance, { handle, clock }: ModuleDeps) {
  const service = createPeopleService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  r.get(
    '/people',
    {
      schema: {
        summary: 'Find people (accent-free name or personal ID) with filters, paged',
        tags,
        querystring: PeopleQuery,
        response: { 200: paged(PersonListItem) },
      },
    },
    async (req) => service.list(actorOf(req), req.query),
  );
  r.get(
    '/people/export.xlsx',
    {
      schema: {
        summary: 'The filtered people list as .xlsx in the staff-list import layout, streamed',
        tags,
        querystring: PeopleQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      const stream = await service.exportXlsx(actorOf(req), req.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('danh-sach-can-bo.xlsx'))
        .send(stream);
    },
  );
  r.get(
    '/people/:id',
    { schema: { summary: 'One person', tags, params: IdParams, response: { 200: Person } } },
    async (req) => service.get(actorOf(req), req.params.id),
  );
  r.post(
    '/people',
    { schema: { summary: 'Add a person', tags, body: CreatePersonBody, response: { 200: Person } } },
    async (req) => service.create(actorOf(req), req.body),
  );
  r.patch(
    '/people/:id',
    {
      schema: {
        summary: 'Change a person (from a date; dated history kept)',
        tags,
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: Person },
      },
    },
    async (req) => service.update(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/people/:id/history',
    {
      schema: {
        summary: "Dated history of a person's category, rank, post, unit, status",
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(PersonHistoryRow) }) },
      },
    },
    async (req) => service.history(actorOf(req), req.params.id),
  );
  r.get(
    '/me/person',
    { schema: { summary: "The learner's own record", tags, response: { 200: Person } } },
    async (req) => {
      const actor = actorOf(req);
      if (!actor.personId)
        throw new AppError('NOT_FOUND', {
          message: {
            vi: 'Tài khoản chưa gắn với hồ sơ cá nhân.',
            en: 'This account is not linked to a person.',
          },
        });
      return service.get({ ...actor, role: 'learner' }, actor.personId);
    },
  );
}
