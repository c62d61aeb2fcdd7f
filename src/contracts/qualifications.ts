import { z } from 'zod';
import { OptionalText, PastDate } from './common';
import { updateOf } from './update';

export const QualificationInput = z.object({
  kind: z.string().min(1).max(40),
  /** A code of the list `level_<kind>`. */
  level: z.string().min(1).max(40),
  major: OptionalText(200),
  issuer: OptionalText(200),
  issuedOn: PastDate.nullable().optional(),
  certificateNo: OptionalText(60),
  /** Periods of a fostering programme (1 week = 40). */
  periods: z.number().int().min(1).max(5000).nullable().optional(),
  note: OptionalText(1000),
});

/** Only the fields named change (ADR 023). */
export const UpdateQualificationBody = updateOf(QualificationInput);
export const DeleteQualificationBody = z.object({ reason: OptionalText(500) }).optional();

export const Qualification = z.object({
  id: z.number(),
  personId: z.number(),
  kind: z.string(),
  level: z.string(),
  major: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  certificateNo: z.string().nullable(),
  periods: z.number().nullable(),
  source: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  deletedReason: z.string().nullable(),
  attachments: z.array(
    z.object({ id: z.number(), fileName: z.string(), mimeType: z.string(), size: z.number() }),
  ),
});
export type Qualification = z.infer<typeof Qualification>;

export const AttachmentBody = z.object({
  fileName: z.string().min(1).max(200),
  mimeType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  /** Base64 content, at most 5 MB decoded. */
  contentBase64: z.string().min(1).max(7_000_000),
});
