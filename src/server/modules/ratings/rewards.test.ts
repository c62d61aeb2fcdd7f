import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson } from '../../test/fixtures/org';

const reward = {
  kind: 'reward',
  form: 'BANG_KHEN_TINH',
  decidedOn: '2026-01-15',
  decisionNo: '123/QĐ-UBND',
  issuer: 'UBND tỉnh',
  reason: 'Hoàn thành xuất sắc nhiệm vụ năm 2025',
};

describe.each(testBackends())('rewards and discipline routes (%s)', (kind) => {
  const t = useTestApp(kind);

  it('records rewards and discipline with their decision, lists them newest first, deletes with audit', async () => {
    const p = await makePerson(t.handle.db, t.communeA);
    const s = await t.as('unit_officer', t.communeA);
    const url = `/api/people/${p.id}/rewards-discipline`;
    const r1 = await t.call(s, { method: 'POST', url, payload: reward });
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toMatchObject({ ...reward, personId: p.id });
    const d1 = await t.call(s, {
      method: 'POST',
      url,
      payload: {
        kind: 'discipline',
        form: 'KHIEN_TRACH',
        decidedOn: '2026-03-02',
        reason: 'Vi phạm nội quy',
      },
    });
    expect(d1.statusCode).toBe(200);
    expect(d1.json()).toMatchObject({ kind: 'discipline', decisionNo: null, issuer: null });
    const list = (await t.call(s, { method: 'GET', url })).json();
    expect(list.items.map((i: { form: string }) => i.form)).toEqual(['KHIEN_TRACH', 'BANG_KHEN_TINH']);

    const del = await t.call(s, { method: 'DELETE', url: `/api/rewards-discipline/${d1.json().id}` });
    expect(del.statusCode).toBe(200);
    expect(
      (await t.call(s, { method: 'DELETE', url: `/api/rewards-discipline/${d1.json().id}` })).statusCode,
    ).toBe(404);
    const admin = await t.as('admin', t.root);
    const audit = (
      await t.call(admin, {
        method: 'GET',
        url: `/api/audit?entity=reward_discipline&entityId=${d1.json().id}`,
      })
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual([
      'discipline.delete',
      'discipline.create',
    ]);
    expect(audit.items[0].before).toMatchObject({ form: 'KHIEN_TRACH' });
  });

  it('checks the form against the list of its kind, the date, and the fields', async () => {
    const p = await makePerson(t.handle.db, t.communeA, { birthDate: '1990-01-01' });
    const s = await t.as('training_officer', t.root);
    const url = `/api/people/${p.id}/rewards-discipline`;
    const wrongList = await t.call(s, { method: 'POST', url, payload: { ...reward, form: 'CANH_CAO' } });
    expect(wrongList.statusCode).toBe(400);
    expect(wrongList.json().error.details.fields).toEqual([expect.objectContaining({ field: 'form' })]);
    const future = await t.call(s, { method: 'POST', url, payload: { ...reward, decidedOn: '2999-01-01' } });
    expect(future.statusCode).toBe(400);
    const beforeBirth = await t.call(s, {
      method: 'POST',
      url,
      payload: { ...reward, decidedOn: '1989-12-31' },
    });
    expect(beforeBirth.statusCode).toBe(400);
    expect(beforeBirth.json().error.details.fields[0].field).toBe('decidedOn');
    const badKind = await t.call(s, { method: 'POST', url, payload: { ...reward, kind: 'medal' } });
    expect(badKind.statusCode).toBe(400);
  });

  it('answers 401, 403 by role and 404 for another subtree', async () => {
    const p = await makePerson(t.handle.db, t.communeB);
    const url = `/api/people/${p.id}/rewards-discipline`;
    const province = await t.as('training_officer', t.root);
    const created = (await t.call(province, { method: 'POST', url, payload: reward })).json();
    expect((await t.call(null, { method: 'GET', url })).statusCode).toBe(401);
    expect((await t.call(null, { method: 'POST', url, payload: reward })).statusCode).toBe(401);
    const viewer = await t.as('viewer', t.root);
    expect((await t.call(viewer, { method: 'GET', url })).statusCode).toBe(200);
    expect((await t.call(viewer, { method: 'POST', url, payload: reward })).statusCode).toBe(403);
    expect(
      (await t.call(viewer, { method: 'DELETE', url: `/api/rewards-discipline/${created.id}` })).statusCode,
    ).toBe(403);
    const other = await t.as('unit_officer', t.communeA);
    expect((await t.call(other, { method: 'GET', url })).statusCode).toBe(404);
    expect((await t.call(other, { method: 'POST', url, payload: reward })).statusCode).toBe(404);
    expect(
      (await t.call(other, { method: 'DELETE', url: `/api/rewards-discipline/${created.id}` })).statusCode,
    ).toBe(404);
  });
});
