import { eq, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DelegationDetail } from '../../../contracts/abroad';
import { rowsOf } from '../../db/rows';
import { auditLog, qualifications } from '../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme, fieldsOf } from '../../test/fixtures/catalogue';
import { makePerson, makeUnit, type UnitRow } from '../../test/fixtures/org';
import { buildGapWorld } from '../../test/fixtures/standards';

type World = Awaited<ReturnType<typeof buildGapWorld>>;
type Detail = z.infer<typeof DelegationDetail>;

describe.each(testBackends())('abroad routes (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-11-20T08:00:00Z') });
  let w: World;
  let officer: Session;
  let district: Session;
  let viewer: Session;
  let outsider: Session;
  let otherDistrict: UnitRow;
  let partnerId: number;
  let schoolId: number;
  let programmeId: number;
  let seq = 0;
  const call = (s: Session | null, opts: InjectOptions) => t.call(s, opts);
  const post = (s: Session | null, url: string, payload: object) => call(s, { method: 'POST', url, payload });
  const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Detail;
  };
  const body = (over: Record<string, unknown> = {}) => {
    seq += 1;
    return {
      code: `ĐNN-${seq}/2027`,
      name: `Bồi dưỡng kỹ năng lãnh đạo tại Singapore ${seq}`,
      partnerInstitutionId: partnerId,
      programmeId,
      country: 'Singapore',
      departsOn: '2027-09-14',
      returnsOn: '2027-09-25',
      budget: { NST: 600_000_000, NSDV: 50_000_000 },
      ...over,
    };
  };
  const move = (s: Session, id: number, to: string, extra: object = {}) =>
    post(s, `/api/abroad/delegations/${id}/status`, { to, ...extra });

  beforeAll(async () => {
    w = await buildGapWorld(t);
    otherDistrict = await makeUnit(t.handle.db, { parent: t.root, name: 'Huyện Bên Kia', level: 'district' });
    officer = await t.as('training_officer', t.root);
    district = await t.as('unit_officer', w.district);
    viewer = await t.as('viewer', t.root);
    outsider = await t.as('training_officer', otherDistrict);
    const partner = await post(officer, '/api/institutions', {
      kind: 'FOREIGN_PARTNER',
      name: 'Civil Service College Singapore',
    });
    expect(partner.statusCode, partner.body).toBe(200);
    partnerId = partner.json().id;
    schoolId = (
      await post(officer, '/api/institutions', { kind: 'UNIVERSITY', name: 'Trường Đại học Hạ Long' })
    ).json().id;
    programmeId = (
      await createProgramme(t, officer, {
        kind: 'LEADERSHIP',
        level: 'PHONG',
        grantsKind: 'LEADERSHIP',
        grantsLevel: 'PHONG',
        periods: 80,
        topics: [{ topicCode: 'LD-KN', name: 'Kỹ năng lãnh đạo', periods: 80 }],
      })
    ).id;
  });

  it('runs a delegation to the end: members, reports due 15 days after return, completion on the record', async () => {
    // Before: Bình's division-leadership standard is missing (due by 01/06/2027).
    const before = await call(officer, { method: 'GET', url: `/api/people/${w.binh.id}/standards` });
    expect(before.json().items.find((i: { code: string }) => i.code === 'LEAD_PHONG').status).toBe('missing');

    const created = await ok(post(officer, '/api/abroad/delegations', body()));
    expect(created).toMatchObject({
      status: 'planned',
      budgetTotal: 650_000_000,
      partnerName: 'Civil Service College Singapore',
      grants: { kind: 'LEADERSHIP', level: 'PHONG' },
      reportRule: { days: 15, legalSource: 'Thông tư 03/2023/TT-BNV, Điều 12 khoản 2', dueOn: '2027-10-10' },
      nextStatuses: ['approved', 'cancelled'],
      canManage: true,
    });
    const id = created.id;

    // A learner clash: Bình is sent to a class at the same time.
    const cls = await post(officer, '/api/classes', {
      code: 'K1/2027',
      name: 'Lớp bồi dưỡng',
      programmeId,
      startsOn: '2027-09-20',
      endsOn: '2027-10-20',
      mode: 'in_person',
      capacity: 10,
    });
    expect(cls.statusCode, cls.body).toBe(200);
    await t.handle.db.execute(
      sql`insert into class_nominations (class_id, person_id, unit_id, status) values (${cls.json().id}, ${w.binh.id}, ${w.agency.id}, 'approved')`,
    );
    const check = await post(officer, `/api/abroad/delegations/${id}/members/check`, { personId: w.binh.id });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().warnings).toEqual([expect.objectContaining({ code: 'LEARNER_CLASH' })]);
    expect(check.json().warnings[0].vi).toContain('K1/2027');
    const unconfirmed = await post(officer, `/api/abroad/delegations/${id}/members`, { personId: w.binh.id });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error.code).toBe('NEEDS_CONFIRMATION');
    await ok(
      post(officer, `/api/abroad/delegations/${id}/members`, {
        personId: w.binh.id,
        confirm: true,
        role: 'Trưởng đoàn',
      }),
    );
    const withAn = await ok(post(officer, `/api/abroad/delegations/${id}/members`, { personId: w.an.id }));
    expect(withAn.members.map((m) => m.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(withAn.members[1].warnings[0].code).toBe('LEARNER_CLASH');
    const twice = await post(officer, `/api/abroad/delegations/${id}/members`, { personId: w.an.id });
    expect(twice.statusCode).toBe(409);

    // Another delegation at overlapping dates warns too.
    const other = await ok(
      post(officer, '/api/abroad/delegations', body({ departsOn: '2027-09-20', returnsOn: '2027-09-30' })),
    );
    const clash = await post(officer, `/api/abroad/delegations/${other.id}/members/check`, {
      personId: w.an.id,
    });
    expect(clash.json().warnings).toEqual([expect.objectContaining({ code: 'DELEGATION_CLASH' })]);

    // Approving needs the decision.
    const noDecision = await move(officer, id, 'approved');
    expect(noDecision.statusCode).toBe(400);
    expect(fieldsOf(noDecision)).toBe('decisionNo');
    const edited = await ok(
      call(officer, {
        method: 'PATCH',
        url: `/api/abroad/delegations/${id}`,
        payload: { decisionNo: '123/QĐ-UBND', decisionDate: '2027-08-20', version: withAn.version },
      }),
    );
    const stale = await call(officer, {
      method: 'PATCH',
      url: `/api/abroad/delegations/${id}`,
      payload: { note: 'x', version: withAn.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(edited.decisionNo).toBe('123/QĐ-UBND');
    await ok(move(officer, id, 'approved'));
    await ok(move(officer, id, 'travelling'));
    const late = await post(officer, `/api/abroad/delegations/${id}/members`, { personId: w.dung.id });
    expect(late.statusCode).toBe(409);
    const back = await ok(move(officer, id, 'returned'));
    // Back on 25/09/2027, due 10/10, today 20/11: both late by 41 days.
    expect(back.members.map((m) => m.report)).toEqual([
      expect.objectContaining({ state: 'overdue', dueOn: '2027-10-10', daysLate: 41 }),
      expect.objectContaining({ state: 'overdue', dueOn: '2027-10-10', daysLate: 41 }),
    ]);

    const overdue = await call(district, { method: 'GET', url: '/api/abroad/reports/overdue' });
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect(
      overdue
        .json()
        .items.map((i: { fullName: string }) => i.fullName)
        .sort(),
    ).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(
      (await call(outsider, { method: 'GET', url: '/api/abroad/reports/overdue' })).json().items,
    ).toEqual([]);

    // Recording reports: the file comes back; a future day or an empty report is refused.
    const [an, binh] = back.members;
    const future = await call(officer, {
      method: 'PUT',
      url: `/api/abroad/delegations/${id}/members/${an.id}/report`,
      payload: { submittedOn: '2027-12-01', summary: 'x' },
    });
    expect(fieldsOf(future)).toBe('submittedOn');
    const empty = await call(officer, {
      method: 'PUT',
      url: `/api/abroad/delegations/${id}/members/${an.id}/report`,
      payload: { submittedOn: '2027-10-05' },
    });
    expect(fieldsOf(empty)).toBe('summary');
    const reported = await ok(
      call(officer, {
        method: 'PUT',
        url: `/api/abroad/delegations/${id}/members/${an.id}/report`,
        payload: {
          submittedOn: '2027-10-05',
          summary: 'Báo cáo kết quả học tập: kinh nghiệm quản trị công của Singapore.',
          file: {
            fileName: 'báo cáo.pdf',
            mimeType: 'application/pdf',
            contentBase64: Buffer.from('%PDF-1.4 báo cáo').toString('base64'),
          },
        },
      }),
    );
    expect(reported.members[0].report).toMatchObject({
      state: 'submitted',
      daysLate: null,
      fileName: 'báo cáo.pdf',
    });
    const file = await call(district, {
      method: 'GET',
      url: `/api/abroad/delegations/${id}/members/${an.id}/report/file`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body).toBe('%PDF-1.4 báo cáo');
    const stillOverdue = await call(officer, { method: 'GET', url: '/api/abroad/reports/overdue' });
    expect(stillOverdue.json().items).toEqual([
      expect.objectContaining({ fullName: 'Trần Thị Bình', delegationId: id, daysLate: 41 }),
    ]);

    // Closing: Bình completed (her leadership qualification appears, source abroad), An did not.
    const badClose = await move(officer, id, 'closed', { completedMemberIds: [999_999] });
    expect(fieldsOf(badClose)).toBe('completedMemberIds');
    const closed = await ok(move(officer, id, 'closed', { completedMemberIds: [binh.id] }));
    expect(closed.status).toBe('closed');
    expect(closed.members.map((m) => m.completed)).toEqual([false, true]);
    const [q] = await t.handle.db
      .select()
      .from(qualifications)
      .where(eq(qualifications.id, closed.members[1].qualificationId!));
    expect(q).toMatchObject({
      personId: w.binh.id,
      kind: 'LEADERSHIP',
      level: 'PHONG',
      source: 'abroad',
      issuer: 'Civil Service College Singapore',
      issuedOn: '2027-09-25',
      periods: 80,
    });
    const after = await call(officer, { method: 'GET', url: `/api/people/${w.binh.id}/standards` });
    expect(after.json().items.find((i: { code: string }) => i.code === 'LEAD_PHONG').status).toBe('met');
    const record = await call(district, { method: 'GET', url: `/api/people/${w.binh.id}/abroad` });
    expect(record.json().items).toEqual([
      expect.objectContaining({
        delegationId: id,
        completed: true,
        reportSubmittedOn: null,
        status: 'closed',
      }),
    ]);
    // A late report after closing is still recorded, and shows how late.
    const lateReport = await ok(
      call(officer, {
        method: 'PUT',
        url: `/api/abroad/delegations/${id}/members/${binh.id}/report`,
        payload: { submittedOn: '2027-10-14', summary: 'Nộp muộn.' },
      }),
    );
    expect(lateReport.members[1].report).toMatchObject({ state: 'submitted', daysLate: 4 });

    const actions = rowsOf<{ action: string }>(
      await t.handle.db.execute(sql`select action from ${auditLog} where entity = 'abroad_delegation'
        and entity_id = ${String(id)} order by id`),
    ).map((r) => r.action);
    expect(actions).toEqual([
      'abroad.create',
      'abroad.member.add',
      'abroad.member.add',
      'abroad.update',
      'abroad.status',
      'abroad.status',
      'abroad.status',
      'abroad.report',
      'abroad.status',
      'abroad.report',
    ]);
  });

  it('checks the partner, the people and the life cycle', async () => {
    const notPartner = await post(
      officer,
      '/api/abroad/delegations',
      body({ partnerInstitutionId: schoolId }),
    );
    expect(notPartner.statusCode).toBe(400);
    expect(fieldsOf(notPartner)).toBe('partnerInstitutionId');
    const badDates = await post(officer, '/api/abroad/delegations', body({ returnsOn: '2027-09-01' }));
    expect(fieldsOf(badDates)).toBe('returnsOn');
    const badSource = await post(officer, '/api/abroad/delegations', body({ budget: { NOPE: 1 } }));
    expect(fieldsOf(badSource)).toBe('budget.NOPE');
    expect((await post(district, '/api/abroad/delegations', body())).statusCode).toBe(403);

    const mine = await ok(post(officer, '/api/abroad/delegations', body({ organiserUnitId: w.district.id })));
    const dup = await post(
      officer,
      '/api/abroad/delegations',
      body({ code: mine.code, organiserUnitId: w.district.id }),
    );
    expect(dup.statusCode).toBe(409);
    const stranger = await makePerson(t.handle.db, otherDistrict);
    const foreign = await post(officer, `/api/abroad/delegations/${mine.id}/members`, {
      personId: stranger.id,
    });
    expect(fieldsOf(foreign)).toBe('personId');
    const noMembers = await move(officer, mine.id, 'travelling');
    expect(noMembers.statusCode).toBe(409);
    const noReason = await move(officer, mine.id, 'cancelled');
    expect(fieldsOf(noReason)).toBe('comment');
    const cancelled = await ok(move(officer, mine.id, 'cancelled', { comment: 'Đối tác hoãn chương trình' }));
    expect(cancelled.nextStatuses).toEqual([]);
    const reopen = await move(officer, mine.id, 'planned');
    expect(reopen.statusCode).toBe(409);
  });

  it('answers 401, 403 and 404 by scope; members of other subtrees are counted, not shown', async () => {
    const d = await ok(post(officer, '/api/abroad/delegations', body()));
    const elsewhere = await makePerson(t.handle.db, otherDistrict, { fullName: 'Vũ Thị Xa' });
    await ok(post(officer, `/api/abroad/delegations/${d.id}/members`, { personId: elsewhere.id }));
    await ok(post(officer, `/api/abroad/delegations/${d.id}/members`, { personId: w.cuong.id }));

    expect((await call(null, { method: 'GET', url: '/api/abroad/delegations' })).statusCode).toBe(401);
    expect((await call(null, { method: 'GET', url: '/api/abroad/reports/overdue' })).statusCode).toBe(401);
    expect((await post(null, '/api/abroad/delegations', body())).statusCode).toBe(401);
    expect((await post(viewer, '/api/abroad/delegations', body())).statusCode).toBe(403);
    expect((await move(district, d.id, 'approved')).statusCode).toBe(403);
    expect(
      (await post(district, `/api/abroad/delegations/${d.id}/members`, { personId: w.an.id })).statusCode,
    ).toBe(403);
    const learner = await t.as('learner', w.agency, { personId: w.an.id });
    expect((await call(learner, { method: 'GET', url: '/api/abroad/delegations' })).statusCode).toBe(403);

    // The district sees the province's delegation through its member, but only its member.
    const seen = await call(district, { method: 'GET', url: `/api/abroad/delegations/${d.id}` });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ canManage: false, nextStatuses: [], hiddenMembers: 1 });
    expect(seen.json().members.map((m: { fullName: string }) => m.fullName)).toEqual(['Lê Văn Cường']);
    const list = await call(district, {
      method: 'GET',
      url: '/api/abroad/delegations',
      query: { q: 'singapore' },
    });
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(d.id);

    // Another subtree with no member there: 404 everywhere.
    const lonely = await ok(post(officer, '/api/abroad/delegations', body()));
    for (const res of [
      await call(outsider, { method: 'GET', url: `/api/abroad/delegations/${lonely.id}` }),
      await move(outsider, lonely.id, 'approved'),
      await post(outsider, `/api/abroad/delegations/${lonely.id}/members`, { personId: w.an.id }),
      await call(outsider, { method: 'GET', url: `/api/people/${w.an.id}/abroad` }),
    ])
      expect(res.statusCode, res.body).toBe(404);
    expect((await call(officer, { method: 'GET', url: '/api/abroad/delegations/999999' })).statusCode).toBe(
      404,
    );
  });

  it('sorts the list by a whitelisted key, names in Vietnamese order; other keys are a 400', async () => {
    const made = [
      { name: 'Đoàn Đà Nẵng', departsOn: '2029-03-02', returnsOn: '2029-03-10' },
      { name: 'Đoàn Dubai', departsOn: '2029-05-04', returnsOn: '2029-05-12' },
      { name: 'Đoàn Ánh Dương', departsOn: '2029-04-01', returnsOn: '2029-04-09' },
    ];
    const ids: number[] = [];
    for (const m of made) ids.push((await ok(post(officer, '/api/abroad/delegations', body(m)))).id);
    const list = async (s: Session, sort: string) => {
      const res = await call(s, { method: 'GET', url: `/api/abroad/delegations?year=2029&sort=${sort}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { id: number }[] }).items.map((d) => d.id);
    };
    expect(await list(officer, 'name')).toEqual([ids[2], ids[1], ids[0]]);
    expect(await list(officer, '-name')).toEqual([ids[0], ids[1], ids[2]]);
    expect(await list(officer, 'departsOn')).toEqual([ids[0], ids[2], ids[1]]);
    expect(await list(officer, '-departsOn')).toEqual([ids[1], ids[2], ids[0]]);
    for (const bad of ['country', '-bogus', 'name,code']) {
      const res = await call(officer, { method: 'GET', url: `/api/abroad/delegations?sort=${bad}` });
      expect(res.statusCode, bad).toBe(400);
    }
    expect(await list(outsider, 'name')).toEqual([]);
  });
});
