import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateItem } from '../../../contracts/certificates';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import {
  countRows,
  enrolWithResult,
  makeClass,
  makeSchool,
  openRegister,
  type School,
} from '../../test/fixtures/certificates';
import { makePerson, makeUnit, type PersonRow } from '../../test/fixtures/org';
import { buildGapWorld } from '../../test/fixtures/standards';

describe.each(testBackends())('certificates routes (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-07-05T08:00:00Z') });
  let s: School;
  let w: Awaited<ReturnType<typeof buildGapWorld>>;
  let anh: PersonRow;
  let failed: PersonRow;
  let unitOfficer: Session;
  let elsewhere: Session;
  const get = (who: Session | null, url: string) => t.call(who, { method: 'GET', url });
  const post = (who: Session | null, url: string, payload: object = {}) =>
    t.call(who, { method: 'POST', url, payload });

  beforeAll(async () => {
    w = await buildGapWorld(t);
    s = await makeSchool(t);
    anh = await makePerson(t.handle.db, w.commune, { fullName: 'Nguyễn Thị Ngọc Ánh', gender: 'F' });
    failed = await makePerson(t.handle.db, w.commune, { fullName: 'Vũ Văn Trượt' });
    unitOfficer = await t.as('unit_officer', w.district);
    // Another province: neither its classes nor its people are in sight.
    const other = await makeUnit(t.handle.db, { name: 'Tỉnh Bên Kia' });
    elsewhere = await t.as('training_officer', other);
  });

  it('keeps one register per institution, for its staff and the training office only', async () => {
    expect((await get(null, '/api/certificate-registers')).statusCode).toBe(401);
    expect((await get(unitOfficer, '/api/certificate-registers')).statusCode).toBe(403);
    const owners = await get(s.staff, '/api/certificate-registers/owners');
    expect(owners.json().institutions).toEqual([
      { id: s.institutionId, name: 'Trường Chính trị Nguyễn Văn Cừ' },
    ]);
    const bad = await post(s.staff, '/api/certificate-registers', {
      institutionId: s.institutionId,
      pattern: '{school}/{year}',
      schoolCode: 'NVC',
      issuerName: 'Trường',
      place: 'Hạ Long',
      signerName: 'A',
      signerTitle: 'Hiệu trưởng',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('pattern');
    const fromElsewhere = await post(elsewhere, '/api/certificate-registers', {
      institutionId: s.institutionId,
      schoolCode: 'X',
      issuerName: 'X',
      place: 'X',
      signerName: 'X',
      signerTitle: 'X',
    });
    expect(fromElsewhere.statusCode).toBe(400);
    const reg = await openRegister(t, s);
    expect(reg.nextNumber).toBe('NVC/2027/0001');
    const again = await post(s.officer, '/api/certificate-registers', {
      institutionId: s.institutionId,
      schoolCode: 'NVC2',
      issuerName: 'X',
      place: 'X',
      signerName: 'X',
      signerTitle: 'X',
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await get(s.officer, '/api/certificate-registers')).json().items.map((r: { id: number }) => r.id),
    ).toEqual([reg.id]);
    expect((await get(elsewhere, '/api/certificate-registers')).json().items).toEqual([]);
    const patchOther = await t.call(elsewhere, {
      method: 'PATCH',
      url: `/api/certificate-registers/${reg.id}`,
      payload: { signerName: 'Kẻ Khác' },
    });
    expect(patchOther.statusCode).toBe(404);
    const patched = await t.call(s.staff, {
      method: 'PATCH',
      url: `/api/certificate-registers/${reg.id}`,
      payload: { signerName: 'Đặng Thị Hương' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(
      await countRows(
        t.handle.db,
        sql`select count(*)::int as n from audit_log where entity = 'certificate_register'`,
      ),
    ).toBe(2);
  });

  it('issues on closing, numbered in roster order, adds the qualification and closes the gap at once', async () => {
    const classId = await makeClass(t, s);
    await enrolWithResult(t.handle.db, classId, w.cuong, { passed: true, grade: 'GIOI' });
    await enrolWithResult(t.handle.db, classId, anh, { passed: true, grade: 'XUAT_SAC' });
    await enrolWithResult(t.handle.db, classId, failed, { passed: false, grade: 'KHONG_DAT' });
    const gapBefore = await get(unitOfficer, `/api/people/${w.cuong.id}/standards?asOf=2027-07-05`);
    expect(gapBefore.json().items.find((i: { code: string }) => i.code === 'COMMUNE_CHAIR_PT').status).toBe(
      'missing',
    );

    const pending = await get(s.staff, `/api/classes/${classId}/certificates`);
    expect(pending.json()).toMatchObject({
      canManage: true,
      pending: 2,
      items: [],
      register: { nextNumber: 'NVC/2027/0001' },
    });
    const closed = await post(s.staff, `/api/classes/${classId}/status`, { to: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);

    const view = (await get(s.staff, `/api/classes/${classId}/certificates`)).json();
    expect(view.pending).toBe(0);
    // Roster order: by given name (Ánh before Cường).
    expect(view.items.map((c: CertificateItem) => [c.number, c.holderName, c.grade.vi, c.status])).toEqual([
      ['NVC/2027/0001', 'Nguyễn Thị Ngọc Ánh', 'Xuất sắc', 'valid'],
      ['NVC/2027/0002', 'Lê Văn Cường', 'Giỏi', 'valid'],
    ]);
    const cuongCert = view.items[1] as CertificateItem;
    expect(cuongCert.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cuongCert.issuedOn).toBe('2027-07-05');

    const quals = (await get(unitOfficer, `/api/people/${w.cuong.id}/qualifications`)).json().items;
    expect(quals.find((q: { source: string }) => q.source === 'class')).toMatchObject({
      kind: 'POLITICAL_THEORY',
      level: 'TRUNG_CAP',
      issuer: 'Trường Chính trị Nguyễn Văn Cừ',
      certificateNo: 'NVC/2027/0002',
      issuedOn: '2027-07-05',
    });
    const gapAfter = await get(unitOfficer, `/api/people/${w.cuong.id}/standards?asOf=2027-07-05`);
    expect(gapAfter.json().items.find((i: { code: string }) => i.code === 'COMMUNE_CHAIR_PT').status).toBe(
      'met',
    );

    // The unit officer sees their own people's certificates of the class, not its management.
    const theirs = (await get(unitOfficer, `/api/classes/${classId}/certificates`)).json();
    expect(theirs).toMatchObject({ canManage: false, pending: 0, register: null });
    expect(theirs.items).toHaveLength(2);
    expect((await get(elsewhere, `/api/classes/${classId}/certificates`)).statusCode).toBe(404);
    expect(
      await countRows(
        t.handle.db,
        sql`select count(*)::int as n from audit_log where action = 'certificate.issue'`,
      ),
    ).toBe(2);
  });

  it('issues by the action on a finished class only, once, for its managers', async () => {
    const running = await makeClass(t, s, { to: 'running' });
    expect((await post(s.staff, `/api/classes/${running}/certificates/issue`)).statusCode).toBe(409);
    const classId = await makeClass(t, s);
    const p = await makePerson(t.handle.db, w.commune, { fullName: 'Đỗ Thị Hải Yến' });
    await enrolWithResult(t.handle.db, classId, p, { passed: true, grade: 'KHA' });
    expect((await post(null, `/api/classes/${classId}/certificates/issue`)).statusCode).toBe(401);
    expect((await post(unitOfficer, `/api/classes/${classId}/certificates/issue`)).statusCode).toBe(403);
    expect((await post(elsewhere, `/api/classes/${classId}/certificates/issue`)).statusCode).toBe(404);
    const first = await post(s.staff, `/api/classes/${classId}/certificates/issue`, {
      // Between the class's last day (30/06) and today (05/07): never a day to come (ADR 025).
      issuedOn: '2027-07-02',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ issued: 1, pending: 0 });
    expect(first.json().items[0]).toMatchObject({
      number: 'NVC/2027/0003',
      issuedOn: '2027-07-02',
      grade: { vi: 'Khá' },
    });
    const second = await post(s.staff, `/api/classes/${classId}/certificates/issue`);
    expect(second.json()).toMatchObject({ issued: 0 });
  });

  it('refuses to close a class taught at no institution while its organiser has no register', async () => {
    const classId = await makeClass(t, s, { institution: false });
    const p = await makePerson(t.handle.db, w.commune);
    await enrolWithResult(t.handle.db, classId, p, { passed: true, grade: 'TRUNG_BINH' });
    const refused = await post(s.officer, `/api/classes/${classId}/status`, { to: 'closed' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('chưa có sổ cấp chứng chỉ');
    const reg = await post(s.officer, '/api/certificate-registers', {
      orgUnitId: t.root.id,
      pattern: 'SNV-{seq:3}',
      schoolCode: 'SNV',
      issuerName: 'Sở Nội vụ',
      place: 'Hạ Long',
      signerName: 'Trần Văn Giám',
      signerTitle: 'Giám đốc',
    });
    expect(reg.statusCode, reg.body).toBe(200);
    expect((await post(s.officer, `/api/classes/${classId}/status`, { to: 'closed' })).statusCode).toBe(200);
    const items = (await get(s.officer, `/api/classes/${classId}/certificates`)).json().items;
    expect(items.map((c: CertificateItem) => c.number)).toEqual(['SNV-001']);
  });

  it('replaces a lost certificate by a linked paper, revokes one issued in error, and shows both publicly', async () => {
    const classId = await makeClass(t, s);
    const lost = await makePerson(t.handle.db, w.commune, { fullName: 'Phan Thị Mất' });
    const wrong = await makePerson(t.handle.db, w.commune, { fullName: 'Trịnh Văn Nhầm' });
    await enrolWithResult(t.handle.db, classId, lost, { passed: true, grade: 'KHA' });
    await enrolWithResult(t.handle.db, classId, wrong, { passed: true, grade: 'KHA' });
    const issued = (await post(s.staff, `/api/classes/${classId}/certificates/issue`)).json();
    const [a, b] = issued.items as CertificateItem[];
    expect(a.holderName).toBe('Phan Thị Mất');

    expect((await post(unitOfficer, `/api/certificates/${a.id}/replace`, { reason: 'Mất' })).statusCode).toBe(
      403,
    );
    expect((await post(elsewhere, `/api/certificates/${a.id}/replace`, { reason: 'Mất' })).statusCode).toBe(
      404,
    );
    expect((await post(s.staff, `/api/certificates/${a.id}/replace`, {})).statusCode).toBe(400);
    const paper = await post(s.staff, `/api/certificates/${a.id}/replace`, {
      reason: 'Bị mất khi chuyển nhà',
    });
    expect(paper.statusCode, paper.body).toBe(200);
    expect(paper.json()).toMatchObject({
      number: `${a.number}/XN`,
      status: 'valid',
      replaces: { id: a.id, number: a.number },
      qualificationId: a.qualificationId,
    });
    expect((await post(s.staff, `/api/certificates/${a.id}/replace`, { reason: 'lần nữa' })).statusCode).toBe(
      409,
    );
    const old = (await get(null, `/api/public/certificates/${a.token}`)).json();
    expect(old).toMatchObject({
      status: 'replaced',
      replacedByNumber: `${a.number}/XN`,
      statusOn: '2027-07-05',
    });
    const pub = await get(null, `/api/public/certificates/${paper.json().token}`);
    expect(pub.statusCode).toBe(200);
    // Only the essentials: nothing else about the person.
    expect(Object.keys(pub.json()).sort()).toEqual(
      [
        'classCode',
        'endsOn',
        'grade',
        'holderName',
        'issuedOn',
        'issuer',
        'number',
        'programmeName',
        'replacedByNumber',
        'replacesNumber',
        'startsOn',
        'status',
        'statusOn',
      ].sort(),
    );
    expect(pub.json()).toMatchObject({
      holderName: 'Phan Thị Mất',
      replacesNumber: a.number,
      status: 'valid',
    });

    expect((await post(s.staff, `/api/certificates/${b.id}/revoke`, {})).statusCode).toBe(400);
    const revoked = await post(s.staff, `/api/certificates/${b.id}/revoke`, { reason: 'Cấp nhầm người' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      statusReason: 'Cấp nhầm người',
      statusOn: '2027-07-05',
    });
    const quals = (
      await get(unitOfficer, `/api/people/${wrong.id}/qualifications?includeDeleted=true`)
    ).json().items;
    expect(quals[0]).toMatchObject({
      source: 'class',
      deletedReason: `Thu hồi chứng chỉ ${b.number}: Cấp nhầm người`,
    });
    expect(quals[0].deletedAt).not.toBeNull();
    expect((await get(null, `/api/public/certificates/${b.token}`)).json()).toMatchObject({
      status: 'revoked',
    });
    expect((await post(s.staff, `/api/certificates/${b.id}/revoke`, { reason: 'x' })).statusCode).toBe(409);
    expect(
      await countRows(
        t.handle.db,
        sql`select count(*)::int as n from audit_log where action in ('certificate.revoke', 'certificate.replace')`,
      ),
    ).toBe(2);
  });

  it('lets the holder and their record keepers list and print; others get 404', async () => {
    const list = await get(unitOfficer, `/api/people/${anh.id}/certificates`);
    expect(list.statusCode).toBe(200);
    const cert = list.json().items[0] as CertificateItem;
    expect(cert).toMatchObject({
      holderName: 'Nguyễn Thị Ngọc Ánh',
      programmeName: expect.stringContaining('Bồi dưỡng'),
    });
    const learner = await t.as('learner', w.commune, { personId: anh.id });
    expect((await get(learner, `/api/people/${anh.id}/certificates`)).json().items).toHaveLength(1);
    expect((await get(learner, `/api/people/${w.cuong.id}/certificates`)).statusCode).toBe(404);
    expect((await get(elsewhere, `/api/people/${anh.id}/certificates`)).statusCode).toBe(404);
    expect((await get(null, `/api/people/${anh.id}/certificates`)).statusCode).toBe(401);

    const pdf = await get(learner, `/api/certificates/${cert.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(elsewhere, `/api/certificates/${cert.id}/pdf`)).statusCode).toBe(404);
    expect((await get(null, `/api/certificates/${cert.id}/pdf`)).statusCode).toBe(401);
    const bulk = await get(s.staff, `/api/classes/${cert.classId}/certificates/pdf`);
    expect(bulk.statusCode).toBe(200);
    expect(bulk.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect((await get(unitOfficer, `/api/classes/${cert.classId}/certificates/pdf`)).statusCode).toBe(403);
  });

  it('answers a bad token with a bare 404 and limits look-ups per IP', async () => {
    const bad = await get(null, '/api/public/certificates/not-a-token');
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy chứng chỉ.' });
    const unknown = await get(null, `/api/public/certificates/${'A'.repeat(22)}`);
    expect(unknown.statusCode).toBe(404);
    const ip = '203.0.113.9';
    const hit = () =>
      t.call(null, {
        method: 'GET',
        url: `/api/public/certificates/${'B'.repeat(22)}`,
        // The socket's address: X-Forwarded-For is believed only from a trusted proxy (ADR 027).
        remoteAddress: ip,
      });
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await hit()).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 404)).toBe(true);
    expect(codes[30]).toBe(429);
    // Another address is not limited by this one.
    const other = await t.call(null, {
      method: 'GET',
      url: `/api/public/certificates/${'B'.repeat(22)}`,
      remoteAddress: '203.0.113.10',
    });
    expect(other.statusCode).toBe(404);
  });
});
