import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, paged } from '../../../contracts/common';
import { CreateUserBody, UpdateUserBody, User, UsersQuery } from '../../../contracts/users';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { usersExport } from './users.export';
import { createUsersService } from './users.service';

export function userRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const service = createUsersService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  usersExport(app, deps, service);
  r.get(
    '/users',
    {
      schema: {
        summary: 'Users of my subtree (admin)',
        tags,
        querystring: UsersQuery,
        response: { 200: paged(User) },
      },
    },
    async (req) => service.list(actorOf(req), req.query),
  );
  r.post(
    '/users',
    {
      schema: {
        summary: 'Create a user bound to a subtree (admin)',
        tags,
        body: CreateUserBody,
        response: { 200: User },
      },
    },
    async (req) => service.create(actorOf(req), req.body),
  );
  r.patch(
    '/users/:id',
    {
      schema: {
        summary: 'Change role, scope, status or password (admin)',
        tags,
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    async (req) => service.update(actorOf(req), req.params.id, req.body),
  );
}
