import { describe, expect, it } from 'vitest';
import type { EligibilityCondition } from '../../../contracts/rules';
import { book, person, qual } from '../../test/fixtures/standards-engine';
import { type EligibilityRuleData, evaluateEligibility } from './eligibility.engine';

const erule = (id: number, conditions: EligibilityCondition[], over: Partial<EligibilityRuleData> = {}) => ({
  id,
  code: `R${id}`,
  version: 1,
  purpose: 'POLITICAL_THEORY_INTERMEDIATE',
  titleVi: `Đường ${id}`,
  titleEn: `Path ${id}`,
  conditions,
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  legalSource: { document: 'Quy định 350-QĐ/TW' },
  ...over,
});

const leaders = erule(1, [
  { type: 'selector', selector: { leadershipTier: ['PHONG', 'SO', 'VU', 'XA'] } },
  { type: 'notHolding', kind: 'POLITICAL_THEORY', minLevel: 'TRUNG_CAP' },
]);
const partyPath = erule(2, [
  { type: 'partyMember' },
  { type: 'minQualification', kind: 'EDUCATION', minLevel: 'CAO_DANG' },
  { type: 'ratingsAtLeast', rating: 'GOOD', years: 2 },
  { type: 'notHolding', kind: 'POLITICAL_THEORY', minLevel: 'TRUNG_CAP' },
]);
const postgraduate = erule(
  3,
  [
    { type: 'minServiceYears', years: 3 },
    { type: 'ratingsAtLeast', rating: 'GOOD', years: 2 },
    { type: 'maxAge', years: 45 },
    { type: 'notHolding', kind: 'EDUCATION', minLevel: 'THAC_SI' },
  ],
  { purpose: 'POSTGRADUATE', effectiveFrom: '2025-07-01' },
);
const good2 = [
  { year: 2024, rating: 'GOOD' },
  { year: 2025, rating: 'EXCELLENT' },
];
const uni = qual('EDUCATION', 'DAI_HOC');

describe('evaluateEligibility', () => {
  it.each([
    [
      'leader without intermediate theory (path 1)',
      [leaders, partyPath],
      person({ leadershipTier: 'PHONG' }),
      [],
      [],
      true,
    ],
    [
      'leader who holds advanced theory',
      [leaders, partyPath],
      person({ leadershipTier: 'PHONG' }),
      [qual('POLITICAL_THEORY', 'CAO_CAP')],
      good2,
      false,
    ],
    ['party member, university, good twice (path 2)', [leaders, partyPath], person(), [uni], good2, true],
    [
      'party member rated COMPLETED once',
      [leaders, partyPath],
      person(),
      [uni],
      [good2[0], { year: 2025, rating: 'COMPLETED' }],
      false,
    ],
    ['party member missing a year of rating', [leaders, partyPath], person(), [uni], [good2[1]], false],
    [
      'ratings older than the two previous years do not count',
      [leaders, partyPath],
      person(),
      [uni],
      [{ year: 2023, rating: 'GOOD' }, good2[1]],
      false,
    ],
    ['not a party member', [leaders, partyPath], person({ partyMember: false }), [uni], good2, false],
    [
      'joined the party after the date',
      [leaders, partyPath],
      person({ partyJoinDate: '2026-07-01' }),
      [uni],
      good2,
      false,
    ],
    [
      'intermediate (vocational) education is below college',
      [leaders, partyPath],
      person(),
      [qual('EDUCATION', 'TRUNG_CAP')],
      good2,
      false,
    ],
    [
      'deleted degree ignored',
      [leaders, partyPath],
      person(),
      [qual('EDUCATION', 'DAI_HOC', { deletedAt: new Date() })],
      good2,
      false,
    ],
    [
      'postgraduate: 45 years old still eligible',
      [postgraduate],
      person({ birthDate: '1980-06-21' }),
      [uni],
      good2,
      true,
    ],
    ['postgraduate: 46 years old', [postgraduate], person({ birthDate: '1980-01-01' }), [uni], good2, false],
    [
      'postgraduate: under 3 years of service',
      [postgraduate],
      person({ serviceStart: '2023-06-21' }),
      [uni],
      good2,
      false,
    ],
    [
      'postgraduate: exactly 3 years of service',
      [postgraduate],
      person({ serviceStart: '2023-06-20' }),
      [uni],
      good2,
      true,
    ],
    [
      'postgraduate: already a master',
      [postgraduate],
      person(),
      [qual('EDUCATION', 'THAC_SI')],
      good2,
      false,
    ],
    [
      'postgraduate: master issued after the date ignored',
      [postgraduate],
      person(),
      [qual('EDUCATION', 'THAC_SI', { issuedOn: '2027-01-01' })],
      good2,
      true,
    ],
  ] as const)('%s', (_l, rules, p, quals, ratings, eligible) => {
    const r = evaluateEligibility([...rules], p, [...quals], [...ratings], book, '2026-06-20');
    expect(r.eligible).toBe(eligible);
  });

  it('rules not in force on the date are not offered', () => {
    const r = evaluateEligibility([postgraduate], person(), [uni], good2, book, '2025-06-30');
    expect(r).toMatchObject({ eligible: false, rules: [] });
  });

  it('explains every condition in plain words', () => {
    const r = evaluateEligibility(
      [postgraduate],
      person({ birthDate: '1975-02-01' }),
      [uni],
      good2,
      book,
      '2026-06-20',
    );
    const words = r.rules[0].conditions.map((c) => [c.type, c.passed, c.explanation.vi]);
    expect(words).toEqual([
      ['minServiceYears', true, 'Thời gian công tác: 16 năm (cần ít nhất 3 năm).'],
      [
        'ratingsAtLeast',
        true,
        'Xếp loại 2 năm trước (2024: Hoàn thành tốt nhiệm vụ; 2025: Hoàn thành xuất sắc nhiệm vụ), cần Hoàn thành tốt nhiệm vụ trở lên.',
      ],
      ['maxAge', false, 'Tuổi: 51 (không quá 45).'],
      ['notHolding', true, 'Chưa có Trình độ chuyên môn: Thạc sĩ trở lên.'],
    ]);
    const sel = evaluateEligibility(
      [leaders],
      person({ leadershipTier: 'NONE' }),
      [],
      [],
      book,
      '2026-06-20',
    );
    expect(sel.rules[0].conditions[0].explanation.vi).toContain('Chức vụ lãnh đạo: Cấp phòng và tương đương');
    expect(sel.rules[0].conditions[0].explanation.vi).toContain('(hiện: Không giữ chức vụ lãnh đạo)');
  });
});
