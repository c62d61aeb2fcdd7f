/** "Xuất Excel" of the duplicated-training list: every row of the report with its filters. */
import type { FastifyInstance } from 'fastify';
import { type DuplicatedTrainingItem, DuplicatedTrainingQuery } from '../../../contracts/duplicated-training';
import { exportRoute, withoutPaging } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createDuplicatedTrainingService } from './duplicated-training.service';

export function duplicatedTrainingExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  service: ReturnType<typeof createDuplicatedTrainingService>,
) {
  exportRoute(app, deps, {
    path: '/reports/duplicated-training/export.xlsx',
    summary: 'The duplicated-training rows of a year as .xlsx',
    tags: ['reports', 'classes'],
    querystring: withoutPaging(DuplicatedTrainingQuery),
    name: ['Đào tạo trùng lặp', 'Duplicated training'],
    columns: [
      { label: ['Mã lớp', 'Class'], value: (r: DuplicatedTrainingItem) => r.classCode, width: 14 },
      { label: ['Tên lớp', 'Class name'], value: (r) => r.className, width: 36 },
      { label: ['Họ và tên', 'Full name'], value: (r) => r.personName, width: 28 },
      { label: ['Đơn vị cử', 'Sent by'], value: (r) => r.unitName, width: 28 },
      {
        label: ['Lý do trùng lặp', 'Why it repeats'],
        value: (r, lang) => r.reasons.map((x) => x[lang]).join('; '),
        width: 50,
      },
      { label: ['Tỷ lệ trùng (%)', 'Share (%)'], value: (r) => r.sharePct, kind: 'number' },
      {
        label: ['Chi phí/học viên (đồng)', 'Cost per trainee (VND)'],
        value: (r) => r.costPerTrainee,
        kind: 'money',
        width: 16,
      },
      {
        label: ['Chi phí trùng lặp (đồng)', 'Duplicated cost (VND)'],
        value: (r) => r.duplicatedCost,
        kind: 'money',
        width: 16,
      },
    ],
    // The service computes every row of the year at once (then pages them): take them in one call.
    rows: async function* (actor, query) {
      yield* (await service.report(actor, { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER })).items;
    },
  });
}
