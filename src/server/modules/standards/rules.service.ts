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
import type { Db, Queryable } from '../../db/client';
import { standardRules } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { ruleInForce } from './rule-engine';
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
  async function getVisible(q: Queryable, actor: Actor, id: number): Promise<RuleRow> {
    const rule = await findRuleVersion(q, id);
    if (!rule || !ruleVisibleTo(actor, rule)) throw notFound(RULE);
    return rule;
  }

  async function present(q: Queryable, actor: Actor, row: RuleRow) {
    const all = await loadRuleVersions(q);
    return presentRules(actor, [row], all, todayOf(clock))[0];
  }

  return {
    async list(actor: Actor, query: z.infer<typeof RulesQuery>) {
      requirePermission(actor, 'standards.read');
      const asOf = query.asOf ?? todayOf(clock);
      const all = await loadRuleVersions(db);
      const visible = all.filter(
        (r) => ruleVisibleTo(actor, r) && (query.includeRetired === 'true' || ruleInForce(r, asOf)),
      );
      return { asOf, items: presentRules(actor, visible, all, asOf) };
    },

    async get(actor: Actor, id: number, asOfArg?: string) {
      requirePermission(actor, 'standards.read');
      const asOf = asOfArg ?? todayOf(clock);
      const rule = await getVisible(db, actor, id);
      const all = await loadRuleVersions(db);
      const versions = all.filter((r) => r.code === rule.code && ruleVisibleTo(actor, r));
      const [item] = presentRules(actor, [rule], all, asOf);
      return { ...item, versions: presentRules(actor, versions, all, asOf) };
    },

    async create(actor: Actor, body: z.infer<typeof CreateRuleBody>) {
      requirePermission(actor, 'standards.write');
      await assertRuleCodes(db, body.appliesTo, body.requirement);
      return db.transaction(async (tx) =>
        present(tx, actor, await writer.create(tx, actor, { ...body, grace: body.grace ?? null })),
      );
    },

    async revise(actor: Actor, id: number, body: z.infer<typeof ReviseRuleBody>) {
      requirePermission(actor, 'standards.write');
      await assertRuleCodes(db, body.appliesTo, body.requirement);
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
