import { z } from 'zod';
import { ROLES } from './roles';

export const LoginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const Me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scopeUnitId: z.number(),
  scopeUnitName: z.string(),
  personId: z.number().nullable(),
  locale: z.enum(['vi', 'en']),
  permissions: z.array(z.string()),
  /** Send back as the `x-csrf-token` header on every POST, PATCH, PUT and DELETE. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
