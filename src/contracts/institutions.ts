/** Training institutions and lecturers (ADR 009): requests and responses. */
import { z } from 'zod';
import { Id, Int, OptionalText, Page, paged, RequiredText, sortParam } from './common';
import { updateShape } from './update';

const Email = z.union([z.email().max(200), z.literal('').transform(() => null), z.null()]).optional();
const Phone = OptionalText(40);

const InstitutionFields = {
  /** institution_kind code. */
  kind: z.string().min(1).max(40),
  name: RequiredText(300),
  shortName: OptionalText(60),
  address: OptionalText(500),
  phone: Phone,
  email: Email,
  website: OptionalText(300),
  contactPerson: OptionalText(200),
  /** The org unit this institution is (the provincial political school), if any. */
  orgUnitId: Id.nullable().optional(),
  active: z.boolean().optional(),
};
export const CreateInstitutionBody = z.object(InstitutionFields).strict();
/** Only the fields named change (ADR 023). */
export const UpdateInstitutionBody = z.object(updateShape(InstitutionFields)).strict();

/** The columns the institution list sorts by (`sort=name`, `sort=-lecturerCount`). */
export const INSTITUTION_SORT_KEYS = ['name', 'address', 'lecturerCount'] as const;

export const InstitutionsQuery = Page.extend({
  /** Sort by one column (a "-" before the key: descending); default: by name (Vietnamese order). */
  sort: sortParam(INSTITUTION_SORT_KEYS),
  q: z.string().max(200).optional(),
  kind: z.string().max(40).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});

export const Institution = z.object({
  id: z.number(),
  kind: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  contactPerson: z.string().nullable(),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string().nullable(),
  ownerUnitId: z.number(),
  ownerUnitName: z.string(),
  active: z.boolean(),
  lecturerCount: z.number(),
  editable: z.boolean(),
});
export type Institution = z.infer<typeof Institution>;
export const InstitutionList = paged(Institution);

export const LECTURER_KINDS = ['internal', 'invited'] as const;
export const LECTURER_KIND_LABELS: Record<(typeof LECTURER_KINDS)[number], { vi: string; en: string }> = {
  internal: { vi: 'Giảng viên cơ hữu, kiêm nhiệm', en: 'Internal' },
  invited: { vi: 'Giảng viên thỉnh giảng', en: 'Invited' },
};

const Subjects = z.array(RequiredText(200)).max(50);

const LecturerFields = {
  kind: z.enum(LECTURER_KINDS),
  /** Internal lecturers: the person of the registry (name and unit come from the record). */
  personId: Id.nullable().optional(),
  /** Invited lecturers: their name and workplace. */
  fullName: OptionalText(200),
  workplace: OptionalText(300),
  /** level_EDUCATION code. */
  degree: z.string().min(1).max(40).nullable().optional(),
  /** academic_title code. */
  academicTitle: z.string().min(1).max(40).nullable().optional(),
  /** Topic codes of the catalogue or free text. */
  subjects: Subjects.optional(),
  phone: Phone,
  email: Email,
  institutionIds: z.array(Id).max(20).optional(),
  active: z.boolean().optional(),
};
export const CreateLecturerBody = z.object(LecturerFields).strict();
/** Only the fields named change (ADR 023); the kind and the person are fixed once created. */
export const UpdateLecturerBody = z
  .object(updateShape(LecturerFields))
  .omit({ kind: true, personId: true })
  .strict();

export const LecturersQuery = Page.extend({
  q: z.string().max(200).optional(),
  kind: z.enum(LECTURER_KINDS).optional(),
  institutionId: Id.optional(),
  /** A subject exactly (a topic code, case ignored); `q` also searches the subjects' words. */
  subject: z.string().max(200).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});

export const LecturerSummary = z.object({
  id: z.number(),
  kind: z.enum(LECTURER_KINDS),
  personId: z.number().nullable(),
  fullName: z.string(),
  workplace: z.string().nullable(),
  degree: z.string().nullable(),
  academicTitle: z.string().nullable(),
  subjects: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  ownerUnitId: z.number(),
  ownerUnitName: z.string(),
  institutions: z.array(z.object({ id: z.number(), name: z.string(), shortName: z.string().nullable() })),
  /** Periods taught in the current year, all sources. */
  periodsThisYear: z.number(),
  editable: z.boolean(),
});
export const LecturerList = paged(LecturerSummary);

export const LecturerHoursRow = z.object({
  year: z.number(),
  /** 'manual' (typed) or 'classes' (computed from class sessions). */
  source: z.enum(['manual', 'classes']),
  periods: z.number(),
  note: z.string().nullable(),
});
export const LecturerDetail = LecturerSummary.extend({
  hours: z.array(LecturerHoursRow),
  /** The person's unit, for internal lecturers. */
  personUnitName: z.string().nullable(),
});
export type LecturerDetail = z.infer<typeof LecturerDetail>;

export const HoursParams = z.object({
  id: Id,
  year: Int(2000, 2100),
});
export const HoursBody = z.object({
  periods: z.number().int().min(0).max(5000),
  /** Absent keeps the note of the year, null clears it (ADR 023). */
  note: OptionalText(500),
});
