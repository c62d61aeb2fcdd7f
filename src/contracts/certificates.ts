/**
 * Certificates (ADR 014): registers with a numbering pattern, certificates issued from class
 * results, certifying papers replacing lost ones, revocation, and the public verification view.
 */
import { z } from 'zod';
import { NotYet } from './classes';
import { customMessage, Id, Int, IsoDate, OptionalText, RequiredText, sortParam } from './common';
import { updateShape } from './update';

export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'replaced'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, { vi: string; en: string }> = {
  valid: { vi: 'Còn hiệu lực', en: 'Valid' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  replaced: { vi: 'Đã cấp giấy chứng nhận thay thế', en: 'Replaced' },
};

/** Suffix of a certifying paper's number: "<number of the original>/XN", then "/XN2"... */
export const REPLACEMENT_SUFFIX = 'XN';

const PLACEHOLDER = /\{(school|year|seq)(?::(\d))?\}/g;

/** What is wrong with a numbering pattern (null when fine). */
export function patternProblem(pattern: string): { vi: string; en: string } | null {
  const rest = pattern.replace(PLACEHOLDER, '');
  if (/[{}]/.test(rest))
    return {
      vi: 'chỉ dùng được {school}, {year}, {seq} hoặc {seq:N}',
      en: 'only {school}, {year}, {seq} or {seq:N} may be used',
    };
  const seqs = [...pattern.matchAll(PLACEHOLDER)].filter((m) => m[1] === 'seq');
  if (seqs.length !== 1) return { vi: 'phải có đúng một {seq}', en: 'must hold exactly one {seq}' };
  return null;
}

/** The yearly counter applies when the pattern shows the year; otherwise numbers run on. */
export const patternHasYear = (pattern: string) => pattern.includes('{year}');

/** A certificate number from the pattern: `{seq:4}` pads to 4 digits. */
export function formatCertificateNumber(
  pattern: string,
  v: { school: string; year: number; seq: number },
): string {
  return pattern.replace(PLACEHOLDER, (_m, name: string, width?: string) => {
    if (name === 'school') return v.school;
    if (name === 'year') return String(v.year);
    return String(v.seq).padStart(width ? Number(width) : 0, '0');
  });
}

const Pattern = RequiredText(80).refine(
  (p) => patternProblem(p) === null,
  customMessage(
    'cần đúng một {seq}; chỉ dùng {school}, {year}, {seq}, {seq:N}',
    'needs exactly one {seq}; only {school}, {year}, {seq}, {seq:N} may be used',
  ),
);

export const RegisterBody = z
  .object({
    /** The institution whose register this is; or `orgUnitId` for classes taught at none. */
    institutionId: Id.nullable().optional(),
    orgUnitId: Id.nullable().optional(),
    pattern: Pattern.default('{school}/{year}/{seq:4}'),
    schoolCode: RequiredText(20).refine((s) => !/[{}]/.test(s), customMessage('không dùng { }', 'no { }')),
    governingBody: OptionalText(200),
    issuerName: RequiredText(200),
    partyBody: z.boolean().default(false),
    place: RequiredText(100),
    signerName: RequiredText(120),
    signerTitle: RequiredText(120),
  })
  .refine((b) => !!b.institutionId !== !!b.orgUnitId, {
    path: ['institutionId'],
    ...customMessage('chọn một cơ sở đào tạo hoặc một đơn vị', 'choose one institution or one unit'),
  });
/** Only the fields named change (ADR 023); whose register it is stays fixed. */
export const UpdateRegisterBody = z
  .object(updateShape(RegisterBody.shape))
  .omit({ institutionId: true, orgUnitId: true });

export const Register = z.object({
  id: z.number(),
  institutionId: z.number().nullable(),
  orgUnitId: z.number().nullable(),
  /** The institution's or the unit's name. */
  ownerName: z.string(),
  pattern: z.string(),
  schoolCode: z.string(),
  governingBody: z.string().nullable(),
  issuerName: z.string(),
  partyBody: z.boolean(),
  place: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  /** How many certificates and papers were numbered from it. */
  issued: z.number(),
  /** The number the next certificate would get this year. */
  nextNumber: z.string(),
});
export const RegisterList = z.object({ items: z.array(Register) });

/** The columns a register's book sorts by (`sort=holderName`, `sort=-number`). */
export const REGISTER_BOOK_SORT_KEYS = ['number', 'holderName', 'issuedOn', 'programmeName'] as const;

/** The certificates numbered from a register (its book), optionally of one year or status. */
export const RegisterCertificatesQuery = z.object({
  /** Sort by one column (a "-" before the key: descending); default: in the order numbered. */
  sort: sortParam(REGISTER_BOOK_SORT_KEYS),
  year: Int(2000, 2200).optional(),
  status: z.enum(CERTIFICATE_STATUSES).optional(),
});

/** Institutions and units of the actor's reach that have no register yet. */
export const RegisterOwners = z.object({
  institutions: z.array(z.object({ id: z.number(), name: z.string() })),
  units: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const IssueBody = z.object({
  /** Day printed on the certificates (default today): not after today, not before the class's last day. */
  issuedOn: IsoDate.optional(),
});
export const RevokeBody = z.object({ reason: RequiredText(500) });
export const ReplaceBody = z.object({
  /** Why a paper replaces the certificate (lost, damaged...). */
  reason: RequiredText(500),
  issuedOn: IsoDate.optional(),
});

const Localized = z.object({ vi: z.string(), en: z.string() });

export const Certificate = z.object({
  id: z.number(),
  number: z.string(),
  /** The token of the public page `/verify/<token>` (the QR code). */
  token: z.string(),
  classId: z.number(),
  classCode: z.string(),
  personId: z.number(),
  holderName: z.string(),
  programmeName: z.string(),
  grade: Localized,
  gradeCode: z.string(),
  issuedOn: z.string(),
  issuerName: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  statusReason: z.string().nullable(),
  statusOn: z.string().nullable(),
  /** A certifying paper names the certificate it replaces. */
  replaces: z.object({ id: z.number(), number: z.string() }).nullable(),
  replacedBy: z.object({ id: z.number(), number: z.string() }).nullable(),
  /** The qualification it put on the record (null when the programme grants none). */
  qualificationId: z.number().nullable(),
});
export type CertificateItem = z.infer<typeof Certificate>;

export const ClassCertificates = z.object({
  classId: z.number(),
  canManage: z.boolean(),
  /** Passed learners still without a certificate. */
  pending: z.number(),
  /** The register certificates of this class are numbered from, if any. */
  register: z.object({ id: z.number(), ownerName: z.string(), nextNumber: z.string() }).nullable(),
  /** Issuing waits for the end of the teaching (ADR 025): from when, and why; null when it may be done. */
  notYet: NotYet.nullable(),
  /** The earliest day certificates of the class may carry (its last day, plus the province's days). */
  firstIssueDay: z.string(),
  items: z.array(Certificate),
});
export const CertificateList = z.object({ items: z.array(Certificate) });

export const IssueResult = ClassCertificates.extend({ issued: z.number() });

export const TokenParams = z.object({ token: z.string().max(200) });

/** What anyone holding the QR link learns: the essentials, nothing else about the person. */
export const PublicCertificate = z.object({
  number: z.string(),
  holderName: z.string(),
  programmeName: z.string(),
  classCode: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  grade: Localized,
  issuer: z.string(),
  issuedOn: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  /** Day of the revocation or replacement. */
  statusOn: z.string().nullable(),
  replacedByNumber: z.string().nullable(),
  /** For a certifying paper: the certificate it replaces. */
  replacesNumber: z.string().nullable(),
});
