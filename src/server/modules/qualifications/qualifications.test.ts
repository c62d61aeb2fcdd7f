import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson } from '../../test/fixtures/org';

const pt = {
  kind: 'POLITICAL_THEORY',
  level: 'TRUNG_CAP',
  issuer: 'Trường Chính trị Nguyễn Văn Cừ',
  issuedOn: '2023-06-30',
  certificateNo: 'TC-2023-0412',
};

describe.each(testBackends())('qualification routes (%s)', (kind) => {
  const t = useTestApp(kind);

  it('records a qualification with source "typed", lists it, audits it', async () => {
    const p = await makePerson(t.handle.db, t.communeA);
    const s = await t.as('unit_officer', t.communeA);
    const res = await t.call(s, { method: 'POST', url: `/api/people/${p.id}/qualifications`, payload: pt });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ...pt, source: 'typed', personId: p.id, deletedAt: null });
    const list = (await t.call(s, { method: 'GET', url: `/api/people/${p.id}/qualifications` })).json();
    expect(list.items).toHaveLength(1);
    const admin = await t.as('admin', t.root);
    const audit = (
      await t.call(admin, {
        method: 'GET',
        url: '/api/audit?entity=qualification&action=qualification.create',
      })
    ).json();
    expect(audit.items.some((e: { entityId: string }) => e.entityId === String(res.json().id))).toBe(true);
  });

  it('rejects an unknown kind, a level of another kind, a future date', async () => {
    const p = await makePerson(t.handle.db, t.communeA);
    const s = await t.as('unit_officer', t.communeA);
    const post = (payload: object) =>
      t.call(s, { method: 'POST', url: `/api/people/${p.id}/qualifications`, payload });
    const k = await post({ ...pt, kind: 'MAGIC' });
    expect(k.statusCode).toBe(400);
    expect(k.json().error.details.fields[0].field).toBe('kind');
    const l = await post({ ...pt, level: 'BAC_3' });
    expect(l.json().error.details.fields[0].field).toBe('level');
    const d = await post({ ...pt, issuedOn: '2999-01-01' });
    expect(d.statusCode).toBe(400);
    expect(d.json().error.details.fields[0].field).toBe('issuedOn');
  });

  it('corrects and removes with a reason; removed ones stay in the history', async () => {
    const p = await makePerson(t.handle.db, t.communeA);
    const s = await t.as('training_officer', t.root);
    const q = (
      await t.call(s, {
        method: 'POST',
        url: `/api/people/${p.id}/qualifications`,
        payload: { kind: 'IT', level: 'CO_BAN' },
      })
    ).json();
    const fixed = await t.call(s, {
      method: 'PATCH',
      url: `/api/qualifications/${q.id}`,
      payload: { level: 'NANG_CAO' },
    });
    expect(fixed.json().level).toBe('NANG_CAO');
    const del = await t.call(s, {
      method: 'DELETE',
      url: `/api/qualifications/${q.id}`,
      payload: { reason: 'Nhập trùng' },
    });
    expect(del.statusCode).toBe(200);
    expect(
      (await t.call(s, { method: 'GET', url: `/api/people/${p.id}/qualifications` })).json().items,
    ).toHaveLength(0);
    const all = (
      await t.call(s, { method: 'GET', url: `/api/people/${p.id}/qualifications?includeDeleted=true` })
    ).json().items;
    expect(all[0]).toMatchObject({ id: q.id, deletedReason: 'Nhập trùng' });
    expect(
      (await t.call(s, { method: 'PATCH', url: `/api/qualifications/${q.id}`, payload: { level: 'CO_BAN' } }))
        .statusCode,
    ).toBe(404);
  });

  it('attaches a scan and downloads it; refuses oversize files', async () => {
    const p = await makePerson(t.handle.db, t.communeA);
    const s = await t.as('unit_officer', t.communeA);
    const q = (
      await t.call(s, { method: 'POST', url: `/api/people/${p.id}/qualifications`, payload: pt })
    ).json();
    const pdf = Buffer.from('%PDF-1.4 bằng tốt nghiệp');
    const a = await t.call(s, {
      method: 'POST',
      url: `/api/qualifications/${q.id}/attachments`,
      payload: { fileName: 'bằng.pdf', mimeType: 'application/pdf', contentBase64: pdf.toString('base64') },
    });
    expect(a.statusCode).toBe(200);
    const dl = await t.call(s, { method: 'GET', url: `/api/attachments/${a.json().id}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    const big = Buffer.alloc(5 * 1024 * 1024 + 10).toString('base64');
    expect(
      (
        await t.call(s, {
          method: 'POST',
          url: `/api/qualifications/${q.id}/attachments`,
          payload: { fileName: 'x.pdf', mimeType: 'application/pdf', contentBase64: big },
        })
      ).statusCode,
    ).toBe(400);
    const other = await t.as('unit_officer', t.communeB);
    expect((await t.call(other, { method: 'GET', url: `/api/attachments/${a.json().id}` })).statusCode).toBe(
      404,
    );
  });

  it('scopes every route: other subtree 404, viewer 403, anonymous 401', async () => {
    const p = await makePerson(t.handle.db, t.communeA);
    const owner = await t.as('unit_officer', t.communeA);
    const q = (
      await t.call(owner, { method: 'POST', url: `/api/people/${p.id}/qualifications`, payload: pt })
    ).json();
    const other = await t.as('unit_officer', t.communeB);
    expect(
      (await t.call(other, { method: 'GET', url: `/api/people/${p.id}/qualifications` })).statusCode,
    ).toBe(404);
    expect(
      (await t.call(other, { method: 'POST', url: `/api/people/${p.id}/qualifications`, payload: pt }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.call(other, {
          method: 'PATCH',
          url: `/api/qualifications/${q.id}`,
          payload: { level: 'CAO_CAP' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.call(other, { method: 'DELETE', url: `/api/qualifications/${q.id}`, payload: {} })).statusCode,
    ).toBe(404);
    const viewer = await t.as('viewer', t.root);
    expect(
      (await t.call(viewer, { method: 'GET', url: `/api/people/${p.id}/qualifications` })).statusCode,
    ).toBe(200);
    expect(
      (await t.call(viewer, { method: 'POST', url: `/api/people/${p.id}/qualifications`, payload: pt }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.call(null, { method: 'GET', url: `/api/people/${p.id}/qualifications` })).statusCode,
    ).toBe(401);
  });
});
