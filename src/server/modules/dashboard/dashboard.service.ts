/**
 * The dashboard (ADR 020): tiles of one subtree and year, the gaps tile (the standards gap
 * summary, its own request because it is the slow one), and the people or classes behind each
 * number. Permission `reports.read` and the subtree first, then set-based queries.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Dashboard,
  DashboardClasses,
  DashboardClassesQuery,
  DashboardGaps,
  DashboardGapsQuery,
  DashboardPeople,
  DashboardPeopleQuery,
  DashboardQuery,
} from '../../../contracts/dashboard';
import { STRUCTURE_MEASURES } from '../../../contracts/dashboard';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { createReadCache, dataVersion } from '../../lib/read-cache';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { planActualByUnit } from '../plans/plan-actual-units';
import { createGapsService } from '../standards/gaps.service';
import { loadCodebook } from '../standards/rules.queries';
import { ensureStanding } from '../standards/standing';
import {
  classesAndCosts,
  classesFrom,
  measureCond,
  pageClasses,
  pagePeople,
  staffFrom,
  staffStructure,
  traineesByYear,
  traineesFrom,
} from './dashboard.queries';
import { storedTrendPeople } from './dashboard.trend-people';
import { ensureTrends, storedTrends } from './dashboard.trends';

const pct = (n: number, of: number) => (of > 0 ? Math.round((n * 1000) / of) / 10 : null);
const YEARS = 5;

export function createDashboardService({ db, clock }: { db: Db; clock: Clock }) {
  const gapsService = createGapsService({ db, clock });
  // A province's tiles take a few hundred milliseconds to count: count once per change of the data.
  const tiles = createReadCache<Dashboard>({ clock, ttlMs: 5 * 60_000, max: 200 });
  const gapTiles = createReadCache<DashboardGaps>({ clock, ttlMs: 5 * 60_000, max: 200 });

  async function resolve(actor: Actor, unitId: number | undefined) {
    requirePermission(actor, 'reports.read');
    return getUnitInScope(db, actor, unitId ?? actor.scopeUnitId);
  }
  const yearOf = (y: number | undefined) => y ?? clock.now().getUTCFullYear();

  type Unit = Awaited<ReturnType<typeof resolve>>;

  /** Every tile but the gaps one, counted (the statements run side by side). */
  async function count(actor: Actor, unit: Unit, year: number): Promise<Dashboard> {
    const readAt = clock.now().toISOString();
    // Staff and structure are summed from the standing's rollups (ADR 035): current first.
    // The trends tile reads its stored figures (ADR 047): current first too.
    await Promise.all([ensureStanding(db, todayOf(clock)), ensureTrends(db)]);
    // Independent statements: on PostgreSQL they run side by side on the pool's connections.
    const [structure, byYear, cc, plan, trend] = await Promise.all([
      staffStructure(db, unit.path),
      traineesByYear(db, unit.path, year - YEARS + 1, year),
      classesAndCosts(db, unit.path, year),
      // Plan vs actual exactly as GET /plans/actual computes it, over the chosen unit's subtree.
      planActualByUnit(db, { ...actor, scopePath: unit.path }, year),
      storedTrends(db, unit.path, todayOf(clock)),
    ]);

    const kinds = new Map<string, { plannedTrainees: number; actualTrainees: number }>();
    for (const r of plan.byKindLevel) {
      const k = kinds.get(r.programmeKind) ?? { plannedTrainees: 0, actualTrainees: 0 };
      k.plannedTrainees += r.plannedTrainees;
      k.actualTrainees += r.actualTrainees;
      kinds.set(r.programmeKind, k);
    }
    const costTotal = cc.bySource.reduce((s, r) => s + r.amount, 0);
    const byLevel = byYear.filter((r) => r.level !== null);
    return {
      year,
      unitId: unit.id,
      unitName: unit.name,
      readAt,
      staff: structure.staff,
      trainees: byLevel.filter((r) => Number(r.year) === year).reduce((s, r) => s + Number(r.n), 0),
      classes: { total: cc.byStatus.reduce((s, r) => s + r.n, 0), byStatus: cc.byStatus },
      plan: {
        plannedTrainees: plan.total.plannedTrainees,
        actualTrainees: plan.total.actualTrainees,
        pct: pct(plan.total.actualTrainees, plan.total.plannedTrainees),
        byKind: [...kinds].map(([kind, k]) => ({
          kind,
          ...k,
          pct: pct(k.actualTrainees, k.plannedTrainees),
        })),
      },
      costs: {
        total: costTotal,
        trainees: cc.trainees,
        perTrainee: cc.trainees > 0 ? Math.round(costTotal / cc.trainees) : null,
        bySource: cc.bySource,
      },
      traineesByYear: {
        years: Array.from({ length: YEARS }, (_, i) => year - YEARS + 1 + i),
        byLevel: byLevel.map((r) => ({ year: Number(r.year), level: String(r.level), n: Number(r.n) })),
        byKind: byYear
          .filter((r) => r.kind !== null)
          .map((r) => ({ year: Number(r.year), kind: String(r.kind), n: Number(r.n) })),
      },
      structure: STRUCTURE_MEASURES.map((m, i) => ({
        key: m.key,
        n: structure.held[i],
        pct: pct(structure.held[i], structure.staff),
      })),
      trends: trend.map((r) => ({
        period: r.period,
        kind: r.kind,
        n: Number(r.n),
      })),
    };
  }

  /** The gap summary by rule (standards module, same SQL as the gaps screen), top 10 rules by people. */
  async function countGaps(actor: Actor, q: z.infer<typeof DashboardGapsQuery>): Promise<DashboardGaps> {
    const readAt = clock.now().toISOString();
    const s = await gapsService.summary(actor, { unitId: q.unitId, asOf: q.asOf, groupBy: 'rule' });
    const byRule = s.groups
      .map((g) => ({ ruleCode: g.ruleCode ?? g.key, label: g.label, people: g.peopleWithGaps }))
      .sort((a, b) => b.people - a.people || a.ruleCode.localeCompare(b.ruleCode))
      .slice(0, 10);
    return {
      asOf: s.asOf,
      readAt,
      unitId: s.unitId,
      headcount: s.totals.headcount ?? 0,
      peopleWithGaps: s.totals.peopleWithGaps,
      byRule,
    };
  }

  return {
    /** Every tile but the gaps one, counted once per change of the data (see lib/read-cache.ts). */
    async get(actor: Actor, q: z.infer<typeof DashboardQuery>): Promise<Dashboard> {
      const unit = await resolve(actor, q.unitId);
      const year = yearOf(q.year);
      const key = `${unit.id}|${year}|${todayOf(clock)}`;
      return tiles.get(key, await dataVersion(db), () => count(actor, unit, year));
    },

    /** The gap summary by rule (standards module, same SQL as the gaps screen), top 10 rules by people. */
    async gaps(actor: Actor, q: z.infer<typeof DashboardGapsQuery>): Promise<DashboardGaps> {
      const unit = await resolve(actor, q.unitId);
      const key = `${unit.id}|${q.asOf ?? todayOf(clock)}|${todayOf(clock)}`;
      return gapTiles.get(key, await dataVersion(db), () => countGaps(actor, { ...q, unitId: unit.id }));
    },
    /** The people behind a number of the dashboard. */
    async people(actor: Actor, q: z.infer<typeof DashboardPeopleQuery>): Promise<DashboardPeople> {
      const unit = await resolve(actor, q.unitId);
      const year = yearOf(q.year);
      const readAt = clock.now().toISOString();
      const page = { offset: (q.page - 1) * q.pageSize, limit: q.pageSize };
      let res: Awaited<ReturnType<typeof pagePeople>>;
      if (q.metric === 'staff' || q.metric === 'structure') await ensureStanding(db, todayOf(clock));
      if (q.metric === 'staff') {
        res = await pagePeople(db, staffFrom(unit.path), sql`p.post`, page);
      } else if (q.metric === 'trainees') {
        const extra = [];
        if (q.level) extra.push(sql`ot.tier = ${q.level}`);
        if (q.kind) extra.push(sql`pr.kind = ${q.kind}`);
        res = await pagePeople(db, traineesFrom(unit.path, year, year, extra), sql`c.code`, page);
      } else if (q.metric === 'structure') {
        const book = await loadCodebook(db);
        const from = staffFrom(unit.path, [measureCond(book, q.measure ?? 'university')]);
        res = await pagePeople(db, from, sql`p.post`, page);
      } else {
        // The stored trend rows, made current first, as the tile reads them (ADR 047, ADR 058).
        await ensureTrends(db);
        const today = todayOf(clock);
        res = await storedTrendPeople(
          db,
          { path: unit.path, today, period: q.period ?? '2025-now', kind: q.kind },
          page,
        );
      }
      return { ...res, page: q.page, pageSize: q.pageSize, readAt };
    },

    /** The classes behind the class and cost tiles. */
    async classes(actor: Actor, q: z.infer<typeof DashboardClassesQuery>): Promise<DashboardClasses> {
      const unit = await resolve(actor, q.unitId);
      const year = yearOf(q.year);
      const readAt = clock.now().toISOString();
      const extra = [];
      if (q.status) extra.push(sql`c.status = ${q.status}`);
      if (q.source) extra.push(sql`c.status <> 'cancelled' and (c.budget ->> ${q.source}) is not null`);
      const res = await pageClasses(db, classesFrom(unit.path, year, extra), q.source, {
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      return { ...res, page: q.page, pageSize: q.pageSize, readAt };
    },
  };
}
