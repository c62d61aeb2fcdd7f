/**
 * Eligibility rules as users change them: read one with its versions, add a province's own,
 * revise from a date, retire, copy. Same versioning as standards (rule-versions.ts, ADR 006):
 * built-in rows never change; a change to a rule from above becomes an override owned by the
 * actor's scope unit, which governs that subtree only.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateEligibilityRuleBody, ReviseEligibilityRuleBody } from '../../../contracts/eligibility';
import type { CopyRuleBody, EligibilityRule, RetireRuleBody } from '../../../contracts/standards';
import type { Db, Queryable } from '../../db/client';
import { eligibilityRules } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import {
  findEligibilityVersion,
  loadEligibilityVersions,
  lockEligibilityCode,
  type OwnedEligibility,
} from './eligibility.queries';
import { planRetirement, planRevision, targetOwner } from './rule-versions';
import { assertCodeFree, assertConditionCodes } from './rules.validation';
import { ruleState, ruleVisibleTo } from './rules.view';

const RULE = { vi: 'quy tắc điều kiện', en: 'Eligibility rule' };
const TABLE = 'eligibility_rules';
type Insert = typeof eligibilityRules.$inferInsert;

const contentOf = (r: OwnedEligibility) => ({
  purpose: r.purpose,
  titleVi: r.titleVi,
  titleEn: r.titleEn,
  conditions: r.conditions,
  legalSource: r.legalSource,
});

/** A version as the API shows it, with its state on `asOf`. */
export function presentEligibility(
  r: OwnedEligibility,
  all: OwnedEligibility[],
  asOf: string,
): z.infer<typeof EligibilityRule> {
  const { ownerPath: _, ...rest } = r;
  return { ...rest, state: ruleState(r, all, asOf) };
}

export function createEligibilityRulesService({ db, clock }: { db: Db; clock: Clock }) {
  async function getVisible(q: Queryable, actor: Actor, id: number) {
    const rule = await findEligibilityVersion(q, id);
    if (!rule || !ruleVisibleTo(actor, rule)) throw notFound(RULE);
    return rule;
  }

  async function insertVersion(q: Queryable, values: Insert) {
    const [row] = await q.insert(eligibilityRules).values(values).returning({ id: eligibilityRules.id });
    return (await findEligibilityVersion(q, row.id))!;
  }

  async function present(q: Queryable, row: OwnedEligibility) {
    return presentEligibility(row, await loadEligibilityVersions(q), todayOf(clock));
  }

  return {
    async get(actor: Actor, id: number, asOfArg?: string) {
      requirePermission(actor, 'standards.read');
      const asOf = asOfArg ?? todayOf(clock);
      const rule = await getVisible(db, actor, id);
      const all = await loadEligibilityVersions(db);
      const versions = all.filter((r) => r.code === rule.code && ruleVisibleTo(actor, r));
      return {
        ...presentEligibility(rule, all, asOf),
        versions: versions.map((v) => presentEligibility(v, all, asOf)),
      };
    },

    async create(actor: Actor, body: z.infer<typeof CreateEligibilityRuleBody>) {
      requirePermission(actor, 'standards.write');
      await assertConditionCodes(db, body.conditions);
      return db.transaction(async (tx) => {
        await assertCodeFree(tx, body.code, TABLE);
        const row = await insertVersion(tx, {
          ...body,
          effectiveTo: body.effectiveTo ?? null,
          version: 1,
          ownerUnitId: actor.scopeUnitId,
          builtIn: false,
        });
        await audit(tx, actor, {
          action: 'eligibility_rule.create',
          entity: 'eligibility_rule',
          entityId: row.id,
          summary: `${row.code} v1 (${row.purpose})`,
          scopePath: actor.scopePath,
          after: row,
        });
        return present(tx, row);
      });
    },

    async revise(actor: Actor, id: number, body: z.infer<typeof ReviseEligibilityRuleBody>) {
      requirePermission(actor, 'standards.write');
      await assertConditionCodes(db, body.conditions);
      return db.transaction(async (tx) => {
        const source = await getVisible(tx, actor, id);
        const owner = targetOwner(actor, source);
        const all = await lockEligibilityCode(tx, source.code);
        const from = body.effectiveFrom;
        const plan = planRevision(all, source, owner.id, from);
        if (plan.close)
          await tx.execute(sql`update eligibility_rules set effective_to = ${from}, updated_at = now()
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
          action: plan.override ? 'eligibility_rule.override' : 'eligibility_rule.revise',
          entity: 'eligibility_rule',
          entityId: row.id,
          summary: `${row.code} v${row.version} từ ${from}`,
          scopePath: owner.path,
          before: plan.close
            ? { id: plan.close.id, version: plan.close.version, effectiveTo: plan.close.effectiveTo }
            : { id: plan.base.id, conditions: plan.base.conditions },
          after: row,
        });
        return present(tx, row);
      });
    },

    async retire(actor: Actor, id: number, body: z.infer<typeof RetireRuleBody>) {
      requirePermission(actor, 'standards.write');
      return db.transaction(async (tx) => {
        const source = await getVisible(tx, actor, id);
        const owner = targetOwner(actor, source);
        const all = await lockEligibilityCode(tx, source.code);
        const to = body.effectiveTo;
        const plan = planRetirement(all, source, owner.id, to);
        let row: OwnedEligibility;
        if ('close' in plan) {
          await tx.execute(sql`update eligibility_rules set effective_to = ${to}, retired_reason = ${body.reason},
            updated_at = now() where id = ${plan.close.id}`);
          row = (await findEligibilityVersion(tx, plan.close.id))!;
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
          action: 'eligibility_rule.retire',
          entity: 'eligibility_rule',
          entityId: row.id,
          summary: `${row.code} hết hiệu lực từ ${to}: ${body.reason}`,
          scopePath: owner.path,
          after: { id: row.id, version: row.version, effectiveTo: to, retiredReason: body.reason },
        });
        return present(tx, row);
      });
    },

    async copy(actor: Actor, id: number, body: z.infer<typeof CopyRuleBody>) {
      requirePermission(actor, 'standards.write');
      return db.transaction(async (tx) => {
        const source = await getVisible(tx, actor, id);
        await assertCodeFree(tx, body.code, TABLE);
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
          action: 'eligibility_rule.copy',
          entity: 'eligibility_rule',
          entityId: row.id,
          summary: `${source.code} v${source.version} -> ${row.code}`,
          scopePath: actor.scopePath,
          after: row,
        });
        return present(tx, row);
      });
    },
  };
}
