/**
 * The staged-row clean-up (ADR 058): only the staged rows of uncommitted batches older than the
 * policy's days go; a fresh batch and a committed batch's history stay whole; one audit row per
 * batch cleaned; a second run deletes nothing.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { commit, csvOf, upload } from '../../test/fixtures/imports';
import { purgeStaged } from './imports.purge';

const HEAD = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Đối tượng'];
const ROWS = [
  ['Nguyễn Văn Một', '01/02/1980', 'Nam', '001080000111', 'CC'],
  ['Lê Văn Ba', '31/02/1990', 'Nam', '', 'CC'],
];

describe.each(testBackends())('imports: staged rows purged after the kept days (%s)', (backend) => {
  const t = useTestApp(backend);
  const snapshot = async () =>
    rowsOf<Record<string, unknown>>(
      await t.handle.db.execute(sql`select b.id, b.status, b.total_rows, b.written_rows,
        (select count(*)::int from import_staged s where s.batch_id = b.id) as staged,
        (select count(*)::int from import_staged_issues i where i.batch_id = b.id) as staged_issues,
        (select count(*)::int from import_issues i where i.batch_id = b.id) as issues,
        (select count(*)::int from import_files f where f.batch_id = b.id) as files,
        (select count(*)::int from people p where p.import_id = b.id) as people
        from import_batches b order by b.id`),
    );

  it('deletes only stale uncommitted staged rows, audited, once', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const old = (await upload(t, s, 'people', csvOf([HEAD, ...ROWS]))).json();
    const fresh = (
      await upload(t, s, 'people', csvOf([HEAD, ['Trần Thị Hai', '03/04/1985', 'Nữ', '001185000222', 'CC']]))
    ).json();
    const done = (
      await upload(t, s, 'people', csvOf([HEAD, ['Phạm Văn Bốn', '05/06/1975', 'Nam', '001075000444', 'CC']]))
    ).json();
    expect((await commit(t, s, done.id, 'valid')).json()).toMatchObject({ status: 'committed' });
    // The old preview and the committed batch were made ten days ago.
    await t.handle.db.execute(sql`update import_batches set created_at = '2026-11-10T03:00:00Z'
      where id in (${old.id}, ${done.id})`);
    const before = await snapshot();
    expect(before.find((b) => b.id === old.id)).toMatchObject({ staged: 2, staged_issues: 1 });

    const r = await purgeStaged(t.handle.db, '2026-11-20');
    expect(r).toEqual({ date: '2026-11-20', batches: 1, rows: 2, issues: 1 });
    const after = await snapshot();
    expect(after).toEqual(before.map((b) => (b.id === old.id ? { ...b, staged: 0, staged_issues: 0 } : b)));
    const logged = rowsOf<{ entity_id: string; after: Record<string, unknown> }>(
      await t.handle.db.execute(sql`select entity_id, after from audit_log where action = 'purge_staged'`),
    );
    expect(logged).toEqual([
      {
        entity_id: String(old.id),
        after: expect.objectContaining({ stagedRows: 2, stagedIssues: 1, keepDays: 7 }),
      },
    ]);
    expect(fresh.id).toBeGreaterThan(0);
    expect(await purgeStaged(t.handle.db, '2026-11-20')).toMatchObject({ batches: 0, rows: 0 });
    // Seven days after its preview a batch is still kept (2026-11-10 + 7 = 2026-11-17).
    await t.handle.db.execute(
      sql`update import_batches set created_at = '2026-11-13T03:00:00Z' where id = ${fresh.id}`,
    );
    expect(await purgeStaged(t.handle.db, '2026-11-20')).toMatchObject({ batches: 0 });
    expect(await purgeStaged(t.handle.db, '2026-11-21')).toMatchObject({ batches: 1, rows: 1 });
  }, 120_000);
});
