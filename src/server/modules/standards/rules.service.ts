/**
 * The rule pack as users change it: list and read versions, add a province's own rule, revise
 * from a date, retire, copy. Built-in (national) rows are never changed: revising or retiring
 * them creates an override owned by the actor's scope unit (docs/adr/006-rule-versions.md).
 */
import type { z } from 'zod';
import type {
  CopyRuleBody,
  CreateRuleBody,
  RetireRuleBody,
  ReviseRuleBody,
  RulesQuery,
} from '../../../contracts/standards';
import type { Db } from '../../db/client';
import { standardRules } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { requirePermission } from '../../lib/scope';
import { ruleInForce } from './rule-engine';
import { createVersionedRuleService } from './rule-service';
import { createRuleWriter } from './rule-writer';
import { findRuleVersion, listRuleVersionsOfCode, loadRuleVersions, type RuleRow } from './rules.queries';
import { assertRuleCodes } from './rules.validation';
import { presentRules, ruleVisibleTo } from './rules.view';

const RULE = { vi: 'quy tắc', en: 'Rule' };

const writer = createRuleWriter({
  table: 'standard_rules',
  entity: 'standard_rule',
  contentOf: (r: RuleRow) => ({
    titleVi: r.titleVi,
    titleEn: r.titleEn,
    appliesTo: r.appliesTo,
    requirement: r.requirement,
    grace: r.grace ?? null,
    legalSource: r.legalSource,
  }),
  find: findRuleVersion,
  listOfCode: listRuleVersionsOfCode,
  async insert(q, values) {
    const [row] = await q.insert(standardRules).values(values).returning({ id: standardRules.id });
    return (await findRuleVersion(q, row.id))!;
  },
});

export function createRulesService({ db, clock }: { db: Db; clock: Clock }) {
  const rules = createVersionedRuleService(
    { db, clock },
    {
      label: RULE,
      writer,
      find: findRuleVersion,
      loadAll: loadRuleVersions,
      present: presentRules,
      checkCodes: (q, body) => assertRuleCodes(q, body.appliesTo, body.requirement),
    },
  );

  return {
    ...rules,
    async list(actor: Actor, query: z.infer<typeof RulesQuery>) {
      requirePermission(actor, 'standards.read');
      const asOf = query.asOf ?? todayOf(clock);
      const all = await loadRuleVersions(db);
      const visible = all.filter(
        (r) => ruleVisibleTo(actor, r) && (query.includeRetired === 'true' || ruleInForce(r, asOf)),
      );
      return { asOf, items: presentRules(actor, visible, all, asOf) };
    },

    create: (actor: Actor, body: z.infer<typeof CreateRuleBody>) =>
      rules.create(actor, { ...body, grace: body.grace ?? null }),
    revise: (actor: Actor, id: number, body: z.infer<typeof ReviseRuleBody>) => rules.revise(actor, id, body),
    retire: (actor: Actor, id: number, body: z.infer<typeof RetireRuleBody>) => rules.retire(actor, id, body),
    copy: (actor: Actor, id: number, body: z.infer<typeof CopyRuleBody>) => rules.copy(actor, id, body),
  };
}
