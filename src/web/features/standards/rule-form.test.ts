import { describe, expect, it } from 'vitest';
import {
  changedFields,
  isEmptySelector,
  toCondition,
  toConditionValues,
  toLegalSource,
  toSelector,
} from './rule-form';

describe('rule form values', () => {
  it('keeps only the filled selector fields, words trimmed', () => {
    expect(toSelector({ category: [], rank: ['CVC'], postContains: [' chủ tịch ', ' '] })).toEqual({
      rank: ['CVC'],
      postContains: ['chủ tịch'],
    });
    expect(toSelector(undefined)).toEqual({});
    expect(isEmptySelector({ category: [], postContains: ['  '] })).toBe(true);
    expect(isEmptySelector({ unitLevel: ['commune'] })).toBe(false);
  });

  it('leaves blank optional texts of the legal source out', () => {
    expect(toLegalSource({ document: ' NQ 15/2025 ', article: '', url: ' ', note: 'xác minh' })).toEqual({
      document: 'NQ 15/2025',
      note: 'xác minh',
    });
  });

  it('sends only the fields that changed', () => {
    const before = {
      titleVi: 'A',
      conditions: [{ type: 'maxAge', years: 40 }],
      legalSource: { document: 'X' },
    };
    expect(changedFields({ ...before, titleVi: 'A' }, before)).toEqual({});
    expect(changedFields({ ...before, conditions: [{ type: 'maxAge', years: 45 }] }, before)).toEqual({
      conditions: [{ type: 'maxAge', years: 45 }],
    });
  });

  it("keeps only the chosen type's fields of a condition", () => {
    // A row switched from a qualification to an age keeps stale kind/level in the form state.
    expect(toCondition({ type: 'maxAge', years: 40, kind: 'EDUCATION', minLevel: 'MASTER' })).toEqual({
      type: 'maxAge',
      years: 40,
    });
    expect(toCondition({ type: 'ratingsAtLeast', rating: 'GOOD', years: 2 })).toEqual({
      type: 'ratingsAtLeast',
      rating: 'GOOD',
      years: 2,
    });
    expect(toCondition({ type: 'partyMember', years: 3 })).toEqual({ type: 'partyMember' });
    expect(toCondition({ type: 'notHolding', kind: 'POLITICAL_THEORY', minLevel: 'CAO_CAP' })).toEqual({
      type: 'notHolding',
      kind: 'POLITICAL_THEORY',
      minLevel: 'CAO_CAP',
    });
    expect(toCondition({ type: 'selector', selector: { leadershipTier: ['PHONG'], rank: [] } })).toEqual({
      type: 'selector',
      selector: { leadershipTier: ['PHONG'] },
    });
  });

  it('round-trips stored conditions through the form', () => {
    const stored = [
      { type: 'minServiceYears' as const, years: 5 },
      { type: 'selector' as const, selector: { category: ['CC'] } },
      { type: 'minQualification' as const, kind: 'EDUCATION', minLevel: 'UNIVERSITY' },
    ];
    expect(stored.map((c) => toCondition(toConditionValues(c)))).toEqual(stored);
  });
});
