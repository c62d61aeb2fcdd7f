import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { fixedClock, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import {
  enrolWithResult,
  makeClass,
  makeSchool,
  openRegister,
  type School,
} from '../../test/fixtures/certificates';
import { makePerson } from '../../test/fixtures/org';

describe.each(testBackends())('certificate numbers under concurrency (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-07-05T08:00:00Z') });
  let s: School;
  beforeAll(async () => {
    s = await makeSchool(t);
    await openRegister(t, s);
  });

  it('gives unique, gapless numbers and one certificate per learner when issue runs race', async () => {
    const classes = [await makeClass(t, s), await makeClass(t, s)];
    for (const classId of classes)
      for (let i = 0; i < 5; i++)
        await enrolWithResult(t.handle.db, classId, await makePerson(t.handle.db, t.communeA), {
          passed: true,
          grade: 'KHA',
        });
    // Four issue runs per class, all at once, on two classes numbered from the same register.
    const runs = classes.flatMap((classId) =>
      Array.from({ length: 4 }, () =>
        t.call(s.staff, { method: 'POST', url: `/api/classes/${classId}/certificates/issue`, payload: {} }),
      ),
    );
    const answers = await Promise.all(runs);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(answers.reduce((n, a) => n + a.json().issued, 0)).toBe(10);
    const rows = rowsOf<{ number: string; nominationId: number }>(
      await t.handle.db.execute(
        sql`select number, nomination_id as "nominationId" from certificates order by number`,
      ),
    );
    expect(rows.map((r) => r.number)).toEqual(
      Array.from({ length: 10 }, (_, i) => `NVC/2027/${String(i + 1).padStart(4, '0')}`),
    );
    expect(new Set(rows.map((r) => r.nominationId)).size).toBe(10);
    const [counter] = rowsOf<{ lastSeq: number }>(
      await t.handle.db.execute(sql`select last_seq as "lastSeq" from certificate_counters`),
    );
    expect(Number(counter.lastSeq)).toBe(10);
  });

  it('refuses a second certificate for a learner or a reused number in the database itself', async () => {
    const [c] = rowsOf<Record<string, unknown>>(
      await t.handle.db.execute(sql`select * from certificates limit 1`),
    );
    const copy = (over: string) =>
      t.handle.db.execute(
        sql.raw(`insert into certificates (number, token, register_id, class_id, nomination_id,
          person_id, programme_id, holder_name, programme_name, class_code, class_starts_on, class_ends_on,
          issuer_name, grade_code, grade_vi, grade_en, signer_name, signer_title, issued_on)
        select ${over}, register_id, class_id, nomination_id, person_id, programme_id, holder_name,
          programme_name, class_code, class_starts_on, class_ends_on, issuer_name, grade_code, grade_vi,
          grade_en, signer_name, signer_title, issued_on from certificates where id = ${Number(c.id)}`),
      );
    await expect(copy(`'NEW/1', 'tok-a'`)).rejects.toThrow();
    const other = rowsOf<{ id: number }>(
      await t.handle.db.execute(sql`select id from certificates where id <> ${Number(c.id)} limit 1`),
    )[0];
    await expect(
      t.handle.db.execute(sql`update certificates set number = ${String(c.number)} where id = ${other.id}`),
    ).rejects.toThrow();
  });
});
