/**
 * "Xuất Excel" of certificates: a class's list (what `GET /classes/:id/certificates` shows the
 * actor) and a register's book (every number given from it, optionally of one year or status).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CERTIFICATE_STATUS_LABELS, RegisterCertificatesQuery } from '../../../contracts/certificates';
import { IdParams } from '../../../contracts/common';
import { type ExportColumn, exportRoute, pagesOf } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { CertificateRow } from './certificates.queries';
import type { createCertificateService } from './certificates.service';
import type { createRegisterService } from './registers.service';

const COLUMNS: ExportColumn<CertificateRow>[] = [
  { label: ['Số chứng chỉ', 'Number'], value: (c) => c.number, width: 22 },
  { label: ['Họ và tên', 'Full name'], value: (c) => c.holderName, width: 28 },
  { label: ['Ngày sinh', 'Date of birth'], value: (c) => c.holderBirthDate, kind: 'date', width: 12 },
  { label: ['Mã lớp', 'Class'], value: (c) => c.classCode, width: 14 },
  { label: ['Chương trình', 'Programme'], value: (c) => c.programmeName, width: 36 },
  { label: ['Học từ ngày', 'Class from'], value: (c) => c.classStartsOn, kind: 'date', width: 12 },
  { label: ['Đến ngày', 'Class to'], value: (c) => c.classEndsOn, kind: 'date', width: 12 },
  { label: ['Xếp loại', 'Grade'], value: (c, lang) => (lang === 'vi' ? c.gradeVi : c.gradeEn) },
  { label: ['Ngày cấp', 'Issued on'], value: (c) => c.issuedOn, kind: 'date', width: 12 },
  { label: ['Nơi cấp', 'Issued by'], value: (c) => c.issuerName, width: 28 },
  {
    label: ['Trạng thái', 'Status'],
    value: (c, lang) => CERTIFICATE_STATUS_LABELS[c.status][lang],
    width: 18,
  },
  { label: ['Ngày thu hồi/thay thế', 'Status since'], value: (c) => c.statusOn, kind: 'date' },
  { label: ['Lý do', 'Reason'], value: (c) => c.statusReason, width: 30 },
  { label: ['Thay thế cho số', 'Replaces'], value: (c) => c.replacesNumber, width: 22 },
];

export function certificatesExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  certificates: ReturnType<typeof createCertificateService>,
  registers: ReturnType<typeof createRegisterService>,
) {
  exportRoute(app, deps, {
    path: '/classes/:id/certificates/export.xlsx',
    summary: "A class's certificates (those the actor reads) as .xlsx",
    tags: ['certificates'],
    querystring: z.object({}),
    params: IdParams,
    name: ['Chứng chỉ của lớp', 'Certificates of the class'],
    columns: COLUMNS,
    rows: async function* (actor, _q, { id }) {
      yield* await certificates.rowsOfClass(actor, id);
    },
  });
  exportRoute(app, deps, {
    path: '/certificate-registers/:id/certificates/export.xlsx',
    summary: "A register's book: the certificates numbered from it, in order, as .xlsx",
    tags: ['certificates'],
    querystring: RegisterCertificatesQuery,
    params: IdParams,
    name: ['Sổ cấp chứng chỉ', 'Certificate register'],
    columns: COLUMNS,
    rows: (actor, query, { id }) =>
      pagesOf((page, pageSize) => registers.certificates(actor, id, query, { page, pageSize })),
  });
}
