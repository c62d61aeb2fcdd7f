import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { systemActor } from '../lib/actor';
import { systemClock } from '../lib/dates';
import { calendarOf, classSteps } from '../modules/classes/class-calendar';
import { renderPdf } from '../modules/documents/documents.pdf';
import { createDocumentService } from '../modules/documents/documents.service';
import { createFeedbackService } from '../modules/feedback/feedback.service';
import { createMultiyearService } from '../modules/plans/multiyear.service';
import { createPlanService } from '../modules/plans/plans.service';
import { createPlanWorkflowService } from '../modules/plans/plans.workflow.service';
import { fixedClock } from '../test/app';
import { testBackends } from '../test/db';
import { openSeededDemo } from '../test/fixtures/demo';
import { pagesText } from '../test/read-back';
import { PLAN_2026_DECISION } from './demo-plans';
import { queryRows } from './sql-util';

describe.each(testBackends())('demo plans on %s', (kind) => {
  let h: DbHandle;
  let cleanup: () => Promise<void>;
  let actor: ReturnType<typeof systemActor>;

  beforeAll(async () => {
    // The plan year's classes only: the past years' ones are class-history.test.ts's. The same
    // demo as demo-money.test.ts and demo-plan-carried.test.ts: built once per run, copied here.
    ({ handle: h, cleanup } = await openSeededDemo(kind, {
      people: 200,
      seed: 5,
      pastClasses: 0,
      today: new Date('2026-12-06T03:00:00Z'),
    }));
    const [root] = await queryRows<{ id: number; path: string }>(
      h.db,
      "select id, path::text as path from org_units where parent_id is null and level = 'province'",
    );
    actor = systemActor(root.id, root.path);
  }, 300_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('has the 2026-2030 programme, an approved 2026 plan of twenty lines frozen as v1, and 2027 drafts', async () => {
    const deps = { db: h.db, clock: fixedClock() };
    const plans = createPlanService(deps);
    const list = await plans.list(actor, { page: 1, pageSize: 50 });
    expect(list.items.map((p) => [p.year, p.status, p.lines > 0])).toEqual([
      [2027, 'draft', true],
      [2027, 'draft', true],
      [2026, 'approved', true],
    ]);
    const p2026 = await plans.detail(actor, list.items[2].id);
    expect(p2026.lines).toHaveLength(20);
    expect(p2026.versions.map((v) => v.version)).toEqual([1]);
    expect(p2026.totals.budget).toBeGreaterThan(10_000_000_000);
    expect(Object.keys(p2026.totals.byFunding).sort()).toEqual(['HOC_VIEN', 'KHAC', 'NSDV', 'NST', 'NSTW']);
    // The frozen version is the working one: no difference.
    const diff = await createPlanWorkflowService(deps).diff(actor, p2026.id, { from: 1 });
    expect(diff.changes).toEqual([]);
    const [programme] = (await createMultiyearService(deps).list(actor, {})).items;
    expect(programme).toMatchObject({ fromYear: 2026, toYear: 2030, status: 'issued', plans: 3 });
    const detail = await createMultiyearService(deps).detail(actor, programme.id);
    expect(
      detail.targets.find((x) => x.year === 2026 && x.programmeKind === 'POLITICAL_THEORY')?.planned,
    ).toBe(640);
  });

  it('records the 2026 plan approval decision in its fields; the approval document is issued under it', async () => {
    const deps = { db: h.db, clock: fixedClock() };
    const [p2026] = (await createPlanService(deps).list(actor, { page: 1, pageSize: 50 })).items.filter(
      (p) => p.year === 2026,
    );
    const [officer] = await queryRows<{ id: number }>(
      h.db,
      "select id from users where username = 'sonoivu'",
    );
    const issued = await createDocumentService(deps).issue(
      { ...actor, userId: officer.id },
      'plan',
      p2026.id,
      {
        kind: 'plan_approval',
        again: false,
      },
    );
    expect(issued).toMatchObject({
      number: PLAN_2026_DECISION.no,
      issuedOn: PLAN_2026_DECISION.date,
      signerName: PLAN_2026_DECISION.signerName,
    });
    // The document as it was issued (the same number, date and text), read back as PDF text.
    const model = await createDocumentService(deps).reprint(
      { ...actor, userId: officer.id },
      Number(issued.id),
    );
    const text = (await pagesText(await renderPdf(model))).join(' ');
    expect(text).toContain(`Số: ${PLAN_2026_DECISION.no}`);
    expect(text).toContain(PLAN_2026_DECISION.signerName);
  });

  it('has classes of the approved plan: dated statuses, sessions, one lecturer clash, plan vs actual', async () => {
    const classes = await queryRows<{ code: string; status: string; sessions: number; inPlan: boolean }>(
      h.db,
      `select c.code, c.status, (select count(*)::int from class_sessions s where s.class_id = c.id) as sessions,
         exists (select 1 from plan_lines l join annual_plans a on a.id = l.plan_id
                 where l.id = c.plan_line_id and a.status = 'approved') as "inPlan"
       from classes c where c.code not like 'KH%' order by c.id`,
    );
    expect(classes.map((c) => c.code)).toEqual([
      'K1/2026',
      'K2/2026',
      'K3/2026',
      'K4/2026',
      'K5/2026',
      'K6/2026',
      'K7/2026',
      'K8/2026',
    ]);
    expect(classes.every((c) => c.sessions === 3 && c.inPlan)).toBe(true);
    expect(classes.at(-1)?.status).toBe('open_for_nomination');
    const [clash] = await queryRows<{ n: number }>(
      h.db,
      `select count(*)::int as n from class_sessions a join class_sessions b on a.id < b.id and a.class_id <> b.class_id
         and a.day = b.day and a.starts_at < b.ends_at and b.starts_at < a.ends_at and a.lecturer_id = b.lecturer_id`,
    );
    expect(clash.n).toBe(1);
    const outside = await queryRows<{ n: number }>(
      h.db,
      'select count(*)::int as n from class_sessions s join classes c on c.id = s.class_id where s.day < c.starts_on or s.day > c.ends_on',
    );
    expect(outside[0].n).toBe(0);
    // 24 sessions of 07:30-11:00 (4 periods each) are the lecturers' periods from classes.
    const [taught] = await queryRows<{ periods: number }>(
      h.db,
      `select coalesce(sum(periods), 0)::int as periods from lecturer_hours where source = 'classes'`,
    );
    expect(taught.periods).toBe(8 * 3 * 4);
  });

  it('has a class running every day from February to early December, so a demo seeded then shows one', async () => {
    const [gaps] = await queryRows<{ n: number }>(
      h.db,
      `select count(*)::int as n from generate_series(
          (select min(starts_on) from classes), make_date((select min(year) from classes), 12, 4), interval '1 day') d
        where not exists (select 1 from classes c where d::date between c.starts_on and c.ends_on)`,
    );
    expect(gaps.n).toBe(0);
  });

  it("gives each demo class a history that matches its status and dates, by the province's officer", async () => {
    const rows = await queryRows<{ status: string; steps: string; by: string | null; past: boolean }>(
      h.db,
      `select c.status, string_agg(e.action || ':' || e.to_status, ',' order by e.at, e.id) as steps,
          min(u.username) as by, bool_and(e.at <= now()) as past
        from classes c join class_events e on e.class_id = c.id left join users u on u.id = e.user_id
        group by c.id, c.status order by c.id`,
    );
    const expected: Record<string, string> = {
      open_for_nomination: 'create:planned,status:open_for_nomination',
      running: 'create:planned,status:open_for_nomination,status:running',
      finished: 'create:planned,status:open_for_nomination,status:running,status:finished',
    };
    expect(rows).toHaveLength(8);
    for (const r of rows)
      expect(r).toEqual({ status: r.status, steps: expected[r.status], by: 'sonoivu', past: true });
  });

  it('fills the demo classes with learners: approved where running or finished, awaiting approval where open', async () => {
    const rows = await queryRows<{
      status: string;
      capacity: number;
      taken: number;
      approved: number;
      pending: number;
      commune: number;
    }>(
      h.db,
      `select c.status, c.capacity, c.seats_taken as taken,
          count(*) filter (where n.status = 'approved')::int as approved,
          count(*) filter (where n.status = 'pending')::int as pending,
          count(*) filter (where n.nominated_by = (select id from users where username = 'canbo.xa'))::int as commune
        from classes c left join class_nominations n on n.class_id = c.id where c.code not like 'KH%' group by c.id order by c.id`,
    );
    for (const r of rows) {
      expect(r.taken).toBe(r.approved + r.pending);
      // Up to the share of seats (the 200 people of this demo spread over 8 classes may be fewer).
      const [held, target] =
        r.status === 'open_for_nomination'
          ? [r.pending - r.commune, Math.floor(r.capacity / 3)]
          : [r.approved, Math.floor((r.capacity * 7) / 10)];
      expect(held).toBeGreaterThan(0);
      expect(held).toBeLessThanOrEqual(target);
      expect(r.status === 'open_for_nomination' ? r.approved : r.pending).toBe(0);
      // The commune officer's own two, awaiting the decision (ADR 051), in the first open class only.
      expect(r.commune).toBe(
        r.status === 'open_for_nomination' && r === rows.find((x) => x.status === r.status) ? 2 : 0,
      );
    }
    const [twice] = await queryRows<{ n: number }>(
      h.db,
      `select count(*)::int as n from (select person_id from class_nominations n join classes c on c.id = n.class_id
        where c.code not like 'KH%' group by 1 having count(*) > 1) x`,
    );
    expect(twice.n).toBe(0);
    const quotas = await queryRows<{ seats: number; taken: number; name: string }>(
      h.db,
      'select q.seats, q.taken, u.name from class_quotas q join org_units u on u.id = q.unit_id',
    );
    // Its three seats left free for the officer to fill, beside the two already sent.
    expect(quotas).toEqual([{ seats: 5, taken: 2, name: 'Xã Đầm Hà' }]);
  });
  it('gives the demo classes feedback: complete level-1 answers, level-3 ones when due, hocvien a class to rate', async () => {
    const [l1] = await queryRows<{ answers: number; incomplete: number; lecturerScores: number }>(
      h.db,
      `select count(*)::int as answers,
          count(*) filter (where (select count(*) from feedback_scores s where s.answer_id = a.id)
            <> 4 + 2 * (select count(distinct lecturer_id) from class_sessions x where x.class_id = a.class_id))::int as incomplete,
          (select count(*)::int from feedback_scores s where s.lecturer_id is not null) as "lecturerScores"
        from feedback_answers a where a.level = 1`,
    );
    expect(l1.answers).toBeGreaterThan(0);
    expect(l1.incomplete).toBe(0);
    expect(l1.lecturerScores).toBeGreaterThan(0);
    const [mine] = await queryRows<{ classes: number; answered: number }>(
      h.db,
      `select count(*)::int as classes, count(a.id)::int as answered from users s
        join class_nominations n on n.person_id = s.person_id and n.status = 'approved'
        join classes c on c.id = n.class_id and c.status = 'finished'
        left join feedback_answers a on a.nomination_id = n.id
        where s.username = 'hocvien'`,
    );
    expect(mine).toEqual({ classes: 1, answered: 0 });
    const [officer] = await queryRows<{ id: number; path: string }>(
      h.db,
      "select u.scope_unit_id as id, o.path::text as path from users u join org_units o on o.id = u.scope_unit_id where u.username = 'canbo.xa'",
    );
    const service = createFeedbackService({ db: h.db, clock: systemClock });
    const unitOfficer = {
      ...actor,
      role: 'unit_officer' as const,
      scopeUnitId: officer.id,
      scopePath: officer.path,
    };
    const due = await service.effectiveness(unitOfficer, { state: 'due', page: 1, pageSize: 50 });
    expect(due.total).toBe(4);
    const [l3] = await queryRows<{ early: number }>(
      h.db,
      `select count(*)::int as early from feedback_answers a join classes c on c.id = a.class_id
        where a.level = 3 and a.answered_at < c.ends_on + interval '6 months'`,
    );
    expect(l3.early).toBe(0);
  });

  it('gives the demo learner a class of their own, in the grade book with the others (ADR 017)', async () => {
    const rows = await queryRows<{ status: string; classStatus: string; marks: number; scores: number }>(
      h.db,
      `select n.status, c.status as "classStatus",
          (select count(*)::int from class_attendance a where a.nomination_id = n.id) as marks,
          (select count(*)::int from class_scores s where s.nomination_id = n.id) as scores
        from users u join class_nominations n on n.person_id = u.person_id join classes c on c.id = n.class_id
        where u.username = 'hocvien'`,
    );
    expect(rows).toHaveLength(1);
    // Attendance marked (how many depends on the class the demo gives them) and both scores entered.
    expect(rows[0]).toMatchObject({ status: 'approved', classStatus: 'finished', scores: 2 });
    expect(rows[0].marks).toBeGreaterThanOrEqual(3);
  });

  it('keeps a grade book for the demo classes: marks so far, scores and stored results of finished ones', async () => {
    const rows = await queryRows<{
      status: string;
      learners: number;
      marks: number;
      scores: number;
      results: number;
      passed: number;
    }>(
      h.db,
      `select c.status,
          (select count(*)::int from class_nominations n where n.class_id = c.id and n.status = 'approved') as learners,
          (select count(*)::int from class_attendance a join class_sessions s on s.id = a.session_id where s.class_id = c.id) as marks,
          (select count(*)::int from class_scores x join class_assessments a on a.id = x.assessment_id where a.class_id = c.id) as scores,
          (select count(*)::int from class_results r where r.class_id = c.id) as results,
          (select count(*)::int from class_results r where r.class_id = c.id and r.passed) as passed
        from classes c where c.code not like 'KH%' order by c.id`,
    );
    const finished = rows.filter((r) => r.status === 'finished');
    expect(finished.length).toBeGreaterThan(0);
    for (const r of finished) {
      expect(r).toMatchObject({ marks: r.learners * 3, scores: r.learners * 2, results: r.learners });
      expect(r.passed).toBeGreaterThan(0);
      expect(r.passed).toBeLessThan(r.learners);
    }
    for (const r of rows.filter((x) => x.status === 'open_for_nomination'))
      expect(r.marks + r.scores + r.results).toBe(0);
  });

  it('keeps the demo classes to their calendar (ADR 025): finished ones are over, marks only once started', async () => {
    const now = new Date();
    const classes = await queryRows<{
      id: number;
      status: string;
      startsOn: string;
      endsOn: string;
      organiserPath: string;
    }>(
      h.db,
      `select c.id, c.status, c.starts_on::text as "startsOn", c.ends_on::text as "endsOn", u.path::text as "organiserPath"
        from classes c join org_units u on u.id = c.organiser_unit_id order by c.id`,
    );
    const done = classes.filter((c) => c.status === 'finished' || c.status === 'closed');
    expect(done.length).toBeGreaterThan(0);
    // The rule the classes service applies to the move: no finished class could not have finished.
    for (const c of done) expect(classSteps(await calendarOf(h.db, c, now)).finished).toBeNull();
    const [early] = await queryRows<{ marks: number; recordedAhead: number }>(
      h.db,
      `select count(*) filter (where s.day + s.starts_at::time > now() at time zone 'Asia/Ho_Chi_Minh')::int as marks,
          count(*) filter (where a.recorded_at > now())::int as "recordedAhead"
        from class_attendance a join class_sessions s on s.id = a.session_id`,
    );
    expect(early).toEqual({ marks: 0, recordedAhead: 0 });
  });

  it('has a delegation back from abroad with reports overdue, and two postgraduate sponsorships', async () => {
    const members = await queryRows<{ status: string; reported: boolean; overdue: boolean }>(
      h.db,
      `select d.status, m.report_submitted_on is not null as reported,
          m.report_submitted_on is null and d.returns_on + 15 < current_date as overdue
        from abroad_delegations d join abroad_members m on m.delegation_id = d.id order by m.id`,
    );
    expect(members.map((m) => [m.status, m.reported, m.overdue])).toEqual([
      ['returned', true, false],
      ['returned', true, false],
      ['returned', false, true],
      ['returned', false, true],
      // The demo commune's leader (demo-work.ts, ADR 051): the commune officer's overdue report.
      ['returned', false, true],
    ]);
    const grants = await queryRows<{ status: string; left: boolean }>(
      h.db,
      // demo-money.ts adds this year's sponsorship under the plan (demo-money.test.ts).
      "select status, left_on is not null as left from postgrad_sponsorships where decision_no <> '905/QĐ-UBND' order by starts_on desc",
    );
    expect(grants).toEqual([
      { status: 'studying', left: false },
      { status: 'graduated', left: true },
    ]);
  });

  it("links the demo lecturer's login to a lecturer who teaches this year's classes (ADR 038)", async () => {
    const [u] = await queryRows<{ lecturer_id: number | null; classes: number }>(
      h.db,
      `select u.lecturer_id, (select count(distinct s.class_id)::int from class_sessions s
         where s.lecturer_id = u.lecturer_id) as classes
       from users u where u.username = 'giangvien'`,
    );
    expect(u.lecturer_id).not.toBeNull();
    expect(Number(u.classes)).toBeGreaterThan(0);
  });
});
