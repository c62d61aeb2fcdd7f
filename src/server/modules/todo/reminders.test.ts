import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notificationText } from '../../../contracts/notifications';
import {
  abroadDelegations,
  abroadMembers,
  institutions,
  mailOutbox,
  needsCampaigns,
  needsProposals,
  notifications,
  standardRules,
  users,
} from '../../db/schema/index';
import { addDays, ddmmyyyy } from '../../lib/dates';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makeUnit, makeUser } from '../../test/fixtures/org';
import { buildGapWorld } from '../../test/fixtures/standards';
import { policyAt } from '../policies/policies';
import { loadGapContext, selectGaps } from '../standards/gaps.queries';
import { runReminders, startReminders } from './reminders';

const TODAY = '2027-05-10';
const NOW = new Date('2027-05-10T01:00:00Z');

describe.each(testBackends())('daily reminders (%s)', (kind) => {
  const t = useTestApp(kind);
  let w: Awaited<ReturnType<typeof buildGapWorld>>;
  const ids = {} as Record<'district' | 'agency' | 'outsider' | 'training' | 'learner', number>;
  let proposalId = 0;
  let memberId = 0;

  const table = async () =>
    (await t.handle.db.select().from(notifications).orderBy(notifications.id)).map(({ id: _, ...r }) => r);
  const byKey = <T extends { userId: number; dedupeKey: string | null }>(rows: T[]) =>
    [...rows].sort((a, b) => `${a.userId}|${a.dedupeKey}`.localeCompare(`${b.userId}|${b.dedupeKey}`));

  beforeAll(async () => {
    const db = t.handle.db;
    w = await buildGapWorld(t);
    const other = await makeUnit(db, { parent: t.root, name: 'Huyện Khác', level: 'district' });
    ids.district = (await makeUser(db, 'unit_officer', w.district)).id;
    ids.agency = (await makeUser(db, 'unit_officer', w.agency)).id;
    ids.outsider = (await makeUser(db, 'unit_officer', other)).id;
    ids.training = (await makeUser(db, 'training_officer', t.root)).id;
    ids.learner = (await makeUser(db, 'learner', w.agency, { personId: w.binh.id })).id;
    // The agency officer wants mail; the district officer has an address but said no.
    await db.update(users).set({ email: 'agency@example.vn' }).where(eq(users.id, ids.agency));
    await db
      .update(users)
      .set({ email: 'district@example.vn', emailNotifications: false })
      .where(eq(users.id, ids.district));

    const [c] = await db
      .insert(needsCampaigns)
      .values({
        year: 2028,
        title: 'Nhu cầu 2028',
        rootUnitId: t.root.id,
        opensOn: '2027-04-01',
        deadline: '2027-05-01',
      })
      .returning();
    const [late] = await db
      .insert(needsProposals)
      .values({ campaignId: c.id, unitId: w.commune.id, reviewerUnitId: w.district.id, status: 'returned' })
      .returning();
    proposalId = late.id;
    await db
      .insert(needsProposals)
      .values({ campaignId: c.id, unitId: w.agency.id, reviewerUnitId: w.district.id, status: 'submitted' });

    const [inst] = await db
      .insert(institutions)
      .values({
        ownerUnitId: t.root.id,
        kind: 'FOREIGN_PARTNER',
        name: 'Đại học Tokyo',
        searchName: 'dai hoc tokyo',
      })
      .returning();
    const delegation = (status: string, returnsOn: string, code: string) => ({
      code,
      name: `Đoàn ${code}`,
      searchName: code.toLowerCase(),
      partnerInstitutionId: inst.id,
      organiserUnitId: t.root.id,
      country: 'JP',
      departsOn: '2027-03-01',
      returnsOn,
      status,
    });
    const [back, away] = await db
      .insert(abroadDelegations)
      .values([delegation('returned', '2027-04-01', 'NB1'), delegation('travelling', '2027-04-01', 'NB2')])
      .returning();
    const [m] = await db
      .insert(abroadMembers)
      .values({ delegationId: back.id, personId: w.an.id, unitId: w.agency.id })
      .returning();
    memberId = m.id;
    // Reported already, and a delegation still abroad: neither is reminded.
    await db.insert(abroadMembers).values([
      { delegationId: back.id, personId: w.dung.id, unitId: w.agency.id, reportSubmittedOn: '2027-04-10' },
      { delegationId: away.id, personId: w.binh.id, unitId: w.agency.id },
    ]);
  });

  it('tells the nearest unit officers once, with mail when they want it, even run twice at once', async () => {
    const db = t.handle.db;
    // Expected, by other paths: the gap rows due within the policy's days, the report's due day.
    const soon = (await policyAt(db, 'standards.due_soon_days', TODAY, w.agency.path)).value;
    const reportDays = (await policyAt(db, 'abroad.report_due_days', '2027-04-01', t.root.path)).value;
    const ctx = await loadGapContext(db, TODAY);
    const due = (await selectGaps(db, ctx, { asOf: TODAY, scopePath: t.root.path })).filter(
      (g) => g.status === 'due' && g.dueBy! <= addDays(TODAY, soon),
    );
    expect(due.length).toBeGreaterThan(0);
    const people = { [w.an.id]: w.an, [w.binh.id]: w.binh, [w.cuong.id]: w.cuong, [w.dung.id]: w.dung };
    const units = { [w.agency.id]: w.agency, [w.commune.id]: w.commune };
    const officerOf = (unitId: number) => (unitId === w.agency.id ? ids.agency : ids.district);
    const titles = new Map((await db.select().from(standardRules)).map((r) => [r.id, r.titleVi]));
    const base = { readAt: null, createdAt: NOW };
    const reportDue = addDays('2027-04-01', reportDays);
    const expected = byKey([
      ...due.map((g) => ({
        ...base,
        userId: officerOf(g.unitId),
        kind: 'standard.due' as const,
        params: {
          personName: people[g.personId].fullName,
          unitName: units[g.unitId].name,
          requirement: titles.get(g.ruleId)!,
          dueOn: ddmmyyyy(g.dueBy!),
        },
        link: '/standards/gaps',
        dedupeKey: `standard.due:${g.personId}:${g.ruleCode}:${g.dueBy}`,
      })),
      {
        ...base,
        userId: ids.district,
        kind: 'needs.overdue' as const,
        params: { unitName: w.commune.name, campaign: 'Nhu cầu 2028', deadline: '01/05/2027' },
        link: `/needs/proposals/${proposalId}`,
        dedupeKey: `needs.overdue:${proposalId}:2027-05-01`,
      },
      {
        ...base,
        userId: ids.agency,
        kind: 'abroad.report_overdue' as const,
        params: { personName: w.an.fullName, delegation: 'Đoàn NB1', dueOn: ddmmyyyy(reportDue) },
        link: '/abroad/overdue',
        dedupeKey: `abroad.report_overdue:${memberId}:${reportDue}`,
      },
    ]);

    const before = await table();
    const [a, b] = await Promise.all([runReminders(db, TODAY, NOW), runReminders(db, TODAY, NOW)]);
    const sum = (k: 'standardsDue' | 'needsOverdue' | 'reportsOverdue') => a[k] + b[k];
    expect({
      standardsDue: sum('standardsDue'),
      needsOverdue: sum('needsOverdue'),
      reportsOverdue: sum('reportsOverdue'),
    }).toEqual({ standardsDue: due.length, needsOverdue: 1, reportsOverdue: 1 });
    const after = await table();
    expect(before).toEqual([]);
    expect(byKey(after)).toEqual(expected);

    // Mail for the agency officer only (the district officer said no), in Vietnamese.
    const mails = await db.select().from(mailOutbox);
    const mine = after.filter((n) => n.userId === ids.agency);
    expect(
      mails
        .map((m) => ({ to: m.toAddress, subject: m.subject, body: m.body }))
        .sort((x, y) => x.body.localeCompare(y.body)),
    ).toEqual(
      mine
        .map((n) => ({ to: 'agency@example.vn', ...notificationText(n.kind, n.params, 'vi') }))
        .map(({ to, title, body }) => ({ to, subject: title, body }))
        .sort((x, y) => x.body.localeCompare(y.body)),
    );
    expect(a.mails + b.mails).toBe(mine.length);

    // Again the same day: nothing new, nothing changed.
    expect(await runReminders(db, TODAY, new Date(NOW.getTime() + 3_600_000))).toEqual({
      date: TODAY,
      skipped: false,
      standardsDue: 0,
      needsOverdue: 0,
      reportsOverdue: 0,
      mails: 0,
    });
    expect(await table()).toEqual(after);
    expect(await db.select().from(mailOutbox)).toHaveLength(mails.length);
    // Nobody outside the people's units, no training officer, no learner.
    const told = new Set(after.map((n) => n.userId));
    expect([ids.outsider, ids.training, ids.learner].filter((u) => told.has(u))).toEqual([]);
  });

  it('runs at start and after midnight in Vietnam through its timer', async () => {
    const fired: { fn: () => void; ms: number }[] = [];
    const timers = { set: (fn: () => void, ms: number) => fired.push({ fn, ms }), clear: () => {} };
    const logs: string[] = [];
    const r = startReminders({
      db: t.handle.db,
      clock: { now: () => new Date('2027-05-11T16:59:00Z') },
      log: (m) => logs.push(m),
      timers,
    });
    await r.done();
    expect(fired).toHaveLength(1);
    // 23:59 in Vietnam: the next run a minute and a minute after midnight.
    expect(fired[0].ms).toBe(120_000);
    expect(logs[0]).toContain('Nhắc việc ngày 2027-05-11');
    r.stop();
  });
});
