/**
 * How a change to a versioned rule (standard or eligibility) lands, worked out on the versions
 * of its code before anything is written. Pure, so the date arithmetic is tested table by table
 * (rule-versions.test.ts) and both rule services share it (docs/adr/006-rule-versions.md).
 *
 * A code has one chain of versions per owner (null = the national pack). A change by an actor
 * lands on the rule's own owner when that lies in the actor's subtree, otherwise on the actor's
 * scope unit as an override of the chain above.
 */
import type { Actor } from '../../lib/actor';
import { pathWithin } from '../../lib/scope';
import { ruleInForce } from './rule-engine';
import { dateError, versionConflict } from './rules.validation';

export interface VersionRow {
  id: number;
  code: string;
  version: number;
  ownerUnitId: number | null;
  ownerPath: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** The owner a change by `actor` lands on. */
export function targetOwner(actor: Actor, rule: VersionRow): { id: number; path: string } {
  if (rule.ownerPath !== null && rule.ownerUnitId !== null && pathWithin(rule.ownerPath, actor.scopePath))
    return { id: rule.ownerUnitId, path: rule.ownerPath };
  return { id: actor.scopeUnitId, path: actor.scopePath };
}

const nextVersion = (all: VersionRow[]) => Math.max(...all.map((v) => v.version)) + 1;

export interface RevisionPlan<R extends VersionRow> {
  /** The version whose content the new one starts from (and supersedes). */
  base: R;
  /** The owner's version in force on the date, to be closed on it. */
  close: R | null;
  /** End of the new version: the closed version's end, else open. */
  effectiveTo: string | null;
  version: number;
  /** True when the owner had no chain yet: the new version overrides the rule from above. */
  override: boolean;
}

/** A new version from `from` in the chain of `ownerId`. Throws 409/400 when the dates clash. */
export function planRevision<R extends VersionRow>(
  all: R[],
  source: R,
  ownerId: number,
  from: string,
): RevisionPlan<R> {
  const chain = all.filter((v) => v.ownerUnitId === ownerId);
  if (chain.length) {
    if (chain.some((v) => v.effectiveFrom >= from))
      throw versionConflict(
        'Đã có phiên bản bắt đầu từ ngày này hoặc sau đó; hãy sửa đổi từ phiên bản mới nhất.',
        'A version already starts on or after this date; revise from the latest version.',
      );
    const base = chain[chain.length - 1];
    const open = ruleInForce(base, from);
    return {
      base,
      close: open ? base : null,
      effectiveTo: open ? base.effectiveTo : null,
      version: nextVersion(all),
      override: false,
    };
  }
  const base =
    all.filter((v) => v.ownerUnitId === source.ownerUnitId).find((v) => ruleInForce(v, from)) ?? source;
  if (from <= base.effectiveFrom && !ruleInForce(base, from))
    throw dateError('effectiveFrom', 'phải sau ngày bắt đầu của quy tắc', 'must be after the rule starts');
  return { base, close: null, effectiveTo: null, version: nextVersion(all), override: true };
}

export type RetirementPlan<R extends VersionRow> =
  /** The owner's own version in force on the date ends on it. */
  | { close: R }
  /** A rule from above: a version that takes over the code from the date and is never in force. */
  | { insert: { base: R; version: number } };

/** Retire from `to` in the chain of `ownerId`. Throws 409/400 when the dates clash. */
export function planRetirement<R extends VersionRow>(
  all: R[],
  source: R,
  ownerId: number,
  to: string,
): RetirementPlan<R> {
  const chain = all.filter((v) => v.ownerUnitId === ownerId);
  const first = (chain[0] ?? source).effectiveFrom;
  if (to <= first)
    throw dateError('effectiveTo', 'phải sau ngày bắt đầu hiệu lực', 'must be after effectiveFrom');
  if (chain.some((v) => v.effectiveFrom >= to))
    throw versionConflict(
      'Có phiên bản bắt đầu từ ngày này hoặc sau đó.',
      'A version starts on or after this date.',
    );
  if (chain.length) {
    const open = chain.find((v) => v.effectiveFrom < to && (v.effectiveTo === null || v.effectiveTo > to));
    if (!open)
      throw versionConflict(
        'Quy tắc đã hết hiệu lực trước ngày này.',
        'The rule already ended before this date.',
      );
    return { close: open };
  }
  const base =
    all.filter((v) => v.ownerUnitId === source.ownerUnitId).find((v) => ruleInForce(v, to)) ?? source;
  return { insert: { base, version: nextVersion(all) } };
}
