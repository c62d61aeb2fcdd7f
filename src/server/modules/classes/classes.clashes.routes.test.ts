import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';
import { makeUnit } from '../../test/fixtures/org';

interface Clashes {
  classId: number;
  clashes: {
    sessionId: number;
    kind: string;
    other: { classId: number; classCode: string | null; className: string | null };
    message: { vi: string; en: string };
  }[];
}

/**
 * GET /classes/:id/clashes, and a clash with a class of another subtree: flagged (the lecturer is
 * busy) but not named. Two departments under the province share a province lecturer.
 */
describe.each(testBackends())('class clashes route (%s)', (kind) => {
  const t = useTestApp(kind);
  let province: Session;
  let deptA: Session;
  let deptB: Session;
  let classA: number;
  let classB: number;
  let sessionA: number;
  const call = (s: Session | null, opts: InjectOptions) => t.call(s, opts);
  const post = (s: Session, url: string, payload: object) => call(s, { method: 'POST', url, payload });
  const clashesOf = (s: Session | null, id: number) =>
    call(s, { method: 'GET', url: `/api/classes/${id}/clashes` });

  async function openWithSession(s: Session, venue: string, lecturerId: number, startsAt: string) {
    const code = 'K1/2026';
    const c = await post(s, '/api/classes', {
      code,
      name: `Lớp bồi dưỡng ${code}`,
      programmeId,
      startsOn: '2026-04-06',
      endsOn: '2026-04-10',
      venue,
      mode: 'in_person',
      capacity: 40,
    });
    expect(c.statusCode, c.body).toBe(200);
    const res = await post(s, `/api/classes/${c.json().id}/sessions`, {
      day: '2026-04-07',
      startsAt,
      endsAt: '11:00',
      topicCode: 'LLCT-TRIET',
      lecturerId,
      room: 'Phòng 1',
    });
    expect(res.statusCode, res.body).toBe(200);
    return { id: c.json().id as number, sessionId: res.json().sessions[0].id as number };
  }
  let programmeId: number;

  beforeAll(async () => {
    province = await t.as('training_officer', t.root);
    deptA = await t.as(
      'training_officer',
      await makeUnit(t.handle.db, { parent: t.root, name: 'Sở Nội vụ' }),
    );
    deptB = await t.as('training_officer', await makeUnit(t.handle.db, { parent: t.root, name: 'Sở Y tế' }));
    programmeId = (await createProgramme(t, province)).id;
    const lect = await post(province, '/api/lecturers', { kind: 'invited', fullName: 'ThS. Trần Thị Dạy' });
    expect(lect.statusCode, lect.body).toBe(200);
    const a = await openWithSession(deptA, 'Hội trường Sở Nội vụ', lect.json().id, '07:30');
    const b = await openWithSession(deptB, 'Hội trường Sở Y tế', lect.json().id, '09:00');
    classA = a.id;
    classB = b.id;
    sessionA = a.sessionId;
  });

  it('names the other class to whoever sees it', async () => {
    const res = await clashesOf(province, classA);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Clashes;
    expect(body.classId).toBe(classA);
    // Different venues: the same "Phòng 1" is two rooms, so only the lecturer clashes.
    expect(body.clashes).toEqual([
      {
        sessionId: sessionA,
        kind: 'lecturer',
        other: expect.objectContaining({
          classId: classB,
          classCode: 'K1/2026',
          className: 'Lớp bồi dưỡng K1/2026',
        }),
        message: {
          vi: 'Giảng viên cũng dạy lớp K1/2026 ngày 07/04/2026 (09:00–11:00).',
          en: 'The lecturer also teaches class K1/2026 on 07/04/2026 (09:00-11:00).',
        },
      },
    ]);
  });

  it("flags a clash with another subtree's class without naming it, here and in the class detail", async () => {
    const res = await clashesOf(deptA, classA);
    expect(res.statusCode, res.body).toBe(200);
    const [clash] = (res.json() as Clashes).clashes;
    expect(clash.other).toMatchObject({ classCode: null, className: null });
    expect(clash.message.vi).toBe(
      'Giảng viên cũng dạy một lớp của đơn vị khác ngày 07/04/2026 (09:00–11:00).',
    );
    expect(clash.message.en).not.toContain('K1/2026');
    const detail = await call(deptA, { method: 'GET', url: `/api/classes/${classA}` });
    expect(detail.json().clashes).toEqual((res.json() as Clashes).clashes);
  });

  it('answers 401, 403 without classes.read, 404 for another subtree or an unknown class', async () => {
    expect((await clashesOf(null, classA)).statusCode).toBe(401);
    expect((await clashesOf(await t.as('learner', t.root), classA)).statusCode).toBe(403);
    expect((await clashesOf(deptB, classA)).statusCode).toBe(404);
    expect((await clashesOf(province, 999_999)).statusCode).toBe(404);
    const bad = await call(province, { method: 'GET', url: '/api/classes/abc/clashes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id');
  });
});
