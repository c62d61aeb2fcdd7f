import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportTable } from '../../../contracts/reports';
import { MIGRATIONS_DIR } from '../../db/migrate';
import { auditLog, people, personHistory } from '../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { allErrors, csvOf, upload } from '../../test/fixtures/imports';
import { makePerson, makeUnit } from '../../test/fixtures/org';
import { unmatchedPosts } from '../people/posts-unmatched';
import { seedReportLayouts } from '../reports/layouts/layout-pack';

/** The data step of migration 0033 (everything after its "Data backfill" line), in one transaction. */
function backfillSql(): string {
  const file = readFileSync(path.join(MIGRATIONS_DIR, '0033_dated_categories.sql'), 'utf8');
  const data = file.slice(file.indexOf('-- Data backfill'));
  return `begin;\n${data.replaceAll('--> statement-breakpoint', '')}\ncommit;`;
}

/** Dated staff categories (ADR 043): valid dates on every write path, the 2025 mapping in reports, the backfill. */
describe.each(testBackends())('dated categories (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2026-12-10T02:00:00Z') });
  let officer: Session;

  beforeAll(async () => {
    await seedReportLayouts(t.handle.db);
    officer = await t.as('training_officer', t.root);
  });

  const body = (over: object) => ({
    fullName: 'Nguyễn Văn Mới',
    gender: 'M',
    category: 'CC',
    unitId: t.communeA.id,
    ...over,
  });
  const post = (payload: object) => t.call(officer, { method: 'POST', url: '/api/people', payload });

  it('refuses the commune category on a date after 30 June 2025 (API create and update), in vi and en', async () => {
    const late = await post(body({ category: 'CBX', effectiveDate: '2026-01-05' }));
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(late.json().error.details.fields)).toContain('chỉ áp dụng đến ngày 30/06/2025');
    const en = await t.call(officer, {
      method: 'POST',
      url: '/api/people',
      payload: body({ category: 'CBX', effectiveDate: '2026-01-05' }),
      headers: { 'x-dtbd-lang': 'en' },
    });
    expect(JSON.stringify(en.json())).toContain('applies only until 2025-06-30');
    // Before 1 July 2025 the same category is valid.
    const early = await post(body({ category: 'CBX', effectiveDate: '2024-03-01', fullName: 'Trần Văn Cũ' }));
    expect(early.statusCode, early.body).toBe(200);
    await t.handle.db.delete(personHistory).where(eq(personHistory.personId, early.json().id));
    await t.handle.db.delete(people).where(eq(people.id, early.json().id));

    const cc = await post(body({ effectiveDate: '2026-01-05', fullName: 'Lê Văn Nay' }));
    expect(cc.statusCode, cc.body).toBe(200);
    const id = cc.json().id as number;
    const before = await t.handle.db.select().from(people).where(eq(people.id, id));
    const historyBefore = await t.handle.db
      .select()
      .from(personHistory)
      .where(eq(personHistory.personId, id));
    const refused = await t.call(officer, {
      method: 'PATCH',
      url: `/api/people/${id}`,
      payload: { category: 'CBX', effectiveDate: '2026-02-01', version: cc.json().version },
    });
    expect(refused.statusCode).toBe(400);
    // Nothing changed: the record and its history are as before.
    expect(await t.handle.db.select().from(people).where(eq(people.id, id))).toEqual(before);
    expect(await t.handle.db.select().from(personHistory).where(eq(personHistory.personId, id))).toEqual(
      historyBefore,
    );
  });

  it('refuses an import row with the commune category dated 2026, keeps the same row dated 2024', async () => {
    const sheet = [
      ['Họ và tên', 'Giới tính', 'Đối tượng', 'Ngày vào công tác'],
      ['Phạm Văn Hai', 'M', 'CBX', '01/02/2026'],
      ['Phạm Văn Ba', 'M', 'CBX', '01/02/2024'],
      ['Phạm Văn Bốn', 'M', 'CBX', ''],
    ];
    const res = await upload(t, officer, 'people', csvOf(sheet));
    expect(res.statusCode, res.body).toBe(200);
    expect(await allErrors(t, officer, res.json().id)).toEqual([
      '2 Đối tượng CATEGORY_NOT_VALID_AT_DATE',
      '4 Đối tượng CATEGORY_NOT_VALID_AT_DATE',
    ]);
  });

  it('counts a person once in the category of the reference date; the 2026 form has no district row, 2024 has it', async () => {
    const db = t.handle.db;
    const unit = await makeUnit(db, { parent: t.root, name: 'Xã Bình Minh' });
    // A commune chair: commune staff until 30 June 2025, a cadre from 1 July 2025 (history split).
    const chair = await makePerson(db, unit, {
      fullName: 'Hoàng Văn Chủ',
      category: 'CB',
      rank: null,
      postCode: 'CT_UBND_XA',
    });
    await db.delete(personHistory).where(eq(personHistory.personId, chair.id));
    const h = {
      personId: chair.id,
      rank: null,
      postCode: 'CT_UBND_XA',
      leadershipTier: 'NONE',
      unitId: unit.id,
    };
    await db.insert(personHistory).values([
      { ...h, validFrom: '2020-01-01', validTo: '2025-07-01', category: 'CBX', status: 'WORKING' },
      { ...h, validFrom: '2025-07-01', category: 'CB', status: 'WORKING' },
    ]);
    // Not moved yet (an old record): CBX read through the mapping after the date, as a civil servant.
    const clerk = await makePerson(db, unit, { fullName: 'Đinh Thị Văn', category: 'CBX', rank: null });

    const report = async (year: number) => {
      const res = await t.call(officer, {
        method: 'GET',
        url: `/api/reports/annual-statistics?year=${year}&unitId=${unit.id}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json() as ReportTable;
      return Object.fromEntries(r.rows.map((x) => [x.key, x.cells.c_so_luong]));
    };
    const y2024 = await report(2024);
    expect(y2024).toMatchObject({ tong: 2, cb_huyen: 0, cbcc_xa: 2 });
    expect(y2024).not.toHaveProperty('cbcc_cap_xa');
    const y2025 = await report(2025);
    expect(y2025).not.toHaveProperty('cb_huyen');
    expect(y2025).not.toHaveProperty('cbcc_xa');
    // Once each: the chair as a cadre, the clerk as a civil servant, both commune staff.
    expect(y2025).toMatchObject({ tong: 2, cbcc_cap_xa: 2, cc: 1 });
    const y2026 = await report(2026);
    expect(Object.keys(y2026)).not.toContain('cb_huyen');
    expect(y2026).toMatchObject({ tong: 2, cbcc_cap_xa: 2, cc: 1 });
    await db.delete(personHistory).where(inArray(personHistory.personId, [chair.id, clerk.id]));
    await db.delete(people).where(inArray(people.id, [chair.id, clerk.id]));
  });

  it('backfills an existing database once: post codes by words, the commune category split on 1 July 2025', async () => {
    const db = t.handle.db;
    const unit = await makeUnit(db, { parent: t.root, name: 'Xã Hòa Bình' });
    const chair = await makePerson(db, unit, {
      fullName: 'Bùi Văn Một',
      category: 'CBX',
      rank: null,
      post: '  Chủ tịch UBND   cấp xã ',
    });
    const clerk = await makePerson(db, unit, {
      fullName: 'Bùi Thị Hai',
      category: 'CBX',
      rank: 'CV',
      post: 'Công chức Văn phòng - Thống kê xã Hòa Bình',
    });
    const other = await makePerson(db, unit, { fullName: 'Bùi Văn Ba', category: 'CC', post: 'Chuyên viên' });
    const ids = [chair.id, clerk.id, other.id];
    const read = async () => ({
      people: await db.select().from(people).where(inArray(people.id, ids)).orderBy(asc(people.id)),
      history: await db
        .select()
        .from(personHistory)
        .where(inArray(personHistory.personId, ids))
        .orderBy(asc(personHistory.personId), asc(personHistory.validFrom)),
    });
    const before = await read();

    await t.handle.exec(backfillSql());
    const after = await read();
    const strip = <T extends { updatedAt?: unknown }>(r: T) => ({ ...r, updatedAt: undefined });
    // The chair: post coded by words, a cadre from 1 July 2025; the clerk's free text matches no post.
    expect(after.people.map(strip)).toEqual([
      strip({ ...before.people[0], postCode: 'CT_UBND_XA', category: 'CB' }),
      strip({ ...before.people[1], category: 'CC' }),
      strip(before.people[2]),
    ]);
    const hist = after.history.map((r) => [r.personId, r.validFrom, r.validTo, r.category, r.postCode]);
    expect(hist).toEqual([
      [chair.id, '2020-01-01', '2025-07-01', 'CBX', 'CT_UBND_XA'],
      [chair.id, '2025-07-01', null, 'CB', 'CT_UBND_XA'],
      [clerk.id, '2020-01-01', '2025-07-01', 'CBX', null],
      [clerk.id, '2025-07-01', null, 'CC', null],
      [other.id, '2020-01-01', null, 'CC', null],
    ]);
    // Everything else of the old periods is kept.
    const { validTo: _a, ...oldRest } = before.history[0];
    const { validTo: _b, ...nowRest } = after.history[0];
    expect({ ...nowRest, postCode: null }).toEqual(oldRest);
    const backfilled = () =>
      db
        .select({ entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after })
        .from(auditLog)
        .where(eq(auditLog.action, 'person.backfill'));
    const audits = await backfilled();
    expect(audits.filter((a) => ids.map(String).includes(a.entityId ?? ''))).toHaveLength(3);

    // The clerk's words matched no post: listed by `dtbd posts unmatched`.
    const unmatched = await unmatchedPosts(db);
    expect(unmatched).toContainEqual({ post: 'Công chức Văn phòng - Thống kê xã Hòa Bình', people: 1 });
    expect(unmatched.map((u) => u.post)).not.toContain('Chủ tịch UBND   cấp xã');

    // Idempotent: a second run changes nothing.
    await t.handle.exec(backfillSql());
    expect(await read()).toEqual(after);
    expect(await backfilled()).toEqual(audits);
  });
});
