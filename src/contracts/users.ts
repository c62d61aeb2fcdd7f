import { z } from 'zod';
import { Id, Page, RequiredText } from './common';
import { ROLES } from './roles';

export const User = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scopeUnitId: z.number(),
  scopeUnitName: z.string(),
  personId: z.number().nullable(),
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
  password: z.string().min(1).max(200),
  locale: z.enum(['vi', 'en']).default('vi'),
});

export const UpdateUserBody = z.object({
  displayName: RequiredText(120).optional(),
  role: z.enum(ROLES).optional(),
  scopeUnitId: Id.optional(),
  personId: Id.nullable().optional(),
  active: z.boolean().optional(),
  password: z.string().min(1).max(200).optional(),
  locale: z.enum(['vi', 'en']).optional(),
});

export const UsersQuery = Page.extend({ q: z.string().max(100).optional(), role: z.enum(ROLES).optional() });
