import { describe, expect, it } from 'vitest';
import { type OwnedVersion, placeRules, ruleInForce, rulesAt, selectorMatches } from './rule-engine';
import { STANDARD_PACK } from './rule-pack.data';

const v = (
  id: number,
  code: string,
  ownerPath: string | null,
  effectiveFrom: string,
  effectiveTo: string | null = null,
): OwnedVersion => ({
  id,
  code,
  ownerPath,
  effectiveFrom,
  effectiveTo,
});

describe('ruleInForce', () => {
  it.each([
    ['2025-06-30', false],
    ['2025-07-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('on %s: %s', (date, expected) => {
    expect(ruleInForce({ effectiveFrom: '2025-07-01', effectiveTo: '2027-01-01' }, date)).toBe(expected);
  });
});

describe('selectorMatches', () => {
  const p = {
    category: 'CC',
    rank: 'CVC',
    post: 'Trưởng phòng Tổ chức',
    postCode: 'TRUONG_PHONG',
    postGroup: 'DIVISION_HEAD',
    leadershipTier: 'PHONG',
  };
  it.each([
    [{}, true],
    [{ category: ['CC', 'CB'] }, true],
    [{ category: ['VC'] }, false],
    [{ rank: ['CVC'], leadershipTier: ['PHONG'] }, true],
    [{ rank: ['CVC'], leadershipTier: ['SO'] }, false],
    [{ unitLevel: ['agency'] }, true],
    [{ unitLevel: ['commune'] }, false],
    [{ postContains: ['truong phong'] }, true],
    [{ postContains: ['TRƯỞNG PHÒNG'] }, true],
    [{ postContains: ['phó'] }, false],
    [{ rank: [] }, false],
    [{ postCode: ['TRUONG_PHONG', 'GD_SO'] }, true],
    [{ postCode: ['PHO_TRUONG_PHONG'] }, false],
    [{ postGroup: ['DIVISION_HEAD'] }, true],
    [{ postGroup: ['DIVISION_DEPUTY'] }, false],
  ])('%j -> %s', (sel, expected) => expect(selectorMatches(sel, p, 'agency')).toBe(expected));
  it('a person without a rank never matches a rank list', () => {
    expect(selectorMatches({ rank: ['CV'] }, { ...p, rank: null }, 'agency')).toBe(false);
  });
});

describe('placeRules: versions, overrides and retirements', () => {
  const national = [v(1, 'A', null, '2017-09-01', '2025-07-01'), v(2, 'A', null, '2025-07-01')];
  const province = '1';
  const commune = '1.5';
  const other = '1.6';

  it('picks the version in force on the date (old dates keep the old version)', () => {
    expect(rulesAt(placeRules(national, '2020-01-01'), commune).map((r) => r.id)).toEqual([1]);
    expect(rulesAt(placeRules(national, '2025-07-01'), commune).map((r) => r.id)).toEqual([2]);
    expect(rulesAt(placeRules(national, '2017-01-01'), commune)).toEqual([]);
  });

  it('an override replaces the national rule in its subtree from its date only', () => {
    const all = [...national, v(3, 'A', commune, '2026-01-01')];
    expect(rulesAt(placeRules(all, '2025-12-31'), commune).map((r) => r.id)).toEqual([2]);
    expect(rulesAt(placeRules(all, '2026-01-01'), commune).map((r) => r.id)).toEqual([3]);
    expect(rulesAt(placeRules(all, '2026-01-01'), `${commune}.9`).map((r) => r.id)).toEqual([3]);
    expect(rulesAt(placeRules(all, '2026-01-01'), other).map((r) => r.id)).toEqual([2]);
    expect(rulesAt(placeRules(all, '2026-01-01'), province).map((r) => r.id)).toEqual([2]);
  });

  it('the deepest owner governs when overrides nest', () => {
    const all = [...national, v(3, 'A', province, '2026-01-01'), v(4, 'A', commune, '2026-06-01')];
    const on = placeRules(all, '2026-07-01');
    expect(rulesAt(on, commune).map((r) => r.id)).toEqual([4]);
    expect(rulesAt(on, other).map((r) => r.id)).toEqual([3]);
  });

  it('an owner that retired the rule leaves its subtree without it (no fallback)', () => {
    const tombstone = v(3, 'A', commune, '2026-01-01', '2026-01-01');
    const on = placeRules([...national, tombstone], '2026-02-01');
    expect(rulesAt(on, commune)).toEqual([]);
    expect(rulesAt(on, other).map((r) => r.id)).toEqual([2]);
  });

  it('retiring the last version ends the rule for everyone governed by it', () => {
    const retired = [v(1, 'B', null, '2017-09-01', '2021-12-10')];
    expect(rulesAt(placeRules(retired, '2021-12-09'), commune).map((r) => r.id)).toEqual([1]);
    expect(rulesAt(placeRules(retired, '2021-12-10'), commune)).toEqual([]);
  });

  it('different codes apply side by side', () => {
    const all = [...national, v(7, 'C', province, '2020-01-01')];
    expect(rulesAt(placeRules(all, '2026-01-01'), commune).map((r) => r.id)).toEqual([2, 7]);
  });
});

describe('commune chair rules target posts by code (issue 16)', () => {
  const chairRules = STANDARD_PACK.filter((r) => r.code.startsWith('COMMUNE_CHAIR_'));
  const commune = (post: string, postCode: string, postGroup: string) => ({
    category: 'CBX',
    rank: null,
    post,
    postCode,
    postGroup,
    leadershipTier: 'XA',
  });
  it('holds the commune chair and vice chair to them', () => {
    expect(chairRules.length).toBe(2);
    for (const r of chairRules) {
      expect(
        selectorMatches(
          r.appliesTo,
          commune('Chủ tịch UBND xã Hải Hòa', 'CT_UBND_XA', 'COMMUNE_LEADER'),
          'commune',
        ),
      ).toBe(true);
      expect(
        selectorMatches(
          r.appliesTo,
          commune('Phó Chủ tịch UBND xã Hải Hòa', 'PCT_UBND_XA', 'COMMUNE_LEADER'),
          'commune',
        ),
      ).toBe(true);
    }
  });
  it("does not hold the chair of a commune Women's Union to them, whatever the words", () => {
    for (const r of chairRules) {
      expect(r.appliesTo.postContains).toBeUndefined();
      const womenChair = commune('Chủ tịch Hội Liên hiệp Phụ nữ', 'CT_HPN_XA', 'FRONT_MASS_HEAD');
      expect(selectorMatches(r.appliesTo, womenChair, 'commune')).toBe(false);
      // Uncoded posts match no post rule, even with "Chủ tịch" in the text.
      expect(
        selectorMatches(r.appliesTo, { ...womenChair, postCode: null, postGroup: null }, 'commune'),
      ).toBe(false);
    }
  });
});
