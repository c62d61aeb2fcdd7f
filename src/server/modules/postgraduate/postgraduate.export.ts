/** "Xuất Excel" of the sponsorships list: the same filters and subtree as `GET /postgraduate`. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  POSTGRAD_STATUS_LABELS,
  SponsorshipListQuery,
  type SponsorshipSummary,
} from '../../../contracts/postgraduate';
import { exportRoute, pagesOf, withoutPaging } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createPostgraduateService } from './postgraduate.service';

export function postgraduateExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  service: ReturnType<typeof createPostgraduateService>,
) {
  exportRoute(app, deps, {
    path: '/postgraduate/export.xlsx',
    summary: 'The sponsored postgraduate study list with its current filters as .xlsx',
    tags: ['postgraduate'],
    querystring: withoutPaging(SponsorshipListQuery),
    name: ['Cử đi đào tạo sau đại học', 'Postgraduate sponsorships'],
    columns: [
      {
        label: ['Họ và tên', 'Full name'],
        value: (s: z.infer<typeof SponsorshipSummary>) => s.fullName,
        width: 28,
      },
      { label: ['Đơn vị', 'Unit'], value: (s) => s.unitName, width: 28 },
      { label: ['Trình độ', 'Level'], value: (s) => s.level, codes: 'level_EDUCATION' },
      { label: ['Ngành, chuyên ngành', 'Field'], value: (s) => s.field, width: 30 },
      { label: ['Cơ sở đào tạo', 'Institution'], value: (s) => s.institutionName, width: 30 },
      { label: ['Nước', 'Country'], value: (s) => s.country, width: 14 },
      { label: ['Bắt đầu', 'Starts'], value: (s) => s.startsOn, kind: 'date', width: 12 },
      {
        label: ['Dự kiến kết thúc', 'Expected end'],
        value: (s) => s.expectedEndsOn,
        kind: 'date',
        width: 12,
      },
      { label: ['Kết thúc thực tế', 'Actual end'], value: (s) => s.actualEndsOn, kind: 'date', width: 12 },
      {
        label: ['Trạng thái', 'Status'],
        value: (s, lang) => POSTGRAD_STATUS_LABELS[s.status][lang],
        width: 20,
      },
      { label: ['Ngày thôi việc', 'Left on'], value: (s) => s.leftOn, kind: 'date', width: 12 },
      { label: ['Chi phí (đồng)', 'Cost (VND)'], value: (s) => s.cost, kind: 'money', width: 16 },
    ],
    rows: (actor, query) => pagesOf((page, pageSize) => service.list(actor, { ...query, page, pageSize })),
  });
}
