import { beforeAll, describe, expect, it } from 'vitest';
import type { Todo } from '../../../contracts/todo';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';
import { makePerson, makeUnit } from '../../test/fixtures/org';
import { buildGapWorld } from '../../test/fixtures/standards';

describe.each(testBackends())('to-do page (%s)', (kind) => {
  const t = useTestApp(kind);
  let officer: Session;
  let staff: Session;
  let district: Session;
  let outsider: Session;
  let viewer: Session;

  const todoOf = async (s: Session) => {
    const res = await t.call(s, { method: 'GET', url: '/api/todo' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Todo;
    return Object.fromEntries(body.items.map((i) => [i.key, i.count]));
  };

  beforeAll(async () => {
    const w = await buildGapWorld(t);
    const school = await makeUnit(t.handle.db, { parent: t.root, name: 'Trường Chính trị', level: 'agency' });
    const other = await makeUnit(t.handle.db, { parent: t.root, name: 'Huyện Khác', level: 'district' });
    officer = await t.as('training_officer', t.root);
    staff = await t.as('institution_staff', school);
    district = await t.as('unit_officer', w.district);
    outsider = await t.as('unit_officer', other);
    viewer = await t.as('viewer', t.root);
    const programmeId = (await createProgramme(t, officer)).id;
    const inst = await t.call(officer, {
      method: 'POST',
      url: '/api/institutions',
      payload: { kind: 'PROVINCIAL_SCHOOL', name: 'Trường Chính trị', orgUnitId: school.id },
    });
    const c = await t.call(officer, {
      method: 'POST',
      url: '/api/classes',
      payload: {
        code: 'TD1/2027',
        name: 'Lớp việc cần làm',
        programmeId,
        institutionId: inst.json().id,
        startsOn: '2027-03-01',
        endsOn: '2027-06-30',
        mode: 'in_person',
        capacity: 5,
        budget: { NST: 1_000_000 },
      },
    });
    const id = c.json().id;
    await t.call(officer, {
      method: 'POST',
      url: `/api/classes/${id}/status`,
      payload: { to: 'open_for_nomination' },
    });
    const a = await makePerson(t.handle.db, w.commune, { fullName: 'Người Chờ Duyệt' });
    const b = await makePerson(t.handle.db, w.commune, { fullName: 'Người Chờ Duyệt Hai' });
    const sent = await t.call(district, {
      method: 'POST',
      url: `/api/classes/${id}/nominations/bulk`,
      payload: { personIds: [a.id, b.id] },
    });
    expect(sent.json().done).toBe(2);
  });

  it('counts what waits for each role in its own subtree only', async () => {
    const d = await todoOf(district);
    expect(d).toMatchObject({ myNominationsWaiting: 2, classesOpen: 1 });
    expect(d).not.toHaveProperty('nominationsToDecide');
    expect(d.standardsDue).toBeGreaterThanOrEqual(1);
    expect(await todoOf(staff)).toMatchObject({ nominationsToDecide: 2 });
    expect(await todoOf(officer)).toMatchObject({ nominationsToDecide: 2, myNominationsWaiting: 2 });
    const o = await todoOf(outsider);
    expect(o).toMatchObject({ myNominationsWaiting: 0, classesOpen: 1, standardsDue: 0 });
    // The leader reads: no entry to act on but the standards and overdue reports.
    expect(Object.keys(await todoOf(viewer)).sort()).toEqual(['reportsOverdue', 'standardsDue']);
    expect((await t.call(null, { method: 'GET', url: '/api/todo' })).statusCode).toBe(401);
  });
});
