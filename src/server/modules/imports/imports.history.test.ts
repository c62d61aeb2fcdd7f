/** The import history (GET /imports): sorted by a whitelisted key, within the actor's subtree. */
import { describe, expect, it } from 'vitest';
import { importBatches } from '../../db/schema/index';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';

describe.each(testBackends())('imports: history (%s)', (backend) => {
  const t = useTestApp(backend);

  it('sorts by a whitelisted key, names in Vietnamese order, within the subtree; other keys are a 400', async () => {
    const files = ['Đức.xlsx', 'Dũng.xlsx', 'Bình.xlsx', 'Bản.xlsx'];
    for (const [i, fileName] of files.entries())
      await t.handle.db.insert(importBatches).values({
        kind: 'people',
        unitId: t.communeA.id,
        scopePath: t.communeA.path,
        fileName,
        sha256: `h${i}`,
        size: 10,
        username: `nguoi${i}`,
      });
    const list = async (s: Session, sort: string) => {
      const res = await t.call(s, { method: 'GET', url: `/api/imports?sort=${sort}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { fileName: string }[]).map((b) => b.fileName);
    };
    const officer = await t.as('training_officer', t.communeA);
    const byName = ['Bản.xlsx', 'Bình.xlsx', 'Dũng.xlsx', 'Đức.xlsx'];
    expect(await list(officer, 'fileName')).toEqual(byName);
    expect(await list(officer, '-fileName')).toEqual([...byName].reverse());
    expect(await list(officer, 'createdAt')).toEqual(files);
    expect(await list(officer, '-username')).toEqual([...files].reverse());
    for (const bad of ['bogus', 'status', 'fileName desc', '-kind']) {
      const res = await t.call(officer, {
        method: 'GET',
        url: `/api/imports?sort=${encodeURIComponent(bad)}`,
      });
      expect(res.statusCode, bad).toBe(400);
    }
    expect(await list(await t.as('training_officer', t.communeB), 'fileName')).toEqual([]);
  });
});
