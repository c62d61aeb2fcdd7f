/**
 * What standards and eligibility rules do alike as users change them (ADR 006, 060): read one
 * with its versions, add a province's own, revise from a date, retire, copy. Each service gives
 * its table's writer (rule-writer.ts), how to find and load its versions, how to present them and
 * how to check a body's codes; permissions, visibility and transactions are the same here.
 */
import type { z } from 'zod';
import type { CopyRuleBody, RetireRuleBody } from '../../../contracts/standards';
import type { Db, Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import type { VersionRow } from './rule-versions';
import type { createRuleWriter } from './rule-writer';
import { ruleVisibleTo } from './rules.view';

interface Titled {
  titleVi: string;
  titleEn: string;
}

export interface VersionedRuleKind<R extends VersionRow, C extends Titled, V> {
  /** The rule in words, for 404s. */
  label: { vi: string; en: string };
  writer: ReturnType<typeof createRuleWriter<R, C>>;
  find(q: Queryable, id: number): Promise<R | undefined>;
  /** Every version of every code. */
  loadAll(q: Queryable): Promise<R[]>;
  /** Versions as the API shows them on `asOf`. */
  present(actor: Actor, rows: R[], all: R[], asOf: string): V[];
  /** Throws 400 on unknown codes in a create or revise body. */
  checkCodes(q: Queryable, body: Partial<C>): Promise<void>;
}

export function createVersionedRuleService<R extends VersionRow, C extends Titled, V>(
  { db, clock }: { db: Db; clock: Clock },
  k: VersionedRuleKind<R, C, V>,
) {
  async function getVisible(q: Queryable, actor: Actor, id: number): Promise<R> {
    const rule = await k.find(q, id);
    if (!rule || !ruleVisibleTo(actor, rule)) throw notFound(k.label);
    return rule;
  }

  async function present(q: Queryable, actor: Actor, row: R): Promise<V> {
    return k.present(actor, [row], await k.loadAll(q), todayOf(clock))[0];
  }

  return {
    async get(actor: Actor, id: number, asOfArg?: string) {
      requirePermission(actor, 'standards.read');
      const asOf = asOfArg ?? todayOf(clock);
      const rule = await getVisible(db, actor, id);
      const all = await k.loadAll(db);
      const versions = all.filter((r) => r.code === rule.code && ruleVisibleTo(actor, r));
      return { ...k.present(actor, [rule], all, asOf)[0], versions: k.present(actor, versions, all, asOf) };
    },

    async create(
      actor: Actor,
      body: C & { code: string; effectiveFrom: string; effectiveTo?: string | null },
    ) {
      requirePermission(actor, 'standards.write');
      await k.checkCodes(db, body);
      return db.transaction(async (tx) => present(tx, actor, await k.writer.create(tx, actor, body)));
    },

    async revise(actor: Actor, id: number, body: Partial<C> & { effectiveFrom: string }) {
      requirePermission(actor, 'standards.write');
      await k.checkCodes(db, body);
      return db.transaction(async (tx) => {
        // The writer sets the new version's dates itself (effectiveFrom after the changes).
        const source = await getVisible(tx, actor, id);
        return present(tx, actor, await k.writer.revise(tx, actor, source, body.effectiveFrom, body));
      });
    },

    async retire(actor: Actor, id: number, body: z.infer<typeof RetireRuleBody>) {
      requirePermission(actor, 'standards.write');
      return db.transaction(async (tx) => {
        const source = await getVisible(tx, actor, id);
        return present(tx, actor, await k.writer.retire(tx, actor, source, body.effectiveTo, body.reason));
      });
    },

    async copy(actor: Actor, id: number, body: z.infer<typeof CopyRuleBody>) {
      requirePermission(actor, 'standards.write');
      return db.transaction(async (tx) => {
        const source = await getVisible(tx, actor, id);
        const titles: Partial<Titled> = { titleVi: body.titleVi, titleEn: body.titleEn };
        const row = await k.writer.copy(tx, actor, source, {
          ...(titles as Partial<C>),
          code: body.code,
          effectiveFrom: body.effectiveFrom ?? todayOf(clock),
        });
        return present(tx, actor, row);
      });
    },
  };
}
