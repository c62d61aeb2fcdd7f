/**
 * Writing versioned rules, shared by standards and eligibility rules: the two tables differ only
 * in their content columns. Each call runs inside the caller's transaction, after the caller
 * checked the permission and that the source rule is visible; it plans the change with
 * rule-versions.ts, writes it and its audit row, and returns the row it created or closed.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { planRetirement, planRevision, targetOwner, type VersionRow } from './rule-versions';
import { assertCodeFree } from './rules.validation';

/** Columns every rule table has, as drizzle insert values. */
export interface VersionFields {
  code: string;
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  ownerUnitId: number;
  builtIn: boolean;
  supersedesId?: number | null;
  retiredReason?: string | null;
}

export interface RuleTable<R extends VersionRow, C> {
  table: 'standard_rules' | 'eligibility_rules';
  /** Audit entity, e.g. standard_rule. */
  entity: string;
  /** The content a new version takes over from the one it replaces. */
  contentOf(row: R): C;
  find(q: Queryable, id: number): Promise<R | undefined>;
  /** Every version of a code, oldest first. */
  listOfCode(q: Queryable, code: string): Promise<R[]>;
  insert(q: Queryable, values: C & VersionFields): Promise<R>;
}

export function createRuleWriter<R extends VersionRow, C>(t: RuleTable<R, C>) {
  const T = sql.identifier(t.table);

  /** One writer per code at a time: the versions are read after their rows are locked. */
  async function lockCode(q: Queryable, code: string): Promise<R[]> {
    await q.execute(sql`select id from ${T} where code = ${code} for update`);
    return t.listOfCode(q, code);
  }

  return {
    /** Version 1 of a new code, owned by the actor's scope unit. */
    async create(
      q: Queryable,
      actor: Actor,
      values: C & { code: string; effectiveFrom: string; effectiveTo?: string | null },
      how: { action: string; summary?: string } = { action: 'create' },
    ) {
      await assertCodeFree(q, values.code, t.table);
      const row = await t.insert(q, {
        ...values,
        version: 1,
        effectiveTo: values.effectiveTo ?? null,
        ownerUnitId: actor.scopeUnitId,
        builtIn: false,
      });
      await audit(q, actor, {
        action: `${t.entity}.${how.action}`,
        entity: t.entity,
        entityId: row.id,
        summary: how.summary ?? `${row.code} v1`,
        scopePath: actor.scopePath,
        after: row,
      });
      return row;
    },

    /** A new version from `from`, closing the one in force in the owner's chain. */
    async revise(q: Queryable, actor: Actor, source: R, from: string, changes: Partial<C>) {
      const owner = targetOwner(actor, source);
      const all = await lockCode(q, source.code);
      const plan = planRevision(all, source, owner.id, from);
      if (plan.close)
        await q.execute(
          sql`update ${T} set effective_to = ${from}, updated_at = now() where id = ${plan.close.id}`,
        );
      const row = await t.insert(q, {
        ...t.contentOf(plan.base),
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
        code: source.code,
        version: plan.version,
        effectiveFrom: from,
        effectiveTo: plan.effectiveTo,
        ownerUnitId: owner.id,
        builtIn: false,
        supersedesId: plan.base.id,
      });
      await audit(q, actor, {
        action: `${t.entity}.${plan.override ? 'override' : 'revise'}`,
        entity: t.entity,
        entityId: row.id,
        summary: `${row.code} v${row.version} từ ${from}`,
        scopePath: owner.path,
        before: plan.close
          ? { id: plan.close.id, version: plan.close.version, effectiveTo: plan.close.effectiveTo }
          : { id: plan.base.id },
        after: row,
      });
      return row;
    },

    /** No longer in force from `to` (for the actor's subtree only when the rule comes from above). */
    async retire(q: Queryable, actor: Actor, source: R, to: string, reason: string) {
      const owner = targetOwner(actor, source);
      const all = await lockCode(q, source.code);
      const plan = planRetirement(all, source, owner.id, to);
      let row: R;
      if ('close' in plan) {
        await q.execute(sql`update ${T} set effective_to = ${to}, retired_reason = ${reason}, updated_at = now()
          where id = ${plan.close.id}`);
        row = (await t.find(q, plan.close.id))!;
      } else {
        row = await t.insert(q, {
          ...t.contentOf(plan.insert.base),
          code: source.code,
          version: plan.insert.version,
          effectiveFrom: to,
          effectiveTo: to,
          ownerUnitId: owner.id,
          builtIn: false,
          supersedesId: plan.insert.base.id,
          retiredReason: reason,
        });
      }
      await audit(q, actor, {
        action: `${t.entity}.retire`,
        entity: t.entity,
        entityId: row.id,
        summary: `${row.code} hết hiệu lực từ ${to}: ${reason}`,
        scopePath: owner.path,
        after: { id: row.id, version: row.version, effectiveTo: to, retiredReason: reason },
      });
      return row;
    },

    /** A new code, version 1, owned by the actor's scope unit, with the source's content. */
    copy(
      q: Queryable,
      actor: Actor,
      source: R,
      values: Partial<C> & { code: string; effectiveFrom: string },
    ) {
      return this.create(
        q,
        actor,
        { ...t.contentOf(source), ...values },
        { action: 'copy', summary: `${source.code} v${source.version} -> ${values.code}` },
      );
    },
  };
}
