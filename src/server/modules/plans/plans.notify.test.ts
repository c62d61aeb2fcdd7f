import { describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makeUnit } from '../../test/fixtures/org';

describe.each(testBackends())('plan answers notify the submitter (%s)', (kind) => {
  const t = useTestApp(kind);

  const inbox = async (s: Session) => {
    const res = await t.call(s, { method: 'GET', url: '/api/notifications' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((n: Record<string, unknown>) => ({
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      readAt: n.readAt,
    }));
  };

  it('return and approval reach the commune officer who submitted, nobody else', async () => {
    const province = await makeUnit(t.handle.db, {
      name: 'Tỉnh Báo Tin',
      level: 'province',
      validFrom: '2000-01-01',
    });
    const commune = await makeUnit(t.handle.db, { parent: province, name: 'Xã Nhận Tin' });
    const submitter = await t.as('unit_officer', commune);
    const colleague = await t.as('unit_officer', commune);
    const officer = await t.as('training_officer', province);
    const created = await t.call(submitter, {
      method: 'POST',
      url: '/api/plans',
      payload: { year: 2027, title: 'Kế hoạch 2027 của xã' },
    });
    const id = created.json().id;
    await t.call(submitter, {
      method: 'POST',
      url: `/api/plans/${id}/lines`,
      payload: { programmeKind: 'COMMUNE_TITLE', classes: 1, trainees: 30 },
    });
    expect((await t.call(submitter, { method: 'POST', url: `/api/plans/${id}/submit` })).statusCode).toBe(
      200,
    );
    const returned = await t.call(officer, {
      method: 'POST',
      url: `/api/plans/${id}/return`,
      payload: { comment: 'Thiếu lớp bồi dưỡng' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await inbox(submitter)).toEqual([
      {
        kind: 'plan.returned',
        title: 'Kế hoạch bị trả lại',
        body: 'Kế hoạch "Kế hoạch 2027 của xã" bị trả lại để sửa. Ý kiến: Thiếu lớp bồi dưỡng.',
        link: `/plans/${id}`,
        readAt: null,
      },
    ]);
    await t.call(submitter, { method: 'POST', url: `/api/plans/${id}/submit` });
    const approved = await t.call(officer, { method: 'POST', url: `/api/plans/${id}/approve`, payload: {} });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await inbox(submitter))[0]).toEqual({
      kind: 'plan.approved',
      title: 'Kế hoạch đã được duyệt',
      body: 'Kế hoạch "Kế hoạch 2027 của xã" đã được phê duyệt.',
      link: `/plans/${id}`,
      readAt: null,
    });
    expect(await inbox(colleague)).toEqual([]);
    expect(await inbox(officer)).toEqual([]);
  });
});
