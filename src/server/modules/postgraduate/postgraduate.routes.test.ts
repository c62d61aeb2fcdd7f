import { eq, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { SponsorshipDetail } from '../../../contracts/postgraduate';
import { rowsOf } from '../../db/rows';
import { auditLog, qualifications } from '../../db/schema/index';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { fieldsOf } from '../../test/fixtures/catalogue';
import { makePerson, makeUnit, type UnitRow } from '../../test/fixtures/org';
import { buildGapWorld } from '../../test/fixtures/standards';

type World = Awaited<ReturnType<typeof buildGapWorld>>;
type Detail = z.infer<typeof SponsorshipDetail>;

describe.each(testBackends())('postgraduate routes (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2030-06-01T08:00:00Z') });
  let w: World;
  let officer: Session;
  let district: Session;
  let viewer: Session;
  let outsider: Session;
  let otherDistrict: UnitRow;
  let universityId: number;
  const call = (s: Session | null, opts: InjectOptions) => t.call(s, opts);
  const post = (s: Session | null, url: string, payload: object) => call(s, { method: 'POST', url, payload });
  const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Detail;
  };
  const body = (personId: number, over: Record<string, unknown> = {}) => ({
    personId,
    field: 'Quản lý công',
    level: 'THAC_SI',
    institutionId: universityId,
    country: 'Việt Nam',
    startsOn: '2026-09-01',
    expectedEndsOn: '2028-08-31',
    funding: { NST: 900_000_000, NSDV: 300_000_000 },
    decisionNo: '45/QĐ-SNV',
    ...over,
  });

  beforeAll(async () => {
    w = await buildGapWorld(t);
    otherDistrict = await makeUnit(t.handle.db, { parent: t.root, name: 'Huyện Bên Kia', level: 'district' });
    officer = await t.as('training_officer', t.root);
    district = await t.as('unit_officer', w.district);
    viewer = await t.as('viewer', t.root);
    outsider = await t.as('training_officer', otherDistrict);
    const uni = await post(officer, '/api/institutions', {
      kind: 'UNIVERSITY',
      name: 'Học viện Hành chính Quốc gia',
    });
    expect(uni.statusCode, uni.body).toBe(200);
    universityId = uni.json().id;
  });

  it('checks eligibility, graduates with the degree on the record, and computes the pro rata repayment', async () => {
    const check = await post(officer, '/api/postgraduate/check', {
      personId: w.an.id,
      startsOn: '2026-09-01',
      expectedEndsOn: '2028-08-31',
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().eligibility).toMatchObject({ asOf: '2026-09-01', evaluated: true, eligible: true });
    expect(check.json().eligibility.rules[0].conditions.every((c: { passed: boolean }) => c.passed)).toBe(
      true,
    );
    expect(check.json().commitment).toMatchObject({
      multiplier: 3,
      studyMonths: 24,
      committedMonths: 72,
      endsOn: '2034-08-31',
      legalSource: 'Nghị định 171/2025/NĐ-CP',
    });

    const created = await ok(post(officer, '/api/postgraduate', body(w.an.id)));
    expect(created).toMatchObject({
      status: 'studying',
      cost: 1_200_000_000,
      institutionName: 'Học viện Hành chính Quốc gia',
      eligibleAtStart: true,
      eligibility: { eligible: true },
      commitment: { basis: 'expected', servedMonths: null },
      repayment: null,
      canManage: true,
    });
    const id = created.id;

    const noDiploma = await post(officer, `/api/postgraduate/${id}/outcome`, {
      status: 'graduated',
      actualEndsOn: '2028-08-31',
    });
    expect(noDiploma.statusCode).toBe(400);
    expect(fieldsOf(noDiploma)).toBe('diplomaNo,diplomaDate');
    const graduated = await ok(
      post(officer, `/api/postgraduate/${id}/outcome`, {
        status: 'graduated',
        actualEndsOn: '2028-08-31',
        diplomaNo: 'ThS-2028-0153',
        diplomaDate: '2028-10-15',
      }),
    );
    // Served from 01/09/2028 to today 01/06/2030: 21 months of 72; nothing owed while serving.
    expect(graduated).toMatchObject({
      status: 'graduated',
      commitment: { basis: 'actual', committedMonths: 72, servedMonths: 21, endsOn: '2034-08-31' },
      repayment: null,
    });
    const [degree] = await t.handle.db
      .select()
      .from(qualifications)
      .where(eq(qualifications.id, graduated.qualificationId!));
    expect(degree).toMatchObject({
      personId: w.an.id,
      kind: 'EDUCATION',
      level: 'THAC_SI',
      major: 'Quản lý công',
      certificateNo: 'ThS-2028-0153',
      issuedOn: '2028-10-15',
      source: 'postgraduate',
    });
    const again = await post(officer, `/api/postgraduate/${id}/outcome`, {
      status: 'dropped_out',
      actualEndsOn: '2028-09-01',
    });
    expect(again.statusCode).toBe(409);

    const noReason = await post(officer, `/api/postgraduate/${id}/leave`, { leftOn: '2029-09-01' });
    expect(fieldsOf(noReason)).toBe('reason');
    const left = await ok(
      post(officer, `/api/postgraduate/${id}/leave`, {
        leftOn: '2029-09-01',
        reason: 'Chuyển công tác ngoài tỉnh',
      }),
    );
    expect(left.repayment).toMatchObject({
      case: 'pro_rata',
      cost: 1_200_000_000,
      committedMonths: 72,
      servedMonths: 12,
      amount: 1_000_000_000,
      legalSource: 'Nghị định 171/2025/NĐ-CP',
    });
    expect(left.repayment!.steps[0].vi).toBe(
      'Chi phí đào tạo F = 1.200.000.000 đ (Ngân sách tỉnh 900.000.000 đ; Kinh phí của cơ quan, đơn vị 300.000.000 đ).',
    );
    expect(left.repayment!.steps.at(-1)!.vi).toContain('= 1.000.000.000 đ');

    const mine = await call(district, { method: 'GET', url: `/api/people/${w.an.id}/postgraduate` });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([
      expect.objectContaining({ id, status: 'graduated', leftOn: '2029-09-01' }),
    ]);
    const list = await call(viewer, {
      method: 'GET',
      url: '/api/postgraduate',
      query: { q: 'quan ly cong' },
    });
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(id);

    const actions = rowsOf<{ action: string }>(
      await t.handle.db.execute(sql`select action from ${auditLog}
        where entity = 'postgrad_sponsorship' and entity_id = ${String(id)} order by id`),
    ).map((r) => r.action);
    expect(actions).toEqual(['postgrad.create', 'postgrad.outcome', 'postgrad.leave']);
  });

  it('asks to confirm sending someone not eligible, and owes 100% on dropping out', async () => {
    const refused = await post(officer, '/api/postgraduate', body(w.cuong.id, { level: 'TIEN_SI' }));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('NEEDS_CONFIRMATION');
    const failed = refused
      .json()
      .error.details.eligibility.rules[0].conditions.filter((c: { passed: boolean }) => !c.passed);
    expect(failed.map((c: { type: string }) => c.type)).toContain('ratingsAtLeast');
    const sent = await ok(
      post(officer, '/api/postgraduate', body(w.cuong.id, { level: 'TIEN_SI', confirm: true })),
    );
    expect(sent).toMatchObject({ eligibleAtStart: false, eligibility: { eligible: false } });
    const future = await post(officer, `/api/postgraduate/${sent.id}/outcome`, {
      status: 'dropped_out',
      actualEndsOn: '2031-01-01',
    });
    expect(fieldsOf(future)).toBe('actualEndsOn');
    const dropped = await ok(
      post(officer, `/api/postgraduate/${sent.id}/outcome`, {
        status: 'dropped_out',
        actualEndsOn: '2027-03-01',
      }),
    );
    expect(dropped.repayment).toMatchObject({ case: 'dropped_out', amount: 1_200_000_000 });
    expect(dropped.qualificationId).toBeNull();

    const noInstitution = await post(officer, '/api/postgraduate', body(w.dung.id, { institutionId: null }));
    expect(fieldsOf(noInstitution)).toBe('institutionName');
    const badDates = await post(
      officer,
      '/api/postgraduate',
      body(w.dung.id, { expectedEndsOn: '2026-01-01' }),
    );
    expect(fieldsOf(badDates)).toBe('expectedEndsOn');
    // A foreign university typed in; a study begun under Decree 101/2017 reads its multiplier (2x, ADR 049).
    const abroad = await ok(
      post(officer, '/api/postgraduate', {
        ...body(w.dung.id, {
          institutionId: null,
          institutionName: 'University of Melbourne',
          country: 'Úc',
        }),
        startsOn: '2024-02-01',
        expectedEndsOn: '2025-07-31',
        confirm: true,
      }),
    );
    expect(abroad).toMatchObject({
      institutionName: 'University of Melbourne',
      eligibility: { evaluated: false },
    });
    expect(abroad.commitment).toMatchObject({ multiplier: 2, studyMonths: 18, committedMonths: 36 });
    expect(abroad.commitment.legalSource).toContain('101/2017');
    const changed = await ok(
      call(officer, {
        method: 'PATCH',
        url: `/api/postgraduate/${abroad.id}`,
        payload: { expectedEndsOn: '2026-01-31', version: abroad.version },
      }),
    );
    expect(changed.commitment).toMatchObject({ studyMonths: 24, committedMonths: 48 });
    const stale = await call(officer, {
      method: 'PATCH',
      url: `/api/postgraduate/${abroad.id}`,
      payload: { note: 'x', version: abroad.version },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('sorts the list by a whitelisted key, names in Vietnamese order, in scope; other keys are a 400', async () => {
    const names = ['Nguyễn Văn Đức', 'Nguyễn Văn Dũng', 'Nguyễn Văn Bình', 'Nguyễn Văn Bản'];
    const starts = ['2026-09-01', '2025-09-01', '2027-09-01', '2024-09-01'];
    for (const [i, fullName] of names.entries()) {
      const p = await makePerson(t.handle.db, w.district, { fullName });
      await ok(
        post(
          officer,
          '/api/postgraduate',
          body(p.id, {
            field: `Ngành Sắp Xếp ${i}`,
            startsOn: starts[i],
            expectedEndsOn: `${Number(starts[i].slice(0, 4)) + 2}-08-31`,
            confirm: true,
          }),
        ),
      );
    }
    const list = async (s: Session, sort: string) => {
      const res = await call(s, { method: 'GET', url: `/api/postgraduate?q=sap%20xep&sort=${sort}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { fullName: string }[]).map((i) => i.fullName);
    };
    const byName = ['Nguyễn Văn Bản', 'Nguyễn Văn Bình', 'Nguyễn Văn Dũng', 'Nguyễn Văn Đức'];
    expect(await list(officer, 'fullName')).toEqual(byName);
    expect(await list(officer, '-fullName')).toEqual([...byName].reverse());
    expect(await list(officer, 'startsOn')).toEqual([names[3], names[1], names[0], names[2]]);
    expect(await list(district, '-startsOn')).toEqual([names[2], names[0], names[1], names[3]]);
    for (const bad of ['bogus', 'status', 'fullName desc', '--field']) {
      const res = await call(officer, {
        method: 'GET',
        url: `/api/postgraduate?sort=${encodeURIComponent(bad)}`,
      });
      expect(res.statusCode, bad).toBe(400);
    }
    expect(await list(outsider, 'fullName')).toEqual([]);
  });

  it('answers 401, 403 and 404 by scope', async () => {
    const s = await ok(post(officer, '/api/postgraduate', body(w.binh.id, { confirm: true })));
    expect((await call(null, { method: 'GET', url: '/api/postgraduate' })).statusCode).toBe(401);
    expect((await post(null, '/api/postgraduate', body(w.binh.id))).statusCode).toBe(401);
    expect((await post(viewer, '/api/postgraduate', body(w.binh.id))).statusCode).toBe(403);
    expect((await post(district, '/api/postgraduate', body(w.binh.id))).statusCode).toBe(403);
    expect(
      (await post(district, `/api/postgraduate/${s.id}/leave`, { leftOn: '2027-01-01', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const learner = await t.as('learner', w.agency, { personId: w.binh.id });
    expect((await call(learner, { method: 'GET', url: '/api/postgraduate' })).statusCode).toBe(403);
    const own = await call(learner, { method: 'GET', url: `/api/people/${w.binh.id}/postgraduate` });
    expect(own.json().items.map((i: { id: number }) => i.id)).toEqual([s.id]);

    const seen = await call(district, { method: 'GET', url: `/api/postgraduate/${s.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canManage).toBe(false);
    const stranger = await makePerson(t.handle.db, otherDistrict);
    const cases: [Promise<{ statusCode: number; body: string }>, number][] = [
      [call(outsider, { method: 'GET', url: `/api/postgraduate/${s.id}` }), 404],
      [post(outsider, `/api/postgraduate/${s.id}/leave`, { leftOn: '2027-01-01', reason: 'x' }), 404],
      [
        post(outsider, `/api/postgraduate/${s.id}/outcome`, {
          status: 'no_diploma',
          actualEndsOn: '2028-08-31',
        }),
        404,
      ],
      [post(outsider, '/api/postgraduate', body(w.binh.id)), 404],
      [post(officer, '/api/postgraduate/check', { personId: 999_999, startsOn: '2026-09-01' }), 404],
      [post(district, '/api/postgraduate/check', { personId: stranger.id, startsOn: '2026-09-01' }), 403],
      [call(outsider, { method: 'GET', url: `/api/people/${w.binh.id}/postgraduate` }), 404],
    ];
    for (const [res, code] of cases) {
      const r = await res;
      expect(r.statusCode, r.body).toBe(code);
    }
    expect((await call(outsider, { method: 'GET', url: '/api/postgraduate' })).json().items).toEqual([]);
  });
});
