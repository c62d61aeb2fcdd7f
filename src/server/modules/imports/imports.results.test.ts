import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { classAssessments, classNominations, classResults, classScores } from '../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';
import { allErrors, commit, csvOf, makeClassRow, undo, upload, xlsxOf } from '../../test/fixtures/imports';
import { makePerson, type PersonRow } from '../../test/fixtures/org';

const PID = (i: number) => `02209100000${i}`;
const HEAD = ['STT', 'Số định danh', 'Họ và tên', 'Bài kiểm tra', 'Tiểu luận'];

describe.each(testBackends())('imports: class results (%s)', (backend) => {
  // The class runs 1 October - 20 December 2026 with no session: scores are taken from its first day (ADR 025).
  const t = useTestApp(backend, { clock: fixedClock('2026-11-20T08:00:00Z') });
  let s: Session;
  let officer: Session;
  let classId: number;
  let test: number;
  let essay: number;
  let people: PersonRow[];
  const nominations: number[] = [];
  const imported = (batchId: number) =>
    t.handle.db.select().from(classScores).where(eq(classScores.importId, batchId));

  beforeAll(async () => {
    const db = t.handle.db;
    officer = await t.as('training_officer', t.root);
    const programmeId = (await createProgramme(t, officer)).id;
    classId = await makeClassRow(t, programmeId, t.communeA, { code: 'D1', capacity: 10, status: 'running' });
    [test, essay] = (
      await db
        .insert(classAssessments)
        .values([
          { classId, name: 'Bài kiểm tra', kind: 'test', position: 0 },
          { classId, name: 'Tiểu luận', kind: 'essay', position: 1 },
        ])
        .returning()
    ).map((a) => a.id);
    people = [];
    for (let i = 1; i <= 5; i++) {
      const p = await makePerson(db, t.communeA, { personalId: PID(i), fullName: `Trần Thị Điểm ${i}` });
      people.push(p);
      // Learners 1-4 are approved; 5 is still pending (not a learner).
      const [n] = await db
        .insert(classNominations)
        .values({ classId, personId: p.id, unitId: t.communeA.id, status: i === 5 ? 'pending' : 'approved' })
        .returning();
      nominations.push(n.id);
    }
    await db.insert(classScores).values({ assessmentId: test, nominationId: nominations[1], score: '7' });
    s = await t.as('unit_officer', t.communeA);
  });

  it('every error named; only valid rows written; a finished class gets its results recomputed; undo is exact', async () => {
    const db = t.handle.db;
    const sheet = [
      HEAD,
      ['1', PID(1), 'Trần Thị Điểm 1', '8,5', '9'], // 2: valid, comma decimals
      ['2', PID(2), 'Trần Thị Điểm 2', '6', ''], // 3: already scored on the test
      ['3', PID(2), 'Trần Thị Điểm 2', '', '7.5'], // 4: twice in the file
      ['4', PID(5), 'Trần Thị Điểm 5', '5', ''], // 5: not an approved learner
      ['5', PID(3), 'Lê Văn Khác', '5', ''], // 6: another name
      ['6', PID(4), 'Trần Thị Điểm 4', '11', '7,25'], // 7: out of range
      ['7', PID(4), 'Trần Thị Điểm 4', '', ''], // 8: twice in the file
      ['8', '099999999999', 'Ai Đó', '5', ''], // 9: unknown person
    ];
    // The class finishes between the preview and the commit: its results are then stored.
    const b = (await upload(t, s, 'results', csvOf(sheet), { classId })).json();
    expect(b).toMatchObject({ kind: 'results', totalRows: 8, validRows: 1, errorRows: 7 });
    expect((await allErrors(t, s, b.id)).sort()).toEqual(
      [
        '3 Bài kiểm tra ALREADY_SCORED',
        '4 Số định danh DUPLICATE_IN_FILE',
        '5 Số định danh NOT_IN_CLASS',
        '6 Họ và tên NAME_MISMATCH',
        '7 Bài kiểm tra BAD_SCORE',
        '8 Số định danh DUPLICATE_IN_FILE',
        '9 Số định danh NOT_IN_CLASS',
      ].sort(),
    );
    expect((await commit(t, s, b.id, 'all')).json().status).toBe('failed');
    expect(await imported(b.id)).toHaveLength(0);
    await db.execute(sql`update classes set status = 'finished' where id = ${classId}`);
    expect((await commit(t, s, b.id, 'valid')).json()).toMatchObject({ status: 'committed', writtenRows: 2 });
    expect(
      (await imported(b.id)).map((r) => [r.assessmentId, r.nominationId, Number(r.score)]).sort(),
    ).toEqual(
      [
        [test, nominations[0], 8.5],
        [essay, nominations[0], 9],
      ].sort(),
    );
    const stored = async () =>
      (await db.select().from(classResults).where(eq(classResults.nominationId, nominations[0])))[0];
    // (8.5 + 9) / 2, both weights 1.
    expect(Number((await stored()).average)).toBe(8.75);

    expect((await undo(t, s, b.id)).json().status).toBe('undone');
    expect(await imported(b.id)).toHaveLength(0);
    expect((await stored()).average).toBeNull();
    const kept = await db.select().from(classScores).where(eq(classScores.nominationId, nominations[1]));
    expect(kept.map((r) => Number(r.score))).toEqual([7]);
    await db.execute(sql`update classes set status = 'running' where id = ${classId}`);
  });

  it('undo is refused once the grade book corrected an imported score; an .xlsx with an unknown column refuses the sheet', async () => {
    const db = t.handle.db;
    const b = (
      await upload(t, s, 'results', csvOf([HEAD.slice(1), [PID(3), 'Trần Thị Điểm 3', '6', '6']]), {
        classId,
      })
    ).json();
    expect((await commit(t, s, b.id, 'all')).json()).toMatchObject({ status: 'committed', writtenRows: 2 });
    const staff = await t.call(officer, {
      method: 'PUT',
      url: `/api/classes/${classId}/scores`,
      payload: { scores: [{ assessmentId: test, nominationId: nominations[2], score: 6.5 }] },
    });
    expect(staff.statusCode, staff.body).toBe(200);
    const res = await undo(t, s, b.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('sổ điểm');
    expect(await imported(b.id)).toHaveLength(1);

    const bad = await xlsxOf([
      ['Số định danh', 'Họ và tên', 'Bài thi cuối'],
      [PID(4), 'Trần Thị Điểm 4', 8],
    ]);
    const u = (await upload(t, s, 'results', bad, { classId, fileName: 'diem.xlsx' })).json();
    expect(u).toMatchObject({ totalRows: 1, validRows: 0, errorRows: 1 });
    expect(await allErrors(t, s, u.id)).toEqual(['1 Bài thi cuối UNKNOWN_ASSESSMENT']);
    const rows = rowsOf(
      await db.execute(sql`select 1 from class_scores where nomination_id = ${nominations[3]}`),
    );
    expect(rows).toHaveLength(0);
  });

  it('the template of a class lists its assessments and learners; closed classes and other subtrees are refused', async () => {
    const tpl = await t.call(s, {
      method: 'GET',
      url: `/api/imports/templates/results?format=csv&classId=${classId}`,
    });
    expect(tpl.statusCode).toBe(200);
    const lines = tpl.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Số định danh,Họ và tên,Bài kiểm tra,Tiểu luận');
    expect(lines.slice(1).sort()).toEqual([1, 2, 3, 4].map((i) => `${PID(i)},Trần Thị Điểm ${i}`).sort());
    expect((await t.call(s, { method: 'GET', url: '/api/imports/templates/results' })).statusCode).toBe(400);
    const xlsx = await t.call(s, { method: 'GET', url: `/api/imports/templates/results?classId=${classId}` });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');

    const body = csvOf([HEAD.slice(1, 3), [PID(1), 'Trần Thị Điểm 1']]);
    const programmeId = (await createProgramme(t, officer)).id;
    const closed = await makeClassRow(t, programmeId, t.communeA, {
      code: 'D2',
      capacity: 5,
      status: 'closed',
    });
    const theirs = await makeClassRow(t, programmeId, t.communeB, {
      code: 'D3',
      capacity: 5,
      status: 'running',
    });
    expect((await upload(t, null, 'results', body, { classId })).statusCode).toBe(401);
    expect((await upload(t, await t.as('viewer', t.root), 'results', body, { classId })).statusCode).toBe(
      403,
    );
    expect((await upload(t, s, 'results', body, { classId: theirs })).statusCode).toBe(404);
    const frozen = await upload(t, s, 'results', body, { classId: closed });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toContain('không nhận điểm');
  });
});
