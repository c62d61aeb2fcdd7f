/** Reading registers and certificates with what access checks need (paths of units). */
import { type SQL, sql } from 'drizzle-orm';
import type { CertificateItem, CertificateStatus } from '../../../contracts/certificates';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { RegisterPlace } from './certificates.policy';

export interface RegisterRow extends RegisterPlace {
  id: number;
  institutionId: number | null;
  orgUnitId: number | null;
  ownerName: string;
  pattern: string;
  schoolCode: string;
  governingBody: string | null;
  issuerName: string;
  partyBody: boolean;
  place: string;
  signerName: string;
  signerTitle: string;
  issued: number;
}

const REGISTER_SELECT = sql`select r.id, r.institution_id as "institutionId", r.org_unit_id as "orgUnitId",
    coalesce(i.name, u.name) as "ownerName", r.pattern, r.school_code as "schoolCode",
    r.governing_body as "governingBody", r.issuer_name as "issuerName", r.party_body as "partyBody",
    r.place, r.signer_name as "signerName", r.signer_title as "signerTitle",
    u.path::text as "unitPath", iu.path::text as "institutionUnitPath", io.path::text as "institutionOwnerPath",
    (select count(*)::int from certificates c where c.register_id = r.id) as issued
  from certificate_registers r
  left join org_units u on u.id = r.org_unit_id
  left join institutions i on i.id = r.institution_id
  left join org_units iu on iu.id = i.org_unit_id
  left join org_units io on io.id = i.owner_unit_id`;

export async function selectRegisters(q: Queryable, where: SQL): Promise<RegisterRow[]> {
  return rowsOf<RegisterRow>(await q.execute(sql`${REGISTER_SELECT} where ${where} order by 4, r.id`)).map(
    (r) => ({ ...r, id: Number(r.id), issued: Number(r.issued) }),
  );
}

export const findRegister = async (q: Queryable, id: number) =>
  (await selectRegisters(q, sql`r.id = ${id}`))[0];

/** The register a class's certificates come from: its institution's, else its organiser's. */
export const registerOfClass = async (
  q: Queryable,
  c: { institutionId: number | null; organiserUnitId: number },
) =>
  (
    await selectRegisters(
      q,
      c.institutionId !== null
        ? sql`r.institution_id = ${c.institutionId}`
        : sql`r.org_unit_id = ${c.organiserUnitId}`,
    )
  )[0];

export interface CertificateRow extends Omit<CertificateItem, 'grade' | 'replaces' | 'replacedBy'> {
  gradeVi: string;
  gradeEn: string;
  holderBirthDate: string | null;
  classStartsOn: string;
  classEndsOn: string;
  signerName: string;
  signerTitle: string;
  registerId: number;
  nominationId: number;
  personUnitPath: string;
  replacesId: number | null;
  replacesNumber: string | null;
  replacedById: number | null;
  replacedByNumber: string | null;
  status: CertificateStatus;
}

const CERT_SELECT = sql`select c.id, c.number, c.token, c.class_id as "classId", c.class_code as "classCode",
    c.person_id as "personId", c.holder_name as "holderName", c.holder_birth_date::text as "holderBirthDate",
    c.programme_name as "programmeName", c.grade_code as "gradeCode", c.grade_vi as "gradeVi",
    c.grade_en as "gradeEn", c.issued_on::text as "issuedOn", c.issuer_name as "issuerName",
    c.class_starts_on::text as "classStartsOn", c.class_ends_on::text as "classEndsOn",
    c.signer_name as "signerName", c.signer_title as "signerTitle", c.register_id as "registerId",
    c.nomination_id as "nominationId", c.status, c.status_reason as "statusReason",
    c.status_on::text as "statusOn", c.qualification_id as "qualificationId",
    c.replaces_id as "replacesId", rp.number as "replacesNumber",
    c.replaced_by_id as "replacedById", rb.number as "replacedByNumber", pu.path::text as "personUnitPath"
  from certificates c
  join people p on p.id = c.person_id
  join org_units pu on pu.id = p.unit_id
  left join certificates rp on rp.id = c.replaces_id
  left join certificates rb on rb.id = c.replaced_by_id`;

export async function selectCertificates(
  q: Queryable,
  where: SQL,
  order = sql`p.sort_key collate "C", c.id`,
  page?: { limit: number; offset: number },
) {
  const slice = page ? sql` limit ${page.limit} offset ${page.offset}` : sql``;
  return rowsOf<CertificateRow>(
    await q.execute(sql`${CERT_SELECT} where ${where} order by ${order}${slice}`),
  );
}

export const findCertificate = async (q: Queryable, id: number) =>
  (await selectCertificates(q, sql`c.id = ${id}`))[0];

/** The shape the API returns. */
export function presentCertificate(r: CertificateRow): CertificateItem {
  return {
    id: r.id,
    number: r.number,
    token: r.token,
    classId: r.classId,
    classCode: r.classCode,
    personId: r.personId,
    holderName: r.holderName,
    programmeName: r.programmeName,
    grade: { vi: r.gradeVi, en: r.gradeEn },
    gradeCode: r.gradeCode,
    issuedOn: r.issuedOn,
    issuerName: r.issuerName,
    status: r.status,
    statusReason: r.statusReason,
    statusOn: r.statusOn,
    replaces: r.replacesId !== null ? { id: r.replacesId, number: r.replacesNumber ?? '' } : null,
    replacedBy: r.replacedById !== null ? { id: r.replacedById, number: r.replacedByNumber ?? '' } : null,
    qualificationId: r.qualificationId,
  };
}
