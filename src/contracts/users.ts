import { z } from 'zod';
import { Id, Page, RequiredText, sortParam } from './common';
import { ROLES } from './roles';
import { updateOf } from './update';

export const User = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scopeUnitId: z.number(),
  scopeUnitName: z.string(),
  personId: z.number().nullable(),
  /** The lecturer record of a lecturer's login (ADR 038). */
  lecturerId: z.number().nullable(),
  lecturerName: z.string().nullable(),
  locale: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const CreateUserBody = z.object({
  username: z
    .string()
    .min(3)
    .max(60)
    .regex(/^[a-z0-9._-]+$/),
  displayName: RequiredText(120),
  role: z.enum(ROLES),
  scopeUnitId: Id,
  personId: Id.nullable().optional(),
  lecturerId: Id.nullable().optional(),
  password: z.string().min(1).max(200),
  locale: z.enum(['vi', 'en']).default('vi'),
});

/** Only the fields named change (ADR 023); the username is fixed once created. */
export const UpdateUserBody = updateOf(CreateUserBody)
  .omit({ username: true })
  .extend({ active: z.boolean().optional() });

/** The columns the user list sorts by (`sort=displayName`, `sort=-createdAt`). */
export const USER_SORT_KEYS = ['username', 'displayName', 'scope', 'createdAt'] as const;

export const UsersQuery = Page.extend({
  q: z.string().max(100).optional(),
  role: z.enum(ROLES).optional(),
  /** Sort by one column (a "-" before the key: descending); default: by username. */
  sort: sortParam(USER_SORT_KEYS),
});
