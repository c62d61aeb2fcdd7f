/**
 * Who uses self-service (ADR 017): a learner bound to their own person record; every read and
 * write is about that person only. Any other role gets 403 on /me routes.
 */
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';

/** The actor's own person id: 403 for other roles, 404 when the account has no record. */
export function ownPerson(actor: Actor): number {
  requirePermission(actor, 'self.service');
  if (actor.personId === null)
    throw new AppError('NOT_FOUND', {
      message: { vi: 'Tài khoản chưa gắn với hồ sơ cá nhân.', en: 'This account is not linked to a person.' },
    });
  return actor.personId;
}
