/**
 * Approving a nomination is the send-to-study decision (ADR 044): its number, date and signer are
 * checked before anything changes, stored, shown in the class's list, exported and audited; the
 * policy approvals.decision_required makes them required; rejecting records none.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NominationsView } from '../../../contracts/nominations';
import { auditLog, classNominations } from '../../db/schema/index';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { fieldsOf } from '../../test/fixtures/catalogue';
import { openSmallClass } from '../../test/fixtures/nominations';
import { makePerson, makeUnit } from '../../test/fixtures/org';
import { buildGapWorld } from '../../test/fixtures/standards';
import { sheetRows } from '../../test/xlsx';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(testBackends())('nomination decisions (%s)', (kind) => {
  const t = useTestApp(kind);
  let w: Awaited<ReturnType<typeof buildGapWorld>>;
  let officer: Session;
  let district: Session;
  let classId: number;
  const post = (s: Session, url: string, payload: object) => t.call(s, { method: 'POST', url, payload });

  beforeAll(async () => {
    w = await buildGapWorld(t);
    officer = await t.as('training_officer', t.root);
    district = await t.as('unit_officer', w.district);
    classId = await openSmallClass(t, officer, {
      code: 'QĐ1/2027',
      name: 'Lớp trung cấp lý luận chính trị QĐ',
    });
  });

  it('checks, stores, shows, exports and audits the decision; the policy makes it required', async () => {
    const second = await makePerson(t.handle.db, w.commune, { fullName: 'Đỗ Thị Hai' });
    const sent = (
      await post(district, `/api/classes/${classId}/nominations`, { personId: w.cuong.id })
    ).json();
    const cuong = (sent as NominationsView).items.find((i) => i.personId === w.cuong.id)!;
    const url = `/api/classes/${classId}/nominations/${cuong.id}/decision`;
    const row = async () =>
      (await t.handle.db.select().from(classNominations).where(eq(classNominations.id, cuong.id)))[0];
    const before = await row();

    const wrong = await post(officer, url, { decision: 'approve', decisionNo: 'QĐ', decisionDate: day(2) });
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong)).toBe('decisionNo,decisionDate');
    expect(await row()).toEqual(before);

    const decision = {
      decisionNo: '31/QĐ-UBND',
      decisionDate: day(-1),
      signerName: 'Hoàng Văn Ký',
      signerTitle: 'Chủ tịch UBND huyện',
    };
    const ok = await post(officer, url, { decision: 'approve', ...decision });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as NominationsView).items.find((i) => i.id === cuong.id)).toMatchObject({
      status: 'approved',
      ...decision,
    });
    expect(await row()).toEqual({
      ...before,
      ...decision,
      status: 'approved',
      decidedBy: expect.any(Number),
      decidedAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    const [logged] = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(cuong.id)), eq(auditLog.action, 'nomination.approve')));
    expect(logged.after).toMatchObject({ status: 'approved', ...decision });
    const xlsx = await t.call(officer, {
      method: 'GET',
      url: `/api/classes/${classId}/nominations/export.xlsx`,
    });
    expect((await sheetRows(xlsx)).some((r) => r.includes('31/QĐ-UBND') && r.includes('Hoàng Văn Ký'))).toBe(
      true,
    );

    // Required by the province from now: a bare approval is refused, rejecting needs none.
    const set = await post(officer, '/api/policies/approvals.decision_required', {
      value: true,
      effectiveFrom: '2026-01-01',
      legalSource: 'Quyết định 7/2026/QĐ-UBND của tỉnh',
    });
    expect(set.statusCode, set.body).toBe(200);
    const v2 = (await post(district, `/api/classes/${classId}/nominations`, { personId: second.id })).json();
    const hai = (v2 as NominationsView).items.find((i) => i.personId === second.id)!;
    const url2 = `/api/classes/${classId}/nominations/${hai.id}/decision`;
    const bare = await post(officer, url2, { decision: 'approve' });
    expect(bare.statusCode).toBe(400);
    expect(fieldsOf(bare)).toBe('decisionNo,decisionDate,signerName');
    const rejected = await post(officer, url2, { decision: 'reject', reason: 'Chưa đủ điều kiện' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect((rejected.json() as NominationsView).items.find((i) => i.id === hai.id)).toMatchObject({
      status: 'rejected',
      decisionNo: null,
    });
  });

  it('keeps other provinces out (404) and unit officers from deciding (403)', async () => {
    const other = await makeUnit(t.handle.db, { name: 'Tỉnh Khác', level: 'province' });
    const stranger = await t.as('training_officer', other);
    const p = await makePerson(t.handle.db, w.commune, { fullName: 'Vũ Văn Ba' });
    const v = (await post(district, `/api/classes/${classId}/nominations`, { personId: p.id })).json();
    const n = (v as NominationsView).items.find((i) => i.personId === p.id)!;
    const url = `/api/classes/${classId}/nominations/${n.id}/decision`;
    const body = { decision: 'approve', decisionNo: '5/QĐ', decisionDate: day(0), signerName: 'Ai Đó' };
    expect((await post(stranger, url, body)).statusCode).toBe(404);
    expect((await post(district, url, body)).statusCode).toBe(403);
  });
});
