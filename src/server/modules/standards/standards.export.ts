/**
 * "Xuất Excel" of the standards lists: the people with a gap (beside the CSV, same filters) and
 * the eligible people of a purpose. Both page through the lists' own services.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  EligiblePeopleQuery,
  type EligiblePerson,
  type GapPersonRow,
  GapsExportQuery,
  PurposeParams,
} from '../../../contracts/standards';
import { exportRoute, pagesOf, withoutPaging } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createEligibilityService } from './eligibility.service';
import type { createGapsService } from './gaps.service';

const GAP_STATUS = {
  missing: { vi: 'Chưa đạt', en: 'Not met' },
  due: { vi: 'Chưa đạt, còn trong hạn', en: 'Not met, still in time' },
} as const;

export function gapsExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  service: ReturnType<typeof createGapsService>,
) {
  exportRoute(app, deps, {
    path: '/standards/gaps/export.xlsx',
    summary: 'The people behind a number of the gaps summary as .xlsx (the CSV, formatted)',
    tags: ['standards'],
    querystring: GapsExportQuery,
    name: ['Khoảng trống tiêu chuẩn', 'Standards gaps'],
    columns: [
      {
        label: ['Họ và tên', 'Full name'],
        value: (g: z.infer<typeof GapPersonRow>) => g.fullName,
        width: 28,
      },
      { label: ['Đơn vị', 'Unit'], value: (g) => g.unitName, width: 28 },
      { label: ['Đối tượng', 'Category'], value: (g) => g.category, codes: 'category', width: 20 },
      { label: ['Ngạch, chức danh nghề nghiệp', 'Rank'], value: (g) => g.rank, codes: 'rank', width: 24 },
      { label: ['Chức vụ', 'Post'], value: (g) => g.post, width: 24 },
      { label: ['Mã tiêu chuẩn', 'Standard code'], value: (g) => g.ruleCode, width: 18 },
      {
        label: ['Tiêu chuẩn', 'Standard'],
        value: (g, lang) => (lang === 'vi' ? g.titleVi : g.titleEn),
        width: 40,
      },
      { label: ['Tình trạng', 'Status'], value: (g, lang) => GAP_STATUS[g.status][lang], width: 22 },
      { label: ['Hạn hoàn thành', 'Due by'], value: (g) => g.dueBy, kind: 'date', width: 12 },
      { label: ['Giải thích', 'Explanation'], value: (g, lang) => g.explanation[lang], width: 60 },
    ],
    rows: (actor, query) => pagesOf((page, pageSize) => service.people(actor, { ...query, page, pageSize })),
  });
}

export function eligibilityExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  service: ReturnType<typeof createEligibilityService>,
) {
  exportRoute(app, deps, {
    path: '/eligibility/:purpose/people/export.xlsx',
    summary: 'The eligible people of a subtree for a purpose as .xlsx, with the rules they pass',
    tags: ['standards'],
    querystring: withoutPaging(EligiblePeopleQuery),
    params: PurposeParams,
    name: ['Danh sách đủ điều kiện', 'Eligible people'],
    columns: [
      {
        label: ['Họ và tên', 'Full name'],
        value: (p: z.infer<typeof EligiblePerson>) => p.fullName,
        width: 28,
      },
      { label: ['Đơn vị', 'Unit'], value: (p) => p.unitName, width: 28 },
      { label: ['Đối tượng', 'Category'], value: (p) => p.category, codes: 'category', width: 20 },
      { label: ['Ngạch, chức danh nghề nghiệp', 'Rank'], value: (p) => p.rank, codes: 'rank', width: 24 },
      {
        label: ['Chức danh lãnh đạo', 'Leadership tier'],
        value: (p) => p.leadershipTier,
        codes: 'leadership_tier',
        width: 22,
      },
      {
        label: ['Đủ điều kiện theo', 'Eligible under'],
        value: (p, lang) =>
          p.rules
            .filter((r) => r.passed)
            .map((r) => (lang === 'vi' ? r.titleVi : r.titleEn))
            .join('; '),
        width: 50,
      },
    ],
    rows: (actor, query, { purpose }) =>
      pagesOf((page, pageSize) => service.people(actor, purpose, { ...query, page, pageSize })),
  });
}
