/**
 * Who sees and who manages a class. Seen by holders of `classes.read` whose subtree holds the
 * organiser, by units below the organiser (a commune sees the province's classes it may send
 * people to), and by the institution's own unit. Managed (`classes.manage`) by the organiser's
 * subtree and by the staff of the institution that teaches it.
 */
import { type SQL, sql } from 'drizzle-orm';
import { can } from '../../../contracts/roles';
import type { Actor } from '../../lib/actor';
import { AppError, notFound } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';
import type { ClassRow } from './classes.queries';

export const CLASS = { vi: 'lớp học', en: 'Class' };

export function classVisible(actor: Actor, c: Pick<ClassRow, 'organiserPath' | 'institutionPath'>): boolean {
  return (
    pathWithin(c.organiserPath, actor.scopePath) ||
    pathWithin(actor.scopePath, c.organiserPath) ||
    (c.institutionPath !== null && pathWithin(c.institutionPath, actor.scopePath))
  );
}

/** classVisible over the aliases of classes.queries (`o` organiser unit, `iu` institution unit). */
export function classVisibleSql(actor: Actor): SQL {
  return sql`(o.path <@ ${actor.scopePath}::ltree or ${actor.scopePath}::ltree <@ o.path
    or (iu.path is not null and iu.path <@ ${actor.scopePath}::ltree))`;
}

export function classManageable(
  actor: Actor,
  c: Pick<ClassRow, 'organiserPath' | 'institutionPath'>,
): boolean {
  return (
    can(actor.role, 'classes.manage') &&
    (pathWithin(c.organiserPath, actor.scopePath) ||
      (c.institutionPath !== null && pathWithin(c.institutionPath, actor.scopePath)))
  );
}

export function assertVisible(actor: Actor, c: ClassRow | undefined): ClassRow {
  requirePermission(actor, 'classes.read');
  if (!c || !classVisible(actor, c)) throw notFound(CLASS);
  return c;
}

/** 404 when the class is out of sight, 403 when seen but not the actor's to manage. */
export function assertManageable(actor: Actor, c: ClassRow | undefined): ClassRow {
  requirePermission(actor, 'classes.manage');
  const row = assertVisible(actor, c);
  if (!classManageable(actor, row)) throw new AppError('FORBIDDEN');
  return row;
}

/**
 * The plan a class carries out, named to those who may open that plan (`plans.read` over its
 * unit); others (a commune reading a province class) learn only that the class is planned.
 */
export function planLineOf(
  actor: Actor,
  c: Pick<ClassRow, 'planLineId' | 'planId' | 'planTitle' | 'planYear' | 'planLineLevel' | 'planUnitPath'>,
) {
  if (c.planLineId === null || c.planId === null || c.planUnitPath === null) return null;
  const open = can(actor.role, 'plans.read') && pathWithin(c.planUnitPath, actor.scopePath);
  return {
    id: c.planLineId,
    level: c.planLineLevel,
    plan: open ? { id: c.planId, title: c.planTitle ?? '', year: c.planYear ?? 0 } : null,
  };
}
