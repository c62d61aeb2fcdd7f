import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { buildGapWorld } from '../../test/fixtures/standards';

const ON = 'asOf=2026-11-20';

describe.each(testBackends())('gaps routes (%s)', (kind) => {
  const t = useTestApp(kind);
  let w: Awaited<ReturnType<typeof buildGapWorld>>;
  beforeAll(async () => {
    w = await buildGapWorld(t);
  });
  const get = async (role: Parameters<typeof t.as>[0], url: string, scope = t.root) =>
    t.call(await t.as(role, scope), { method: 'GET', url });

  it('counts people with gaps and gaps by unit, with headcounts and labels', async () => {
    const res = await get('viewer', `/api/standards/gaps/summary?unitId=${w.district.id}&${ON}`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ unitId: w.district.id, unitName: 'Huyện Khoảng Trống', groupBy: 'unit' });
    expect(s.totals).toEqual({ headcount: 4, peopleWithGaps: 3, gaps: 5, missing: 4, due: 1 });
    expect(
      s.groups.map((g: Record<string, unknown>) => [
        g.unitId,
        g.label,
        g.headcount,
        g.peopleWithGaps,
        g.gaps,
        g.due,
      ]),
    ).toEqual([
      [w.agency.id, { vi: 'Phòng Nội vụ', en: 'Phòng Nội vụ' }, 3, 2, 3, 1],
      [w.commune.id, { vi: 'Xã Yên Lập', en: 'Xã Yên Lập' }, 1, 1, 2, 0],
    ]);
  });

  it('counts by rule and by category', async () => {
    const byRule = (
      await get('viewer', `/api/standards/gaps/summary?unitId=${w.district.id}&${ON}&groupBy=rule`)
    ).json();
    expect(
      Object.fromEntries(byRule.groups.map((g: { ruleCode: string; gaps: number }) => [g.ruleCode, g.gaps])),
    ).toEqual({
      SM_CVC: 1,
      EDU_CIVIL_SERVANT: 1,
      LEAD_PHONG: 1,
      PT_LEADER_PHONG_XA: 1,
      COMMUNE_CHAIR_PT: 1,
    });
    expect(byRule.groups.find((g: { ruleCode: string }) => g.ruleCode === 'SM_CVC').label.vi).toContain(
      'chuyên viên chính',
    );
    expect(byRule.totals).toMatchObject({ headcount: 4, peopleWithGaps: 3, gaps: 5 });
    const byCat = (
      await get('viewer', `/api/standards/gaps/summary?unitId=${w.district.id}&${ON}&groupBy=category`)
    ).json();
    expect(
      byCat.groups.map((g: Record<string, unknown>) => [g.category, g.label, g.headcount, g.gaps]),
    ).toEqual([
      ['CBX', { vi: 'Cán bộ, công chức cấp xã', en: 'Commune-level cadre or civil servant' }, 1, 2],
      ['CC', { vi: 'Công chức', en: 'Civil servant' }, 3, 3],
    ]);
  });

  it('lists the people behind a number in roster order, filtered, paged, explained', async () => {
    const base = `/api/standards/gaps/people?unitId=${w.district.id}&${ON}`;
    const all = (await get('viewer', base)).json();
    expect(all.total).toBe(5);
    expect(
      all.items.map((r: { fullName: string; ruleCode: string }) => `${r.fullName} ${r.ruleCode}`),
    ).toEqual([
      'Nguyễn Văn An EDU_CIVIL_SERVANT',
      'Nguyễn Văn An SM_CVC',
      'Trần Thị Bình LEAD_PHONG',
      'Lê Văn Cường COMMUNE_CHAIR_PT',
      'Lê Văn Cường PT_LEADER_PHONG_XA',
    ]);
    const due = all.items[2];
    expect(due).toMatchObject({
      status: 'due',
      dueBy: '2027-06-01',
      unitName: 'Phòng Nội vụ',
      category: 'CC',
      rank: 'CV',
      post: 'Phó Trưởng phòng',
    });
    expect(due.explanation.vi).toContain('hạn đến 01/06/2027');
    expect(
      (await get('viewer', `${base}&ruleCode=SM_CVC`))
        .json()
        .items.map((r: { personId: number }) => r.personId),
    ).toEqual([w.an.id]);
    expect((await get('viewer', `${base}&category=CBX`)).json().total).toBe(2);
    expect((await get('viewer', `${base}&groupUnitId=${w.commune.id}`)).json().total).toBe(2);
    // The unit itself as the group is the summary's "directly" row: nobody sits in the district itself.
    expect((await get('viewer', `${base}&groupUnitId=${w.district.id}`)).json().total).toBe(0);
    expect(
      (
        await get(
          'viewer',
          `/api/standards/gaps/people?unitId=${w.agency.id}&${ON}&groupUnitId=${w.agency.id}`,
        )
      ).json().total,
    ).toBe(3);
    expect((await get('viewer', `${base}&status=due`)).json().total).toBe(1);
    const page2 = (await get('viewer', `${base}&page=2&pageSize=2`)).json();
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.items.map((r: { ruleCode: string }) => r.ruleCode)).toEqual([
      'LEAD_PHONG',
      'COMMUNE_CHAIR_PT',
    ]);
    expect((await get('viewer', `${base}&page=9&pageSize=2`)).json()).toMatchObject({ items: [], total: 5 });
  });

  it('exports the same rows as CSV: BOM, Vietnamese headers, STT, dd/mm/yyyy', async () => {
    const res = await get(
      'unit_officer',
      `/api/standards/gaps/export.csv?unitId=${w.district.id}&${ON}`,
      w.district,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('.csv');
    expect(
      res.body.startsWith(
        '\uFEFFSTT,Họ và tên,Đơn vị,Đối tượng,"Ngạch, chức danh nghề nghiệp",Chức vụ,Mã tiêu chuẩn,Tiêu chuẩn,Tình trạng,Hạn hoàn thành',
      ),
    ).toBe(true);
    const lines = res.body.trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(lines[3]).toContain(
      'Trần Thị Bình,Phòng Nội vụ,Công chức,Chuyên viên và tương đương,Phó Trưởng phòng,LEAD_PHONG',
    );
    expect(lines[3]).toContain('01/06/2027');
    const filtered = await get(
      'viewer',
      `/api/standards/gaps/export.csv?unitId=${w.district.id}&${ON}&status=due`,
    );
    expect(filtered.body.trim().split('\r\n')).toHaveLength(2);
  });

  it('old dates use the people and rules of that date', async () => {
    const s = (
      await get('viewer', `/api/standards/gaps/summary?unitId=${w.district.id}&asOf=2020-06-01&groupBy=rule`)
    ).json();
    const codes = s.groups.map((g: { ruleCode: string }) => g.ruleCode);
    expect(codes).toContain('ANNUAL_40_PERIODS');
    expect(s.totals.headcount).toBe(5);
  });

  it('answers 401, 403 and 404 for another subtree; validates the query', async () => {
    expect((await t.call(null, { method: 'GET', url: '/api/standards/gaps/summary' })).statusCode).toBe(401);
    expect((await t.call(null, { method: 'GET', url: '/api/standards/gaps/export.csv' })).statusCode).toBe(
      401,
    );
    expect((await get('lecturer', '/api/standards/gaps/summary')).statusCode).toBe(403);
    expect((await get('learner', '/api/standards/gaps/people')).statusCode).toBe(403);
    const other = await t.as('unit_officer', t.communeB);
    for (const url of [
      `/api/standards/gaps/summary?unitId=${w.district.id}`,
      `/api/standards/gaps/people?unitId=${w.district.id}`,
      `/api/standards/gaps/export.csv?unitId=${w.district.id}`,
      `/api/standards/gaps/people?groupUnitId=${w.commune.id}`,
    ])
      expect((await t.call(other, { method: 'GET', url })).statusCode).toBe(404);
    // A group outside the unit asked for.
    expect(
      (await get('viewer', `/api/standards/gaps/people?unitId=${w.district.id}&groupUnitId=${t.communeB.id}`))
        .statusCode,
    ).toBe(404);
    const bad = await get('viewer', '/api/standards/gaps/summary?asOf=2026-13-01&groupBy=nope');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['asOf', 'groupBy']);
    // The commune officer sees only their own commune's people.
    const own = await t.as('unit_officer', w.commune);
    const mine = (
      await t.call(own, { method: 'GET', url: '/api/standards/gaps/summary?asOf=2026-11-20' })
    ).json();
    expect(mine.totals).toMatchObject({ headcount: 1, gaps: 2 });
  });
});
