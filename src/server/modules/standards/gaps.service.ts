/**
 * Gaps of a subtree on a date: counts by unit, rule or category, the people behind each number,
 * a streamed CSV export, and `listGapsForUnits` that other modules call (the needs campaign
 * pre-fills proposals from it).
 */
import type { z } from 'zod';
import type { GapsExportQuery, GapsPeopleQuery, GapsSummaryQuery } from '../../../contracts/standards';
import { viCompare } from '../../../contracts/text';
import type { Db, Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import { getUnitInScope, pathWithin, requirePermission } from '../../lib/scope';
import { checkPostFilters } from '../codes/post-filters';
import { labelOf } from './codebook';
import { explainStandard } from './explain';
import { streamGapsCsv } from './gaps.export';
import { type GapContext, type GapRow, loadGapContext, selectGaps } from './gaps.queries';
import { countGaps, namesOf, pageGaps } from './gaps.report.queries';
import type { GapScope } from './gaps.sql';
import { rulesAt } from './rule-engine';

export type { GapRow } from './gaps.queries';

/**
 * Every (person, rule) that is missing or due on `asOf` for the people WORKING then in the
 * subtree `unitPath` (default: the whole scope), under the rules in force on that date. The
 * caller has checked the actor's permission and that `unitPath` lies in `scopePath`. Used by the
 * needs campaign to pre-fill proposals.
 */
export async function listGapsForUnits(
  q: Queryable,
  opts: { scopePath: string; asOf: string; unitPath?: string },
): Promise<GapRow[]> {
  const ctx = await loadGapContext(q, opts.asOf);
  return selectGaps(q, ctx, opts);
}

type Filters = z.infer<typeof GapsExportQuery>;

export function createGapsService({ db, clock }: { db: Db; clock: Clock }) {
  /** The unit asked for (default: the actor's scope unit), the group inside it, and the scope. */
  async function resolve(actor: Actor, q: Filters & { groupBy?: string }) {
    requirePermission(actor, 'standards.read');
    await checkPostFilters(db, q);
    const unit = await getUnitInScope(db, actor, q.unitId ?? actor.scopeUnitId);
    let groupPath: string | undefined;
    let directPath: string | undefined;
    if (q.groupUnitId) {
      const group = await getUnitInScope(db, actor, q.groupUnitId);
      if (!pathWithin(group.path, unit.path)) throw notFound({ vi: 'đơn vị', en: 'Unit' });
      // The summary's row keyed by the unit itself counts the people directly in it, not its
      // subtree: the list behind that number must be the same people.
      if (group.id === unit.id) directPath = unit.path;
      else groupPath = group.path;
    }
    const asOf = q.asOf ?? todayOf(clock);
    const scope: GapScope & { unitPath: string } = {
      asOf,
      scopePath: actor.scopePath,
      unitPath: unit.path,
      groupPath,
      directPath,
      category: q.category,
      posts: { postGroup: q.postGroup, post: q.post },
    };
    const ctx = await loadGapContext(db, asOf, q.ruleCode, { today: todayOf(clock), refresh: true });
    return { unit, scope, ctx, asOf };
  }

  function explain(ctx: GapContext, r: GapRow) {
    const rule = ctx.rules.get(r.ruleId)!;
    return explainStandard(
      rule,
      { status: r.status, dueBy: r.dueBy ?? undefined, periodsDone: r.periodsDone ?? undefined },
      ctx.book,
    );
  }

  return {
    async summary(actor: Actor, q: z.infer<typeof GapsSummaryQuery>) {
      const { unit, scope, ctx, asOf } = await resolve(actor, q);
      const rows = await countGaps(db, ctx, scope, q.groupBy, unit.id);
      const total = rows.find((r) => r.key === null) ?? {
        key: null,
        headcount: 0,
        peopleWithGaps: 0,
        gaps: 0,
        missing: 0,
        due: 0,
      };
      const groups = rows.filter((r) => r.key !== null);
      const unitIds = q.groupBy === 'unit' ? groups.map((g) => Number(g.key)) : [];
      const { unit: unitNames } = await namesOf(db, [], unitIds);
      const governing = rulesAt(ctx.placements, unit.path);
      const ruleTitle = (code: string) => {
        const r =
          governing.find((x) => x.code === code) ?? ctx.placements.find((p) => p.rule.code === code)?.rule;
        return r ? { vi: r.titleVi, en: r.titleEn } : { vi: code, en: code };
      };
      const labelled = groups.map((g) => {
        const key = g.key!;
        const label =
          q.groupBy === 'unit'
            ? Number(key) === unit.id
              ? { vi: `${unit.name} (trực tiếp)`, en: `${unit.name} (directly)` }
              : { vi: unitNames.get(Number(key)) ?? key, en: unitNames.get(Number(key)) ?? key }
            : q.groupBy === 'rule'
              ? ruleTitle(key)
              : labelOf(ctx.book, 'category', key);
        return {
          ...g,
          key,
          label,
          unitId: q.groupBy === 'unit' ? Number(key) : null,
          ruleCode: q.groupBy === 'rule' ? key : null,
          category: q.groupBy === 'category' ? key : null,
        };
      });
      labelled.sort((a, b) => viCompare(a.label.vi, b.label.vi));
      const { key: _, ...totals } = total;
      return { asOf, unitId: unit.id, unitName: unit.name, groupBy: q.groupBy, totals, groups: labelled };
    },

    async people(actor: Actor, q: z.infer<typeof GapsPeopleQuery>) {
      const { scope, ctx } = await resolve(actor, q);
      const { rows, total } = await pageGaps(
        db,
        ctx,
        scope,
        { status: q.status },
        {
          offset: (q.page - 1) * q.pageSize,
          limit: q.pageSize,
        },
      );
      const items = rows.map((r) => {
        const rule = ctx.rules.get(r.ruleId)!;
        return {
          personId: r.personId,
          fullName: r.fullName,
          unitId: r.unitId,
          unitName: r.unitName,
          category: r.category,
          rank: r.rank,
          post: r.post,
          ruleId: r.ruleId,
          ruleCode: r.ruleCode,
          titleVi: rule.titleVi,
          titleEn: rule.titleEn,
          status: r.status,
          dueBy: r.dueBy,
          explanation: explain(ctx, r),
        };
      });
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    /**
     * CSV of the same rows, streamed: the ids of the people with gaps (roster order) are read
     * first, then their gaps chunk by chunk, so memory holds one chunk, never the province.
     */
    async exportCsv(actor: Actor, q: Filters) {
      const { unit, scope, ctx, asOf } = await resolve(actor, q);
      return {
        filename: `khoang-trong-tieu-chuan-${unit.id}-${asOf}.csv`,
        stream: streamGapsCsv(db, ctx, scope, q.status),
      };
    },
  };
}
