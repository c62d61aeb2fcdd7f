import crypto from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { PERMISSIONS, type Permission, type Role } from '../../../contracts/roles';
import type { Db } from '../../db/client';
import { orgUnits, sessions, users } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { AppError, fieldError, invalid } from '../../lib/errors';
import { hashPassword, passwordProblems, verifyPassword } from '../../lib/password';
import { hashToken } from '../../plugins/auth';
import { attemptSucceeded, clientKey, countAttempt, userKey } from './login-throttle';

// Verified when the username is unknown, so both paths take the same time.
const DUMMY_HASH = hashPassword('not-a-real-password-0');

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  sessionHours: number;
  maxFailures: number;
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    (PERMISSIONS[p] as readonly string[]).includes(role),
  );
}

export function createAuthService({ db, clock, sessionHours, maxFailures }: AuthServiceDeps) {
  return {
    /** Check the password (argon2id), rate-limit failures, open a session. Returns the raw token. */
    async login(usernameRaw: string, password: string, ip: string, requestId: string) {
      const username = usernameRaw.trim().toLowerCase();
      // Counted before the password is checked: parallel attempts each count (ADR 027).
      const attempt = await countAttempt(
        db,
        [
          { key: userKey(username), free: maxFailures },
          { key: clientKey(ip), free: maxFailures * 10 },
        ],
        clock.now(),
      );
      const [user] = await db.select().from(users).where(eq(users.username, username));
      let ok = false;
      if (user) ok = await verifyPassword(user.passwordHash, password);
      else await verifyPassword(await DUMMY_HASH, password);
      if (!user || !ok || !user.active) throw new AppError('INVALID_CREDENTIALS');
      const token = crypto.randomBytes(32).toString('base64url');
      const csrfToken = crypto.randomBytes(24).toString('base64url');
      const now = clock.now();
      await db.transaction(async (tx) => {
        await attemptSucceeded(tx, attempt, username);
        await tx.delete(sessions).where(lt(sessions.expiresAt, now));
        await tx.insert(sessions).values({
          tokenHash: hashToken(token),
          userId: user.id,
          csrfToken,
          expiresAt: new Date(now.getTime() + sessionHours * 3600_000),
        });
        const [scope] = await tx
          .select({ path: orgUnits.path })
          .from(orgUnits)
          .where(eq(orgUnits.id, user.scopeUnitId));
        await audit(
          tx,
          { ...actorFromUser(user, scope?.path ?? ''), ip, requestId },
          {
            action: 'auth.login',
            entity: 'user',
            entityId: user.id,
            summary: `Đăng nhập: ${user.username}`,
            scopePath: scope?.path,
          },
        );
      });
      return { token, csrfToken, userId: user.id };
    },

    async logout(actor: Actor, tokenHash: string) {
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
        await audit(tx, actor, {
          action: 'auth.logout',
          entity: 'user',
          entityId: actor.userId,
          scopePath: actor.scopePath,
        });
      });
    },

    async me(userId: number, csrfToken: string) {
      const [row] = await db
        .select({
          user: users,
          scopeUnitName: orgUnits.name,
          scopeParentName: sql<
            string | null
          >`(select p.name from org_units p where p.id = ${orgUnits.parentId})`,
        })
        .from(users)
        .innerJoin(orgUnits, eq(orgUnits.id, users.scopeUnitId))
        .where(eq(users.id, userId));
      if (!row) throw new AppError('UNAUTHENTICATED');
      const u = row.user;
      return {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role as Role,
        scopeUnitId: u.scopeUnitId,
        scopeUnitName: row.scopeUnitName,
        scopeParentName: row.scopeParentName ?? null,
        personId: u.personId,
        lecturerId: u.lecturerId,
        locale: (u.locale === 'en' ? 'en' : 'vi') as 'vi' | 'en',
        permissions: permissionsOf(u.role as Role),
        csrfToken,
      };
    },

    /** Change one's own password: every other session of the user ends, this one stays. */
    async changePassword(
      actor: Actor,
      currentTokenHash: string,
      currentPassword: string,
      newPassword: string,
    ) {
      const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword)))
        throw invalid([
          fieldError('currentPassword', 'mật khẩu hiện tại không đúng', 'the current password is wrong'),
        ]);
      const problem = passwordProblems(newPassword, [user.username, user.displayName]);
      if (problem) throw invalid([{ field: 'newPassword', message: problem }]);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash: await hashPassword(newPassword), updatedAt: clock.now() })
          .where(eq(users.id, user.id));
        const ended = await tx
          .delete(sessions)
          .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, currentTokenHash)))
          .returning({ tokenHash: sessions.tokenHash });
        await audit(tx, actor, {
          action: 'user.password',
          summary: `Đổi mật khẩu, kết thúc ${ended.length} phiên khác`,
          entity: 'user',
          entityId: user.id,
          scopePath: actor.scopePath,
        });
      });
    },
  };
}

function actorFromUser(user: typeof users.$inferSelect, scopePath: string): Actor {
  return {
    userId: user.id,
    username: user.username,
    role: user.role as Role,
    scopeUnitId: user.scopeUnitId,
    scopePath,
    personId: user.personId,
    lecturerId: user.lecturerId,
    lang: user.locale === 'en' ? 'en' : 'vi',
  };
}
