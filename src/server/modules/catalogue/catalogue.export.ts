/** "Xuất Excel" of the catalogue's lists: programmes, institutions, lecturers (their filters and scope). */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { PROGRAMME_MODE_LABELS, type ProgrammeSummary, ProgrammesQuery } from '../../../contracts/catalogue';
import type { Lang } from '../../../contracts/errors';
import {
  type Institution,
  InstitutionsQuery,
  LECTURER_KIND_LABELS,
  type LecturerSummary,
  LecturersQuery,
} from '../../../contracts/institutions';
import { exportRoute, pagesOf, withoutPaging } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createInstitutionService } from './institutions.service';
import type { createLecturerService } from './lecturers.service';
import type { createProgrammeService } from './programmes.service';

const activeLabel = (active: boolean, lang: Lang) =>
  active ? (lang === 'vi' ? 'Đang dùng' : 'Active') : lang === 'vi' ? 'Ngừng dùng' : 'Retired';
const ACTIVE = {
  label: ['Tình trạng', 'State'],
  value: (r: { active: boolean }, lang: Lang) => activeLabel(r.active, lang),
} as const;

export function programmesExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  service: ReturnType<typeof createProgrammeService>,
) {
  exportRoute(app, deps, {
    path: '/programmes/export.xlsx',
    summary: 'The programmes list with its current filters as .xlsx',
    tags: ['catalogue'],
    querystring: withoutPaging(ProgrammesQuery),
    name: ['Danh mục chương trình', 'Programmes'],
    columns: [
      { label: ['Mã', 'Code'], value: (p: z.infer<typeof ProgrammeSummary>) => p.code, width: 14 },
      {
        label: ['Tên chương trình', 'Programme'],
        value: (p, lang) => (lang === 'vi' ? p.nameVi : p.nameEn),
        width: 44,
      },
      { label: ['Loại', 'Kind'], value: (p) => p.kind, codes: 'programme_kind', width: 24 },
      { label: ['Trình độ', 'Level'], value: (p) => p.level, codes: (p) => `level_${p.kind}`, width: 20 },
      { label: ['Số tiết', 'Periods'], value: (p) => p.periods, kind: 'int' },
      { label: ['Hình thức', 'Mode'], value: (p, lang) => PROGRAMME_MODE_LABELS[p.mode][lang] },
      {
        label: ['Văn bằng, chứng chỉ cấp', 'Grants'],
        value: (p) => p.grantsLevel,
        codes: (p) => `level_${p.grantsKind}`,
        width: 20,
      },
      { label: ['Đơn vị quản lý', 'Owner'], value: (p) => p.ownerUnitName, width: 28 },
      { label: ['Số chuyên đề', 'Topics'], value: (p) => p.topicCount, kind: 'int' },
      { label: ['Hiệu lực từ', 'Effective from'], value: (p) => p.effectiveFrom, kind: 'date', width: 12 },
      { label: ['Hiệu lực đến', 'Effective to'], value: (p) => p.effectiveTo, kind: 'date', width: 12 },
      ACTIVE,
    ],
    rows: (actor, query) => pagesOf((page, pageSize) => service.list(actor, { ...query, page, pageSize })),
  });
}

export function institutionsExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  institutions: ReturnType<typeof createInstitutionService>,
  lecturers: ReturnType<typeof createLecturerService>,
) {
  exportRoute(app, deps, {
    path: '/institutions/export.xlsx',
    summary: 'The institutions list with its current filters as .xlsx',
    tags: ['catalogue'],
    querystring: withoutPaging(InstitutionsQuery),
    name: ['Danh sách cơ sở đào tạo', 'Institutions'],
    columns: [
      { label: ['Tên cơ sở', 'Institution'], value: (i: Institution) => i.name, width: 40 },
      { label: ['Tên viết tắt', 'Short name'], value: (i) => i.shortName, width: 14 },
      { label: ['Loại', 'Kind'], value: (i) => i.kind, codes: 'institution_kind', width: 26 },
      { label: ['Địa chỉ', 'Address'], value: (i) => i.address, width: 36 },
      { label: ['Điện thoại', 'Phone'], value: (i) => i.phone, width: 14 },
      { label: ['Thư điện tử', 'Email'], value: (i) => i.email, width: 24 },
      { label: ['Người liên hệ', 'Contact'], value: (i) => i.contactPerson, width: 22 },
      { label: ['Đơn vị quản lý', 'Owner'], value: (i) => i.ownerUnitName, width: 28 },
      { label: ['Số giảng viên', 'Lecturers'], value: (i) => i.lecturerCount, kind: 'int' },
      ACTIVE,
    ],
    rows: (actor, query) =>
      pagesOf((page, pageSize) => institutions.list(actor, { ...query, page, pageSize })),
  });
  exportRoute(app, deps, {
    path: '/lecturers/export.xlsx',
    summary: 'The lecturers list with its current filters as .xlsx',
    tags: ['catalogue'],
    querystring: withoutPaging(LecturersQuery),
    name: ['Danh sách giảng viên', 'Lecturers'],
    columns: [
      {
        label: ['Họ và tên', 'Full name'],
        value: (l: z.infer<typeof LecturerSummary>) => l.fullName,
        width: 28,
      },
      { label: ['Loại', 'Kind'], value: (l, lang) => LECTURER_KIND_LABELS[l.kind][lang], width: 24 },
      { label: ['Nơi công tác', 'Workplace'], value: (l) => l.workplace, width: 30 },
      { label: ['Trình độ', 'Degree'], value: (l) => l.degree, codes: 'level_EDUCATION' },
      { label: ['Học hàm', 'Academic title'], value: (l) => l.academicTitle, codes: 'academic_title' },
      { label: ['Chuyên đề giảng dạy', 'Subjects'], value: (l) => l.subjects.join('; '), width: 36 },
      {
        label: ['Cơ sở đào tạo', 'Institutions'],
        value: (l) => l.institutions.map((i) => i.name).join('; '),
        width: 36,
      },
      { label: ['Số tiết năm nay', 'Periods this year'], value: (l) => l.periodsThisYear, kind: 'int' },
      { label: ['Điện thoại', 'Phone'], value: (l) => l.phone, width: 14 },
      { label: ['Thư điện tử', 'Email'], value: (l) => l.email, width: 24 },
      ACTIVE,
    ],
    rows: (actor, query) => pagesOf((page, pageSize) => lecturers.list(actor, { ...query, page, pageSize })),
  });
}
