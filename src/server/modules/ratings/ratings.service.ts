import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Distribution, DistributionQuery, PutRatingBody } from '../../../contracts/ratings';
import type { Db, Queryable } from '../../db/client';
import { annualRatings, orgUnits } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, namedIn } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { fieldError, invalid, notFound } from '../../lib/errors';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import { getVisiblePerson } from '../people/people.service';
import {
  countForCaps,
  countRatingsByUnit,
  getRating,
  listRatings,
  scaleInForce,
  stateAtYearEnd,
} from './ratings.queries';
import { checkExcellentCap, checkRatingValues } from './ratings.rules';

export { ratingsOfPeople, ratingsOfPerson } from './ratings.queries';

type RatingRow = typeof annualRatings.$inferSelect;
const RATING_NOT_FOUND = { vi: 'kết quả xếp loại của năm này', en: 'Rating for this year' };

function snapshot(r: RatingRow | undefined) {
  return r ? { year: r.year, rating: r.rating, points: r.points, unitId: r.unitId, note: r.note } : null;
}

/**
 * The rating to store (the rules of `checkRatingValues`, shared with the ratings import):
 * derived from points when a scale is in force for the person's category that year, given
 * directly otherwise. Throws 400 naming the field that is missing or wrong, with the rule's code.
 */
async function resolveRating(
  q: Queryable,
  category: string,
  year: number,
  today: string,
  body: { rating?: string; points?: number },
) {
  const scale = await scaleInForce(q, category, year);
  const r = checkRatingValues({ year, ...body }, scale, today);
  if (r.errors.length) throw invalid(r.errors.map((e) => fieldError(e.field, e.vi, e.en, e.code)));
  if (!r.rating) throw invalid([fieldError('rating', 'bắt buộc', 'is required', 'REQUIRED')]);
  if (!scale) {
    const unknown = await findUnknownCodes(q, [{ field: 'rating', list: 'annual_rating', code: r.rating }]);
    if (unknown.length) throw invalid(unknown);
  }
  return { rating: r.rating, points: r.points };
}

/**
 * What a PUT on an existing rating asks for (ADR 023): a field not named keeps its value, so
 * `{ note }` alone keeps the rating and the points (null: nothing to resolve), `{ points }` lets the
 * rating follow the points, and `{ rating }` must agree with the points already stored.
 */
function askedOf(before: RatingRow, body: z.infer<typeof PutRatingBody>) {
  if (body.rating === undefined && body.points === undefined) return null;
  return {
    rating: body.rating ?? (body.points == null ? before.rating : undefined),
    points: body.points !== undefined ? body.points : (before.points ?? undefined),
  };
}

export function createRatingsService({ db, clock }: { db: Db; clock: Clock }) {
  async function withUnitName(q: Queryable, personId: number, year: number) {
    const rows = await listRatings(q, personId);
    return rows.find((r) => r.year === year)!;
  }
  const present = (r: Awaited<ReturnType<typeof listRatings>>[number]) => ({
    ...r,
    updatedAt: r.updatedAt.toISOString(),
  });

  return {
    async list(actor: Actor, personId: number) {
      await getVisiblePerson(db, actor, personId);
      return { items: (await listRatings(db, personId)).map(present) };
    },

    /** The scale in force at the end of `year` for the person's category then (null: criteria). */
    async scale(actor: Actor, personId: number, year: number) {
      await getVisiblePerson(db, actor, personId);
      const state = await stateAtYearEnd(db, personId, year);
      const found = await scaleInForce(db, state.category, year);
      return {
        year,
        category: state.category,
        scale: found
          ? {
              code: found.code,
              bands: found.scale.bands,
              excellentCapPctOfGood: found.scale.excellentCapPctOfGood,
            }
          : null,
      };
    },

    /** Record or replace the rating of one year (audited with before/after). */
    async put(actor: Actor, personId: number, year: number, body: z.infer<typeof PutRatingBody>) {
      requirePermission(actor, 'ratings.write');
      return db.transaction(async (tx) => {
        const person = await getVisiblePerson(tx, actor, personId);
        const today = todayOf(clock);
        if (year > Number(today.slice(0, 4)))
          throw invalid([
            fieldError('year', 'không được là năm tương lai', 'must not be a future year', 'BAD_YEAR'),
          ]);
        const state = await stateAtYearEnd(tx, personId, year);
        const before = await getRating(tx, personId, year);
        const asked = before ? askedOf(before, body) : body;
        const { rating, points } = asked
          ? await resolveRating(tx, state.category, year, today, asked)
          : { rating: before!.rating, points: before!.points };
        const values = {
          rating,
          points,
          unitId: state.unitId,
          note: body.note === undefined ? (before?.note ?? null) : body.note,
          updatedAt: clock.now(),
          updatedBy: actor.userId || null,
          source: 'typed',
        };
        const [after] = await tx
          .insert(annualRatings)
          .values({ personId, year, ...values })
          .onConflictDoUpdate({ target: [annualRatings.personId, annualRatings.year], set: values })
          .returning();
        await audit(tx, actor, {
          action: before ? 'rating.update' : 'rating.create',
          entity: 'annual_rating',
          entityId: after.id,
          summary: `${person.person.fullName}: ${year} ${rating}${points == null ? '' : ` (${points})`}`,
          scopePath: person.unitPath,
          before: snapshot(before),
          after: snapshot(after),
          request: namedIn(body),
        });
        return present(await withUnitName(tx, personId, year));
      });
    },

    async remove(actor: Actor, personId: number, year: number) {
      requirePermission(actor, 'ratings.write');
      return db.transaction(async (tx) => {
        const person = await getVisiblePerson(tx, actor, personId);
        const before = await getRating(tx, personId, year);
        if (!before) throw notFound(RATING_NOT_FOUND);
        await tx
          .delete(annualRatings)
          .where(and(eq(annualRatings.personId, personId), eq(annualRatings.year, year)));
        await audit(tx, actor, {
          action: 'rating.delete',
          entity: 'annual_rating',
          entityId: before.id,
          summary: `${person.person.fullName}: ${year} ${before.rating}`,
          scopePath: person.unitPath,
          before: snapshot(before),
        });
        return { ok: true as const };
      });
    },

    /** Counts per rating by unit of a subtree, with each unit's "excellent" cap check. */
    async distribution(actor: Actor, query: z.infer<typeof DistributionQuery>): Promise<Distribution> {
      requirePermission(actor, 'people.read');
      const unit = query.unitId
        ? await getUnitInScope(db, actor, query.unitId)
        : (await db.select().from(orgUnits).where(eq(orgUnits.id, actor.scopeUnitId)))[0];
      const [counts, caps] = await Promise.all([
        countRatingsByUnit(db, unit.path, query.year),
        countForCaps(db, unit.path, query.year),
      ]);
      const totals = { EXCELLENT: 0, GOOD: 0, COMPLETED: 0, FAILED: 0, total: 0 };
      const units = counts.map((c) => {
        const unitCaps = caps
          .filter((k) => k.unitId === c.unitId)
          .map((k) => ({ scaleCode: k.scaleCode, ...checkExcellentCap(k.excellent, k.good, k.capPct) }));
        totals.EXCELLENT += c.excellent;
        totals.GOOD += c.good;
        totals.COMPLETED += c.completed;
        totals.FAILED += c.failed;
        totals.total += c.total;
        return {
          unitId: c.unitId,
          unitName: c.unitName,
          counts: {
            EXCELLENT: c.excellent,
            GOOD: c.good,
            COMPLETED: c.completed,
            FAILED: c.failed,
            total: c.total,
          },
          caps: unitCaps,
          breaksCap: unitCaps.some((k) => k.breaksCap),
        };
      });
      return {
        year: query.year,
        unitId: unit.id,
        unitName: unit.name,
        totals,
        units,
        unitsBreakingCap: units.filter((u) => u.breaksCap).length,
      };
    },
  };
}
