/**
 * Eligibility rules as users change them: read one with its versions, add a province's own,
 * revise from a date, retire, copy. Same versioning as standards (rule-writer.ts, ADR 006):
 * built-in rows never change; a change to a rule from above becomes an override owned by the
 * actor's scope unit, which governs that subtree only.
 */
import type { z } from 'zod';
import type { CreateEligibilityRuleBody, ReviseEligibilityRuleBody } from '../../../contracts/eligibility';
import type { CopyRuleBody, EligibilityRule, RetireRuleBody } from '../../../contracts/standards';
import type { Db, Queryable } from '../../db/client';
import { eligibilityRules } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import {
  findEligibilityVersion,
  listEligibilityVersionsOfCode,
  loadEligibilityVersions,
  type OwnedEligibility,
} from './eligibility.queries';
import { placeRules, rulesAt } from './rule-engine';
import { createRuleWriter } from './rule-writer';
import { assertConditionCodes } from './rules.validation';
import { ruleState, ruleVisibleTo } from './rules.view';

const RULE = { vi: 'quy tắc điều kiện', en: 'Eligibility rule' };

const writer = createRuleWriter({
  table: 'eligibility_rules',
  entity: 'eligibility_rule',
  contentOf: (r: OwnedEligibility) => ({
    purpose: r.purpose,
    titleVi: r.titleVi,
    titleEn: r.titleEn,
    conditions: r.conditions,
    legalSource: r.legalSource,
  }),
  find: findEligibilityVersion,
  listOfCode: listEligibilityVersionsOfCode,
  async insert(q, values) {
    const [row] = await q.insert(eligibilityRules).values(values).returning({ id: eligibilityRules.id });
    return (await findEligibilityVersion(q, row.id))!;
  },
});

/**
 * Versions as the API shows them on `asOf`: their state, and `applies` when the version governs
 * the actor's own scope unit then (a province override or retirement hides the national one).
 */
export function presentEligibility(
  actor: Actor,
  rows: OwnedEligibility[],
  all: OwnedEligibility[],
  asOf: string,
): z.infer<typeof EligibilityRule>[] {
  const governing = new Set(rulesAt(placeRules(all, asOf), actor.scopePath).map((r) => r.id));
  return rows.map((r) => {
    const { ownerPath: _, ...rest } = r;
    return { ...rest, state: ruleState(r, all, asOf), applies: governing.has(r.id) };
  });
}

export function createEligibilityRulesService({ db, clock }: { db: Db; clock: Clock }) {
  async function getVisible(q: Queryable, actor: Actor, id: number) {
    const rule = await findEligibilityVersion(q, id);
    if (!rule || !ruleVisibleTo(actor, rule)) throw notFound(RULE);
    return rule;
  }

  async function present(q: Queryable, actor: Actor, row: OwnedEligibility) {
    return presentEligibility(actor, [row], await loadEligibilityVersions(q), todayOf(clock))[0];
  }

  return {
    async get(actor: Actor, id: number, asOfArg?: string) {
      requirePermission(actor, 'standards.read');
      const asOf = asOfArg ?? todayOf(clock);
      const rule = await getVisible(db, actor, id);
      const all = await loadEligibilityVersions(db);
      const versions = all.filter((r) => r.code === rule.code && ruleVisibleTo(actor, r));
      return {
        ...presentEligibility(actor, [rule], all, asOf)[0],
        versions: presentEligibility(actor, versions, all, asOf),
      };
    },

    async create(actor: Actor, body: z.infer<typeof CreateEligibilityRuleBody>) {
      requirePermission(actor, 'standards.write');
      await assertConditionCodes(db, body.conditions);
      return db.transaction(async (tx) => present(tx, actor, await writer.create(tx, actor, body)));
    },

    async revise(actor: Actor, id: number, body: z.infer<typeof ReviseEligibilityRuleBody>) {
      requirePermission(actor, 'standards.write');
      await assertConditionCodes(db, body.conditions);
      return db.transaction(async (tx) => {
        const { effectiveFrom, ...changes } = body;
        const source = await getVisible(tx, actor, id);
        return present(tx, actor, await writer.revise(tx, actor, source, effectiveFrom, changes));
      });
    },

    async retire(actor: Actor, id: number, body: z.infer<typeof RetireRuleBody>) {
      requirePermission(actor, 'standards.write');
      return db.transaction(async (tx) => {
        const source = await getVisible(tx, actor, id);
        return present(tx, actor, await writer.retire(tx, actor, source, body.effectiveTo, body.reason));
      });
    },

    async copy(actor: Actor, id: number, body: z.infer<typeof CopyRuleBody>) {
      requirePermission(actor, 'standards.write');
      return db.transaction(async (tx) => {
        const source = await getVisible(tx, actor, id);
        const row = await writer.copy(tx, actor, source, {
          code: body.code,
          titleVi: body.titleVi,
          titleEn: body.titleEn,
          effectiveFrom: body.effectiveFrom ?? todayOf(clock),
        });
        return present(tx, actor, row);
      });
    },
  };
}
