import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';
import { downloadName, sheetRows } from '../../test/xlsx';

describe.each(testBackends())('classes export (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-03-10T20:00:00Z') });
  let officer: Session;
  const get = (s: Session | null, url: string, o: Partial<InjectOptions> = {}) =>
    t.call(s, { method: 'GET', url, ...o });

  beforeAll(async () => {
    officer = await t.as('training_officer', t.root);
    const programme = await createProgramme(t, officer, { organiserLevels: ['province', 'commune'] });
    const open = async (over: Record<string, unknown>) => {
      const res = await t.call(officer, {
        method: 'POST',
        url: '/api/classes',
        payload: {
          name: 'Lớp bồi dưỡng',
          programmeId: programme.id,
          mode: 'in_person',
          capacity: 40,
          budget: { NST: 1_000_000 },
          ...over,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await open({
      code: 'K1/2025',
      name: 'Lớp trung cấp khóa 1',
      startsOn: '2025-03-02',
      endsOn: '2025-06-30',
    });
    await open({
      code: 'K1/2026',
      name: 'Lớp trung cấp khóa 2',
      startsOn: '2026-03-02',
      endsOn: '2026-06-30',
    });
    await open({
      code: 'K9/2026',
      name: 'Lớp của xã Đông Hòa',
      organiserUnitId: t.communeA.id,
      startsOn: '2026-09-07',
      endsOn: '2026-09-11',
      budget: { NST: 2_500_000 },
    });
  });

  it('writes the filtered classes with Vietnamese headers, labels and real dates', async () => {
    const res = await get(officer, '/api/classes/export.xlsx?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    // 20:00 UTC is already the next day in Vietnam.
    expect(downloadName(res)).toBe('Danh sách lớp 11-03-2027.xlsx');
    const [header, ...rows] = await sheetRows(res);
    expect(header.slice(0, 5)).toEqual(['STT', 'Mã lớp', 'Tên lớp', 'Chương trình', 'Loại chương trình']);
    // Newest first, as the list; 2025's class is filtered out.
    expect(rows.map((r) => r[1])).toEqual(['K9/2026', 'K1/2026']);
    expect(rows[0][0]).toBe(1);
    expect(rows[0][4]).toBe('Lý luận chính trị');
    expect(rows[0][5]).toBe('Xã Đông Hòa');
    expect(rows[0][7]).toEqual(new Date('2026-09-07T00:00:00Z'));
    expect(rows[0][9]).toBe('Trực tiếp');
    expect(rows[0][13]).toBe(2_500_000);
    expect(rows[0][14]).toBe('Dự kiến');
    const searched = await sheetRows(await get(officer, '/api/classes/export.xlsx?q=khoa 1'));
    expect(searched.slice(1).map((r) => r[1])).toEqual(['K1/2025']);
  });

  it('answers in English when asked', async () => {
    const res = await get(officer, '/api/classes/export.xlsx?year=2025&lang=en');
    expect(downloadName(res)).toBe('Classes 11-03-2027.xlsx');
    const [header, row] = await sheetRows(res);
    expect(header.slice(0, 3)).toEqual(['No.', 'Code', 'Class']);
    expect(row[4]).toBe('Political theory');
  });

  it('keeps the list’s checks: 401, 403, another commune’s classes left out', async () => {
    expect((await get(null, '/api/classes/export.xlsx')).statusCode).toBe(401);
    const learner = await t.as('learner', t.communeA);
    expect((await get(learner, '/api/classes/export.xlsx')).statusCode).toBe(403);
    const communeB = await t.as('unit_officer', t.communeB);
    const list = (await get(communeB, '/api/classes')).json();
    const rows = (await sheetRows(await get(communeB, '/api/classes/export.xlsx'))).slice(1);
    // The province's classes, not commune A's.
    expect(rows.map((r) => r[1]).sort()).toEqual(['K1/2025', 'K1/2026']);
    expect(rows.length).toBe(list.total);
    expect((await get(officer, '/api/classes/export.xlsx?year=1999')).statusCode).toBe(400);
  });
});
