/**
 * The printed certificate register of an institution (or a unit) over a period (ADR 053): every
 * certificate numbered from its register, all classes together, in the order of issue, laid out
 * with the certificate_register template's header and signature. Who keeps the register prints it.
 */
import { sql } from 'drizzle-orm';
import { CERTIFICATE_STATUS_LABELS } from '../../../contracts/certificates';
import type { DocModelT, DocPageT, TemplateBodyT } from '../../../contracts/documents';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { fieldError, invalid } from '../../lib/errors';
import { assertRegisterManageable } from '../certificates/certificates.policy';
import {
  type CertificateRow,
  findRegister,
  type RegisterRow,
  selectCertificates,
} from '../certificates/certificates.queries';
import { dmy, fileNameOf, placeDateLine } from './documents.model';
import { effectiveTemplate } from './documents.templates';

export interface Period {
  from?: string;
  to?: string;
}

/** The period in words, as the register's summary reads it. */
export function periodWords({ from, to }: Period): string {
  if (from && to) return `cấp từ ngày ${dmy(from)} đến ngày ${dmy(to)}`;
  if (from) return `cấp từ ngày ${dmy(from)}`;
  if (to) return `cấp đến ngày ${dmy(to)}`;
  return 'tất cả các năm';
}

/** The register's pages: its own header (issuer, governing body, place), a line per certificate. */
export function buildRegisterDocument(
  t: TemplateBodyT,
  r: Pick<RegisterRow, 'ownerName' | 'issuerName' | 'governingBody' | 'place'>,
  period: Period,
  today: string,
  rows: Pick<
    CertificateRow,
    | 'number'
    | 'holderName'
    | 'holderBirthDate'
    | 'classCode'
    | 'programmeName'
    | 'gradeVi'
    | 'issuedOn'
    | 'status'
  >[],
): DocPageT[] {
  const columns: [string, number][] = [
    ['STT', 1.3],
    ['Số chứng chỉ', 3],
    ['Họ và tên', 5],
    ['Ngày sinh', 2.4],
    ['Mã lớp', 2.6],
    ['Chương trình', 6],
    ['Xếp loại', 2.2],
    ['Ngày cấp', 2.4],
    ['Tình trạng', 2.6],
    ['Ký nhận', 2.4],
  ];
  return [
    {
      landscape: true,
      header: {
        parentBody: t.parentBody ?? r.governingBody,
        issuingBody: t.issuingBody ?? r.issuerName,
        number: null,
        dateLine: placeDateLine(r.place || t.place, today),
      },
      title: t.title,
      summary: `${r.ownerName}: chứng chỉ ${periodWords(period)}`,
      paragraphs: [{ text: `Tổng số: ${rows.length} chứng chỉ.`, style: 'normal' }],
      table: {
        columns: columns.map(([label, width]) => ({ label, width })),
        rows: rows.map((c, n) => [
          String(n + 1),
          c.number,
          c.holderName,
          dmy(c.holderBirthDate),
          c.classCode,
          c.programmeName,
          c.gradeVi,
          dmy(c.issuedOn),
          CERTIFICATE_STATUS_LABELS[c.status]?.vi ?? c.status,
          '',
        ]),
      },
      recipients: [],
      signer: { authority: t.signerAuthority, title: t.signerTitle, name: t.signerName },
    },
  ];
}

/** The register `id` printed for a period, if the actor keeps it (404 outside their reach). */
export async function printRegister(
  q: Queryable,
  actor: Actor,
  id: number,
  period: Period,
  today: string,
): Promise<DocModelT> {
  const r = assertRegisterManageable(actor, await findRegister(q, id));
  if (period.from && period.to && period.from > period.to)
    throw invalid([
      fieldError('to', 'ngày cuối trước ngày đầu của kỳ', 'the end of the period is before its start'),
    ]);
  const where = [sql`c.register_id = ${r.id}`];
  if (period.from) where.push(sql`c.issued_on >= ${period.from}::date`);
  if (period.to) where.push(sql`c.issued_on <= ${period.to}::date`);
  const rows = await selectCertificates(q, sql.join(where, sql` and `), sql`c.issued_on, c.id`);
  const t = await effectiveTemplate(
    q,
    'certificate_register',
    r.unitPath ?? r.institutionUnitPath ?? r.institutionOwnerPath ?? '',
  );
  const ref = [r.ownerName, period.from ?? '', period.to ?? ''].filter(Boolean).join('-');
  return {
    kind: 'certificate_register',
    fileName: fileNameOf('certificate_register', ref),
    pages: buildRegisterDocument(t.content, r, period, today, rows),
  };
}
