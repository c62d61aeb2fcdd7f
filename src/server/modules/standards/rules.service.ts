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
import { pathWithin, ruleInForce } from './rule-engine';
import { findRuleVersion, listRuleVersionsOfCode, loadRuleVersions, type RuleRow } from './rules.queries';
import { assertCodeFree, assertRuleCodes, dateError, versionConflict } from './rules.validation';
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

  /**
   * Which owner a change by `actor` lands on: the rule's own owner when it lies in the actor's
   * subtree; otherwise (national, or a unit above) the actor's scope unit, as an override.
   */
  function targetOwner(actor: Actor, rule: RuleRow): { id: number; path: string } {
    if (rule.ownerPath !== null && rule.ownerUnitId !== null && pathWithin(rule.ownerPath, actor.scopePath))
      return { id: rule.ownerUnitId, path: rule.ownerPath };
    return { id: actor.scopeUnitId, path: actor.scopePath };
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
        const chain = all.filter((v) => v.ownerUnitId === owner.id);
        const from = body.effectiveFrom;
        let base: RuleRow;
        let effectiveTo: string | null = null;
        let closed: RuleRow | null = null;
        if (chain.length) {
          if (chain.some((v) => v.effectiveFrom >= from))
            throw versionConflict(
              'Đã có phiên bản bắt đầu từ ngày này hoặc sau đó; hãy sửa đổi từ phiên bản mới nhất.',
              'A version already starts on or after this date; revise from the latest version.',
            );
          base = chain[chain.length - 1];
          if (ruleInForce(base, from)) {
            effectiveTo = base.effectiveTo;
            closed = base;
            await tx.execute(sql`update standard_rules set effective_to = ${from}, updated_at = now()
              where id = ${base.id}`);
          }
        } else {
          const sourceChain = all.filter((v) => v.ownerUnitId === source.ownerUnitId);
          base = sourceChain.find((v) => ruleInForce(v, from)) ?? source;
          if (from <= base.effectiveFrom && !ruleInForce(base, from))
            throw dateError(
              'effectiveFrom',
              'phải sau ngày bắt đầu của quy tắc',
              'must be after the rule starts',
            );
        }
        const { effectiveFrom: _, ...changes } = body;
        const row = await insertVersion(tx, {
          ...contentOf(base),
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
          code: source.code,
          version: Math.max(...all.map((v) => v.version)) + 1,
          effectiveFrom: from,
          effectiveTo,
          ownerUnitId: owner.id,
          builtIn: false,
          supersedesId: base.id,
        });
        await audit(tx, actor, {
          action: chain.length ? 'standard_rule.revise' : 'standard_rule.override',
          entity: 'standard_rule',
          entityId: row.id,
          summary: `${row.code} v${row.version} từ ${from}`,
          scopePath: owner.path,
          before: closed
            ? { id: closed.id, version: closed.version, effectiveTo: closed.effectiveTo }
            : { id: base.id },
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
        const chain = all.filter((v) => v.ownerUnitId === owner.id);
        const to = body.effectiveTo;
        const first = (chain[0] ?? source).effectiveFrom;
        if (to <= first)
          throw dateError('effectiveTo', 'phải sau ngày bắt đầu hiệu lực', 'must be after effectiveFrom');
        if (chain.some((v) => v.effectiveFrom >= to))
          throw versionConflict(
            'Có phiên bản bắt đầu từ ngày này hoặc sau đó.',
            'A version starts on or after this date.',
          );
        let row: RuleRow;
        if (chain.length) {
          const open = chain.find(
            (v) => v.effectiveFrom < to && (v.effectiveTo === null || v.effectiveTo > to),
          );
          if (!open)
            throw versionConflict(
              'Quy tắc đã hết hiệu lực trước ngày này.',
              'The rule already ended before this date.',
            );
          await tx.execute(sql`update standard_rules set effective_to = ${to}, retired_reason = ${body.reason},
            updated_at = now() where id = ${open.id}`);
          row = (await findRuleVersion(tx, open.id))!;
        } else {
          // A rule from above is retired for the actor's subtree only: a version that takes over
          // the code from the date and is never in force (effectiveFrom = effectiveTo).
          const base =
            all.filter((v) => v.ownerUnitId === source.ownerUnitId).find((v) => ruleInForce(v, to)) ?? source;
          row = await insertVersion(tx, {
            ...contentOf(base),
            code: source.code,
            version: Math.max(...all.map((v) => v.version)) + 1,
            effectiveFrom: to,
            effectiveTo: to,
            ownerUnitId: owner.id,
            builtIn: false,
            supersedesId: base.id,
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
