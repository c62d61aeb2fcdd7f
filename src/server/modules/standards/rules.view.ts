/** How a rule version looks to an actor on a date: visible or not, its state, whether it governs them. */
import type { StandardRule } from '../../../contracts/standards';
import type { Actor } from '../../lib/actor';
import { pathWithin } from '../../lib/scope';
import { placeRules, ruleInForce, rulesAt } from './rule-engine';
import type { VersionRow } from './rule-versions';
import type { RuleRow } from './rules.queries';

/** National rules, rules of units on the actor's path (they apply to the actor) and of units below. */
export function ruleVisibleTo(actor: Actor, rule: { ownerPath: string | null }): boolean {
  return (
    rule.ownerPath === null ||
    pathWithin(actor.scopePath, rule.ownerPath) ||
    pathWithin(rule.ownerPath, actor.scopePath)
  );
}

export function ruleState(rule: VersionRow, all: VersionRow[], asOf: string): StandardRule['state'] {
  if (ruleInForce(rule, asOf)) return 'in_force';
  if (rule.effectiveFrom > asOf) return 'future';
  const next = all.find(
    (v) =>
      v.id !== rule.id &&
      v.code === rule.code &&
      v.ownerUnitId === rule.ownerUnitId &&
      v.effectiveFrom === rule.effectiveTo &&
      v.effectiveTo !== v.effectiveFrom,
  );
  return next ? 'superseded' : 'retired';
}

/** Rules as the API shows them, with `state` and `applies` on `asOf`. */
export function presentRules(actor: Actor, rows: RuleRow[], all: RuleRow[], asOf: string): StandardRule[] {
  const governing = new Set(rulesAt(placeRules(all, asOf), actor.scopePath).map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    version: r.version,
    titleVi: r.titleVi,
    titleEn: r.titleEn,
    appliesTo: r.appliesTo,
    requirement: r.requirement,
    grace: r.grace ?? null,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    legalSource: r.legalSource,
    ownerUnitId: r.ownerUnitId,
    ownerUnitName: r.ownerUnitName,
    builtIn: r.builtIn,
    supersedesId: r.supersedesId,
    retiredReason: r.retiredReason,
    state: ruleState(r, all, asOf),
    applies: governing.has(r.id),
  }));
}
