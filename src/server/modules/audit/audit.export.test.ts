import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson } from '../../test/fixtures/org';
import { downloadName, sheetRows } from '../../test/xlsx';

describe.each(testBackends())('audit log export (%s)', (kind) => {
  const t = useTestApp(kind);

  it('writes the filtered entries of the admin subtree, newest first, for admins only', async () => {
    const a = await makePerson(t.handle.db, t.communeA, { post: 'Chuyên viên' });
    const b = await makePerson(t.handle.db, t.communeB, { post: 'Chuyên viên' });
    for (const [p, unit, post] of [
      [a, t.communeA, 'Phó Chủ tịch UBND xã'],
      [b, t.communeB, 'Chủ tịch UBND phường'],
    ] as const) {
      const officer = await t.as('unit_officer', unit);
      const res = await t.call(officer, {
        method: 'PATCH',
        url: `/api/people/${p.id}`,
        payload: { version: p.version, post },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const admin = await t.as('admin', t.root);
    const url = '/api/audit/export.xlsx?entity=person&action=person.update';
    const res = await t.call(admin, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    expect(downloadName(res)).toMatch(/^Nhật ký thao tác \d\d-\d\d-\d{4}\.xlsx$/);
    const [header, ...rows] = await sheetRows(res);
    expect(header.slice(0, 4)).toEqual(['STT', 'Thời điểm', 'Người thực hiện', 'Thao tác']);
    expect(rows.map((r) => [r[0], r[3], r[5]])).toEqual([
      [1, 'person.update', String(b.id)],
      [2, 'person.update', String(a.id)],
    ]);
    expect(rows[0][1]).toBeInstanceOf(Date);
    expect(JSON.parse(String(rows[0][8]))).toEqual({ post: 'Chủ tịch UBND phường' });
    // The fields the request named (ADR 023).
    expect(header[9]).toBe('Trường yêu cầu sửa');
    expect(rows[0][9]).toBe('post, version');
    // A filter that matches nothing gives the header alone.
    const none = await sheetRows(await t.call(admin, { method: 'GET', url: `${url}&username=nobody` }));
    expect(none).toHaveLength(1);
    // Another subtree's admin: only their own commune's entries.
    const adminB = await t.as('admin', t.communeB);
    const theirs = (await sheetRows(await t.call(adminB, { method: 'GET', url }))).slice(1);
    expect(theirs.map((r) => r[5])).toEqual([String(b.id)]);
    expect((await t.call(null, { method: 'GET', url })).statusCode).toBe(401);
    const officer = await t.as('training_officer', t.root);
    expect((await t.call(officer, { method: 'GET', url })).statusCode).toBe(403);
    expect(
      (await t.call(admin, { method: 'GET', url: '/api/audit/export.xlsx?from=31-12-2025' })).statusCode,
    ).toBe(400);
  });
});
