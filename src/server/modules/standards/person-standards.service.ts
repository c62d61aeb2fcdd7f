/**
 * One person on a date: every standard that applies with its status and explanation, and every
 * eligibility purpose with its explained conditions. Learners may read their own.
 */
import { PURPOSE_LABELS } from '../../../contracts/standards';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { requirePermission } from '../../lib/scope';
import { getVisiblePerson } from '../people/people.service';
import { evaluateEligibility } from './eligibility.engine';
import { loadEligibilityVersions } from './eligibility.queries';
import { loadPeopleOnDate } from './person-facts.queries';
import { placeRules, rulesAt } from './rule-engine';
import { loadCodebook, loadRuleVersions } from './rules.queries';
import { evaluateStandard } from './standard.engine';

export function createPersonStandardsService({ db, clock }: { db: Db; clock: Clock }) {
  /** The person on the date, after the same visibility check as GET /people/:id. */
  async function personOn(actor: Actor, id: number, asOf: string) {
    if (actor.role !== 'learner') requirePermission(actor, 'standards.read');
    await getVisiblePerson(db, actor, id);
    const [p] = await loadPeopleOnDate(db, [id], asOf);
    const working = !!p?.facts && p.status === 'WORKING' && !!p.unitPath;
    return { p, working };
  }

  return {
    async standards(actor: Actor, id: number, asOfArg?: string) {
      const asOf = asOfArg ?? todayOf(clock);
      const { p, working } = await personOn(actor, id, asOf);
      const counts = { met: 0, missing: 0, due: 0 };
      if (!working) return { personId: id, asOf, unitId: p?.unitId ?? null, working, counts, items: [] };
      const [versions, book] = await Promise.all([loadRuleVersions(db), loadCodebook(db)]);
      const items = [];
      for (const rule of rulesAt(placeRules(versions, asOf), p.unitPath!)) {
        const r = evaluateStandard(rule, p.facts!, p.quals, book, asOf);
        if (r.status === 'not_applicable') continue;
        counts[r.status]++;
        items.push({
          ruleId: rule.id,
          code: rule.code,
          version: rule.version,
          titleVi: rule.titleVi,
          titleEn: rule.titleEn,
          legalSource: rule.legalSource,
          requirement: rule.requirement,
          status: r.status,
          satisfiedBy: r.satisfiedBy ?? null,
          dueBy: r.dueBy ?? null,
          periodsDone: r.periodsDone ?? null,
          explanation: r.explanation,
        });
      }
      // Gaps first, then what is due, then what is met.
      const order = { missing: 0, due: 1, met: 2 };
      items.sort((a, b) => order[a.status] - order[b.status] || a.code.localeCompare(b.code));
      return { personId: id, asOf, unitId: p.unitId, working, counts, items };
    },

    async eligibility(actor: Actor, id: number, asOfArg?: string) {
      const asOf = asOfArg ?? todayOf(clock);
      const { p, working } = await personOn(actor, id, asOf);
      if (!working) return { personId: id, asOf, working, purposes: [] };
      const [versions, book] = await Promise.all([loadEligibilityVersions(db), loadCodebook(db)]);
      const rules = rulesAt(placeRules(versions, asOf), p.unitPath!);
      const purposes = [...new Set(rules.map((r) => r.purpose))].sort();
      return {
        personId: id,
        asOf,
        working,
        purposes: purposes.map((purpose) => {
          const result = evaluateEligibility(
            rules.filter((r) => r.purpose === purpose),
            p.facts!,
            p.quals,
            p.ratings,
            book,
            asOf,
          );
          return { ...result, label: PURPOSE_LABELS[purpose] ?? { vi: purpose, en: purpose } };
        }),
      };
    },
  };
}
