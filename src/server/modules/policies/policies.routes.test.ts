import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { fieldsOf } from '../../test/fixtures/catalogue';

describe.each(testBackends())('policy routes (%s)', (kind) => {
  const t = useTestApp(kind);

  it("sets the province's own grade bands from a date; the national ones stay for earlier dates and other provinces", async () => {
    const officer = await t.as('training_officer', t.root);
    const bands = [
      { code: 'GIOI', vi: 'Giỏi', en: 'Very good', minAverage: 8 },
      { code: 'DAT', vi: 'Đạt', en: 'Pass', minAverage: 5 },
    ];
    const bad = await t.call(officer, {
      method: 'POST',
      url: '/api/policies/class.grade_bands',
      payload: {
        value: [{ code: 'X', vi: 'X', en: 'X', minAverage: 11 }],
        effectiveFrom: '2027-01-01',
        legalSource: 'QĐ',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toContain('value.0.minAverage');
    const ok = await t.call(officer, {
      method: 'POST',
      url: '/api/policies/class.grade_bands',
      payload: { value: bands, effectiveFrom: '2027-01-01', legalSource: 'Quyết định 12/QĐ-UBND' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ownerUnitId: t.root.id, builtIn: false });
    const again = await t.call(officer, {
      method: 'POST',
      url: '/api/policies/class.grade_bands',
      payload: { value: bands, effectiveFrom: '2026-12-01', legalSource: 'x' },
    });
    expect(again.statusCode).toBe(409);
    const list = async (asOf: string, s = officer) =>
      (await t.call(s, { method: 'GET', url: `/api/policies?asOf=${asOf}` })).json();
    const later = (await list('2027-06-01')).items.find(
      (i: { code: string }) => i.code === 'class.grade_bands',
    );
    expect(later.current.value).toEqual(bands);
    expect(later.versions).toHaveLength(2);
    const before = (await list('2026-06-01')).items.find(
      (i: { code: string }) => i.code === 'class.grade_bands',
    );
    expect(before.current.builtIn).toBe(true);
    const commune = await t.as('unit_officer', t.communeA);
    const theirs = (await list('2027-06-01', commune)).items.find(
      (i: { code: string }) => i.code === 'class.grade_bands',
    );
    expect(theirs.current.value).toEqual(bands);
    expect(
      (
        await t.call(commune, {
          method: 'POST',
          url: '/api/policies/class.grade_bands',
          payload: { value: bands, effectiveFrom: '2028-01-01', legalSource: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.call(officer, {
          method: 'POST',
          url: '/api/policies/nope',
          payload: { value: 1, effectiveFrom: '2028-01-01', legalSource: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.call(null, { method: 'GET', url: '/api/policies' })).statusCode).toBe(401);
    expect(
      (await t.call(await t.as('learner', t.root), { method: 'GET', url: '/api/policies' })).statusCode,
    ).toBe(403);
  });
});
