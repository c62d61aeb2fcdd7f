/**
 * Putting back what a 0.1.0 update reset (ADR 023): the candidates of one audit row still holding
 * their reset values are restored together, through the entity's own update schema and service
 * (scope, permission, validation, 409 when changed meanwhile), each restore audited as
 * `<entity>.restore_reset` naming the audit row it undoes; a person's history is corrected.
 */
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/dates';
import { AppError } from '../../lib/errors';
import { type ResetCandidate, resetSpecs } from './resets';

export interface RestoreOutcome {
  auditId: number;
  entity: string;
  entityId: string;
  fields: string[];
  /** Null when restored; the reason (both languages) when not. */
  error: { vi: string; en: string } | null;
}

/** Group the candidates still reset by the audit row that reset them. */
export function restorable(candidates: ResetCandidate[]): ResetCandidate[][] {
  const groups = new Map<number, ResetCandidate[]>();
  for (const c of candidates.filter((x) => x.state === 'reset'))
    groups.set(c.auditId, [...(groups.get(c.auditId) ?? []), c]);
  return [...groups.values()];
}

/** Restore each group in turn (a failure is reported and the next goes on). */
export async function restoreResets(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  groups: ResetCandidate[][],
  onDone: (outcome: RestoreOutcome, done: number) => void = () => {},
): Promise<RestoreOutcome[]> {
  const out: RestoreOutcome[] = [];
  for (const group of groups) {
    const first = group[0];
    const [spec] = resetSpecs(first.entity);
    const outcome: RestoreOutcome = {
      auditId: first.auditId,
      entity: first.entity,
      entityId: first.entityId,
      fields: group.map((c) => c.field),
      error: null,
    };
    try {
      // Read the version now: an earlier restore of the same record moved it on.
      const record = (await spec.current(deps.db, [Number(first.entityId)])).get(first.entityId);
      if (!record) throw new AppError('NOT_FOUND');
      await spec.restore(
        deps,
        actor,
        Number(first.entityId),
        Number(record.version),
        Object.fromEntries(group.map((c) => [c.field, c.old])),
        {
          auditId: first.auditId,
          at: first.at,
          resets: Object.fromEntries(group.map((c) => [c.field, c.reset])),
        },
      );
    } catch (err) {
      outcome.error =
        err instanceof AppError
          ? err.localized
          : { vi: err instanceof Error ? err.message : String(err), en: String(err) };
    }
    out.push(outcome);
    onDone(outcome, out.length);
  }
  return out;
}
