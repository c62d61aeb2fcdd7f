/**
 * Eligibility rules as users change them: read one with its versions, add a province's own,
 * revise from a date, retire, copy. Same versioning as standards (rule-writer.ts, ADR 006):
 * built-in rows never change; a change to a rule from above becomes an override owned by the
 * actor's scope unit, which governs that subtree only.
 */
import type { z } from 'zod';
import type { CreateEligibilityRuleBody, ReviseEligibilityRuleBody } from '../../../contracts/eligibility';
import type { EligibilityRule } from '../../../contracts/standards';
import type { Db } from '../../db/client';
import { eligibilityRules } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/dates';
import {
  findEligibilityVersion,
  listEligibilityVersionsOfCode,
  loadEligibilityVersions,
  type OwnedEligibility,
} from './eligibility.queries';
import { placeRules, rulesAt } from './rule-engine';
import { createVersionedRuleService } from './rule-service';
import { createRuleWriter } from './rule-writer';
import { assertConditionCodes } from './rules.validation';
import { ruleState } from './rules.view';

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
  const rules = createVersionedRuleService(
    { db, clock },
    {
      label: RULE,
      writer,
      find: findEligibilityVersion,
      loadAll: loadEligibilityVersions,
      present: presentEligibility,
      checkCodes: (q, body) => assertConditionCodes(q, body.conditions),
    },
  );
  return {
    ...rules,
    create: (actor: Actor, body: z.infer<typeof CreateEligibilityRuleBody>) => rules.create(actor, body),
    revise: (actor: Actor, id: number, body: z.infer<typeof ReviseEligibilityRuleBody>) =>
      rules.revise(actor, id, body),
  };
}
