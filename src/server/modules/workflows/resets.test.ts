/**
 * The repair of 0.1.0 resets (ADR 023) on a real database: updates are made through the API the
 * way 0.1.0 made them (its PATCH body carried the create defaults), their audit rows then lose the
 * `request` column 0.1.0 did not have; the scan, the listing of `dtbd audit resets` and the
 * restore are run on them.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ResetsIo, runResets } from '../../../cli/resets';
import { rowsOf } from '../../db/rows';
import { auditLog, personHistory } from '../../db/schema/index';
import { type Actor, systemActor } from '../../lib/actor';
import { systemClock } from '../../lib/dates';
import { AppError } from '../../lib/errors';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { seedReportLayouts } from '../reports/layouts/layout-pack';
import { type ResetCandidate, type ResetFilter, scanResets } from './resets';
import { restorable, restoreResets } from './resets.restore';

type Rec = Record<string, unknown>;
const DEFAULTS_010 = { ethnicity: 'KINH', partyMember: false, leadershipTier: 'NONE', status: 'WORKING' };

describe.each(testBackends())('repair of 0.1.0 resets (%s)', (kind) => {
  const t = useTestApp(kind);
  let officer: Session;
  let cli: Actor;
  let seq = 0;

  const ok = async (opts: Parameters<typeof t.call>[1]) => {
    const res = await t.call(officer, opts);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Rec;
  };
  const person = (id: unknown) => ok({ method: 'GET', url: `/api/people/${id}` });
  const patch = (id: unknown, payload: Rec) => ok({ method: 'PATCH', url: `/api/people/${id}`, payload });
  const lastAuditId = async () =>
    Number(rowsOf<{ id: number }>(await t.handle.db.execute(sql`select max(id) as id from audit_log`))[0].id);

  /** A transferred party member of the Tày people, division head: away from every default. */
  const makePerson = (unitId = t.communeA.id) =>
    ok({
      method: 'POST',
      url: '/api/people',
      payload: {
        fullName: `Hoàng Văn Tày ${++seq}`,
        birthDate: '1979-02-03',
        gender: 'M',
        ethnicity: 'TAY',
        partyMember: true,
        category: 'CC',
        rank: 'CV',
        leadershipTier: 'PHONG',
        unitId,
        status: 'TRANSFERRED',
        serviceStart: '2004-08-01',
      },
    });

  /** An edit as 0.1.0 made it: the fields asked for plus every create default; no `request` recorded. */
  async function edit010(p: Rec, asked: Rec): Promise<number> {
    const current = await person(p.id);
    await patch(p.id, { version: current.version, ...DEFAULTS_010, ...asked });
    const id = await lastAuditId();
    await t.handle.db.update(auditLog).set({ request: null }).where(eq(auditLog.id, id));
    return id;
  }

  async function scan(f: ResetFilter = {}, actor = cli): Promise<ResetCandidate[]> {
    const out: ResetCandidate[] = [];
    for await (const page of scanResets(t.handle.db, actor, f, 2)) out.push(...page.candidates);
    return out;
  }

  function io(answer = true): ResetsIo & { lines: string[]; asked: string[] } {
    const lines: string[] = [];
    const asked: string[] = [];
    return {
      lines,
      asked,
      out: (l) => lines.push(l),
      confirm: async (q) => {
        asked.push(q);
        return answer;
      },
      progress: () => ({ update() {}, stop() {} }),
    };
  }
  const deps = () => ({ db: t.handle.db, clock: systemClock });

  beforeAll(async () => {
    officer = await t.as('training_officer', t.root);
    cli = { ...systemActor(t.root.id, t.root.path), username: 'cli' };
  });

  it('finds the fields an edit reset without naming them, with the evidence, and nothing that was asked', async () => {
    const p1 = await makePerson();
    const reset1 = await edit010(p1, { planningTitle: 'Phó Giám đốc Sở' });
    const p2 = await makePerson();
    // Only a default changed: the user may have asked for it (listed with --all).
    const alone = await edit010(p2, { status: 'WORKING' });
    const p3 = await makePerson();
    // Since 0.2 the row names the fields: a status asked for is no reset.
    await patch(p3.id, { version: (await person(p3.id)).version, status: 'WORKING', post: 'Chuyên viên' });

    const found = await scan();
    const of = (p: Rec) => found.filter((c) => c.entityId === String(p.id));
    expect(of(p1).map((c) => [c.field, c.old, c.reset, c.evidence, c.state])).toEqual([
      ['ethnicity', 'TAY', 'KINH', 'likely', 'reset'],
      ['partyMember', true, false, 'likely', 'reset'],
      ['leadershipTier', 'PHONG', 'NONE', 'likely', 'reset'],
      ['status', 'TRANSFERRED', 'WORKING', 'likely', 'reset'],
    ]);
    expect(of(p1)[0]).toMatchObject({
      auditId: reset1,
      alongWith: ['planningTitle'],
      username: expect.any(String),
    });
    expect(of(p2)).toEqual([]);
    expect(of(p3)).toEqual([]);
    const all = await scan({ all: true });
    expect(
      all.filter((c) => c.entityId === String(p2.id)).map((c) => [c.auditId, c.field, c.evidence]),
    ).toEqual(
      expect.arrayContaining([
        [alone, 'ethnicity', 'possible'],
        [alone, 'status', 'possible'],
      ]),
    );

    // Another subtree sees none of them; only admins read the audit log.
    const otherAdmin: Actor = { ...cli, scopeUnitId: t.communeB.id, scopePath: t.communeB.path };
    expect((await scan({}, otherAdmin)).filter((c) => c.entityId === String(p1.id))).toEqual([]);
    await expect(scan({}, { ...cli, role: 'training_officer' })).rejects.toBeInstanceOf(AppError);
  });

  it('lists the resets and shows one entry the way the command prints them', async () => {
    const p = await makePerson();
    const id = await edit010(p, { post: 'Trưởng phòng Tổ chức' });
    const listing = io();
    expect(await runResets(deps(), cli, { entity: 'person', since: '2000-01-01' }, listing)).toBe(0);
    const mine = listing.lines.filter((l) => l.startsWith(`#${id} `));
    expect(mine).toHaveLength(4);
    expect(mine.find((l) => l.includes('ethnicity'))).toContain('TAY -> KINH');
    expect(mine.find((l) => l.includes('status'))).toContain('còn giá trị bị đặt lại / still reset');
    expect(listing.lines.at(-1)).toContain('--restore');

    const shown = io();
    await runResets(deps(), cli, { show: id }, shown);
    expect(shown.lines).toContain(
      'Trường được gửi: không ghi (trước bản 0.2) / fields named: not recorded (before 0.2)',
    );
    expect(shown.lines).toContain('  post: null -> Trưởng phòng Tổ chức');
    expect(shown.lines).toContain('  leadershipTier: PHONG -> NONE, còn giá trị bị đặt lại / still reset');
    await expect(runResets(deps(), cli, { show: 999_999_999 }, io())).rejects.toThrow('999999999');
    await expect(runResets(deps(), cli, { since: '12/03/2026' }, io())).rejects.toThrow('--since');
  });

  it('restores on confirmation through the people service, audited, with the history corrected', async () => {
    const p = await makePerson();
    const id = await edit010(p, { planningTitle: 'Giám đốc Sở' });
    const [open] = await t.handle.db
      .select()
      .from(personHistory)
      .where(and(eq(personHistory.personId, p.id as number), sql`valid_to is null`));
    expect(open).toMatchObject({ status: 'WORKING', leadershipTier: 'NONE', planningTitle: 'Giám đốc Sở' });

    const declined = io(false);
    expect(await runResets(deps(), cli, { show: id, restore: true }, declined)).toBe(0);
    expect(declined.asked[0]).toContain('4');
    expect(await person(p.id)).toMatchObject(DEFAULTS_010);

    const before = await person(p.id);
    expect(await runResets(deps(), cli, { show: id, restore: true, yes: true }, io())).toBe(0);
    const after = await person(p.id);
    expect(after).toMatchObject({
      ethnicity: 'TAY',
      partyMember: true,
      leadershipTier: 'PHONG',
      status: 'TRANSFERRED',
      planningTitle: 'Giám đốc Sở',
      version: Number(before.version) + 1,
    });
    // The period the edit opened keeps what was asked and gets back what was not.
    const history = await t.handle.db
      .select()
      .from(personHistory)
      .where(eq(personHistory.personId, p.id as number))
      .orderBy(personHistory.validFrom);
    expect(history.map((h) => [h.status, h.leadershipTier, h.planningTitle])).toEqual([
      ['TRANSFERRED', 'PHONG', null],
      ['TRANSFERRED', 'PHONG', 'Giám đốc Sở'],
    ]);
    const [restoreRow] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.id, await lastAuditId()));
    expect(restoreRow).toMatchObject({
      action: 'person.restore_reset',
      entityId: String(p.id),
      username: 'cli',
      before: DEFAULTS_010,
      after: { ethnicity: 'TAY', partyMember: true, leadershipTier: 'PHONG', status: 'TRANSFERRED' },
    });
    expect(restoreRow.request).toMatchObject({ restores: id });

    // Run again: restored, nothing left to do.
    const again = await scan({ auditId: id });
    expect(again.map((c) => c.state)).toEqual(['restored', 'restored', 'restored', 'restored']);
    const twice = io();
    expect(await runResets(deps(), cli, { show: id, restore: true, yes: true }, twice)).toBe(0);
    expect(twice.lines).toContain('Không có giá trị nào cần khôi phục / nothing to restore.');
  });

  it('repairs the period a same-day edit replaced, and skips what changed since, saying why', async () => {
    // Retired today, then edited the same day by 0.1.0: the open period was overwritten.
    const p = await makePerson();
    await patch(p.id, { version: (await person(p.id)).version, status: 'RETIRED' });
    const id = await edit010(p, { post: 'Nghỉ hưu' });
    const later = await makePerson();
    const laterReset = await edit010(later, { post: 'Chuyên viên chính' });
    // After the reset, the status of `later` was set on purpose: it is not restored.
    await patch(later.id, { version: (await person(later.id)).version, status: 'LEFT' });

    const found = await scan({ entity: 'person' });
    const stateOf = (auditId: number, field: string) =>
      found.find((c) => c.auditId === auditId && c.field === field);
    expect(stateOf(id, 'status')).toMatchObject({ old: 'RETIRED', state: 'reset' });
    expect(stateOf(laterReset, 'status')).toMatchObject({
      state: 'changed',
      later: { action: 'person.update' },
    });
    expect(stateOf(laterReset, 'ethnicity')).toMatchObject({ state: 'reset' });

    // A change between the scan and the restore is refused by the service (409) and reported.
    const groups = restorable(found.filter((c) => c.auditId === id || c.auditId === laterReset));
    await patch(p.id, { version: (await person(p.id)).version, ethnicity: 'DAO' });
    const outcomes = await restoreResets(deps(), cli, groups);
    expect(outcomes.find((o) => o.auditId === id)?.error?.en).toContain('ethnicity');
    expect(outcomes.find((o) => o.auditId === laterReset)?.error).toBeNull();
    expect(await person(later.id)).toMatchObject({
      status: 'LEFT',
      ethnicity: 'TAY',
      leadershipTier: 'PHONG',
    });
    expect(await person(p.id)).toMatchObject({ status: 'WORKING', ethnicity: 'DAO' });

    // Without the conflicting field the same-day period is corrected in place.
    const rest = restorable(await scan({ auditId: id })).map((g) => g.filter((c) => c.field !== 'ethnicity'));
    expect((await restoreResets(deps(), cli, rest))[0].error).toBeNull();
    const periods = await t.handle.db
      .select()
      .from(personHistory)
      .where(eq(personHistory.personId, p.id as number))
      .orderBy(personHistory.validFrom);
    expect(periods.map((h) => [h.status, h.leadershipTier, h.post])).toEqual([
      ['TRANSFERRED', 'PHONG', null],
      ['RETIRED', 'PHONG', 'Nghỉ hưu'],
    ]);
    const skipped = io();
    expect(await runResets(deps(), cli, { show: id, restore: true, yes: true }, skipped)).toBe(0);
    expect(skipped.lines).toContain('Không có giá trị nào cần khôi phục / nothing to restore.');
  });

  it('restores a report layout whose end date a whole-layout PUT cleared', async () => {
    await seedReportLayouts(t.handle.db);
    const admin = await t.as('admin', t.root);
    const call = async (opts: Parameters<typeof t.call>[1]) => {
      const res = await t.call(admin, opts);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Rec;
    };
    const shipped = ((await call({ method: 'GET', url: '/api/report-layouts' })).items as Rec[]).find(
      (l) => l.builtIn,
    )!;
    const copy = await call({
      method: 'POST',
      url: `/api/report-layouts/${shipped.id}/copy`,
      payload: { code: `SUA-${++seq}` },
    });
    const dated = await call({
      method: 'PUT',
      url: `/api/report-layouts/${copy.id}`,
      payload: { version: copy.version, effectiveTo: '2031-12-31' },
    });
    // 0.1.0 took the whole layout and defaulted the end date to null.
    await call({
      method: 'PUT',
      url: `/api/report-layouts/${copy.id}`,
      payload: { version: dated.version, nameVi: 'Mẫu đã đổi tên', effectiveTo: null },
    });
    const id = await lastAuditId();
    await t.handle.db.update(auditLog).set({ request: null }).where(eq(auditLog.id, id));
    const found = await scan({ entity: 'report_layout', auditId: id });
    expect(found.map((c) => [c.field, c.old, c.reset, c.evidence, c.state])).toEqual([
      ['effectiveTo', '2031-12-31', null, 'likely', 'reset'],
    ]);
    expect(await runResets(deps(), cli, { entity: 'report_layout', restore: true, yes: true }, io())).toBe(0);
    const layout = await call({ method: 'GET', url: `/api/report-layouts/${copy.id}` });
    expect(layout).toMatchObject({ effectiveTo: '2031-12-31', nameVi: 'Mẫu đã đổi tên' });
    const [row] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.id, await lastAuditId()));
    expect(row).toMatchObject({ action: 'report_layout.restore_reset', request: { restores: id } });
  });
});
