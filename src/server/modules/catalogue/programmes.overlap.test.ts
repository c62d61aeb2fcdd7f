import { describe, expect, it } from 'vitest';
import { qualifications } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme, fieldsOf } from '../../test/fixtures/catalogue';
import { makePerson, makeUnit } from '../../test/fixtures/org';

describe.each(testBackends())('programme overlap routes (%s)', (kind) => {
  const t = useTestApp(kind);

  /** Two programmes sharing two topics, and one apart, in the province's catalogue. */
  let round = 0;
  async function catalogue() {
    // Each test owns its codes: the database is shared by the file.
    const x = `R${++round}`;
    const officer = await t.as('training_officer', t.root);
    const cv = await createProgramme(t, officer, {
      code: `OV-QLNN-CV-${x}`,
      kind: 'STATE_MANAGEMENT',
      level: 'CV',
      grantsKind: 'STATE_MANAGEMENT',
      grantsLevel: 'CV',
      periods: 160,
      topics: [
        { topicCode: `OV-HCNN-${x}`, name: 'Hành chính nhà nước', periods: 24 },
        { topicCode: `OV-KN-SOAN-THAO-${x}`, name: 'Kỹ năng soạn thảo văn bản', periods: 16 },
        { topicCode: `OV-CV-RIENG-${x}`, name: 'Nghiệp vụ chuyên viên', periods: 40 },
      ],
    });
    const lead = await createProgramme(t, officer, {
      code: `OV-LD-PHONG-${x}`,
      kind: 'LEADERSHIP',
      level: 'PHONG',
      grantsKind: 'LEADERSHIP',
      grantsLevel: 'PHONG',
      periods: 160,
      topics: [
        { topicCode: `OV-HCNN-${x}`, name: 'Hành chính nhà nước', periods: 16 },
        { topicCode: `OV-KN-SOAN-THAO-${x}`, name: 'Soạn thảo văn bản', periods: 8 },
        { topicCode: `OV-LANH-DAO-${x}`, name: 'Kỹ năng lãnh đạo', periods: 40 },
      ],
    });
    const apart = await createProgramme(t, officer, {
      code: `OV-TIN-HOC-${x}`,
      kind: 'IT',
      level: 'CO_BAN',
      grantsKind: 'IT',
      grantsLevel: 'CO_BAN',
      topics: [{ topicCode: `OV-CNTT-${x}`, name: 'CNTT', periods: 40 }],
    });
    return { officer, cv, lead, apart, x };
  }

  it('warns on save and on view about programmes sharing topics, with shared periods', async () => {
    const { officer, cv, lead, x } = await catalogue();
    // The second programme saved already lists the first in its answer.
    expect(lead.overlaps).toEqual([
      expect.objectContaining({
        programmeId: cv.id,
        sharedPeriods: 24,
        sharedTopics: [
          { topicCode: `OV-HCNN-${x}`, name: 'Hành chính nhà nước', periods: 16, otherPeriods: 24 },
          { topicCode: `OV-KN-SOAN-THAO-${x}`, name: 'Soạn thảo văn bản', periods: 8, otherPeriods: 16 },
        ],
      }),
    ]);
    const view = (await t.call(officer, { method: 'GET', url: `/api/programmes/${cv.id}` })).json();
    expect(view.overlaps.map((o: { programmeId: number }) => o.programmeId)).toEqual([lead.id]);
    expect(view.overlaps[0]).toMatchObject({ sharedPeriods: 40, sharedPct: 50 });

    const check = await t.call(officer, {
      method: 'POST',
      url: '/api/programmes/overlap-check',
      payload: { topics: [{ topicCode: `ov-lanh-dao-${x.toLowerCase()}`, periods: 10 }], excludeId: cv.id },
    });
    expect(check.statusCode).toBe(200);
    expect(check.json().overlaps.map((o: { programmeId: number }) => o.programmeId)).toEqual([lead.id]);
    const bad = await t.call(officer, {
      method: 'POST',
      url: '/api/programmes/overlap-check',
      payload: { topics: [{ topicCode: 'X', periods: 0 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toBe('topics[0].periods');
  });

  it('reports overlapping pairs, filtered by kind and shared periods', async () => {
    const { officer, cv, lead, apart } = await catalogue();
    const report = (await t.call(officer, { method: 'GET', url: '/api/programmes/overlaps' })).json();
    const pair = report.pairs.find(
      (p: { a: { id: number }; b: { id: number } }) => p.a.id === cv.id && p.b.id === lead.id,
    );
    expect(pair).toMatchObject({ sharedPeriodsA: 40, sharedPeriodsB: 24 });
    expect(
      report.pairs.some((p: { a: { id: number }; b: { id: number } }) => [p.a.id, p.b.id].includes(apart.id)),
    ).toBe(false);
    const strict = (
      await t.call(officer, { method: 'GET', url: '/api/programmes/overlaps?minPeriods=41' })
    ).json();
    expect(strict.pairs.some((p: { a: { id: number } }) => p.a.id === cv.id)).toBe(false);
    const itOnly = (await t.call(officer, { method: 'GET', url: '/api/programmes/overlaps?kind=IT' })).json();
    expect(itOnly.pairs.some((p: { a: { id: number } }) => p.a.id === cv.id)).toBe(false);
    const bad = await t.call(officer, { method: 'GET', url: '/api/programmes/overlaps?minPeriods=0' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toContain('minPeriods');
  });

  it('tells whether a person already holds the qualification or covered the topics', async () => {
    const { cv, lead, apart, x } = await catalogue();
    const holder = await makePerson(t.handle.db, t.communeA, { fullName: 'Trần Thị Đã Học' });
    await t.handle.db.insert(qualifications).values([
      { personId: holder.id, kind: 'STATE_MANAGEMENT', level: 'CV' },
      { personId: holder.id, kind: 'IT', level: 'NANG_CAO' },
    ]);
    const fresh = await makePerson(t.handle.db, t.communeA, { fullName: 'Lê Văn Chưa Học' });
    const commune = await t.as('unit_officer', t.communeA);
    const ask = (programmeId: number, personId: number) =>
      t.call(commune, { method: 'GET', url: `/api/programmes/${programmeId}/overlap?personId=${personId}` });

    const same = (await ask(cv.id, holder.id)).json();
    expect(same).toMatchObject({
      overlap: true,
      heldQualification: { kind: 'STATE_MANAGEMENT', level: 'CV', higher: false },
    });
    expect(same.reasons[0]).toMatchObject({ code: 'HOLDS_QUALIFICATION' });
    expect(same.reasons[0].vi).toContain('Quản lý nhà nước theo ngạch - Chương trình chuyên viên');

    const higher = (await ask(apart.id, holder.id)).json();
    expect(higher.reasons.map((r: { code: string }) => r.code)).toEqual(['HOLDS_HIGHER']);
    expect(higher.reasons[0].en).toContain('Advanced IT skills');

    // The leadership programme repeats two topics of the specialist programme the person passed.
    const topics = (await ask(lead.id, holder.id)).json();
    expect(topics).toMatchObject({ overlap: true, heldQualification: null, coveredPeriods: 24 });
    expect(topics.coveredTopics.map((c: { topicCode: string }) => c.topicCode)).toEqual([
      `OV-HCNN-${x}`,
      `OV-KN-SOAN-THAO-${x}`,
    ]);
    expect(topics.reasons.map((r: { code: string }) => r.code)).toEqual(['TOPICS_COVERED']);

    const none = (await ask(lead.id, fresh.id)).json();
    expect(none).toMatchObject({ overlap: false, reasons: [], coveredTopics: [] });
  });

  it('scopes the person: 404 outside the subtree, 403 without people.read, 400 without personId', async () => {
    const { cv, x } = await catalogue();
    const elsewhere = await makePerson(t.handle.db, t.communeB);
    const commune = await t.as('unit_officer', t.communeA);
    const res = await t.call(commune, {
      method: 'GET',
      url: `/api/programmes/${cv.id}/overlap?personId=${elsewhere.id}`,
    });
    expect(res.statusCode).toBe(404);
    const lecturer = await t.as('lecturer', t.root);
    const own = await makePerson(t.handle.db, t.communeA);
    expect(
      (await t.call(lecturer, { method: 'GET', url: `/api/programmes/${cv.id}/overlap?personId=${own.id}` }))
        .statusCode,
    ).toBe(403);
    const missing = await t.call(commune, { method: 'GET', url: `/api/programmes/${cv.id}/overlap` });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toContain('personId');
    const other = await makeUnit(t.handle.db, { name: 'Tỉnh Xa' });
    const stranger = await t.as('training_officer', other);
    expect(
      (
        await t.call(stranger, {
          method: 'POST',
          url: '/api/programmes/overlap-check',
          payload: { topics: [{ topicCode: `OV-HCNN-${x}`, periods: 4 }] },
        })
      ).json().overlaps,
    ).toEqual([]);
  });
});
