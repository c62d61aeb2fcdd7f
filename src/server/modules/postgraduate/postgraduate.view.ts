/**
 * What a sponsorship shows besides its facts (ADR 016): the eligibility for the POSTGRADUATE
 * purpose on the start day (the standards engine, each condition explained), the commitment
 * (multiplier in force on the start day x study months) and the repayment when one is owed.
 */
import type { Db, Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, fieldError, invalid } from '../../lib/errors';
import { policyAt } from '../policies/policies';
import { labelOf } from '../standards/codebook';
import { createPersonStandardsService } from '../standards/person-standards.service';
import { loadCodebook } from '../standards/rules.queries';
import type { SponsorshipRow } from './postgraduate.queries';
import { commitmentOf, monthsBetween, repaymentOf } from './repayment';

export const POSTGRADUATE_PURPOSE = 'POSTGRADUATE';

export async function eligibilityOn(db: Db, clock: Clock, actor: Actor, personId: number, asOf: string) {
  const result = await createPersonStandardsService({ db, clock }).eligibility(actor, personId, asOf);
  const purpose = result.purposes.find((p) => p.purpose === POSTGRADUATE_PURPOSE);
  if (!purpose) return { asOf, evaluated: false, eligible: false, rules: [] };
  return { asOf, evaluated: true, eligible: purpose.eligible, rules: purpose.rules };
}

/**
 * The multiplier in force on the start day for the unit, with its source. A start day before
 * the first rule in force (the 2025 policy) is a 400 on `startsOn`.
 */
export async function multiplierOn(q: Queryable, startsOn: string, unitPath: string) {
  try {
    const p = await policyAt(q, 'postgrad.commitment_multiplier', startsOn, unitPath);
    return { multiplier: p.value, legalSource: p.legalSource };
  } catch (err) {
    if (err instanceof AppError && err.code === 'NO_POLICY')
      throw invalid([
        fieldError(
          'startsOn',
          `không có quy định hệ số thời gian cam kết có hiệu lực vào ngày ${startsOn}`,
          `no rule for the commitment multiplier is in force on ${startsOn}`,
        ),
      ]);
    throw err;
  }
}

export async function commitmentView(
  q: Queryable,
  s: Pick<SponsorshipRow, 'startsOn' | 'expectedEndsOn' | 'actualEndsOn' | 'status' | 'leftOn' | 'unitPath'>,
  today: string,
) {
  const m = await multiplierOn(q, s.startsOn, s.unitPath);
  const c = commitmentOf({ ...s, multiplier: m.multiplier });
  const servedTo = s.leftOn ?? today;
  return {
    ...m,
    ...c,
    servedMonths: s.status === 'graduated' ? monthsBetween(c.startsOn, servedTo) : null,
  };
}

export async function repaymentView(
  q: Queryable,
  s: SponsorshipRow,
  multiplier: number,
  legalSource: string,
) {
  const book = await loadCodebook(q);
  return repaymentOf({
    status: s.status,
    startsOn: s.startsOn,
    expectedEndsOn: s.expectedEndsOn,
    actualEndsOn: s.actualEndsOn,
    leftOn: s.leftOn,
    funding: Object.entries(s.funding).map(([code, amount]) => ({
      label: labelOf(book, 'funding_source', code),
      amount,
    })),
    multiplier,
    legalSource,
  });
}

export const costOf = (funding: Record<string, number>) => Object.values(funding).reduce((a, b) => a + b, 0);

export function summaryOf(s: SponsorshipRow) {
  return {
    id: s.id,
    personId: s.personId,
    fullName: s.fullName,
    unitId: s.unitId,
    unitName: s.unitName,
    field: s.field,
    level: s.level,
    institutionId: s.institutionId,
    institutionName: s.institutionName,
    country: s.country,
    startsOn: s.startsOn,
    expectedEndsOn: s.expectedEndsOn,
    actualEndsOn: s.actualEndsOn,
    status: s.status,
    leftOn: s.leftOn,
    cost: costOf(s.funding),
    planLineId: s.planLineId,
  };
}

export async function presentSponsorship(
  db: Db,
  q: Queryable,
  clock: Clock,
  actor: Actor,
  s: SponsorshipRow,
  canManage: boolean,
) {
  const commitment = await commitmentView(q, s, todayOf(clock));
  return {
    ...summaryOf(s),
    funding: s.funding,
    decisionNo: s.decisionNo,
    eligibleAtStart: s.eligibleAtStart,
    diplomaNo: s.diplomaNo,
    diplomaDate: s.diplomaDate,
    outcomeNote: s.outcomeNote,
    leftReason: s.leftReason,
    qualificationId: s.qualificationId,
    note: s.note,
    version: s.version,
    canManage,
    eligibility: await eligibilityOn(db, clock, actor, s.personId, s.startsOn).catch(() => ({
      asOf: s.startsOn,
      evaluated: false,
      eligible: false,
      rules: [],
    })),
    commitment: {
      multiplier: commitment.multiplier,
      studyMonths: commitment.studyMonths,
      basis: commitment.basis,
      committedMonths: commitment.committedMonths,
      startsOn: commitment.startsOn,
      endsOn: commitment.endsOn,
      servedMonths: commitment.servedMonths,
      legalSource: commitment.legalSource,
    },
    repayment: await repaymentView(q, s, commitment.multiplier, commitment.legalSource),
  };
}
