import { and, eq, sql } from 'drizzle-orm';
import type { Permission } from '../../contracts/roles';
import { can } from '../../contracts/roles';
import type { Queryable } from '../db/client';
import { orgUnits } from '../db/schema/index';
import type { Actor } from './actor';
import { AppError, notFound } from './errors';

/** ltree `a <@ b` in TypeScript: the path equals the ancestor or lies below it. */
export function pathWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/** SQL condition: the unit path lies in the actor's subtree. */
export function inScope(actor: Actor, path = orgUnits.path) {
  return sql`${path} <@ ${actor.scopePath}::ltree`;
}

/** Throw 403 unless the actor's role grants the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError('FORBIDDEN');
}

/** A unit of the actor's subtree, or 404 (another subtree does not reveal that the unit exists). */
export async function getUnitInScope(q: Queryable, actor: Actor, unitId: number) {
  const [unit] = await q
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unitId), inScope(actor)));
  if (!unit) throw notFound({ vi: 'đơn vị', en: 'Unit' });
  return unit;
}
