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
  /** The unit above the scope unit (the "cơ quan chủ quản" line of a printed document), if any. */
  scopeParentName: z.string().nullable(),
  personId: z.number().nullable(),
  lecturerId: z.number().nullable(),
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

/** A username or client address whose logins are being slowed down (ADR 027). */
export const LoginThrottle = z.object({
  kind: z.enum(['user', 'client']),
  /** The username, or the client address. */
  subject: z.string(),
  /** Attempts counted in the last hour (the right password resets a username's count). */
  failures: z.number(),
  lastAt: z.string(),
  /** Until when the next attempt waits; null when it may try now. */
  blockedUntil: z.string().nullable(),
  retryAfterSeconds: z.number(),
});
export type LoginThrottle = z.infer<typeof LoginThrottle>;
export const LoginThrottles = z.object({ items: z.array(LoginThrottle) });

export const UsernameParams = z.object({ username: z.string().min(1).max(100) });
