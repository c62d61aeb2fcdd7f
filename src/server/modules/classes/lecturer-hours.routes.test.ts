import { beforeAll, describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';

type Hours = { year: number; source: string; periods: number }[];

/** Periods taught follow the sessions: added, moved to another lecturer, deleted, cancelled. */
describe.each(testBackends())('lecturer periods from sessions (%s)', (kind) => {
  const t = useTestApp(kind);
  let officer: Session;
  let programme: { id: number };
  const post = (url: string, payload: object) => t.call(officer, { method: 'POST', url, payload });
  const lecturer = async (fullName: string) => {
    const res = await post('/api/lecturers', { kind: 'invited', fullName });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as number;
  };
  const hours = async (id: number): Promise<Hours> =>
    ((await t.call(officer, { method: 'GET', url: `/api/lecturers/${id}` })).json().hours as Hours)
      .map(({ year, source, periods }) => ({ year, source, periods }))
      .sort((a, b) => a.source.localeCompare(b.source));
  const taught = (periods: number) => ({ year: 2026, source: 'classes', periods });

  beforeAll(async () => {
    officer = await t.as('training_officer', t.root);
    programme = await createProgramme(t, officer);
  });

  it('recomputes the classes rows and leaves typed periods alone', async () => {
    const a = await lecturer('TS. Trần Thị An');
    const b = await lecturer('ThS. Lê Văn Bình');
    const typed = await t.call(officer, {
      method: 'PUT',
      url: `/api/lecturers/${a}/hours/2026`,
      payload: { periods: 10 },
    });
    expect(typed.statusCode, typed.body).toBe(200);
    const created = await post('/api/classes', {
      code: 'K1/2026',
      name: 'Lớp bồi dưỡng giờ giảng',
      programmeId: programme.id,
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
      mode: 'in_person',
      capacity: 30,
      budget: {},
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    const session = (lecturerId: number, startsAt: string, endsAt: string) => ({
      day: '2026-03-02',
      startsAt,
      endsAt,
      lecturerId,
      room: 'Phòng 101',
    });

    const first = await post(`/api/classes/${id}/sessions`, session(a, '07:30', '11:00'));
    expect(first.statusCode, first.body).toBe(200);
    expect(await hours(a)).toEqual([taught(4), { year: 2026, source: 'manual', periods: 10 }]);

    const second = await post(`/api/classes/${id}/sessions`, session(a, '13:30', '17:00'));
    expect(await hours(a)).toEqual([taught(8), { year: 2026, source: 'manual', periods: 10 }]);

    const [s1, s2] = (second.json().sessions as { id: number }[]).map((s) => s.id);
    const moved = await t.call(officer, {
      method: 'PUT',
      url: `/api/classes/${id}/sessions/${s2}`,
      payload: session(b, '13:30', '17:00'),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await hours(a)).toEqual([taught(4), { year: 2026, source: 'manual', periods: 10 }]);
    expect(await hours(b)).toEqual([taught(4)]);

    const gone = await t.call(officer, { method: 'DELETE', url: `/api/classes/${id}/sessions/${s1}` });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(await hours(a)).toEqual([{ year: 2026, source: 'manual', periods: 10 }]);

    const cancelled = await post(`/api/classes/${id}/status`, {
      to: 'cancelled',
      comment: 'Không đủ học viên',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await hours(b)).toEqual([]);
  });
});
