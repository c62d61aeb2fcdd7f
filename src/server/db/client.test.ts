import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, openTestDb, testBackends } from '../test/db';
import type { DbHandle } from './client';
import { rowsOf } from './rows';

describe.each(testBackends())('DbHandle.transactionWithCopy (%s)', (kind: Backend) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, cleanup } = await openTestDb(kind));
    await handle.exec('create table copy_probe (n int, s text)');
  });
  afterAll(() => cleanup());
  const count = async () =>
    rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from copy_probe`))[0].n;

  it('COPY into a TEMP table is seen by the queries of the same transaction and lands with them', async () => {
    await handle.transactionWithCopy(async (t) => {
      await t.db.execute(sql`create temp table probe_stage (n int, s text) on commit drop`);
      await t.copyCsv('probe_stage', ['n', 's'], '1,một\n2,"hai, ba"\n');
      await t.db.execute(sql`insert into copy_probe select * from probe_stage`);
    });
    expect(await count()).toBe(2);
  });

  it('rolls back the copied rows and the queries when the function throws', async () => {
    await expect(
      handle.transactionWithCopy(async (t) => {
        await t.copyCsv('copy_probe', ['n', 's'], '3,bốn\n');
        await t.db.execute(sql`insert into copy_probe values (4, 'năm')`);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await count()).toBe(2);
  });
});
