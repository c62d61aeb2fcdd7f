import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { importBatches, people } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { commit, csvOf, upload } from '../../test/fixtures/imports';
import { renewLease } from './imports.queries';

const SHEET = [
  ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Đối tượng'],
  ['Nguyễn Văn Thuê', '01/02/1980', 'M', 'CC'],
  ['Trần Thị Hạn', '03/04/1985', 'F', 'CC'],
];

describe.each(testBackends())('import lease (%s)', (kind) => {
  const t = useTestApp(kind);
  const leaseOf = async (id: number) =>
    rowsOf<{ status: string; expired: boolean | null }>(
      await t.handle.db.execute(
        sql`select status, lease_until < now() as expired from import_batches where id = ${id}`,
      ),
    )[0];

  it('a commit whose process died (lease run out) shows interrupted at once and can be committed again', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const up = await upload(t, s, 'people', csvOf(SHEET));
    expect(up.statusCode).toBe(200);
    const id = up.json().id as number;
    expect(up.json()).toMatchObject({ status: 'previewed', validRows: 2 });

    // A process took the commit a second ago and was killed: no heartbeat since, no transaction.
    await t.handle.db
      .update(importBatches)
      .set({ status: 'running', startedAt: new Date(), leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(importBatches.id, id));
    const seen = await t.call(s, { method: 'GET', url: `/api/imports/${id}` });
    expect(seen.json().status).toBe('interrupted');
    // Previewed again: the check's counts and errors are still there.
    expect(seen.json()).toMatchObject({ validRows: 2, errorRows: 0 });

    const again = await commit(t, s, id, 'all');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'committed', writtenRows: 2 });
    const written = await t.handle.db
      .select({ id: people.id })
      .from(people)
      .where(sql`${people.fullName} in ('Nguyễn Văn Thuê', 'Trần Thị Hạn')`);
    expect(written).toHaveLength(2);
    // Committed once: a second commit is refused.
    expect((await commit(t, s, id, 'all')).statusCode).toBe(409);
  });

  it('a batch whose lease is alive stays running; the heartbeat renews it', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const up = await upload(t, s, 'people', csvOf([SHEET[0], ['Lê Văn Sống', '05/06/1990', 'M', 'CC']]));
    const id = up.json().id as number;
    await t.handle.db
      .update(importBatches)
      .set({
        status: 'running',
        startedAt: new Date(Date.now() - 3600_000),
        leaseUntil: sql`now() + interval '1 second'`,
      })
      .where(eq(importBatches.id, id));
    expect((await t.call(s, { method: 'GET', url: `/api/imports/${id}` })).json().status).toBe('running');
    expect((await commit(t, s, id, 'all')).statusCode).toBe(409);
    await t.handle.db.execute(
      sql`update import_batches set lease_until = now() - interval '1 second' where id = ${id}`,
    );
    await renewLease(t.handle.db, id);
    expect(await leaseOf(id)).toEqual({ status: 'running', expired: false });
  });
});
