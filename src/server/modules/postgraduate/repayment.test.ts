import { describe, expect, it } from 'vitest';
import { addMonths } from '../../lib/dates';
import { commitmentOf, monthsBetween, type RepaymentInput, repaymentOf } from './repayment';

describe('monthsBetween (15 days or more round up)', () => {
  it.each([
    ['2023-09-01', '2025-09-01', 24],
    ['2023-09-01', '2023-09-01', 0],
    ['2023-09-01', '2023-08-01', 0],
    ['2023-09-01', '2023-09-15', 0],
    ['2023-09-01', '2023-09-16', 1],
    ['2023-09-01', '2023-10-15', 1],
    ['2023-09-01', '2023-10-16', 2],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-31', '2024-03-01', 1],
    ['2025-09-01', '2026-09-01', 12],
    ['2025-09-01', '2031-09-01', 72],
  ])('%s to %s = %i', (from, to, months) => {
    expect(monthsBetween(from, to)).toBe(months);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-09-01', 72, '2031-09-01'],
    ['2025-12-15', 2, '2026-02-15'],
  ])('addMonths(%s, %i) = %s', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });
});

describe('commitmentOf', () => {
  it.each([
    // start, expected end, actual end, multiplier -> study months, basis, T1, ends on
    ['2023-09-01', '2025-08-31', null, 3, 24, 'expected', 72, '2031-08-31'],
    ['2023-09-01', '2025-08-31', '2025-12-31', 3, 28, 'actual', 84, '2032-12-31'],
    ['2024-10-01', '2026-03-31', null, 2.5, 18, 'expected', 45, '2029-12-31'],
    ['2024-10-01', '2027-09-30', null, 3, 36, 'expected', 108, '2036-09-30'],
  ] as const)(
    '%s – %s (actual %s) x%s',
    (startsOn, expectedEndsOn, actualEndsOn, multiplier, study, basis, t1, endsOn) => {
      expect(commitmentOf({ startsOn, expectedEndsOn, actualEndsOn, multiplier })).toMatchObject({
        studyMonths: study,
        basis,
        committedMonths: t1,
        endsOn,
      });
    },
  );
});

const base: RepaymentInput = {
  status: 'graduated',
  startsOn: '2023-09-01',
  expectedEndsOn: '2025-08-31',
  actualEndsOn: '2025-08-31',
  leftOn: null,
  funding: [
    { label: { vi: 'Ngân sách tỉnh', en: 'Provincial budget' }, amount: 900_000_000 },
    { label: { vi: 'Kinh phí đơn vị', en: 'Unit budget' }, amount: 300_000_000 },
  ],
  multiplier: 3,
  legalSource: 'Nghị định 171/2025/NĐ-CP',
};

describe('repaymentOf', () => {
  it.each([
    // label, changes, case, amount, T1, T2
    ['still studying', { status: 'studying', actualEndsOn: null }, null, null, null, null],
    ['graduated, still serving', {}, null, null, null, null],
    [
      'left during study',
      { status: 'studying', actualEndsOn: null, leftOn: '2024-05-10' },
      'left_during_study',
      1_200_000_000,
      null,
      null,
    ],
    [
      'dropped out',
      { status: 'dropped_out', actualEndsOn: '2024-03-01' },
      'dropped_out',
      1_200_000_000,
      null,
      null,
    ],
    [
      'dropped out, left later',
      { status: 'dropped_out', actualEndsOn: '2024-03-01', leftOn: '2026-01-01' },
      'dropped_out',
      1_200_000_000,
      null,
      null,
    ],
    ['no diploma', { status: 'no_diploma' }, 'no_diploma', 1_200_000_000, null, null],
    [
      'graduated, left on the last study day',
      { leftOn: '2025-08-31' },
      'left_during_study',
      1_200_000_000,
      null,
      null,
    ],
    ['left the day after graduating', { leftOn: '2025-09-01' }, 'pro_rata', 1_200_000_000, 72, 0],
    ['served 12 of 72 months', { leftOn: '2026-09-01' }, 'pro_rata', 1_000_000_000, 72, 12],
    ['served 12.5 months rounds to 13', { leftOn: '2026-09-16' }, 'pro_rata', 983_333_333, 72, 13],
    ['served 12 months and 14 days stays 12', { leftOn: '2026-09-15' }, 'pro_rata', 1_000_000_000, 72, 12],
    ['served 71 months', { leftOn: '2031-08-01' }, 'pro_rata', 16_666_667, 72, 71],
    ['served the whole 72 months', { leftOn: '2031-09-01' }, 'fulfilled', 0, 72, 72],
    ['served beyond the commitment', { leftOn: '2033-01-01' }, 'fulfilled', 0, 72, 88],
    [
      'a 2x multiplier of the province',
      { leftOn: '2026-09-01', multiplier: 2 },
      'pro_rata',
      900_000_000,
      48,
      12,
    ],
  ] as [string, Partial<RepaymentInput>, string | null, number | null, number | null, number | null][])(
    '%s',
    (_label, changes, kase, amount, t1, t2) => {
      const r = repaymentOf({ ...base, ...changes });
      if (kase === null) {
        expect(r).toBeNull();
        return;
      }
      expect(r).toMatchObject({
        case: kase,
        amount,
        committedMonths: t1,
        servedMonths: t2,
        cost: 1_200_000_000,
      });
    },
  );

  it('explains the pro rata computation step by step in both languages with the source', () => {
    const r = repaymentOf({ ...base, leftOn: '2026-09-01' })!;
    expect(r.legalSource).toBe('Nghị định 171/2025/NĐ-CP');
    expect(r.steps.map((s) => s.vi)).toEqual([
      'Chi phí đào tạo F = 1.200.000.000 đ (Ngân sách tỉnh 900.000.000 đ; Kinh phí đơn vị 300.000.000 đ).',
      'Thời gian đào tạo: 01/09/2023 – 31/08/2025 = 24 tháng (phần lẻ từ 15 ngày tính 1 tháng, dưới 15 ngày không tính).',
      'Thời gian cam kết phục vụ T1 = 3 × 24 = 72 tháng (từ 01/09/2025 đến 31/08/2031).',
      'Thời gian đã phục vụ T2: từ 01/09/2025 đến trước ngày thôi việc 01/09/2026 = 12 tháng.',
      'S = F / T1 × (T1 − T2) = 1.200.000.000 đ / 72 × (72 − 12) = 1.000.000.000 đ (làm tròn đến đồng).',
    ]);
    expect(r.steps[4].en).toBe(
      'S = F / T1 × (T1 − T2) = 1.200.000.000 đ / 72 × (72 − 12) = 1.000.000.000 đ (rounded to the đồng).',
    );
  });

  it('says why the whole cost is owed', () => {
    const r = repaymentOf({ ...base, status: 'studying', actualEndsOn: null, leftOn: '2024-05-10' })!;
    expect(r.steps[1].vi).toBe('Thôi việc, chuyển công tác ngày 10/05/2024, trong thời gian đào tạo.');
    expect(r.steps[2].vi).toBe('Bồi hoàn 100% chi phí: S = F = 1.200.000.000 đ.');
  });
});
