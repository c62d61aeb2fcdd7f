/** "Xuất Excel" of the delegations list: the same filters and visibility as `GET /abroad/delegations`. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  DELEGATION_STATUS_LABELS,
  DelegationListQuery,
  type DelegationSummary,
} from '../../../contracts/abroad';
import { exportRoute, pagesOf, withoutPaging } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createAbroadService } from './abroad.service';

export function abroadExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  service: ReturnType<typeof createAbroadService>,
) {
  exportRoute(app, deps, {
    path: '/abroad/delegations/export.xlsx',
    summary: 'The delegations list with its current filters as .xlsx',
    tags: ['abroad'],
    querystring: withoutPaging(DelegationListQuery),
    name: ['Đoàn đi đào tạo, bồi dưỡng ở nước ngoài', 'Delegations abroad'],
    columns: [
      { label: ['Mã đoàn', 'Code'], value: (d: z.infer<typeof DelegationSummary>) => d.code, width: 16 },
      { label: ['Tên đoàn', 'Delegation'], value: (d) => d.name, width: 40 },
      { label: ['Cơ sở đối tác', 'Partner'], value: (d) => d.partnerName, width: 30 },
      { label: ['Nước', 'Country'], value: (d) => d.country, width: 16 },
      { label: ['Chương trình', 'Programme'], value: (d) => d.programmeName, width: 30 },
      { label: ['Đơn vị tổ chức', 'Organiser'], value: (d) => d.organiserUnitName, width: 28 },
      { label: ['Ngày đi', 'Departs'], value: (d) => d.departsOn, kind: 'date', width: 12 },
      { label: ['Ngày về', 'Returns'], value: (d) => d.returnsOn, kind: 'date', width: 12 },
      { label: ['Số quyết định', 'Decision'], value: (d) => d.decisionNo, width: 16 },
      { label: ['Số thành viên', 'Members'], value: (d) => d.memberCount, kind: 'int' },
      { label: ['Kinh phí (đồng)', 'Budget (VND)'], value: (d) => d.budgetTotal, kind: 'money', width: 16 },
      {
        label: ['Trạng thái', 'Status'],
        value: (d, lang) => DELEGATION_STATUS_LABELS[d.status][lang],
        width: 18,
      },
    ],
    rows: (actor, query) => pagesOf((page, pageSize) => service.list(actor, { ...query, page, pageSize })),
  });
}
