import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportLayout } from '../../../../contracts/report-layouts';
import { rowsOf } from '../../../db/rows';
import { type Session, useTestApp } from '../../../test/app';
import { testBackends } from '../../../test/db';
import { seedReportLayouts } from './layout-pack';

/** The layouts API: who sees and changes which layout, validation named by field, versions, audit. */
describe.each(testBackends())('report layouts (%s)', (kind) => {
  const t = useTestApp(kind);
  let officer: Session;
  let seeded: ReportLayout;
  const call = (
    s: Session | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.call(s, { method, url: `/api/report-layouts${url}`, payload });

  beforeAll(async () => {
    await seedReportLayouts(t.handle.db);
    await seedReportLayouts(t.handle.db); // idempotent: refreshed, not doubled
    officer = await t.as('training_officer', t.root);
    const list = await call(officer, 'GET', '');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
    seeded = list.json().items[0];
  });

  it('lists the shipped layout, read-only, with its source', async () => {
    expect(seeded).toMatchObject({ code: 'BNV_DTBD_NAM', builtIn: true, editable: false, ownerUnitId: null });
    expect(seeded.legalSource).toContain('cần đối chiếu');
    expect(seeded.rows.length).toBeGreaterThan(5);
    const put = await call(officer, 'PUT', `/${seeded.id}`, { ...seeded });
    expect(put.statusCode).toBe(403);
    expect(put.json().error.message).toContain('sao chép');
  });

  it('copies, edits with clear errors, checks the version, audits, removes', async () => {
    const copy = await call(officer, 'POST', `/${seeded.id}/copy`, { code: 'TINH-A' });
    expect(copy.statusCode, copy.body).toBe(200);
    const mine = copy.json() as ReportLayout;
    expect((await call(officer, 'POST', `/${seeded.id}/copy`, { code: 'TINH-A' })).statusCode).toBe(400);

    const bad = await call(officer, 'PUT', `/${mine.id}`, {
      ...mine,
      effectiveTo: '2020-01-01',
      rows: [mine.rows[0], { ...mine.rows[1], key: mine.rows[0].key, selector: { rank: ['NGACH_LA'] } }],
      columns: [
        { ...mine.columns[0], measure: { measure: 'holds', kind: 'EDUCATION', minLevel: 'SIEU_CAP' } },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual([
      'effectiveTo',
      'rows.1.key',
      'rows.1.selector.rank.0',
      'columns.0.measure.minLevel',
    ]);
    expect(bad.json().error.details.fields[2].message).toBe(
      'mã "NGACH_LA" không có trong danh mục Ngạch, chức danh nghề nghiệp',
    );
    const badKey = await call(officer, 'PUT', `/${mine.id}`, {
      ...mine,
      rows: [{ ...mine.rows[0], key: 'Có dấu' }],
    });
    expect(badKey.statusCode).toBe(400);

    const ok = await call(officer, 'PUT', `/${mine.id}`, {
      ...mine,
      nameVi: 'Thống kê của tỉnh',
      columns: mine.columns.slice(0, 2).reverse(),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, nameVi: 'Thống kê của tỉnh' });
    expect(ok.json().columns.map((c: { key: string }) => c.key)).toEqual(['llct_cc', 'so_luong']);
    const stale = await call(officer, 'PUT', `/${mine.id}`, { ...mine, version: 1 });
    expect(stale.statusCode).toBe(409);

    const audited = rowsOf<{ action: string }>(
      await t.handle.db.execute(
        sql`select action from audit_log where entity = 'report_layout' and entity_id = ${String(mine.id)} order by id`,
      ),
    ).map((r) => r.action);
    expect(audited).toEqual(['report_layout.copy', 'report_layout.update']);

    expect((await call(officer, 'DELETE', `/${mine.id}`)).statusCode).toBe(200);
    expect((await call(officer, 'GET', `/${mine.id}`)).statusCode).toBe(404);
  });

  it('keeps layouts in their subtree and editing to reports.manage', async () => {
    const adminA = await t.as('admin', t.communeA);
    const copy = await call(adminA, 'POST', `/${seeded.id}/copy`, { code: 'XA-A' });
    expect(copy.statusCode, copy.body).toBe(200);
    const theirs = copy.json() as ReportLayout;
    const officerB = await t.as('training_officer', t.communeB);
    expect((await call(officerB, 'GET', `/${theirs.id}`)).statusCode).toBe(404);
    expect((await call(officerB, 'PUT', `/${theirs.id}`, { ...theirs })).statusCode).toBe(404);
    expect((await call(officerB, 'GET', '')).json().items.map((l: ReportLayout) => l.code)).toEqual([
      'BNV_DTBD_NAM',
    ]);
    // The province's officer sees the commune's layout (their subtree) and may change it.
    const fromAbove = await call(officer, 'GET', `/${theirs.id}`);
    expect(fromAbove.json().editable).toBe(true);

    const unitOfficer = await t.as('unit_officer', t.communeA);
    expect((await call(unitOfficer, 'GET', `/${theirs.id}`)).json().editable).toBe(false);
    expect((await call(unitOfficer, 'POST', `/${seeded.id}/copy`, { code: 'X' })).statusCode).toBe(403);
    expect((await call(unitOfficer, 'DELETE', `/${theirs.id}`)).statusCode).toBe(403);
    expect((await call(null, 'GET', '')).statusCode).toBe(401);
    expect((await call(await t.as('learner', t.communeA), 'GET', '')).statusCode).toBe(403);
  });
});
