import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import {
  classAttendance,
  classNominations,
  classSessions,
  nominationEvents,
  policyValues,
} from '../../db/schema/index';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';
import { allErrors, commit, csvOf, makeClassRow, rowErrors, undo, upload } from '../../test/fixtures/imports';
import { makePerson, makeUnit, type PersonRow } from '../../test/fixtures/org';

const PIDS = ['022090000001', '022090000002', '022090000003', '022090000004', '022090000005'];
const OTHER = '022090000007';
const ALREADY = '022090000006';
const HEAD = ['Số định danh', 'Họ và tên', 'Ghi chú'];
const DECISION_HEAD = ['Số quyết định', 'Ngày quyết định', 'Người ký', 'Chức vụ người ký'];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ddmm = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe.each(testBackends())('imports: class roster (%s)', (backend) => {
  const t = useTestApp(backend);
  let s: Session;
  let programmeId: number;
  let people: PersonRow[];
  const seatsOf = async (id: number) =>
    rowsOf<{ n: number }>(
      await t.handle.db.execute(sql`select seats_taken as n from classes where id = ${id}`),
    )[0].n;
  const imported = (batchId: number) =>
    t.handle.db.select().from(classNominations).where(eq(classNominations.importId, batchId));

  beforeAll(async () => {
    const db = t.handle.db;
    programmeId = (await createProgramme(t, await t.as('training_officer', t.root))).id;
    people = [];
    for (const [i, pid] of PIDS.entries())
      people.push(await makePerson(db, t.communeA, { personalId: pid, fullName: `Nguyễn Văn Học ${i + 1}` }));
    await makePerson(db, t.communeB, { personalId: OTHER, fullName: 'Lê Thị Khác' });
    await makePerson(db, t.communeA, { personalId: ALREADY, fullName: 'Phạm Văn Cũ' });
    s = await t.as('unit_officer', t.communeA);
  });

  it('every error named by row, column and code; all or nothing refuses; only valid writes approved learners, seats and events; undo is exact', async () => {
    const db = t.handle.db;
    const classId = await makeClassRow(t, programmeId, t.communeA, {
      code: 'R1',
      capacity: 10,
      status: 'open_for_nomination',
    });
    const [old] = rowsOf<{ id: number }>(
      await db.execute(sql`select id from people where personal_id = ${ALREADY}`),
    );
    await db
      .insert(classNominations)
      .values({ classId, personId: old.id, unitId: t.communeA.id, status: 'pending' });
    await db.execute(sql`update classes set seats_taken = 1 where id = ${classId}`);
    const sheet = [
      HEAD,
      [PIDS[0], 'NGUYEN VAN HOC 1', 'Trưởng nhóm'], // 2: valid (accents and case ignored)
      [PIDS[1], 'Trần Văn Sai', ''], // 3: another name
      ['099999999999', 'Ai Đó', ''], // 4: no such record
      [OTHER, 'Lê Thị Khác', ''], // 5: another commune
      [ALREADY, 'Phạm Văn Cũ', ''], // 6: already nominated
      [PIDS[0], 'Nguyễn Văn Học 1', ''], // 7: twice in the file
      ['12345', 'Nguyễn Văn Học 3', ''], // 8: not 12 digits
      [PIDS[2], '', ''], // 9: no name
      [PIDS[3], 'Nguyễn Văn Học 4'.normalize('NFD'), ''], // 10: valid (NFD)
    ];
    const b = (await upload(t, s, 'roster', csvOf(sheet), { classId })).json();
    expect(b).toMatchObject({ kind: 'roster', classId, totalRows: 9, validRows: 2, errorRows: 7 });
    expect((await allErrors(t, s, b.id)).sort()).toEqual(
      [
        '3 Họ và tên NAME_MISMATCH',
        '4 Số định danh UNKNOWN_PERSON',
        '5 Số định danh PERSON_OUT_OF_SCOPE',
        '6 Số định danh ALREADY_IN_CLASS',
        '7 Số định danh DUPLICATE_IN_FILE',
        '8 Số định danh BAD_PERSONAL_ID',
        '9 Họ và tên REQUIRED',
      ].sort(),
    );
    expect((await commit(t, s, b.id, 'all')).json().status).toBe('failed');
    expect(await imported(b.id)).toHaveLength(0);
    expect(await seatsOf(classId)).toBe(1);

    const c = (await commit(t, s, b.id, 'valid')).json();
    expect(c).toMatchObject({ status: 'committed', writtenRows: 2 });
    const rows = await imported(b.id);
    expect(rows.map((n) => [n.personId, n.status, n.unitId, n.note]).sort()).toEqual(
      [
        [people[0].id, 'approved', t.communeA.id, 'Trưởng nhóm'],
        [people[3].id, 'approved', t.communeA.id, null],
      ].sort(),
    );
    const events = await db
      .select()
      .from(nominationEvents)
      .where(
        inArray(
          nominationEvents.nominationId,
          rows.map((n) => n.id),
        ),
      );
    expect(events.map((e) => [e.action, e.toStatus])).toEqual([
      ['imported', 'approved'],
      ['imported', 'approved'],
    ]);
    expect(await seatsOf(classId)).toBe(3);

    expect((await undo(t, s, b.id)).json().status).toBe('undone');
    expect(await imported(b.id)).toHaveLength(0);
    expect(await seatsOf(classId)).toBe(1);
    expect(
      await db
        .select()
        .from(nominationEvents)
        .where(
          inArray(
            nominationEvents.nominationId,
            rows.map((n) => n.id),
          ),
        ),
    ).toHaveLength(0);
  });

  it('takes the send-to-study decision per row and holds it as the approval route does; under approvals.decision_required a row without one is refused and nothing is written', async () => {
    const db = t.handle.db;
    const unit = await makeUnit(db, { parent: t.root, name: 'Xã Quyết Định' });
    const officer = await t.as('unit_officer', unit);
    const pids = ['022090000011', '022090000012', '022090000013', '022090000014'];
    const ps: PersonRow[] = [];
    for (const [i, pid] of pids.entries())
      ps.push(await makePerson(db, unit, { personalId: pid, fullName: `Đỗ Văn Cử ${i + 1}` }));
    const classId = await makeClassRow(t, programmeId, unit, { code: 'R7', capacity: 10, status: 'running' });
    const head = [...HEAD, ...DECISION_HEAD];
    const yesterday = day(-1);
    const nominations = async () =>
      (await db.select().from(classNominations).where(eq(classNominations.classId, classId))).map(
        ({ updatedAt, createdAt, decidedAt, id, ...rest }) => rest,
      );

    // Not required (the shipped policy): what is given must hold together, as on the approval route.
    const sheet = [
      head,
      [pids[0], 'Đỗ Văn Cử 1', '', ' 31/QĐ-UBND ', ddmm(yesterday), 'Hoàng Văn Ký', 'Chủ tịch UBND'], // 2: valid
      [pids[1], 'Đỗ Văn Cử 2', '', '', '', '', ''], // 3: valid, no decision
      [pids[2], 'Đỗ Văn Cử 3', '', '', ddmm(yesterday), 'Hoàng Văn Ký', ''], // 4: date and signer without number
      [pids[3], 'Đỗ Văn Cử 4', '', 'QĐ-UBND', ddmm(day(30)), '123', ''], // 5: no digit, future, no letters
    ];
    const b = (await upload(t, officer, 'roster', csvOf(sheet), { classId })).json();
    expect(b).toMatchObject({ totalRows: 4, validRows: 2, errorRows: 2 });
    expect((await allErrors(t, officer, b.id)).sort()).toEqual(
      [
        '4 Số quyết định DECISION_INVALID',
        '5 Số quyết định DECISION_INVALID',
        '5 Ngày quyết định DECISION_INVALID',
        '5 Người ký DECISION_INVALID',
      ].sort(),
    );
    const before = await nominations();
    expect((await commit(t, officer, b.id, 'all')).json().status).toBe('failed');
    expect(await nominations()).toEqual(before);
    expect((await commit(t, officer, b.id, 'valid')).json()).toMatchObject({ writtenRows: 2 });
    const common = {
      classId,
      unitId: unit.id,
      quotaUnitId: null,
      status: 'approved',
      note: null,
      importId: b.id,
      nominatedBy: expect.any(Number),
      decidedBy: expect.any(Number),
    };
    expect((await nominations()).sort((x, y) => x.personId - y.personId)).toEqual([
      expect.objectContaining({
        ...common,
        personId: ps[0].id,
        decisionNo: '31/QĐ-UBND',
        decisionDate: yesterday,
        signerName: 'Hoàng Văn Ký',
        signerTitle: 'Chủ tịch UBND',
      }),
      expect.objectContaining({
        ...common,
        personId: ps[1].id,
        decisionNo: null,
        decisionDate: null,
        signerName: null,
        signerTitle: null,
      }),
    ]);
    expect((await undo(t, officer, b.id)).json().status).toBe('undone');

    // Required by the province for this commune from yesterday: a row without a decision is
    // refused with the route's words, and "all or nothing" writes nothing.
    await db.insert(policyValues).values({
      code: 'approvals.decision_required',
      ownerUnitId: unit.id,
      value: true,
      effectiveFrom: yesterday,
      legalSource: 'Quyết định 7/2026/QĐ-UBND của tỉnh',
    });
    const b2 = (
      await upload(
        t,
        officer,
        'roster',
        csvOf([
          head,
          [pids[0], 'Đỗ Văn Cử 1', '', '31/QĐ-UBND', ddmm(yesterday), 'Hoàng Văn Ký', ''], // 2: valid
          [pids[1], 'Đỗ Văn Cử 2', '', '', '', '', ''], // 3: none
        ]),
        { classId },
      )
    ).json();
    expect((await allErrors(t, officer, b2.id)).sort()).toEqual(
      [
        '3 Số quyết định DECISION_INVALID',
        '3 Ngày quyết định DECISION_INVALID',
        '3 Người ký DECISION_INVALID',
      ].sort(),
    );
    expect((await rowErrors(t, officer, b2.id, 'vi')).map((e) => e.message).sort()).toEqual(
      ['cần ghi số quyết định', 'cần ghi ngày quyết định', 'cần ghi người ký quyết định'].sort(),
    );
    expect((await rowErrors(t, officer, b2.id, 'en')).map((e) => e.message)).toContain(
      'the decision number is required',
    );
    const empty = await nominations();
    expect((await commit(t, officer, b2.id, 'all')).json().status).toBe('failed');
    expect(await nominations()).toEqual(empty);
    // An old sheet without the decision columns is read, and held to the same rule.
    const b3 = (
      await upload(t, officer, 'roster', csvOf([HEAD, [pids[1], 'Đỗ Văn Cử 2', '']]), { classId })
    ).json();
    expect(await allErrors(t, officer, b3.id)).toHaveLength(3);
  });

  it('seats: a 3-seat class and a 5-row sheet writes 3 in only-valid mode, the last 2 are "lớp đã đủ chỗ"; quotas are charged', async () => {
    const classId = await makeClassRow(t, programmeId, t.communeA, {
      code: 'R2',
      capacity: 3,
      status: 'running',
    });
    const sheet = [HEAD, ...PIDS.map((pid, i) => [pid, `Nguyễn Văn Học ${i + 1}`, ''])];
    const b = (await upload(t, s, 'roster', csvOf(sheet), { classId })).json();
    expect(b).toMatchObject({ totalRows: 5, validRows: 3, errorRows: 2 });
    expect(await allErrors(t, s, b.id)).toEqual(['5 Số định danh CLASS_FULL', '6 Số định danh CLASS_FULL']);
    expect((await commit(t, s, b.id, 'valid')).json()).toMatchObject({ status: 'committed', writtenRows: 3 });
    expect((await imported(b.id)).map((n) => n.personId).sort()).toEqual(
      people
        .slice(0, 3)
        .map((p) => p.id)
        .sort(),
    );
    expect(await seatsOf(classId)).toBe(3);

    // A quota of 1 seat for the commune: the second person of the commune is refused; the pool is not theirs.
    const q = await makeClassRow(t, programmeId, t.communeA, { code: 'R3', capacity: 4, status: 'running' });
    await t.handle.db.execute(
      sql`insert into class_quotas (class_id, unit_id, seats) values (${q}, ${t.communeA.id}, 1)`,
    );
    const b2 = (await upload(t, s, 'roster', csvOf(sheet.slice(0, 3)), { classId: q })).json();
    expect(await allErrors(t, s, b2.id)).toEqual(['3 Số định danh QUOTA_FULL']);
    await commit(t, s, b2.id, 'valid');
    const [quota] = rowsOf<{ taken: number }>(
      await t.handle.db.execute(sql`select taken from class_quotas where class_id = ${q}`),
    );
    expect(quota.taken).toBe(1);
    expect((await undo(t, s, b2.id)).json().status).toBe('undone');
    const [after] = rowsOf<{ taken: number }>(
      await t.handle.db.execute(sql`select taken from class_quotas where class_id = ${q}`),
    );
    expect(after.taken).toBe(0);
  });

  it('undo is refused once a learner has attendance', async () => {
    const db = t.handle.db;
    const classId = await makeClassRow(t, programmeId, t.communeA, {
      code: 'R4',
      capacity: 5,
      status: 'running',
    });
    const b = (
      await upload(t, s, 'roster', csvOf([HEAD, [PIDS[4], 'Nguyễn Văn Học 5', '']]), { classId })
    ).json();
    await commit(t, s, b.id, 'all');
    const [n] = await imported(b.id);
    const [session] = await db
      .insert(classSessions)
      .values({ classId, day: '2026-10-02', startsAt: '07:30', endsAt: '11:00' })
      .returning();
    await db.insert(classAttendance).values({ sessionId: session.id, nominationId: n.id, status: 'present' });
    const res = await undo(t, s, b.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('điểm danh');
    expect(await imported(b.id)).toHaveLength(1);
    expect(await seatsOf(classId)).toBe(1);
  });

  it('401 without login, 403 without imports.run, 400 without a class, 404 for another subtree, 409 for a finished class', async () => {
    const mine = await makeClassRow(t, programmeId, t.communeA, {
      code: 'R5',
      capacity: 5,
      status: 'finished',
    });
    const theirs = await makeClassRow(t, programmeId, t.communeB, {
      code: 'R6',
      capacity: 5,
      status: 'running',
    });
    const body = csvOf([HEAD, [PIDS[0], 'Nguyễn Văn Học 1', '']]);
    expect((await upload(t, null, 'roster', body, { classId: mine })).statusCode).toBe(401);
    expect(
      (await upload(t, await t.as('lecturer', t.communeA), 'roster', body, { classId: mine })).statusCode,
    ).toBe(403);
    expect((await upload(t, s, 'roster', body)).statusCode).toBe(400);
    expect((await upload(t, s, 'roster', body, { classId: theirs })).statusCode).toBe(404);
    expect(
      (await t.call(s, { method: 'GET', url: `/api/imports/templates/results?classId=${theirs}` }))
        .statusCode,
    ).toBe(404);
    const closed = await upload(t, s, 'roster', body, { classId: mine });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('không nhận thêm học viên');
    const tpl = await t.call(s, { method: 'GET', url: '/api/imports/templates/roster?format=csv' });
    expect(tpl.body.split('\r\n')[0] ?? tpl.body).toContain('Số định danh');
  });
});
