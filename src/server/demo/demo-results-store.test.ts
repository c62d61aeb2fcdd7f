import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { findClass } from '../modules/classes/classes.queries';
import { storeResults } from '../modules/results/results.compute';
import { testBackends } from '../test/db';
import { openSeededDemo } from '../test/fixtures/demo';
import { storeFinishedResults } from './demo-results-store';
import { queryRows } from './sql-util';

const NOW = new Date('2026-11-20T08:00:00Z');

/** The whole of class_results, every column, in a stable order. */
const snapshot = (h: DbHandle) =>
  queryRows<Record<string, unknown>>(
    h.db,
    `select nomination_id, class_id, person_id, attendance_pct::text, average::text, min_score::text,
       rules_kept, discipline_note, passed, grade, reasons::text, computed_at
     from class_results order by nomination_id`,
  );

/** The per-class path the set-based one replaces in the demo: `storeResults` for each class. */
async function perClass(h: DbHandle) {
  const finished = await queryRows<{ id: number }>(
    h.db,
    `select id from classes where status in ('finished', 'closed') order by id`,
  );
  for (const { id } of finished) {
    const c = await findClass(h.db, Number(id));
    if (c) await storeResults(h.db, c, NOW);
  }
}

/** Issue 15: the demo's set-based results give exactly the rows of the per-class path. */
describe.each(testBackends())('demo results stored set-based on %s', (kind) => {
  let h: DbHandle;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ handle: h, cleanup } = await openSeededDemo(kind, { people: 400, seed: 5, today: NOW }));
    // Every path of the rule: rules broken, a score missing, a session missed by many.
    await h.exec(`update class_nominations set rules_kept = false, discipline_note = 'Vi phạm nội quy'
      where id in (select id from class_nominations where status = 'approved' order by id limit 7)`);
    await h.exec(`delete from class_scores where (nomination_id + assessment_id) % 23 = 0`);
    await h.exec(`update class_attendance set status = 'absent' where (nomination_id + session_id) % 5 = 0`);
  }, 120_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('writes the same class_results as storeResults class by class', async () => {
    await h.exec('delete from class_results');
    await perClass(h);
    const old = await snapshot(h);
    await h.exec('delete from class_results');
    await storeFinishedResults(h.db, NOW);
    const now = await snapshot(h);
    expect(now).toEqual(old);
    // Not a comparison of nothing: many classes, passed and failed, each kind of reason.
    expect(old.length).toBeGreaterThan(500);
    expect(new Set(old.map((r) => r.class_id)).size).toBeGreaterThan(10);
    expect(new Set(old.map((r) => r.passed))).toEqual(new Set([true, false]));
    const reasons = new Set(
      old.flatMap((r) => (JSON.parse(String(r.reasons)) as { code: string }[]).map((x) => x.code)),
    );
    for (const code of ['ATTENDANCE', 'LOW_SCORE', 'MISSING_SCORE', 'RULES']) expect(reasons).toContain(code);
  }, 120_000);

  it('replaces what was there and leaves other classes alone', async () => {
    const before = await snapshot(h);
    await h.exec(`update class_results set grade = 'X', computed_at = '2020-01-01'`);
    await h.exec(`insert into class_results (nomination_id, class_id, person_id, attendance_pct, passed, grade)
      select n.id, n.class_id, n.person_id, 0, false, 'KEEP' from class_nominations n join classes c on c.id = n.class_id
      where c.status not in ('finished', 'closed') order by n.id limit 3`);
    const kept = await queryRows(
      h.db,
      `select nomination_id from class_results where grade = 'KEEP' order by 1`,
    );
    expect(kept).toHaveLength(3);
    await storeFinishedResults(h.db, NOW);
    expect(
      await queryRows(h.db, `select nomination_id from class_results where grade = 'KEEP' order by 1`),
    ).toEqual(kept);
    await h.exec(`delete from class_results where grade = 'KEEP'`);
    expect(await snapshot(h)).toEqual(before);
  }, 120_000);
});
