/**
 * Annual plan lines from a sheet (ADR 045): preview writes nothing, units and codes by their
 * words, the plan editor's rule per row (bilingual), a draft plan created or an editable one
 * extended, all-or-nothing, undo; scope (another subtree's unit is a refused row) and permission.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { useTestApp } from '../../test/app';
import { PLAN_HEAD } from '../../test/dam-ha';
import { testBackends } from '../../test/db';
import { allErrors, commit, undo, upload, xlsxOf } from '../../test/fixtures/imports';

describe.each(testBackends())('annual plan import (%s)', (kind) => {
  const t = useTestApp(kind);
  const snapshot = async () => ({
    plans: rowsOf(
      await t.handle.db.execute(
        sql`select id, unit_id, year, title, status, version, import_id from annual_plans order by id`,
      ),
    ),
    lines: rowsOf(
      await t.handle.db.execute(sql`select id, plan_id, programme_kind, target_list, target_code, level, classes,
          trainees, periods, budget, note, source, import_id from plan_lines order by id`),
    ),
  });

  it('previews, writes lines by their words into a new draft plan and an editable one, and undoes', async () => {
    const s = await t.as('training_officer', t.root);
    // Commune A already has a draft 2027 plan with one typed line: the import adds to it.
    const mine = await t.call(s, {
      method: 'POST',
      url: '/api/plans',
      payload: { unitId: t.communeA.id, year: 2027, title: 'Kế hoạch của xã năm 2027' },
    });
    expect(mine.statusCode, mine.body).toBe(200);
    await t.call(s, {
      method: 'POST',
      url: `/api/plans/${mine.json().id}/lines`,
      payload: { programmeKind: 'IT', classes: 1, trainees: 30 },
    });
    const before = await snapshot();
    const rows = [
      PLAN_HEAD,
      [
        '',
        2027,
        'Lý luận chính trị',
        'Trung cấp',
        'Theo loại cán bộ',
        'Công chức',
        2,
        120,
        1760,
        'NST',
        900_000_000,
        '',
      ],
      ['', 2027, 'cap nhat kien thuc', '', '', '', 10, 1500, 16, 'Ngân sách tỉnh', 150_000_000, 'Luật mới'],
      ['xa dong hoa', 2027, 'KNOWLEDGE_UPDATE', '', '', '', 3, 240, 8, '', '', ''],
    ];
    const res = await upload(t, s, 'plans', await xlsxOf(rows), { fileName: 'ke-hoach.xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'previewed', totalRows: 3, errorRows: 0 });
    expect(await snapshot()).toEqual(before);

    const done = await commit(t, s, res.json().id, 'all');
    expect(done.json(), done.body).toMatchObject({ status: 'committed', writtenRows: 3 });
    const after = await snapshot();
    // What was there is untouched.
    expect(after.plans.slice(0, before.plans.length)).toEqual(
      before.plans.map((p) => ({ ...p, ...(after.plans.find((x) => x.id === p.id) as object) })),
    );
    expect(after.lines.slice(0, before.lines.length)).toEqual(before.lines);
    const province = after.plans.find((p) => p.unit_id === t.root.id)!;
    expect(province).toMatchObject({ year: 2027, status: 'draft', import_id: res.json().id });
    expect(
      after.lines.slice(before.lines.length).map(({ id: _, plan_id, ...l }) => ({ plan: plan_id, ...l })),
    ).toEqual([
      {
        plan: province.id,
        programme_kind: 'POLITICAL_THEORY',
        target_list: 'category',
        target_code: 'CC',
        level: 'TRUNG_CAP',
        classes: 2,
        trainees: 120,
        periods: 1760,
        budget: { NST: 900_000_000 },
        note: null,
        source: 'manual',
        import_id: res.json().id,
      },
      {
        plan: province.id,
        programme_kind: 'KNOWLEDGE_UPDATE',
        target_list: null,
        target_code: null,
        level: null,
        classes: 10,
        trainees: 1500,
        periods: 16,
        budget: { NST: 150_000_000 },
        note: 'Luật mới',
        source: 'manual',
        import_id: res.json().id,
      },
      {
        plan: mine.json().id,
        programme_kind: 'KNOWLEDGE_UPDATE',
        target_list: null,
        target_code: null,
        level: null,
        classes: 3,
        trainees: 240,
        periods: 8,
        budget: {},
        note: null,
        source: 'manual',
        import_id: res.json().id,
      },
    ]);
    // The plan's history and totals say so.
    const detail = (await t.call(s, { method: 'GET', url: `/api/plans/${province.id}` })).json();
    expect(detail.totals).toMatchObject({ lines: 2, classes: 12, trainees: 1620, budget: 1_050_000_000 });
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['lines.import']);

    const u = await undo(t, s, res.json().id);
    expect(u.statusCode, u.body).toBe(200);
    expect(await snapshot()).toEqual({
      plans: before.plans,
      lines: before.lines,
    });
  });

  it('holds every row to the plan editor rules, all or nothing, with bilingual reasons', async () => {
    const s = await t.as('training_officer', t.root);
    const before = await snapshot();
    const rows = [
      PLAN_HEAD,
      ['', 2027, 'IT', '', '', '', 1, 30, '', '', '', ''],
      // Knowledge updates have no levels: the editor's rule.
      ['', 2027, 'KNOWLEDGE_UPDATE', 'Trung cấp', '', '', 1, 30, '', '', '', ''],
      ['', 2027, 'Không có loại này', '', '', '', 1, 30, '', '', '', ''],
      ['', 2031, 'IT', '', '', '', 1, 30, '', '', '', ''],
      ['', 2027, 'IT', '', 'Theo ngạch', '', 1, 30, '', '', '', ''],
      ['', 2027, 'IT', '', '', '', 1, 30, '', '', 5_000_000, ''],
      ['Tỉnh Không Có', 2027, 'IT', '', '', '', 1, 30, '', '', '', ''],
    ];
    const res = await upload(t, s, 'plans', await xlsxOf(rows));
    const b = res.json();
    expect(await allErrors(t, s, b.id)).toEqual([
      '3 Trình độ PLAN_LINE_RULE',
      '4 Loại chương trình UNKNOWN_CODE',
      '5 Năm kế hoạch BAD_PLAN_YEAR',
      '6 Đối tượng PLAN_LINE_RULE',
      '7 Nguồn kinh phí REQUIRED',
      '8 Đơn vị UNKNOWN_UNIT',
    ]);
    const en = (
      await t.call(s, { method: 'GET', url: `/api/imports/${b.id}/errors`, headers: { 'x-dtbd-lang': 'en' } })
    ).json().items;
    expect(en.find((e: { row: number }) => e.row === 3).message).toBe(
      'Level: this programme kind has no levels.',
    );
    const vi = (await t.call(s, { method: 'GET', url: `/api/imports/${b.id}/errors` })).json().items;
    expect(vi.find((e: { row: number }) => e.row === 3).message).toBe(
      'Trình độ: loại chương trình này không chia trình độ.',
    );
    expect((await commit(t, s, b.id, 'all')).json()).toMatchObject({ status: 'failed', writtenRows: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses lines into a submitted plan', async () => {
    const s = await t.as('training_officer', t.root);
    const p = (
      await t.call(s, { method: 'POST', url: '/api/plans', payload: { year: 2027, title: 'Kế hoạch 2027' } })
    ).json();
    await t.call(s, {
      method: 'POST',
      url: `/api/plans/${p.id}/lines`,
      payload: { programmeKind: 'IT', classes: 1, trainees: 30 },
    });
    const sub = await t.call(s, { method: 'POST', url: `/api/plans/${p.id}/submit`, payload: {} });
    expect(sub.statusCode, sub.body).toBe(200);
    const res = await upload(t, s, 'plans', await xlsxOf([PLAN_HEAD, ['', 2027, 'IT', '', '', '', 1, 30]]));
    expect(await allErrors(t, s, res.json().id)).toEqual(['2 Năm kế hoạch PLAN_NOT_EDITABLE']);
  });

  it('keeps a commune officer to its subtree and asks for plan rights', async () => {
    const officer = await t.as('unit_officer', t.communeA);
    const before = await snapshot();
    const sheet = await xlsxOf([
      PLAN_HEAD,
      ['', 2027, 'IT', '', '', '', 1, 30],
      [t.communeB.name, 2027, 'IT', '', '', '', 1, 30],
    ]);
    const res = await upload(t, officer, 'plans', sheet);
    expect(res.statusCode, res.body).toBe(200);
    expect(await allErrors(t, officer, res.json().id)).toEqual(['3 Đơn vị UNKNOWN_UNIT']);
    const en = (
      await t.call(officer, {
        method: 'GET',
        url: `/api/imports/${res.json().id}/errors`,
        headers: { 'x-dtbd-lang': 'en' },
      })
    ).json().items;
    expect(en[0].message).toMatch(/unit/i);
    expect((await commit(t, officer, res.json().id, 'all')).json().status).toBe('failed');
    expect(await snapshot()).toEqual(before);
    // The other subtree's unit as the upload's unit: not found.
    expect((await upload(t, officer, 'plans', sheet, { unitId: t.communeB.id })).statusCode).toBe(404);
    for (const role of ['viewer', 'institution_staff'] as const) {
      const other = await t.as(role, t.root);
      expect((await upload(t, other, 'plans', sheet)).statusCode).toBe(403);
    }
    // A committed plan import by someone else's batch is not theirs to undo.
    const s = await t.as('training_officer', t.root);
    const mine = await upload(t, s, 'plans', await xlsxOf([PLAN_HEAD, ['', 2027, 'IT', '', '', '', 1, 30]]));
    await commit(t, s, mine.json().id, 'all');
    expect([403, 404]).toContain((await undo(t, officer, mine.json().id)).statusCode);
  });
});
