/** "Xuất Excel" of annual plans: the plans list (its filters) and a plan's working lines. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { type PlanLine, PlanQuery, type PlanStatus, type PlanSummary } from '../../../contracts/plans';
import { exportRoute, pagesOf, vietnamTime, withoutPaging } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createPlanService } from './plans.service';

const STATUS: Record<PlanStatus, readonly [string, string]> = {
  draft: ['Dự thảo', 'Draft'],
  submitted: ['Đã trình', 'Submitted'],
  returned: ['Bị trả lại', 'Returned'],
  approved: ['Đã phê duyệt', 'Approved'],
};

export function plansExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  plans: ReturnType<typeof createPlanService>,
) {
  exportRoute(app, deps, {
    path: '/plans/export.xlsx',
    summary: 'The annual plans list with its current filters as .xlsx',
    tags: ['plans'],
    querystring: withoutPaging(PlanQuery),
    name: ['Kế hoạch đào tạo, bồi dưỡng', 'Annual plans'],
    columns: [
      { label: ['Năm', 'Year'], value: (p: z.infer<typeof PlanSummary>) => p.year },
      { label: ['Đơn vị', 'Unit'], value: (p) => p.unitName, width: 28 },
      { label: ['Tên kế hoạch', 'Plan'], value: (p) => p.title, width: 40 },
      { label: ['Kế hoạch nhiều năm', 'Multi-year programme'], value: (p) => p.multiyearName, width: 30 },
      {
        label: ['Trạng thái', 'Status'],
        value: (p, lang) => STATUS[p.status][lang === 'vi' ? 0 : 1],
        width: 16,
      },
      { label: ['Phiên bản', 'Version'], value: (p) => p.version, kind: 'int' },
      { label: ['Số dòng', 'Lines'], value: (p) => p.lines, kind: 'int' },
      { label: ['Số lớp', 'Classes'], value: (p) => p.classes, kind: 'int' },
      { label: ['Số học viên', 'Trainees'], value: (p) => p.trainees, kind: 'int' },
      { label: ['Kinh phí (đồng)', 'Budget (VND)'], value: (p) => p.budget, kind: 'money', width: 16 },
      { label: ['Cập nhật', 'Updated'], value: (p) => vietnamTime(p.updatedAt), kind: 'datetime', width: 16 },
    ],
    rows: (actor, query) => pagesOf((page, pageSize) => plans.list(actor, { ...query, page, pageSize })),
  });
  exportRoute(app, deps, {
    path: '/plans/:id/export.xlsx',
    summary: "A plan's working lines as .xlsx",
    tags: ['plans'],
    querystring: z.object({}),
    params: IdParams,
    name: ['Các dòng kế hoạch', 'Plan lines'],
    columns: [
      {
        label: ['Loại chương trình', 'Programme kind'],
        value: (l: PlanLine) => l.programmeKind,
        codes: 'programme_kind',
        width: 26,
      },
      {
        label: ['Trình độ', 'Level'],
        value: (l) => l.level,
        codes: (l) => `level_${l.programmeKind}`,
        width: 20,
      },
      {
        label: ['Đối tượng', 'Target group'],
        value: (l) => l.targetCode,
        codes: (l) => l.targetList,
        width: 26,
      },
      { label: ['Số lớp', 'Classes'], value: (l) => l.classes, kind: 'int' },
      { label: ['Số học viên', 'Trainees'], value: (l) => l.trainees, kind: 'int' },
      { label: ['Số tiết', 'Periods'], value: (l) => l.periods, kind: 'int' },
      { label: ['Kinh phí (đồng)', 'Budget (VND)'], value: (l) => l.budgetTotal, kind: 'money', width: 16 },
      { label: ['Ghi chú', 'Note'], value: (l) => l.note, width: 30 },
      {
        label: ['Nguồn', 'Source'],
        value: (l, lang) =>
          l.source === 'needs'
            ? lang === 'vi'
              ? 'Từ nhu cầu'
              : 'From needs'
            : lang === 'vi'
              ? 'Nhập tay'
              : 'Typed',
      },
    ],
    rows: async function* (actor, _q, { id }) {
      yield* (await plans.detail(actor, id)).lines;
    },
  });
}
