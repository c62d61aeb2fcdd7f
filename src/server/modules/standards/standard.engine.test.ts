import { describe, expect, it } from 'vitest';
import { addMonths } from '../../lib/dates';
import { book, person, qual, rule } from '../../test/fixtures/standards-engine';
import { fullMonths, fullYears } from './dates';
import { evaluateStandard, judgeStandard } from './standard.engine';

describe('addMonths / fullYears / fullMonths (same as PostgreSQL)', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-15', 12, '2026-03-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i months = %s', (from, months, to) => expect(addMonths(from, months)).toBe(to));

  it.each([
    ['1980-06-20', '2025-06-19', 44],
    ['1980-06-20', '2025-06-20', 45],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
  ])('full years from %s to %s = %i', (from, to, n) => expect(fullYears(from, to)).toBe(n));

  it.each([
    ['2022-07-01', '2025-06-30', 35],
    ['2022-07-01', '2025-07-01', 36],
    ['2025-01-31', '2025-02-28', 0],
  ])('full months from %s to %s = %i', (from, to, n) => expect(fullMonths(from, to)).toBe(n));
});

describe('judgeStandard', () => {
  const cvc = rule();
  const v1 = rule({ effectiveTo: '2025-07-01' });
  const grace = rule({
    appliesTo: { leadershipTier: ['PHONG'] },
    requirement: { type: 'qualification', kind: 'LEADERSHIP', minLevel: 'PHONG' },
    grace: { from: 'appointedOn', months: 12 },
  });
  const leader = person({ leadershipTier: 'PHONG', appointedOn: '2025-03-31' });
  const annual = rule({
    appliesTo: { category: ['CC'] },
    requirement: { type: 'annual_periods', minPeriods: 40 },
    effectiveTo: '2021-12-10',
  });

  it.each([
    ['met by the exact level', cvc, person(), [qual('STATE_MANAGEMENT', 'CVC')], '2026-01-01', 'met'],
    ['met by a higher level', cvc, person(), [qual('STATE_MANAGEMENT', 'CVCC')], '2026-01-01', 'met'],
    ['a lower level is a gap', cvc, person(), [qual('STATE_MANAGEMENT', 'CV')], '2026-01-01', 'missing'],
    ['another kind does not count', cvc, person(), [qual('LEADERSHIP', 'SO')], '2026-01-01', 'missing'],
    [
      'deleted qualification ignored',
      cvc,
      person(),
      [qual('STATE_MANAGEMENT', 'CVC', { deletedAt: new Date() })],
      '2026-01-01',
      'missing',
    ],
    [
      'issued after the date ignored',
      cvc,
      person(),
      [qual('STATE_MANAGEMENT', 'CVC', { issuedOn: '2026-02-01' })],
      '2026-01-01',
      'missing',
    ],
    [
      'issued on the date counts',
      cvc,
      person(),
      [qual('STATE_MANAGEMENT', 'CVC', { issuedOn: '2026-01-01' })],
      '2026-01-01',
      'met',
    ],
    [
      'undated qualification counts',
      cvc,
      person(),
      [qual('STATE_MANAGEMENT', 'CVC', { issuedOn: null })],
      '2026-01-01',
      'met',
    ],
    ['selector does not match', cvc, person({ rank: 'CV' }), [], '2026-01-01', 'not_applicable'],
    ['rule not yet in force', cvc, person(), [], '2017-08-31', 'not_applicable'],
    ['first day in force', cvc, person(), [], '2017-09-01', 'missing'],
    ['last day of a closed version', v1, person(), [], '2025-06-30', 'missing'],
    ['day the closed version ends', v1, person(), [], '2025-07-01', 'not_applicable'],
    ['within grace after appointment', grace, leader, [], '2026-03-30', 'due'],
    ['grace ends on its last day', grace, leader, [], '2026-03-31', 'missing'],
    [
      'no appointment date: no grace',
      grace,
      person({ leadershipTier: 'PHONG' }),
      [],
      '2026-01-01',
      'missing',
    ],
    [
      'grace met early',
      grace,
      leader,
      [qual('LEADERSHIP', 'SO', { issuedOn: '2025-06-01' })],
      '2025-12-01',
      'met',
    ],
    ['retired annual rule no longer applies', annual, person(), [], '2022-06-01', 'not_applicable'],
    ['annual periods short mid-year: due', annual, person(), [], '2020-06-01', 'due'],
    [
      'annual periods short at year end',
      annual,
      person(),
      [qual('LEADERSHIP', 'PHONG', { issuedOn: '2020-03-01', periods: 20 })],
      '2020-12-31',
      'missing',
    ],
    [
      'annual periods summed in the calendar year',
      annual,
      person(),
      [
        qual('LEADERSHIP', 'PHONG', { issuedOn: '2020-03-01', periods: 20 }),
        qual('IT', 'CO_BAN', { issuedOn: '2020-09-01', periods: 20 }),
        qual('IT', 'NANG_CAO', { issuedOn: '2019-12-31', periods: 80 }),
      ],
      '2020-12-31',
      'met',
    ],
  ] as const)('%s', (_label, r, p, quals, asOf, status) => {
    expect(judgeStandard(r, p, [...quals], book, asOf).status).toBe(status);
  });

  it('gives the due date and the qualification that satisfies', () => {
    expect(judgeStandard(grace, leader, [], book, '2025-06-01')).toEqual({
      status: 'due',
      dueBy: '2026-03-31',
    });
    const q = qual('STATE_MANAGEMENT', 'CVCC');
    expect(judgeStandard(cvc, person(), [qual('STATE_MANAGEMENT', 'CV'), q], book, '2026-01-01')).toEqual({
      status: 'met',
      satisfiedBy: q.id,
    });
  });

  it('matches posts without accents or case', () => {
    const chair = rule({ appliesTo: { category: ['CBX'], postContains: ['chủ tịch'] } });
    const p = person({ category: 'CBX', post: 'CHỦ TỊCH UBND xã Đông Hòa' });
    expect(judgeStandard(chair, p, [], book, '2026-01-01').status).toBe('missing');
    expect(judgeStandard(chair, { ...p, post: 'Chu tich  UBND' }, [], book, '2026-01-01').status).toBe(
      'missing',
    );
    expect(judgeStandard(chair, { ...p, post: 'Văn phòng - Thống kê' }, [], book, '2026-01-01').status).toBe(
      'not_applicable',
    );
    expect(judgeStandard(chair, { ...p, post: null }, [], book, '2026-01-01').status).toBe('not_applicable');
  });
});

describe('evaluateStandard explanations', () => {
  it('names the rule, its source and what would satisfy it', () => {
    const r = evaluateStandard(rule(), person(), [], book, '2026-01-01');
    expect(r.explanation.vi).toContain('Bồi dưỡng QLNN ngạch chuyên viên chính');
    expect(r.explanation.vi).toContain('Nghị định 101/2017/NĐ-CP');
    expect(r.explanation.vi).toContain('Quản lý nhà nước theo ngạch: Chương trình chuyên viên chính trở lên');
    expect(r.explanation.en).toContain('Principal specialist programme or higher');
  });

  it('gives the deadline of a due requirement in dd/mm/yyyy', () => {
    const r = evaluateStandard(
      rule({
        appliesTo: { leadershipTier: ['PHONG'] },
        requirement: { type: 'qualification', kind: 'LEADERSHIP', minLevel: 'PHONG' },
        grace: { from: 'appointedOn', months: 12 },
      }),
      person({ leadershipTier: 'PHONG', appointedOn: '2025-07-01' }),
      [],
      book,
      '2025-12-01',
    );
    expect(r.status).toBe('due');
    expect(r.explanation.vi).toContain('hạn đến 01/07/2026 (12 tháng kể từ ngày bổ nhiệm)');
  });

  it('names the certificate that meets it', () => {
    const r = evaluateStandard(
      rule(),
      person(),
      [qual('STATE_MANAGEMENT', 'CVCC', { issuedOn: '2020-10-05' })],
      book,
      '2026-01-01',
    );
    expect(r.explanation.vi).toBe(
      'Đáp ứng "Bồi dưỡng QLNN ngạch chuyên viên chính" (Nghị định 101/2017/NĐ-CP (điều khoản cần xác minh)) nhờ Chương trình chuyên viên cao cấp, cấp ngày 05/10/2020.',
    );
  });
});
