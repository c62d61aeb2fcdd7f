import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Todo } from '../../../contracts/todo';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createTodoService } from './todo.service';

export function todoRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const service = createTodoService({ db: deps.handle.db, clock: deps.clock });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/todo',
    {
      schema: {
        summary: 'What waits for me in my subtree (the to-do page), counted, each with its page',
        description: 'Only the entries my role has a part in; every count is limited to my subtree.',
        tags: ['todo'],
        response: { 200: Todo },
      },
    },
    async (req) => service.get(actorOf(req)),
  );
}
