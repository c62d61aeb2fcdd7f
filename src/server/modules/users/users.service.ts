import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateUserBody, UpdateUserBody, UsersQuery } from '../../../contracts/users';
import type { Db, Queryable } from '../../db/client';
import { lecturers, orgUnits, sessions, users } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors';
import { hashPassword, passwordProblems } from '../../lib/password';
import { getUnitInScope, inScope, requirePermission } from '../../lib/scope';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';
import { getVisiblePerson } from '../people/people.service';

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  scopeUnitId: users.scopeUnitId,
  scopeUnitName: orgUnits.name,
  scopePath: orgUnits.path,
  personId: users.personId,
  lecturerId: users.lecturerId,
  lecturerName: lecturers.fullName,
  locale: users.locale,
  active: users.active,
  createdAt: users.createdAt,
};

function out<T extends { createdAt: Date }>(u: T) {
  return { ...u, createdAt: u.createdAt.toISOString() };
}

/** Users are managed by admins, and only those scoped inside the admin's own subtree. */
export function createUsersService({ db, clock }: { db: Db; clock: Clock }) {
  async function getManaged(q: Queryable, actor: Actor, id: number) {
    const [u] = await q
      .select(columns)
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.scopeUnitId))
      .leftJoin(lecturers, eq(lecturers.id, users.lecturerId))
      .where(and(eq(users.id, id), inScope(actor)));
    if (!u) throw notFound({ vi: 'tài khoản', en: 'User' });
    return u;
  }

  async function checkLinks(
    q: Queryable,
    actor: Actor,
    role: string,
    scopeUnitId: number,
    personId: number | null | undefined,
    lecturerId: number | null | undefined,
  ) {
    await getUnitInScope(q, actor, scopeUnitId);
    if (lecturerId) {
      if (role !== 'lecturer')
        throw invalid([
          fieldError(
            'lecturerId',
            'chỉ tài khoản giảng viên mới gắn với hồ sơ giảng viên',
            'only a lecturer account links to a lecturer record',
          ),
        ]);
      const [l] = await q
        .select({ id: lecturers.id })
        .from(lecturers)
        .innerJoin(orgUnits, eq(orgUnits.id, lecturers.ownerUnitId))
        .where(and(eq(lecturers.id, lecturerId), inScope(actor)));
      if (!l)
        throw invalid([
          fieldError(
            'lecturerId',
            'không có giảng viên này trong phạm vi quản lý',
            'no such lecturer in your scope',
          ),
        ]);
    }
    if (personId) await getVisiblePerson(q, { ...actor, role: 'admin' }, personId);
    if (role === 'learner' && !personId)
      throw invalid([
        fieldError(
          'personId',
          'tài khoản học viên phải gắn với một hồ sơ',
          'a learner account must be linked to a person',
        ),
      ]);
  }

  return {
    async list(actor: Actor, query: z.infer<typeof UsersQuery>) {
      requirePermission(actor, 'users.manage');
      const where: SQL[] = [inScope(actor)];
      if (query.role) where.push(eq(users.role, query.role));
      if (query.q)
        where.push(
          sql`(${users.username} ilike ${`%${query.q}%`} or ${users.displayName} ilike ${`%${query.q}%`})`,
        );
      const rows = await db
        .select(columns)
        .from(users)
        .innerJoin(orgUnits, eq(orgUnits.id, users.scopeUnitId))
        .leftJoin(lecturers, eq(lecturers.id, users.lecturerId))
        .where(and(...where))
        .orderBy(
          sortedBy(
            query.sort,
            {
              username: sql`${users.username}`,
              displayName: viOrder(sql`${users.displayName}`),
              scope: viOrder(sql`${orgUnits.name}`),
              createdAt: sql`${users.createdAt}`,
            },
            sql`${users.username}`,
          ),
        )
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [{ total }] = await db
        .select({ total: sql<number>`count(*)::int` })
        .from(users)
        .innerJoin(orgUnits, eq(orgUnits.id, users.scopeUnitId))
        .where(and(...where));
      return { items: rows.map(out), total: Number(total), page: query.page, pageSize: query.pageSize };
    },

    async create(actor: Actor, body: z.infer<typeof CreateUserBody>) {
      requirePermission(actor, 'users.manage');
      const problem = passwordProblems(body.password, [body.username, body.displayName]);
      if (problem) throw invalid([{ field: 'password', message: problem }]);
      return db.transaction(async (tx) => {
        await checkLinks(tx, actor, body.role, body.scopeUnitId, body.personId, body.lecturerId);
        const [u] = await tx
          .insert(users)
          .values({
            ...body,
            personId: body.personId ?? null,
            lecturerId: body.lecturerId ?? null,
            passwordHash: await hashPassword(body.password),
          })
          .onConflictDoNothing()
          .returning({ id: users.id });
        if (!u)
          throw new AppError('CONFLICT', {
            fields: [fieldError('username', 'tên đăng nhập đã có', 'the username is taken')],
          });
        const created = await getManaged(tx, actor, u.id);
        const { password: _, ...safe } = body;
        await audit(tx, actor, {
          action: 'user.create',
          entity: 'user',
          entityId: u.id,
          summary: body.username,
          scopePath: created.scopePath,
          after: safe,
        });
        return out(created);
      });
    },

    async update(actor: Actor, id: number, body: z.infer<typeof UpdateUserBody>) {
      requirePermission(actor, 'users.manage');
      if (id === actor.userId && (body.active === false || (body.role && body.role !== actor.role)))
        throw new AppError('FORBIDDEN', {
          message: {
            vi: 'Không thể tự khóa hoặc đổi vai trò của chính mình.',
            en: 'You cannot deactivate yourself or change your own role.',
          },
        });
      return db.transaction(async (tx) => {
        const before = await getManaged(tx, actor, id);
        const { password, ...changes } = body;
        if (password) {
          const problem = passwordProblems(password, [
            before.username,
            changes.displayName ?? before.displayName,
          ]);
          if (problem) throw invalid([{ field: 'password', message: problem }]);
        }
        await checkLinks(
          tx,
          actor,
          changes.role ?? before.role,
          changes.scopeUnitId ?? before.scopeUnitId,
          changes.personId === undefined ? before.personId : changes.personId,
          changes.lecturerId === undefined ? before.lecturerId : changes.lecturerId,
        );
        const set: Partial<typeof users.$inferInsert> = { ...changes, updatedAt: clock.now() };
        if (password) set.passwordHash = await hashPassword(password);
        await tx.update(users).set(set).where(eq(users.id, id));
        // A changed password, role, scope or a deactivation ends the user's open sessions.
        if (
          password ||
          changes.active === false ||
          changes.role ||
          changes.scopeUnitId ||
          changes.lecturerId !== undefined
        )
          await tx.delete(sessions).where(eq(sessions.userId, id));
        const after = await getManaged(tx, actor, id);
        const diff = changedFields(
          before as unknown as Record<string, unknown>,
          changes as Record<string, unknown>,
        );
        await audit(tx, actor, {
          action: password ? 'user.update+password' : 'user.update',
          entity: 'user',
          entityId: id,
          summary: before.username,
          scopePath: after.scopePath,
          before: diff.before,
          after: diff.after,
          request: namedIn(body),
        });
        return out(after);
      });
    },
  };
}
