import { z } from 'zod';
import { customMessage, Id, IsoDate, OptionalText, Page, PastDate, RequiredText, sortParam } from './common';
import { updateShape } from './update';

const Code = z.string().min(1).max(40);
const OptionalCode = z.union([Code, z.null()]).optional();

/** Fields a user types for a person. Codes are checked against the code lists by the service. */
export const PersonInput = z.object({
  fullName: RequiredText(120),
  birthDate: PastDate.nullable().optional(),
  gender: Code,
  ethnicity: Code.default('KINH'),
  /** CCCD: 12 digits. */
  personalId: z
    .union([
      z
        .string()
        .refine(
          (s) => /^\d{12}$/.test(s),
          customMessage('phải gồm đúng 12 chữ số', 'must be exactly 12 digits'),
        ),
      z.literal('').transform(() => null),
      z.null(),
    ])
    .optional(),
  partyMember: z.boolean().default(false),
  partyJoinDate: PastDate.nullable().optional(),
  category: Code,
  rank: OptionalCode,
  /** Free text of the post, kept as a note. */
  post: OptionalText(200),
  /** Code of list `post` (chức vụ): what rules and reports read (ADR 036). */
  postCode: OptionalCode,
  leadershipTier: Code.default('NONE'),
  appointedOn: PastDate.nullable().optional(),
  unitId: Id,
  managementAuthority: OptionalCode,
  planningTitle: OptionalText(200),
  status: Code.default('WORKING'),
  serviceStart: PastDate.nullable().optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;

export const CreatePersonBody = PersonInput.extend({
  /** Date the first history row starts (default: service start, else today). */
  effectiveDate: PastDate.optional(),
});

/** Only the fields named change (ADR 023): absent = unchanged, null = clear; no create defaults. */
export const UpdatePersonBody = z.object(updateShape(PersonInput.shape)).extend({
  /** Date from which the change holds; history before it is kept. */
  effectiveDate: PastDate.optional(),
  reason: OptionalText(500),
  /** The version the user edited; a stale version gets 409. */
  version: z.number().int().positive(),
});

export const Person = z.object({
  id: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.string(),
  ethnicity: z.string(),
  personalId: z.string().nullable(),
  partyMember: z.boolean(),
  partyJoinDate: z.string().nullable(),
  category: z.string(),
  rank: z.string().nullable(),
  post: z.string().nullable(),
  postCode: z.string().nullable(),
  leadershipTier: z.string(),
  appointedOn: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  managementAuthority: z.string().nullable(),
  planningTitle: z.string().nullable(),
  status: z.string(),
  serviceStart: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  /** Non-blocking warnings, e.g. personal ID digits that disagree with birth year or gender. */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type Person = z.infer<typeof Person>;

export const PersonListItem = Person.pick({
  id: true,
  fullName: true,
  birthDate: true,
  gender: true,
  category: true,
  rank: true,
  post: true,
  postCode: true,
  leadershipTier: true,
  unitId: true,
  unitName: true,
  status: true,
});

/** The columns the people list sorts by (`sort=fullName`, `sort=-birthDate`); default: roster order. */
export const PEOPLE_SORT_KEYS = ['fullName', 'birthDate', 'unitName'] as const;
export type PeopleSort = (typeof PEOPLE_SORT_KEYS)[number] | `-${(typeof PEOPLE_SORT_KEYS)[number]}`;

export const PeopleQuery = Page.extend({
  /**
   * Sort by one column (a "-" before the key: descending): the name in roster order (given name,
   * middle, family; Vietnamese letters), birth date, unit name. Default: roster order.
   */
  sort: sortParam(PEOPLE_SORT_KEYS),
  /** Name (accents and case ignored) or personal ID. */
  q: z.string().max(120).optional(),
  unitId: Id.optional(),
  /** With unitId: include people of sub-units (default true). */
  subtree: z.enum(['true', 'false']).default('true'),
  category: z.string().max(40).optional(),
  rank: z.string().max(40).optional(),
  leadershipTier: z.string().max(40).optional(),
  post: z.string().max(120).optional(),
  /** Post group code (list `post_group`) on today's record. */
  postGroup: z.string().max(40).optional(),
  status: z.string().max(40).optional(),
});

export const PersonHistoryRow = z.object({
  id: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  category: z.string(),
  rank: z.string().nullable(),
  post: z.string().nullable(),
  postCode: z.string().nullable(),
  leadershipTier: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  managementAuthority: z.string().nullable(),
  planningTitle: z.string().nullable(),
  status: z.string(),
  reason: z.string().nullable(),
});

export { IsoDate };
