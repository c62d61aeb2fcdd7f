/**
 * Who sees and who changes catalogue data (programmes, institutions, lecturers): an entry
 * belongs to an owner unit. It is read by everyone with `catalogue.read` on the owner's path (the
 * province's catalogue reaches every commune under it) and below it (the province sees what a
 * school keeps); it is changed by holders of the write permission whose subtree holds the owner.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Permission } from '../../../contracts/roles';
import { can } from '../../../contracts/roles';
import type { Actor } from '../../lib/actor';
import { AppError, type Localized, notFound } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';

/** The owner lies on the actor's path (above or the same unit) or inside the actor's subtree. */
export function ownerVisible(actor: Actor, ownerPath: string): boolean {
  return pathWithin(actor.scopePath, ownerPath) || pathWithin(ownerPath, actor.scopePath);
}

/** SQL form of ownerVisible over an ltree column. */
export function ownerVisibleSql(actor: Actor, ownerPath: SQL | unknown): SQL {
  return sql`(${actor.scopePath}::ltree <@ ${ownerPath} or ${ownerPath} <@ ${actor.scopePath}::ltree)`;
}

export function ownerEditable(actor: Actor, ownerPath: string, permission: Permission): boolean {
  return can(actor.role, permission) && pathWithin(ownerPath, actor.scopePath);
}

/**
 * The entry as the actor may change it: 404 when they cannot see it, 403 when they see it
 * but it belongs to a unit above them (or their role may not write).
 */
export function assertEditable<T extends { ownerPath: string }>(
  actor: Actor,
  row: T | undefined,
  permission: Permission,
  what: Localized,
): T {
  requirePermission(actor, permission);
  if (!row || !ownerVisible(actor, row.ownerPath)) throw notFound(what);
  if (!pathWithin(row.ownerPath, actor.scopePath)) throw new AppError('FORBIDDEN');
  return row;
}

export function assertVisible<T extends { ownerPath: string }>(
  actor: Actor,
  row: T | undefined,
  what: Localized,
): T {
  requirePermission(actor, 'catalogue.read');
  if (!row || !ownerVisible(actor, row.ownerPath)) throw notFound(what);
  return row;
}

/** Folded search condition (`search_name like %q%`), or none. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
