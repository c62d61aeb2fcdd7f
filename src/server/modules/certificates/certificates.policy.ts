/**
 * Who keeps a register and who sees a certificate (ADR 014). A register belongs to an
 * institution (kept by its own staff, whose scope is the institution's unit, and by the training
 * officers whose subtree holds the institution's owner) or to a unit (kept within its subtree).
 * Certificates are managed by the managers of their class (ADR 011); read by them and by whoever
 * may see the holder's record (the learner's own included).
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { AppError, notFound } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';

export const REGISTER = { vi: 'sổ cấp chứng chỉ', en: 'Certificate register' };
export const CERTIFICATE = { vi: 'chứng chỉ', en: 'Certificate' };

/** Where a register sits: the unit it belongs to, or its institution's unit and owner. */
export interface RegisterPlace {
  unitPath: string | null;
  institutionUnitPath: string | null;
  institutionOwnerPath: string | null;
}

export function registerManageable(actor: Actor, r: RegisterPlace): boolean {
  const inScope = (p: string | null) => p !== null && pathWithin(p, actor.scopePath);
  return inScope(r.unitPath) || inScope(r.institutionUnitPath) || inScope(r.institutionOwnerPath);
}

/** registerManageable in SQL over `u` (register unit), `iu` (institution unit), `io` (institution owner). */
export function registerManageableSql(actor: Actor) {
  const s = sql`${actor.scopePath}::ltree`;
  return sql`(u.path <@ ${s} or iu.path <@ ${s} or io.path <@ ${s})`;
}

export function assertRegisterManageable<T extends RegisterPlace>(actor: Actor, r: T | undefined): T {
  requirePermission(actor, 'classes.manage');
  if (!r || !registerManageable(actor, r)) throw notFound(REGISTER);
  return r;
}

/** The holder's record is in sight: their unit in the actor's subtree, or the learner themself. */
export function holderVisible(actor: Actor, personId: number, personUnitPath: string): boolean {
  if (actor.role === 'learner') return actor.personId === personId;
  return pathWithin(personUnitPath, actor.scopePath);
}

export function assertCertificateReadable(
  actor: Actor,
  c: { personId: number; personUnitPath: string } | undefined,
  manages: boolean,
) {
  if (!c || !(manages || holderVisible(actor, c.personId, c.personUnitPath))) throw notFound(CERTIFICATE);
  return c;
}

export function assertCertificateManageable(manages: boolean, readable: boolean) {
  if (!readable) throw notFound(CERTIFICATE);
  if (!manages) throw new AppError('FORBIDDEN');
}
