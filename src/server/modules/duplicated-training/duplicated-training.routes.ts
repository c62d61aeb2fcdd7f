import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DuplicatedTraining, DuplicatedTrainingQuery } from '../../../contracts/duplicated-training';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { duplicatedTrainingExport } from './duplicated-training.export';
import { createDuplicatedTrainingService } from './duplicated-training.service';

export function duplicatedTrainingRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const service = createDuplicatedTrainingService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  duplicatedTrainingExport(app, deps, service);

  r.get(
    '/reports/duplicated-training',
    {
      schema: {
        summary:
          'Duplicated training of a year: nominations of people who already held the content, and its cost',
        description:
          'Seat-holding nominations (pending, approved) of the classes of `year` that are not cancelled and that I ' +
          'can see, sent by units of my subtree (under `unitId`, 404 outside it) or by any unit for classes I ' +
          'manage, whose person held before the class started the qualification the programme grants (or a ' +
          'higher one) or completed content covering its topics. Cost per trainee = budget / seat holders; ' +
          'duplicated cost = cost per trainee x share (100% for a held qualification, else covered periods / ' +
          'programme periods), whole VND. Totals and classes cover all rows; the rows are paged.',
        tags: ['reports', 'classes'],
        querystring: DuplicatedTrainingQuery,
        response: { 200: DuplicatedTraining },
      },
    },
    async (req) => service.report(actorOf(req), req.query),
  );
}
