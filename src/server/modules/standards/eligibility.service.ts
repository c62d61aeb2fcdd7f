/**
 * Eligibility rules and the eligible people of a subtree. The subtree is selected in SQL
 * (eligibility.sql.ts); only the page shown is run through the engine for its explanations.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { EligiblePeopleQuery, RulesQuery } from '../../../contracts/standards';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { checkPostFilters } from '../codes/post-filters';
import { evaluateEligibility } from './eligibility.engine';
import { loadEligibilityVersions } from './eligibility.queries';
import { presentEligibility } from './eligibility.rules.service';
import { eligibleSql } from './eligibility.sql';
import { execRows } from './gaps.exec';
import { loadPeopleOnDate } from './person-facts.queries';
import { placeRules, ruleInForce, rulesAt } from './rule-engine';
import { loadCodebook } from './rules.queries';
import { ruleVisibleTo } from './rules.view';
import { ensureStanding } from './standing';

export function createEligibilityService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async rules(actor: Actor, q: z.infer<typeof RulesQuery>) {
      requirePermission(actor, 'standards.read');
      const asOf = q.asOf ?? todayOf(clock);
      const all = await loadEligibilityVersions(db);
      const visible = all.filter(
        (r) => ruleVisibleTo(actor, r) && (q.includeRetired === 'true' || ruleInForce(r, asOf)),
      );
      const items = presentEligibility(actor, visible, all, asOf);
      return { asOf, items };
    },

    async people(actor: Actor, purpose: string, q: z.infer<typeof EligiblePeopleQuery>) {
      requirePermission(actor, 'standards.read');
      await checkPostFilters(db, q);
      const unit = await getUnitInScope(db, actor, q.unitId ?? actor.scopeUnitId);
      const asOf = q.asOf ?? todayOf(clock);
      const [versions, book] = await Promise.all([loadEligibilityVersions(db), loadCodebook(db)]);
      const ofPurpose = versions.filter((v) => v.purpose === purpose);
      if (ofPurpose.length === 0) throw notFound({ vi: `mục đích ${purpose}`, en: `Purpose ${purpose}` });
      const placements = placeRules(ofPurpose, asOf);
      // The post filters match the post held on the list's date (the history row of that day, or
      // the stored standing of today): the same condition as the gaps and the people list (ADR 048).
      const scope = {
        asOf,
        scopePath: actor.scopePath,
        unitPath: unit.path,
        posts: { postGroup: q.postGroup, post: q.post },
      };
      // Today's state comes from the stored standing, made current first (ADR 046); other days
      // are worked out from the base tables.
      const today = todayOf(clock);
      const stored = asOf === today;
      if (stored) await ensureStanding(db, today);
      const offset = (q.page - 1) * q.pageSize;
      const rows = await execRows<{ person_id: number; total: number }>(
        db,
        eligibleSql(
          placements,
          book,
          scope,
          // The materialized CTE keeps LIMIT from pulling in a fast-start nested loop over the CTEs.
          sql`, found as materialized (select e.person_id, p.sort_key
                from (select distinct person_id from elig) e join people p on p.id = e.person_id)
              select person_id, count(*) over () as total from found
              order by sort_key collate "C", person_id limit ${q.pageSize}::int offset ${offset}::int`,
          stored,
        ),
      );
      let total = rows.length ? Number(rows[0].total) : 0;
      if (!rows.length && offset > 0)
        total = Number(
          (
            await execRows<{ n: number }>(
              db,
              eligibleSql(
                placements,
                book,
                scope,
                sql`select count(distinct person_id)::int as n from elig`,
                stored,
              ),
            )
          )[0].n,
        );
      const ids = rows.map((r) => Number(r.person_id));
      const facts = new Map((await loadPeopleOnDate(db, ids, asOf)).map((p) => [p.personId, p]));
      const unitNames = new Map(
        rowsOf<{ id: number; name: string }>(
          await db.execute(sql`select u.id, u.name from org_units u
            where u.id in (select unit_id from person_history where person_id = any(${sql.param(ids)}::int[]))`),
        ).map((u) => [Number(u.id), u.name]),
      );
      const items = ids.map((id) => {
        const p = facts.get(id)!;
        const result = evaluateEligibility(
          rulesAt(placements, p.unitPath!),
          p.facts!,
          p.quals,
          p.ratings,
          book,
          asOf,
        );
        return {
          personId: id,
          fullName: p.fullName,
          unitId: p.unitId!,
          unitName: unitNames.get(p.unitId!) ?? '',
          category: p.facts!.category,
          rank: p.facts!.rank,
          leadershipTier: p.facts!.leadershipTier,
          rules: result.rules.filter((r) => r.passed),
        };
      });
      return { purpose, asOf, items, total, page: q.page, pageSize: q.pageSize };
    },
  };
}
