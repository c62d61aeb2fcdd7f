/**
 * The service commitment of sponsored postgraduate study and what a person owes who leaves it
 * early (Decree 171/2025; Decree 101/2017 before it), as pure functions with their words.
 *
 * Months (ADR 016): whole calendar months from a day to a day (the end excluded); a remainder of
 * 15 days or more counts as one more month, less is dropped. The study period runs from the start
 * day to the last day of study (included); the service counted runs from the day after study
 * ends to the day before the person leaves. Money is rounded to the nearest đồng.
 */
import type { REPAYMENT_CASES } from '../../../contracts/postgraduate';
import { addDays, addMonths, daysBetween } from '../../lib/dates';

export interface Words {
  vi: string;
  en: string;
}

/** Months from `from` to `to` (excluded), a remainder of 15 days or more rounding up. 0 when to <= from. */
export function monthsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const y = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  let whole = y(to) - y(from);
  while (whole > 0 && addMonths(from, whole) > to) whole--;
  const rest = daysBetween(addMonths(from, whole), to);
  return whole + (rest >= 15 ? 1 : 0);
}

export const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** 1.500.000 đ */
export const vnd = (n: number) => `${Math.round(n).toLocaleString('vi-VN')} đ`;

export interface CommitmentInput {
  startsOn: string;
  expectedEndsOn: string;
  actualEndsOn: string | null;
  multiplier: number;
}

export interface CommitmentResult {
  studyMonths: number;
  basis: 'expected' | 'actual';
  committedMonths: number;
  /** First and last day of the commitment. */
  startsOn: string;
  endsOn: string;
}

/** T1 = multiplier x study months (rounded to whole months), served from the day after study. */
export function commitmentOf(c: CommitmentInput): CommitmentResult {
  const end = c.actualEndsOn ?? c.expectedEndsOn;
  const studyMonths = monthsBetween(c.startsOn, addDays(end, 1));
  const committedMonths = Math.round(c.multiplier * studyMonths);
  const startsOn = addDays(end, 1);
  return {
    studyMonths,
    basis: c.actualEndsOn ? 'actual' : 'expected',
    committedMonths,
    startsOn,
    endsOn: addDays(addMonths(startsOn, committedMonths), -1),
  };
}

export type RepaymentCase = (typeof REPAYMENT_CASES)[number];

export interface RepaymentInput {
  status: 'studying' | 'graduated' | 'no_diploma' | 'dropped_out';
  startsOn: string;
  expectedEndsOn: string;
  actualEndsOn: string | null;
  leftOn: string | null;
  /** F by source, each with its label. */
  funding: { label: Words; amount: number }[];
  multiplier: number;
  legalSource: string;
}

export interface RepaymentResult {
  case: RepaymentCase;
  cost: number;
  committedMonths: number | null;
  servedMonths: number | null;
  amount: number;
  steps: Words[];
  legalSource: string;
}

function costStep(input: RepaymentInput, cost: number): Words {
  const parts = input.funding.filter((f) => f.amount > 0);
  const list = (lang: 'vi' | 'en') =>
    parts.length ? ` (${parts.map((f) => `${f.label[lang]} ${vnd(f.amount)}`).join('; ')})` : '';
  return {
    vi: `Chi phí đào tạo F = ${vnd(cost)}${list('vi')}.`,
    en: `Training cost F = ${vnd(cost)}${list('en')}.`,
  };
}

/**
 * What the person must repay, or null when nothing is owed yet (still studying, or graduated and
 * not left). 100% of F when they left during study, dropped out or ended without a diploma;
 * otherwise S = F / T1 x (T1 - T2), nothing once T2 reaches T1.
 */
export function repaymentOf(input: RepaymentInput): RepaymentResult | null {
  const cost = input.funding.reduce((s, f) => s + f.amount, 0);
  const full = (c: RepaymentCase, why: Words): RepaymentResult => ({
    case: c,
    cost,
    committedMonths: null,
    servedMonths: null,
    amount: cost,
    legalSource: input.legalSource,
    steps: [
      costStep(input, cost),
      why,
      {
        vi: `Bồi hoàn 100% chi phí: S = F = ${vnd(cost)}.`,
        en: `Repays 100% of the cost: S = F = ${vnd(cost)}.`,
      },
    ],
  });
  const leftDuringStudy =
    input.leftOn !== null &&
    (input.status === 'studying' || (input.actualEndsOn !== null && input.leftOn <= input.actualEndsOn));
  if (input.status === 'dropped_out')
    return full('dropped_out', {
      vi: `Thôi học, bỏ học trong thời gian đào tạo (ngày ${dmy(input.actualEndsOn ?? input.leftOn ?? input.startsOn)}).`,
      en: `Dropped out during the study (on ${dmy(input.actualEndsOn ?? input.leftOn ?? input.startsOn)}).`,
    });
  if (input.status === 'no_diploma')
    return full('no_diploma', {
      vi: 'Đã hết thời gian đào tạo nhưng không được cấp văn bằng tốt nghiệp.',
      en: 'The study ended without a diploma.',
    });
  if (leftDuringStudy)
    return full('left_during_study', {
      vi: `Thôi việc, chuyển công tác ngày ${dmy(input.leftOn!)}, trong thời gian đào tạo.`,
      en: `Left the service on ${dmy(input.leftOn!)}, during the study.`,
    });
  if (input.status !== 'graduated' || input.leftOn === null) return null;

  const c = commitmentOf(input);
  const t1 = c.committedMonths;
  const t2 = monthsBetween(c.startsOn, input.leftOn);
  const steps: Words[] = [
    costStep(input, cost),
    {
      vi: `Thời gian đào tạo: ${dmy(input.startsOn)} – ${dmy(input.actualEndsOn!)} = ${c.studyMonths} tháng (phần lẻ từ 15 ngày tính 1 tháng, dưới 15 ngày không tính).`,
      en: `Study period: ${dmy(input.startsOn)} – ${dmy(input.actualEndsOn!)} = ${c.studyMonths} months (a remainder of 15 days or more counts as a month, less is dropped).`,
    },
    {
      vi: `Thời gian cam kết phục vụ T1 = ${input.multiplier} × ${c.studyMonths} = ${t1} tháng (từ ${dmy(c.startsOn)} đến ${dmy(c.endsOn)}).`,
      en: `Committed service T1 = ${input.multiplier} × ${c.studyMonths} = ${t1} months (from ${dmy(c.startsOn)} to ${dmy(c.endsOn)}).`,
    },
    {
      vi: `Thời gian đã phục vụ T2: từ ${dmy(c.startsOn)} đến trước ngày thôi việc ${dmy(input.leftOn)} = ${t2} tháng.`,
      en: `Service done T2: from ${dmy(c.startsOn)} to the day before leaving on ${dmy(input.leftOn)} = ${t2} months.`,
    },
  ];
  if (t2 >= t1 || t1 === 0) {
    steps.push({
      vi: 'T2 ≥ T1: đã phục vụ đủ thời gian cam kết, không phải bồi hoàn (S = 0 đ).',
      en: 'T2 ≥ T1: the commitment is fulfilled, nothing to repay (S = 0 đ).',
    });
    return {
      case: 'fulfilled',
      cost,
      committedMonths: t1,
      servedMonths: t2,
      amount: 0,
      steps,
      legalSource: input.legalSource,
    };
  }
  const amount = Math.round((cost * (t1 - t2)) / t1);
  steps.push({
    vi: `S = F / T1 × (T1 − T2) = ${vnd(cost)} / ${t1} × (${t1} − ${t2}) = ${vnd(amount)} (làm tròn đến đồng).`,
    en: `S = F / T1 × (T1 − T2) = ${vnd(cost)} / ${t1} × (${t1} − ${t2}) = ${vnd(amount)} (rounded to the đồng).`,
  });
  return {
    case: 'pro_rata',
    cost,
    committedMonths: t1,
    servedMonths: t2,
    amount,
    steps,
    legalSource: input.legalSource,
  };
}
