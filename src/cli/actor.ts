/**
 * Who a CLI command acts as: the admin of the whole tree (username "cli") unless --user names an
 * account, whose role and subtree then bound what the command may read and change.
 */
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../server/db/client';
import { orgUnits, users } from '../server/db/schema/index';
import { type Actor, systemActor } from '../server/lib/actor';
import { CliError } from './context';

export async function actorFor(db: Queryable, username: string | undefined): Promise<Actor> {
  if (!username) {
    const [root] = await db
      .select()
      .from(orgUnits)
      .where(sql`${orgUnits.parentId} is null and ${orgUnits.validTo} is null`)
      .orderBy(orgUnits.id)
      .limit(1);
    if (!root) throw new CliError('Chưa có cây tổ chức.', 'There is no org tree yet.');
    return { ...systemActor(root.id, root.path), username: 'cli' };
  }
  const [u] = await db
    .select({ user: users, path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.scopeUnitId))
    .where(eq(users.username, username));
  if (!u) throw new CliError(`Không có tài khoản "${username}".`, `No user "${username}".`);
  return {
    userId: u.user.id,
    username: u.user.username,
    role: u.user.role,
    scopeUnitId: u.user.scopeUnitId,
    scopePath: u.path,
    personId: u.user.personId,
    lang: 'vi',
  };
}
