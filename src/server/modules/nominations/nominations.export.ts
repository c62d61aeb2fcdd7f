/** "Xuất Excel" of a class's nominations: the rows `GET /classes/:id/nominations` shows the actor. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  NOMINATION_STATUS_LABELS,
  NOMINATION_STATUSES,
  type Nomination,
} from '../../../contracts/nominations';
import { exportRoute, vietnamTime } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createNominationService } from './nominations.service';

export function nominationsExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  service: ReturnType<typeof createNominationService>,
) {
  exportRoute(app, deps, {
    path: '/classes/:id/nominations/export.xlsx',
    summary: "A class's nominations (those the actor sees) as .xlsx, optionally of one status",
    tags: ['nominations'],
    querystring: z.object({ status: z.enum(NOMINATION_STATUSES).optional() }),
    params: IdParams,
    name: ['Danh sách cử đi học', 'Nominations'],
    columns: [
      { label: ['Họ và tên', 'Full name'], value: (n: Nomination) => n.personName, width: 28 },
      { label: ['Ngày sinh', 'Date of birth'], value: (n) => n.birthDate, kind: 'date', width: 12 },
      { label: ['Đơn vị', 'Unit'], value: (n) => n.unitName, width: 28 },
      {
        label: ['Trạng thái', 'Status'],
        value: (n, lang) => NOMINATION_STATUS_LABELS[n.status][lang],
        width: 16,
      },
      { label: ['Thứ tự chờ', 'Waitlist place'], value: (n) => n.waitlistPosition, kind: 'int' },
      { label: ['Lý do', 'Reason'], value: (n) => n.reason, width: 30 },
      { label: ['Ghi chú', 'Note'], value: (n) => n.note, width: 30 },
      { label: ['Người cử', 'Nominated by'], value: (n) => n.nominatedBy, width: 20 },
      {
        label: ['Ngày cử', 'Nominated at'],
        value: (n) => vietnamTime(n.nominatedAt),
        kind: 'datetime',
        width: 16,
      },
      { label: ['Người duyệt', 'Decided by'], value: (n) => n.decidedBy, width: 20 },
      {
        label: ['Ngày duyệt', 'Decided at'],
        value: (n) => vietnamTime(n.decidedAt),
        kind: 'datetime',
        width: 16,
      },
      { label: ['Số quyết định cử đi học', 'Decision number'], value: (n) => n.decisionNo, width: 18 },
      { label: ['Ngày quyết định', 'Decision date'], value: (n) => n.decisionDate, kind: 'date', width: 12 },
      { label: ['Người ký', 'Signed by'], value: (n) => n.signerName, width: 22 },
      { label: ['Chức vụ người ký', "Signer's title"], value: (n) => n.signerTitle, width: 22 },
    ],
    rows: async function* (actor, query, { id }) {
      const { items } = await service.get(actor, id);
      yield* query.status ? items.filter((n) => n.status === query.status) : items;
    },
  });
}
