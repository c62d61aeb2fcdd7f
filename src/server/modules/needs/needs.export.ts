/** "Xuất Excel" of a campaign's consolidated needs: the rows `GET /needs/campaigns/:id/consolidated` shows. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  BoardQuery,
  type BoardRow,
  type ConsolidatedRow,
  PROPOSAL_STATUS_LABELS,
} from '../../../contracts/needs';
import { exportRoute, vietnamTime } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createCampaignService } from './needs.campaigns.service';
import { levelListOfProgramme } from './needs.proposals.service';

type Row = z.infer<typeof ConsolidatedRow>;

export function needsExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  campaigns: ReturnType<typeof createCampaignService>,
) {
  exportRoute(app, deps, {
    path: '/needs/campaigns/:id/consolidated/export.xlsx',
    summary: "A campaign's consolidated needs (programme kind x level x unit) as .xlsx",
    tags: ['needs'],
    querystring: z.object({}),
    params: IdParams,
    name: ['Tổng hợp nhu cầu đào tạo', 'Consolidated training needs'],
    columns: [
      {
        label: ['Loại chương trình', 'Programme kind'],
        value: (r: Row) => r.programmeKind,
        codes: 'programme_kind',
        width: 30,
      },
      {
        label: ['Trình độ', 'Level'],
        value: (r) => r.level,
        codes: (r) => levelListOfProgramme(r.programmeKind),
        width: 24,
      },
      { label: ['Đơn vị đề xuất', 'Proposing unit'], value: (r) => r.unitName, width: 30 },
      { label: ['Qua đơn vị', 'Through unit'], value: (r) => r.viaUnitName, width: 30 },
      { label: ['Số người có tên', 'Named people'], value: (r) => r.people, kind: 'int' },
      { label: ['Số lượng', 'Quantity'], value: (r) => r.quantity, kind: 'int' },
      { label: ['Ưu tiên 1', 'Priority 1'], value: (r) => r.priority1, kind: 'int' },
      { label: ['Ưu tiên 2', 'Priority 2'], value: (r) => r.priority2, kind: 'int' },
      { label: ['Ưu tiên 3', 'Priority 3'], value: (r) => r.priority3, kind: 'int' },
    ],
    rows: async function* (actor, _query, params) {
      yield* (await campaigns.consolidated(actor, params.id)).rows;
    },
  });
  exportRoute(app, deps, {
    path: '/needs/campaigns/:id/board/export.xlsx',
    summary: "A campaign's status board (proposals of my subtree, with the accepting decisions) as .xlsx",
    tags: ['needs'],
    querystring: BoardQuery,
    params: IdParams,
    name: ['Tình hình đề xuất nhu cầu', 'Needs proposals'],
    columns: [
      {
        label: ['Đơn vị đề xuất', 'Proposing unit'],
        value: (r: z.infer<typeof BoardRow>) => r.unitName,
        width: 30,
      },
      { label: ['Đơn vị xét', 'Reviewing unit'], value: (r) => r.reviewerName, width: 30 },
      {
        label: ['Trạng thái', 'Status'],
        value: (r, lang) => PROPOSAL_STATUS_LABELS[r.status][lang],
        width: 16,
      },
      {
        label: ['Ngày gửi', 'Submitted'],
        value: (r) => vietnamTime(r.submittedAt),
        kind: 'datetime',
        width: 16,
      },
      {
        label: ['Ngày xét', 'Reviewed'],
        value: (r) => vietnamTime(r.reviewedAt),
        kind: 'datetime',
        width: 16,
      },
      { label: ['Số quyết định', 'Decision number'], value: (r) => r.decisionNo, width: 18 },
      { label: ['Ngày quyết định', 'Decision date'], value: (r) => r.decisionDate, kind: 'date', width: 12 },
      { label: ['Người ký', 'Signed by'], value: (r) => r.signerName, width: 22 },
      { label: ['Số dòng', 'Lines'], value: (r) => r.lines.total, kind: 'int' },
    ],
    rows: async function* (actor, query, params) {
      yield* (await campaigns.board(actor, params.id, query)).proposals;
    },
  });
}
