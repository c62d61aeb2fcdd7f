/**
 * What a delegation shows (members of the actor's subtree with where their report stands, what
 * completion grants) and what closing it records on each member (ADR 016).
 */
import { eq, inArray } from 'drizzle-orm';
import { levelListOf } from '../../../contracts/codes';
import type { Queryable } from '../../db/client';
import { abroadMembers } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { fieldError, invalid } from '../../lib/errors';
import { pathWithin } from '../../lib/scope';
import { recordEarnedQualification } from '../qualifications/earned';
import { labelOf } from '../standards/codebook';
import { loadCodebook } from '../standards/rules.queries';
import type { DelegationRow } from './abroad.queries';
import { listMembers } from './abroad.queries';
import { reportStanding } from './abroad.rules';

export async function grantsOf(q: Queryable, d: Pick<DelegationRow, 'grantsKind' | 'grantsLevel'>) {
  if (!d.grantsKind || !d.grantsLevel) return null;
  const book = await loadCodebook(q);
  const k = labelOf(book, 'qualification_kind', d.grantsKind);
  const l = labelOf(book, levelListOf(d.grantsKind), d.grantsLevel);
  return {
    kind: d.grantsKind,
    level: d.grantsLevel,
    label: { vi: `${k.vi} - ${l.vi}`, en: `${k.en} - ${l.en}` },
  };
}

export async function presentDetail<S extends object>(
  q: Queryable,
  actor: Actor,
  d: DelegationRow,
  ctx: {
    rule: { days: number; legalSource: string };
    today: string;
    canManage: boolean;
    nextStatuses: DelegationRow['status'][];
    summary: S;
  },
) {
  const all = await listMembers(q, d.id);
  const organiserSide = pathWithin(d.organiserPath, actor.scopePath);
  const shown = organiserSide ? all : all.filter((m) => pathWithin(m.unitPath, actor.scopePath));
  const members = shown.map((m) => ({
    id: m.id,
    personId: m.personId,
    fullName: m.fullName,
    unitId: m.unitId,
    unitName: m.unitName,
    role: m.role,
    warnings: m.warnings,
    report: {
      ...reportStanding(d, ctx.rule.days, m.reportSubmittedOn, ctx.today),
      submittedOn: m.reportSubmittedOn,
      summary: m.reportSummary,
      fileName: m.reportFileName,
    },
    completed: m.completed,
    qualificationId: m.qualificationId === null ? null : Number(m.qualificationId),
  }));
  return {
    ...ctx.summary,
    budget: d.budget,
    actualCost: d.actualCost,
    decisionDate: d.decisionDate,
    note: d.note,
    version: d.version,
    grants: await grantsOf(q, d),
    reportRule: {
      days: ctx.rule.days,
      legalSource: ctx.rule.legalSource,
      dueOn: reportStanding(d, ctx.rule.days, null, ctx.today).dueOn,
    },
    nextStatuses: ctx.nextStatuses,
    canManage: ctx.canManage,
    members,
    hiddenMembers: all.length - shown.length,
  };
}

/**
 * Closing: the listed members completed, the others did not. A completed member of a programme
 * granting a qualification gets it on their record (source "abroad", issued on the return day).
 */
export async function completeMembers(q: Queryable, actor: Actor, d: DelegationRow, completedIds: number[]) {
  const members = await listMembers(q, d.id);
  const ids = new Set(members.map((m) => m.id));
  const unknown = completedIds.filter((id) => !ids.has(id));
  if (unknown.length)
    throw invalid([
      fieldError(
        'completedMemberIds',
        `không phải thành viên của đoàn: ${unknown.join(', ')}`,
        `not members of the delegation: ${unknown.join(', ')}`,
      ),
    ]);
  const done = new Set(completedIds);
  const notDone = members.filter((m) => !done.has(m.id)).map((m) => m.id);
  if (done.size)
    await q
      .update(abroadMembers)
      .set({ completed: true })
      .where(inArray(abroadMembers.id, [...done]));
  if (notDone.length)
    await q.update(abroadMembers).set({ completed: false }).where(inArray(abroadMembers.id, notDone));
  let granted = 0;
  if (d.grantsKind && d.grantsLevel)
    for (const m of members.filter((x) => done.has(x.id) && x.qualificationId === null)) {
      const row = await recordEarnedQualification(q, actor, {
        personId: m.personId,
        kind: d.grantsKind,
        level: d.grantsLevel,
        issuer: d.partnerName,
        issuedOn: d.returnsOn,
        periods: d.programmePeriods,
        source: 'abroad',
        note: `Đoàn ${d.code} – ${d.name} (${d.country})`,
        scopePath: m.unitPath,
      });
      await q.update(abroadMembers).set({ qualificationId: row.id }).where(eq(abroadMembers.id, m.id));
      granted++;
    }
  return { completed: done.size, qualifications: granted };
}
