/**
 * The rule pack as users change it: list and read versions, add a province's own rule, revise
 * from a date, retire, copy. Built-in (national) rows are never changed: revising or retiring
 * them creates an override owned by the actor's scope unit (docs/adr/006-rule-versions.md).
 */
import { sql } from 'drizzle-orm';
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
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { ruleInForce } from './rule-engine';
import { planRetirement, planRevision, targetOwner } from './rule-versions';
import { findRuleVersion, listRuleVersionsOfCode, loadRuleVersions, type RuleRow } from './rules.queries';
import { assertCodeFree, assertRuleCodes } from './rules.validation';
import { presentRules, ruleVisibleTo } from './rules.view';

const RULE = { vi: 'quy tắc', en: 'Rule' };
type Insert = typeof standardRules.$inferInsert;

/** Content fields a new version takes from the version it replaces. */
function contentOf(r: RuleRow) {
  return {
    titleVi: r.titleVi,
    titleEn: r.titleEn,
    appliesTo: r.appliesTo,
    requirement: r.requirement,
    grace: r.grace ?? null,
    legalSource: r.legalSource,
  };
}

export function createRulesService({ db, clock }: { db: Db; clock: Clock }) {
  async function getVisible(q: Queryable, actor: Actor, id: number): Promise<RuleRow> {
    const rule = await findRuleVersion(q, id);
    if (!rule || !ruleVisibleTo(actor, rule)) throw notFound(RULE);
    return rule;
  }

  async function lockCode(q: Queryable, code: string): Promise<RuleRow[]> {
    await q.execute(sql`select id from standard_rules where code = ${code} for update`);
    return listRuleVersionsOfCode(q, code);
  }

  async function insertVersion(q: Queryable, values: Insert) {
    const [row] = await q.insert(standardRules).values(values).returning({ id: standardRules.id });
    return (await findRuleVersion(q, row.id))!;
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
      return db.transaction(async (tx) => {
        await assertCodeFree(tx, body.code);
        const row = await insertVersion(tx, {
          ...body,
          grace: body.grace ?? null,
          effectiveTo: body.effectiveTo ?? null,
          version: 1,
          ownerUnitId: actor.scopeUnitId,
          builtIn: false,
        });
        await audit(tx, actor, {
          action: 'standard_rule.create',
          entity: 'standard_rule',
          entityId: row.id,
          summary: `${row.code} v1`,
          scopePath: actor.scopePath,
          after: row,
        });
        return present(tx, actor, row);
      });
    },

    async revise(actor: Actor, id: number, body: z.infer<typeof ReviseRuleBody>) {
      requirePermission(actor, 'standards.write');
      await assertRuleCodes(db, body.appliesTo, body.requirement);
      return db.transaction(async (tx) => {
        const source = await getVisible(tx, actor, id);
        const owner = targetOwner(actor, source);
        const all = await lockCode(tx, source.code);
        const from = body.effectiveFrom;
        const plan = planRevision(all, source, owner.id, from);
        if (plan.close)
          await tx.execute(sql`update standard_rules set effective_to = ${from}, updated_at = now()
            where id = ${plan.close.id}`);
        const { effectiveFrom: _, ...changes } = body;
        const row = await insertVersion(tx, {
          ...contentOf(plan.base),
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
          code: source.code,
          version: plan.version,
          effectiveFrom: from,
          effectiveTo: plan.effectiveTo,
          ownerUnitId: owner.id,
          builtIn: false,
          supersedesId: plan.base.id,
        });
        await audit(tx, actor, {
          action: plan.override ? 'standard_rule.override' : 'standard_rule.revise',
          entity: 'standard_rule',
          entityId: row.id,
          summary: `${row.code} v${row.version} từ ${from}`,
          scopePath: owner.path,
          before: plan.close
            ? { id: plan.close.id, version: plan.close.version, effectiveTo: plan.close.effectiveTo }
            : { id: plan.base.id },
          after: row,
        });
        return present(tx, actor, row);
      });
    },

    async retire(actor: Actor, id: number, body: z.infer<typeof RetireRuleBody>) {
      requirePermission(actor, 'standards.write');
      return db.transaction(async (tx) => {
        const source = await getVisible(tx, actor, id);
        const owner = targetOwner(actor, source);
        const all = await lockCode(tx, source.code);
        const to = body.effectiveTo;
        const plan = planRetirement(all, source, owner.id, to);
        let row: RuleRow;
        if ('close' in plan) {
          await tx.execute(sql`update standard_rules set effective_to = ${to}, retired_reason = ${body.reason},
            updated_at = now() where id = ${plan.close.id}`);
          row = (await findRuleVersion(tx, plan.close.id))!;
        } else {
          row = await insertVersion(tx, {
            ...contentOf(plan.insert.base),
            code: source.code,
            version: plan.insert.version,
            effectiveFrom: to,
            effectiveTo: to,
            ownerUnitId: owner.id,
            builtIn: false,
            supersedesId: plan.insert.base.id,
            retiredReason: body.reason,
          });
        }
        await audit(tx, actor, {
          action: 'standard_rule.retire',
          entity: 'standard_rule',
          entityId: row.id,
          summary: `${row.code} hết hiệu lực từ ${to}: ${body.reason}`,
          scopePath: owner.path,
          after: { id: row.id, version: row.version, effectiveTo: to, retiredReason: body.reason },
        });
        return present(tx, actor, row);
      });
    },

    async copy(actor: Actor, id: number, body: z.infer<typeof CopyRuleBody>) {
      requirePermission(actor, 'standards.write');
      return db.transaction(async (tx) => {
        const source = await getVisible(tx, actor, id);
        await assertCodeFree(tx, body.code);
        const row = await insertVersion(tx, {
          ...contentOf(source),
          titleVi: body.titleVi,
          titleEn: body.titleEn,
          code: body.code,
          version: 1,
          effectiveFrom: body.effectiveFrom ?? todayOf(clock),
          effectiveTo: null,
          ownerUnitId: actor.scopeUnitId,
          builtIn: false,
        });
        await audit(tx, actor, {
          action: 'standard_rule.copy',
          entity: 'standard_rule',
          entityId: row.id,
          summary: `${source.code} v${source.version} -> ${row.code}`,
          scopePath: actor.scopePath,
          after: row,
        });
        return present(tx, actor, row);
      });
    },
  };
}
