/**
 * Checks of what a user writes on a delegation (the partner, the programme, the cost's funding
 * sources), the report rule in force, and the warnings before adding a member (ADR 016).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { type FieldError, fieldError, invalid } from '../../lib/errors';
import { pathWithin } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import { learnerClashes } from '../nominations/nominations.warnings';
import { planLineRefError } from '../plans/plan-line-ref';
import { policyAt } from '../policies/policies';
import { overlappingDelegations } from './abroad.queries';

const seen = (actor: Actor, ownerPath: string) =>
  pathWithin(actor.scopePath, ownerPath) || pathWithin(ownerPath, actor.scopePath);

/** The partner must be a foreign partner of the catalogue, the programme a catalogue one, both in use. */
export async function checkDelegationRefs(
  q: Queryable,
  actor: Actor,
  refs: {
    partnerInstitutionId?: number;
    programmeId?: number | null;
    budget?: Record<string, number>;
    actualCost?: Record<string, number>;
    /** With the departure year it must match. */
    planLineId?: number | null;
    year?: number;
  },
): Promise<void> {
  const errors: FieldError[] = [];
  if (refs.planLineId && refs.year) {
    const e = await planLineRefError(q, actor, refs.planLineId, 'ABROAD', refs.year);
    if (e) errors.push(e);
  }
  if (refs.actualCost)
    errors.push(
      ...(await findUnknownCodes(
        q,
        Object.keys(refs.actualCost).map((code) => ({
          field: `actualCost.${code}`,
          list: 'funding_source',
          code,
        })),
      )),
    );
  if (refs.partnerInstitutionId) {
    const [inst] = rowsOf<{ kind: string; active: boolean; ownerPath: string }>(
      await q.execute(sql`select i.kind, i.active, u.path::text as "ownerPath" from institutions i
        join org_units u on u.id = i.owner_unit_id where i.id = ${refs.partnerInstitutionId}`),
    );
    if (!inst || !seen(actor, inst.ownerPath))
      errors.push(
        fieldError(
          'partnerInstitutionId',
          'không có trong danh mục cơ sở đào tạo',
          'is not a known institution',
        ),
      );
    else if (inst.kind !== 'FOREIGN_PARTNER')
      errors.push(
        fieldError('partnerInstitutionId', 'không phải đối tác nước ngoài', 'is not a foreign partner'),
      );
    else if (!inst.active)
      errors.push(
        fieldError('partnerInstitutionId', 'đối tác đã ngừng sử dụng', 'the partner is no longer in use'),
      );
  }
  if (refs.programmeId) {
    const [p] = rowsOf<{ active: boolean; ownerPath: string }>(
      await q.execute(sql`select p.active, u.path::text as "ownerPath" from programmes p
        join org_units u on u.id = p.owner_unit_id where p.id = ${refs.programmeId}`),
    );
    if (!p || !seen(actor, p.ownerPath))
      errors.push(
        fieldError('programmeId', 'không có trong danh mục chương trình', 'is not in the catalogue'),
      );
    else if (!p.active)
      errors.push(
        fieldError('programmeId', 'chương trình đã ngừng sử dụng', 'the programme is no longer in use'),
      );
  }
  if (refs.budget)
    errors.push(
      ...(await findUnknownCodes(
        q,
        Object.keys(refs.budget).map((code) => ({ field: `budget.${code}`, list: 'funding_source', code })),
      )),
    );
  if (errors.length) throw invalid(errors);
}

/**
 * Days to report after return in force on the return day for the organiser (policy
 * abroad.report_due_days); a return before the first value in force reads today's value.
 */
export async function reportRuleOf(q: Queryable, returnsOn: string, organiserPath: string, today: string) {
  const p = await policyAt(q, 'abroad.report_due_days', returnsOn, organiserPath).catch(() =>
    policyAt(q, 'abroad.report_due_days', today, organiserPath),
  );
  return { days: p.value, legalSource: p.legalSource };
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A class or another delegation at overlapping dates (named only when the actor may see it). */
export async function memberWarnings(
  q: Queryable,
  actor: Actor,
  d: { id: number; departsOn: string; returnsOn: string },
  personId: number,
) {
  const warnings: { code: 'LEARNER_CLASH' | 'DELEGATION_CLASH'; vi: string; en: string }[] = [];
  const classes = await learnerClashes(q, actor, { id: 0, startsOn: d.departsOn, endsOn: d.returnsOn }, [
    personId,
  ]);
  const clash = classes.get(personId);
  if (clash) warnings.push({ code: 'LEARNER_CLASH', ...clash });
  for (const o of await overlappingDelegations(q, [personId], d.id, d)) {
    const when = `${dmy(o.departsOn)}-${dmy(o.returnsOn)}`;
    warnings.push(
      pathWithin(o.organiserPath, actor.scopePath)
        ? {
            code: 'DELEGATION_CLASH',
            vi: `Đã ở đoàn ${o.code} ${o.name} (${when}) trùng thời gian.`,
            en: `Already in delegation ${o.code} ${o.name} (${when}) at the same time.`,
          }
        : {
            code: 'DELEGATION_CLASH',
            vi: `Đã ở một đoàn của đơn vị khác trùng thời gian (${when}).`,
            en: `Already in another unit's delegation at the same time (${when}).`,
          },
    );
  }
  return warnings;
}
