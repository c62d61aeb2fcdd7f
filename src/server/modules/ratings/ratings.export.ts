/** "Xuất Excel" of the ratings page: a year's ratings counted by unit of the subtree, the cap flagged. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { DistributionQuery, type DistributionUnit } from '../../../contracts/ratings';
import { exportRoute } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createRatingsService } from './ratings.service';

export function ratingsExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  ratings: ReturnType<typeof createRatingsService>,
) {
  exportRoute(app, deps, {
    path: '/ratings/distribution/export.xlsx',
    summary: 'Ratings of a year by unit of the subtree, with the "excellent" cap, as .xlsx',
    tags: ['ratings'],
    querystring: DistributionQuery,
    name: ['Xếp loại chất lượng theo đơn vị', 'Ratings by unit'],
    columns: [
      { label: ['Đơn vị', 'Unit'], value: (u: z.infer<typeof DistributionUnit>) => u.unitName, width: 32 },
      { label: ['Số người được xếp loại', 'Rated'], value: (u) => u.counts.total, kind: 'int' },
      { label: ['Hoàn thành xuất sắc nhiệm vụ', 'Excellent'], value: (u) => u.counts.EXCELLENT, kind: 'int' },
      { label: ['Hoàn thành tốt nhiệm vụ', 'Good'], value: (u) => u.counts.GOOD, kind: 'int' },
      { label: ['Hoàn thành nhiệm vụ', 'Completed'], value: (u) => u.counts.COMPLETED, kind: 'int' },
      { label: ['Không hoàn thành nhiệm vụ', 'Failed'], value: (u) => u.counts.FAILED, kind: 'int' },
      {
        label: ['Vượt tỷ lệ xuất sắc', 'Breaks the excellent cap'],
        value: (u, lang) => (u.breaksCap ? (lang === 'vi' ? 'Có' : 'Yes') : ''),
      },
    ],
    rows: async function* (actor, query) {
      yield* (await ratings.distribution(actor, query)).units;
    },
  });
}
