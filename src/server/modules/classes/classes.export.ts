/** "Xuất Excel" of the classes list: the same filters, visibility and order as `GET /classes`. */
import type { FastifyInstance } from 'fastify';
import { PROGRAMME_MODE_LABELS } from '../../../contracts/catalogue';
import { CLASS_STATUS_LABELS, ClassListQuery } from '../../../contracts/classes';
import { exportRoute, pagesOf, withoutPaging } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createClassService } from './classes.service';

type ClassItem = Awaited<ReturnType<ReturnType<typeof createClassService>['list']>>['items'][number];

export function classesExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  service: ReturnType<typeof createClassService>,
) {
  exportRoute(app, deps, {
    path: '/classes/export.xlsx',
    summary: 'The classes list with its current filters as .xlsx',
    tags: ['classes'],
    querystring: withoutPaging(ClassListQuery),
    name: ['Danh sách lớp', 'Classes'],
    columns: [
      { label: ['Mã lớp', 'Code'], value: (c: ClassItem) => c.code, width: 14 },
      { label: ['Tên lớp', 'Class'], value: (c) => c.name, width: 40 },
      { label: ['Chương trình', 'Programme'], value: (c) => c.programmeName, width: 36 },
      {
        label: ['Loại chương trình', 'Programme kind'],
        value: (c) => c.programmeKind,
        codes: 'programme_kind',
      },
      { label: ['Đơn vị tổ chức', 'Organiser'], value: (c) => c.organiserUnitName, width: 28 },
      { label: ['Cơ sở đào tạo', 'Institution'], value: (c) => c.institutionName, width: 28 },
      { label: ['Từ ngày', 'From'], value: (c) => c.startsOn, kind: 'date', width: 12 },
      { label: ['Đến ngày', 'To'], value: (c) => c.endsOn, kind: 'date', width: 12 },
      { label: ['Hình thức', 'Mode'], value: (c, lang) => PROGRAMME_MODE_LABELS[c.mode][lang] },
      { label: ['Số chỗ', 'Seats'], value: (c) => c.capacity, kind: 'int' },
      { label: ['Đã giữ chỗ', 'Seats held'], value: (c) => c.seatsTaken, kind: 'int' },
      { label: ['Số buổi', 'Sessions'], value: (c) => c.sessionCount, kind: 'int' },
      { label: ['Kinh phí (đồng)', 'Budget (VND)'], value: (c) => c.budgetTotal, kind: 'money', width: 16 },
      { label: ['Trạng thái', 'Status'], value: (c, lang) => CLASS_STATUS_LABELS[c.status][lang], width: 18 },
      { label: ['Hạn cử người', 'Nomination deadline'], value: (c) => c.nominationDeadline, kind: 'date' },
    ],
    rows: (actor, query) => pagesOf((page, pageSize) => service.list(actor, { ...query, page, pageSize })),
  });
}
