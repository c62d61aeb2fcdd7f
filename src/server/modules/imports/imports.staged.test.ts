/**
 * The commit takes the rows the preview staged (ADR 047): it writes the same people without the
 * stored file, checks them again against the data of the moment, keeps them when refused, drops
 * them once written, and undo still removes what it wrote.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { importFiles, people } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { commit, csvOf, undo, upload } from '../../test/fixtures/imports';
import { makePerson } from '../../test/fixtures/org';

const HEAD = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Đối tượng'];
const ROWS = [
  ['Nguyễn Văn Một', '01/02/1980', 'Nam', '001080000111', 'CC'],
  ['Trần Thị Hai', '03/04/1985', 'Nữ', '001185000222', 'CC'],
  ['Lê Văn Ba', '31/02/1990', 'Nam', '', 'CC'], // a shape error found while reading
];

describe.each(testBackends())('imports: staged rows between preview and commit (%s)', (backend) => {
  const t = useTestApp(backend);
  const staged = async (id: number) =>
    rowsOf<{ rows: number; issues: number }>(
      await t.handle.db.execute(sql`select (select count(*)::int from import_staged where batch_id = ${id}) as rows,
        (select count(*)::int from import_staged_issues where batch_id = ${id}) as issues`),
    )[0];
  const written = async (id: number) =>
    (await t.handle.db.select().from(people).where(eq(people.importId, id)))
      .map((p) => ({
        name: p.fullName,
        birth: p.birthDate,
        pid: p.personalId,
        unit: p.unitId,
        search: p.searchName,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));

  it('writes the staged rows without reading the file, re-checks them, and undo removes them', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const b = (await upload(t, s, 'people', csvOf([HEAD, ...ROWS]))).json();
    expect(b).toMatchObject({ status: 'previewed', totalRows: 3, errorRows: 1 });
    expect(await staged(b.id)).toEqual({ rows: 3, issues: 1 });

    // Refused (all or nothing): the staged rows stay for the next try.
    expect((await commit(t, s, b.id, 'all')).json()).toMatchObject({ status: 'failed', writtenRows: 0 });
    expect(await staged(b.id)).toEqual({ rows: 3, issues: 1 });

    // Someone registers the second person's ID meanwhile: the commit checks again and refuses it.
    await makePerson(t.handle.db, t.communeB, { personalId: '001185000222' });
    // The file is not read again: without its stored parts the commit still writes.
    await t.handle.db.delete(importFiles).where(eq(importFiles.batchId, b.id));
    const done = (await commit(t, s, b.id, 'valid')).json();
    expect(done).toMatchObject({ status: 'committed', writtenRows: 1, errorRows: 2 });
    expect(done.errorCounts).toEqual({ BAD_DATE: 1, PERSONAL_ID_EXISTS: 1 });
    expect(await written(b.id)).toEqual([
      {
        name: 'Nguyễn Văn Một',
        birth: '1980-02-01',
        pid: '001080000111',
        unit: t.communeA.id,
        search: 'nguyen van mot',
      },
    ]);
    expect(await staged(b.id)).toEqual({ rows: 0, issues: 0 });

    expect((await undo(t, s, b.id)).json()).toMatchObject({ status: 'undone' });
    expect(await written(b.id)).toEqual([]);
  });

  it('writes what a commit reading the file writes', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const rows = ROWS.map((r, i) => [`${r[0]} ${i}`, r[1], r[2], '', r[4]]);
    const a = (await upload(t, s, 'people', csvOf([HEAD, ...rows]))).json();
    const b = (await upload(t, s, 'people', csvOf([HEAD, ...rows]))).json();
    // Batch b without its staged rows: its commit reads the stored file (the CLI's one pass).
    await t.handle.db.execute(sql`delete from import_staged where batch_id = ${b.id}`);
    await t.handle.db.execute(sql`delete from import_staged_issues where batch_id = ${b.id}`);
    const ca = (await commit(t, s, a.id, 'valid')).json();
    await undo(t, s, a.id);
    const before = await written(a.id);
    const cb = (await commit(t, s, b.id, 'valid')).json();
    const pick = (x: Record<string, unknown>) => [
      x.status,
      x.totalRows,
      x.errorRows,
      x.writtenRows,
      x.errorCounts,
    ];
    expect(pick(ca)).toEqual(pick(cb));
    expect(ca.writtenRows).toBe(2);
    expect(before).toEqual([]);
    expect((await written(b.id)).map((p) => p.name)).toEqual(['Nguyễn Văn Một 0', 'Trần Thị Hai 1']);
  });
});
