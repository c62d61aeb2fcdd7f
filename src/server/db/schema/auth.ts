import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Role } from '../../../contracts/roles';
import { lecturers } from './catalogue';
import { orgUnits } from './org';
import { people } from './people';

/**
 * Users: one role, bound to an org subtree (scope unit). Learners link to their own person; a
 * lecturer's login links to its lecturer record (ADR 038), by which it takes attendance and
 * enters scores of the sessions it teaches.
 */
export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    scopeUnitId: integer('scope_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    personId: integer('person_id').references(() => people.id),
    lecturerId: integer('lecturer_id').references(() => lecturers.id),
    locale: text('locale').notNull().default('vi'),
    /** Where notifications are mailed when SMTP is configured (ADR 042); none: in-app only. */
    email: text('email'),
    /** The user's choice to receive notifications by mail too. */
    emailNotifications: boolean('email_notifications').notNull().default(true),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_lecturer_uq').on(t.lecturerId).where(sql`${t.lecturerId} is not null`)],
);

/** Server-side sessions so several app processes can share one PostgreSQL. Token stored hashed. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Login attempts per key (`user:<username>`, `client:<address>`), counted before the password is
 * checked by one INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so parallel attempts each count.
 * Past the free attempts each one blocks the key for a doubling delay (ADR 027); a success
 * clears the username's row.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    /** The attempt that last got through (checked its password); refused ones leave it. */
    attempt: text('attempt').notNull(),
  },
  (t) => [index('login_throttle_last_at_idx').on(t.lastAt)],
);
