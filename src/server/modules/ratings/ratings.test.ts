import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { RatingBands } from '../../../contracts/rules';
import type { Db } from '../../db/client';
import { personHistory, ratingScales, users } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson, makeUnit, type UnitRow } from '../../test/fixtures/org';
import { ratingsOfPerson } from './ratings.service';

const DECREE_335: RatingBands = {
  bands: [
    { rating: 'EXCELLENT', minPoints: 90 },
    { rating: 'GOOD', minPoints: 70 },
    { rating: 'COMPLETED', minPoints: 50 },
    { rating: 'FAILED', minPoints: 0 },
  ],
  excellentCapPctOfGood: 20,
};

/** A rating scale row as the rule pack seeds it; tests own theirs (category-specific wins). */
async function addScale(db: Db, code: string, categories: string[], scale: RatingBands, from = '2026-01-01') {
  await db
    .insert(ratingScales)
    .values({
      code,
      categories,
      scale,
      effectiveFrom: from,
      legalSource: { document: 'Nghị định 335/2025/NĐ-CP' },
    })
    .onConflictDoNothing();
}

describe.each(testBackends())('ratings routes (%s)', (kind) => {
  // The real clock (sessions expire by it); the years below are from 2026, the points scale's first.
  const t = useTestApp(kind);
  const nextYear = new Date().getUTCFullYear() + 1;
  const put = (s: Awaited<ReturnType<typeof t.as>> | null, personId: number, year: number, payload: object) =>
    t.call(s, { method: 'PUT', url: `/api/people/${personId}/ratings/${year}`, payload });
  /** The fields a 400 names. */
  const fields = (res: { json(): { error: { details?: { fields?: { field: string }[] } } } }) =>
    res
      .json()
      .error.details?.fields?.map((f) => f.field)
      .join(',');

  it("gives the scale of a year for the person's category at its end: bands from 2026, none before", async () => {
    await addScale(t.handle.db, 'TEST_CC_POINTS', ['CC'], DECREE_335);
    const p = await makePerson(t.handle.db, t.communeA, { category: 'CC' });
    const s = await t.as('viewer', t.communeA);
    const get = (who: typeof s | null, year: number) =>
      t.call(who, { method: 'GET', url: `/api/people/${p.id}/ratings/${year}/scale` });
    const y2026 = await get(s, 2026);
    expect(y2026.statusCode).toBe(200);
    expect(y2026.json()).toMatchObject({
      year: 2026,
      category: 'CC',
      scale: { code: 'TEST_CC_POINTS', excellentCapPctOfGood: 20 },
    });
    expect(y2026.json().scale.bands).toHaveLength(4);
    expect((await get(s, 2024)).json()).toMatchObject({ year: 2024, scale: null });
    expect((await get(await t.as('viewer', t.communeB), 2026)).statusCode).toBe(404);
    expect((await get(null, 2026)).statusCode).toBe(401);
  });

  it('derives the rating from points from 2026 and refuses a contradicting rating, naming the field', async () => {
    await addScale(t.handle.db, 'TEST_CC_POINTS', ['CC'], DECREE_335);
    const p = await makePerson(t.handle.db, t.communeA, { category: 'CC' });
    const s = await t.as('unit_officer', t.communeA);
    const ok = await put(s, p.id, 2026, { points: 92.5, note: 'Xuất sắc' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ year: 2026, rating: 'EXCELLENT', points: 92.5, unitId: t.communeA.id });
    const agree = await put(s, p.id, 2026, { points: 70, rating: 'GOOD' });
    // The note was not named: it stays (ADR 023).
    expect(agree.json()).toMatchObject({ rating: 'GOOD', points: 70, note: 'Xuất sắc' });

    const contradicts = await put(s, p.id, 2026, { points: 85, rating: 'EXCELLENT' });
    expect(contradicts.statusCode).toBe(400);
    expect(fields(contradicts)).toBe('rating');
    expect(contradicts.json().error.message).toContain('85');
    // A rating named alone keeps the points stored (ADR 023): it must agree with them.
    const keeps = await put(s, p.id, 2026, { rating: 'COMPLETED' });
    expect(keeps.statusCode).toBe(400);
    expect(fields(keeps)).toBe('rating');
    expect((await put(s, p.id, 2026, { note: 'Ghi chú' })).json()).toMatchObject({
      rating: 'GOOD',
      points: 70,
    });
    const first = await makePerson(t.handle.db, t.communeA, { category: 'CC' });
    const noPoints = await put(s, first.id, 2026, { rating: 'GOOD' });
    expect(noPoints.statusCode).toBe(400);
    expect(fields(noPoints)).toBe('points');
    const outOfRange = await put(s, p.id, 2026, { points: 101 });
    expect(outOfRange.statusCode).toBe(400);
  });

  it('reads the bands as data: another scale for another category gives other ratings', async () => {
    await addScale(t.handle.db, 'TEST_KHAC_POINTS', ['KHAC'], {
      bands: [
        { rating: 'EXCELLENT', minPoints: 80 },
        { rating: 'GOOD', minPoints: 60 },
        { rating: 'COMPLETED', minPoints: 40 },
        { rating: 'FAILED', minPoints: 0 },
      ],
      excellentCapPctOfGood: null,
    });
    const p = await makePerson(t.handle.db, t.communeA, { category: 'KHAC' });
    const s = await t.as('unit_officer', t.communeA);
    for (const [points, rating] of [
      [85, 'EXCELLENT'],
      [79.99, 'GOOD'],
      [60, 'GOOD'],
      [45, 'COMPLETED'],
      [39, 'FAILED'],
    ] as const) {
      const res = await put(s, p.id, 2026, { points });
      expect(res.json().rating, `${points} points`).toBe(rating);
    }
  });

  it('takes ratings directly before the points scale; points then refused; future years refused', async () => {
    const p = await makePerson(t.handle.db, t.communeA, { category: 'CC' });
    const s = await t.as('training_officer', t.root);
    const res = await put(s, p.id, 2025, { rating: 'GOOD' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2025, rating: 'GOOD', points: null });
    const withPoints = await put(s, p.id, 2024, { rating: 'GOOD', points: 80 });
    expect(withPoints.statusCode).toBe(400);
    expect(fields(withPoints)).toBe('points');
    expect(withPoints.json().error.message).toContain('90/2020');
    const noRating = await put(s, p.id, 2024, {});
    expect(fields(noRating)).toBe('rating');
    const unknown = await put(s, p.id, 2024, { rating: 'SUPERB' });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toBe('rating');
    const future = await put(s, p.id, nextYear, { points: 95 });
    expect(future.statusCode).toBe(400);
    expect(fields(future)).toBe('year');

    await put(s, p.id, 2024, { rating: 'EXCELLENT' });
    const list = await t.call(s, { method: 'GET', url: `/api/people/${p.id}/ratings` });
    expect(list.json().items.map((r: { year: number; rating: string }) => [r.year, r.rating])).toEqual([
      [2025, 'GOOD'],
      [2024, 'EXCELLENT'],
    ]);
    expect(list.json().items[0].unitName).toBe(t.communeA.name);
    const years = await ratingsOfPerson(t.handle.db, p.id);
    expect([...years.entries()].sort()).toEqual([
      [2024, 'EXCELLENT'],
      [2025, 'GOOD'],
    ]);
  });

  it('keeps one rating per year (upsert, audited with before/after) and deletes it', async () => {
    const p = await makePerson(t.handle.db, t.communeA, { category: 'CC' });
    const s = await t.as('unit_officer', t.communeA);
    await put(s, p.id, 2023, { rating: 'COMPLETED' });
    const again = await put(s, p.id, 2023, { rating: 'GOOD', note: 'Phúc khảo' });
    expect(again.json()).toMatchObject({ rating: 'GOOD', note: 'Phúc khảo' });
    const list = await t.call(s, { method: 'GET', url: `/api/people/${p.id}/ratings` });
    expect(list.json().items).toHaveLength(1);
    const admin = await t.as('admin', t.root);
    const audit = (
      await t.call(admin, { method: 'GET', url: '/api/audit?entity=annual_rating&action=rating.' })
    ).json();
    const update = audit.items.find(
      (a: { action: string; summary: string }) =>
        a.action === 'rating.update' && a.summary.includes(p.fullName),
    );
    expect(update.before).toMatchObject({ rating: 'COMPLETED' });
    expect(update.after).toMatchObject({ rating: 'GOOD', note: 'Phúc khảo' });

    // Who recorded it last is shown by name; another officer replacing it becomes the recorder.
    const nameOf = async (userId: number) =>
      (await t.handle.db.select().from(users).where(eq(users.id, userId)))[0].displayName;
    expect(list.json().items[0].updatedByName).toBe(await nameOf(s.userId));
    const other = await t.as('training_officer', t.root);
    expect((await put(other, p.id, 2023, { rating: 'GOOD' })).json().updatedByName).toBe(
      await nameOf(other.userId),
    );

    const del = await t.call(s, { method: 'DELETE', url: `/api/people/${p.id}/ratings/2023` });
    expect(del.statusCode).toBe(200);
    expect((await t.call(s, { method: 'DELETE', url: `/api/people/${p.id}/ratings/2023` })).statusCode).toBe(
      404,
    );
    expect((await t.call(s, { method: 'GET', url: `/api/people/${p.id}/ratings` })).json().items).toEqual([]);
  });

  it("rates in the person's unit at the end of that year, from the dated history", async () => {
    const oldUnit = await makeUnit(t.handle.db, { parent: t.root, name: 'Xã Cũ Lịch Sử' });
    const p = await makePerson(t.handle.db, t.communeA, { category: 'CC' });
    await t.handle.db
      .update(personHistory)
      .set({ unitId: oldUnit.id, validTo: '2025-06-01' })
      .where(eq(personHistory.personId, p.id));
    await t.handle.db.insert(personHistory).values({
      personId: p.id,
      validFrom: '2025-06-01',
      category: 'CC',
      leadershipTier: 'NONE',
      unitId: t.communeA.id,
      status: 'WORKING',
    });
    const s = await t.as('training_officer', t.root);
    expect((await put(s, p.id, 2024, { rating: 'GOOD' })).json().unitId).toBe(oldUnit.id);
    expect((await put(s, p.id, 2025, { rating: 'GOOD' })).json().unitId).toBe(t.communeA.id);
    // Before the history starts: the current unit.
    expect((await put(s, p.id, 2015, { rating: 'GOOD' })).json().unitId).toBe(t.communeA.id);
  });

  it('answers 401, 403 by role and 404 for another subtree', async () => {
    const p = await makePerson(t.handle.db, t.communeB, { category: 'CC' });
    expect((await t.call(null, { method: 'GET', url: `/api/people/${p.id}/ratings` })).statusCode).toBe(401);
    expect((await put(null, p.id, 2025, { rating: 'GOOD' })).statusCode).toBe(401);
    const viewer = await t.as('viewer', t.root);
    expect((await t.call(viewer, { method: 'GET', url: `/api/people/${p.id}/ratings` })).statusCode).toBe(
      200,
    );
    expect((await put(viewer, p.id, 2025, { rating: 'GOOD' })).statusCode).toBe(403);
    expect(
      (await t.call(viewer, { method: 'DELETE', url: `/api/people/${p.id}/ratings/2025` })).statusCode,
    ).toBe(403);
    const other = await t.as('unit_officer', t.communeA);
    expect((await t.call(other, { method: 'GET', url: `/api/people/${p.id}/ratings` })).statusCode).toBe(404);
    expect((await put(other, p.id, 2025, { rating: 'GOOD' })).statusCode).toBe(404);
    expect((await put(other, 999999, 2025, { rating: 'GOOD' })).statusCode).toBe(404);
    expect((await put(other, p.id, 1800, { rating: 'GOOD' })).statusCode).toBe(400);
  });

  it('counts ratings by unit and flags units where excellent exceeds 20% of good or better', async () => {
    await addScale(t.handle.db, 'TEST_CC_POINTS', ['CC'], DECREE_335);
    const province = await makeUnit(t.handle.db, { name: 'Tỉnh Xếp Loại', validFrom: '2000-01-01' });
    const over = await makeUnit(t.handle.db, { parent: province, name: 'Xã Vượt Tỷ Lệ' });
    const within = await makeUnit(t.handle.db, { parent: province, name: 'Xã Đúng Tỷ Lệ' });
    const s = await t.as('training_officer', province);
    const rate = async (unit: UnitRow, points: number[], category = 'CC') => {
      for (const pts of points) {
        const p = await makePerson(t.handle.db, unit, { category });
        expect((await put(s, p.id, 2026, { points: pts })).statusCode).toBe(200);
      }
    };
    await rate(over, [95, 80, 75, 72, 40]); // 1 excellent of 4 good or better: 25% > 20%
    await rate(within, [91, 88, 85, 80, 70, 60]); // 1 of 5: 20%
    const vc = await makePerson(t.handle.db, within, { category: 'VC' }); // no scale: direct rating
    await put(s, vc.id, 2026, { rating: 'EXCELLENT' });

    const res = await t.call(s, { method: 'GET', url: '/api/ratings/distribution?year=2026' });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ year: 2026, unitId: province.id, unitsBreakingCap: 1 });
    expect(d.totals).toEqual({ EXCELLENT: 3, GOOD: 7, COMPLETED: 1, FAILED: 1, total: 12 });
    const byName = Object.fromEntries(d.units.map((u: { unitName: string }) => [u.unitName, u]));
    expect(byName['Xã Vượt Tỷ Lệ']).toMatchObject({
      breaksCap: true,
      counts: { EXCELLENT: 1, GOOD: 3, COMPLETED: 0, FAILED: 1, total: 5 },
      caps: [
        {
          scaleCode: 'TEST_CC_POINTS',
          capPct: 20,
          excellent: 1,
          goodOrBetter: 4,
          maxExcellent: 0,
          excellentPct: 25,
          breaksCap: true,
        },
      ],
    });
    // The public employee rated directly is counted but not in the capped population.
    expect(byName['Xã Đúng Tỷ Lệ']).toMatchObject({
      breaksCap: false,
      counts: { EXCELLENT: 2, GOOD: 4, COMPLETED: 1, total: 7 },
      caps: [{ excellent: 1, goodOrBetter: 5, maxExcellent: 1, breaksCap: false }],
    });

    const one = await t.call(s, {
      method: 'GET',
      url: `/api/ratings/distribution?year=2026&unitId=${within.id}`,
    });
    expect(one.json().units.map((u: { unitId: number }) => u.unitId)).toEqual([within.id]);
    const none = await t.call(s, { method: 'GET', url: '/api/ratings/distribution?year=2025' });
    expect(none.json()).toMatchObject({ units: [], unitsBreakingCap: 0, totals: { total: 0 } });

    const commune = await t.as('unit_officer', within);
    const outside = await t.call(commune, {
      method: 'GET',
      url: `/api/ratings/distribution?year=2026&unitId=${province.id}`,
    });
    expect(outside.statusCode).toBe(404);
    const own = (await t.call(commune, { method: 'GET', url: '/api/ratings/distribution?year=2026' })).json();
    expect(own.units.map((u: { unitId: number }) => u.unitId)).toEqual([within.id]);
    expect((await t.call(commune, { method: 'GET', url: '/api/ratings/distribution' })).statusCode).toBe(400);
    expect(
      (await t.call(null, { method: 'GET', url: '/api/ratings/distribution?year=2026' })).statusCode,
    ).toBe(401);
    const learner = await t.as('learner', within, { personId: vc.id });
    expect(
      (await t.call(learner, { method: 'GET', url: '/api/ratings/distribution?year=2026' })).statusCode,
    ).toBe(403);
  });
});
