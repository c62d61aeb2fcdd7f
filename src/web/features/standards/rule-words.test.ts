import { describe, expect, it } from 'vitest';
import { standardsMessages } from './messages';
import {
  appliesKinds,
  describeCondition,
  describeGrace,
  describeRequirement,
  describeSelector,
  filterRules,
  newestFirst,
  ruleOrigin,
  standingReason,
  type Translate,
} from './rule-words';

const t: Translate = (key, vars) =>
  standardsMessages.vi[key].replace(/\{(\w+)\}/g, (m, k: string) =>
    vars && k in vars ? String(vars[k]) : m,
  );
const LABELS: Record<string, string> = {
  'rank/CVC': 'Chuyên viên chính',
  'leadership_tier/PHONG': 'Cấp phòng',
  'qualification_kind/POLITICAL_THEORY': 'Lý luận chính trị',
  'level_POLITICAL_THEORY/TRUNG_CAP': 'Trung cấp',
  'annual_rating/GOOD': 'Hoàn thành tốt nhiệm vụ',
};
const label = (list: string, code: string | null | undefined) => LABELS[`${list}/${code}`] ?? String(code);

describe('plain words', () => {
  it('describes who a rule applies to', () => {
    expect(describeSelector({ rank: ['CVC'], leadershipTier: ['PHONG'] }, t, label)).toBe(
      'Ngạch, hạng: Chuyên viên chính; Chức vụ: Cấp phòng',
    );
    expect(describeSelector({ postContains: ['chủ tịch'] }, t, label)).toBe('Chức danh có chữ "chủ tịch"');
    expect(describeSelector({}, t, label)).toBe('Mọi cán bộ, công chức, viên chức');
  });

  it('describes requirements, grace and conditions', () => {
    expect(
      describeRequirement(
        { type: 'qualification', kind: 'POLITICAL_THEORY', minLevel: 'TRUNG_CAP' },
        t,
        label,
      ),
    ).toBe('Lý luận chính trị: Trung cấp trở lên');
    expect(describeRequirement({ type: 'annual_periods', minPeriods: 40 }, t, label)).toBe(
      'Ít nhất 40 tiết bồi dưỡng mỗi năm',
    );
    expect(describeGrace({ from: 'appointedOn', months: 12 }, t)).toBe('Trong 12 tháng kể từ ngày bổ nhiệm');
    expect(describeGrace(null, t)).toBe('Phải đáp ứng ngay');
    expect(describeCondition({ type: 'ratingsAtLeast', rating: 'GOOD', years: 2 }, t, label)).toBe(
      '2 năm liền gần nhất được xếp loại Hoàn thành tốt nhiệm vụ trở lên',
    );
    expect(
      describeCondition({ type: 'notHolding', kind: 'POLITICAL_THEORY', minLevel: 'TRUNG_CAP' }, t, label),
    ).toBe('Chưa có Lý luận chính trị: Trung cấp trở lên');
  });
});

describe('applies-to kinds', () => {
  it('tells ranks from professional-title grades and spots commune titles', () => {
    expect([...appliesKinds({ rank: ['CV', 'HANG_II'] })].sort()).toEqual(['professionalTitle', 'rank']);
    expect([...appliesKinds({ leadershipTier: ['PHONG', 'XA'] })].sort()).toEqual([
      'communeTitle',
      'leadershipTier',
    ]);
    expect([...appliesKinds({ category: ['CBX'], postContains: ['chủ tịch'] })].sort()).toEqual([
      'category',
      'communeTitle',
      'post',
    ]);
    expect([...appliesKinds({})]).toEqual(['everyone']);
  });
});

const rule = (id: number, code: string, ownerUnitId: number | null, state = 'in_force', sel = {}) => ({
  id,
  code,
  builtIn: ownerUnitId === null,
  ownerUnitId,
  state,
  appliesTo: sel,
  title: `Quy tắc ${code}`,
});

describe('origin and filters', () => {
  const all = [
    rule(1, 'SM_CV', null, 'superseded', { rank: ['CV'] }),
    rule(2, 'SM_CV', null, 'in_force', { rank: ['CV'] }),
    rule(3, 'SM_CV', 7, 'in_force', { rank: ['CV'] }),
    rule(4, 'QN_BOI_DUONG', 7, 'in_force'),
    rule(5, 'LEAD_PHONG', null, 'retired', { leadershipTier: ['PHONG'] }),
  ];

  it('names national rules, overrides and own rules', () => {
    expect(ruleOrigin(all[1], all)).toBe('national');
    expect(ruleOrigin(all[2], all)).toBe('override');
    expect(ruleOrigin(all[3], all)).toBe('own');
  });

  it('keeps rules in force, of a kind, an origin, and matching every word without accents', () => {
    const text = (r: (typeof all)[number]) => `${r.code} ${r.title}`;
    expect(filterRules(all, { asOfOnly: true }, text).map((r) => r.id)).toEqual([2, 3, 4]);
    expect(filterRules(all, { asOfOnly: false, kind: 'leadershipTier' }, text).map((r) => r.id)).toEqual([5]);
    expect(filterRules(all, { asOfOnly: true, origin: 'override' }, text).map((r) => r.id)).toEqual([3]);
    expect(filterRules(all, { asOfOnly: true, q: 'QUY TAC  boi' }, text).map((r) => r.id)).toEqual([4]);
  });

  it('orders versions newest first', () => {
    const v = [
      { effectiveFrom: '2017-09-01', version: 1 },
      { effectiveFrom: '2025-07-01', version: 2 },
      { effectiveFrom: '2025-07-01', version: 3 },
    ];
    expect(newestFirst(v).map((x) => x.version)).toEqual([3, 2, 1]);
  });
});

describe('standing reason', () => {
  const fmt = (d: string) => d.split('-').reverse().join('/');
  const req = { type: 'qualification' as const, kind: 'POLITICAL_THEORY', minLevel: 'TRUNG_CAP' };
  it('names the qualification that meets it', () => {
    const item = { status: 'met' as const, requirement: req, dueBy: null, periodsDone: null };
    expect(
      standingReason(
        item,
        { kind: 'POLITICAL_THEORY', level: 'TRUNG_CAP', issuedOn: '2020-03-30' },
        t,
        label,
        fmt,
      ),
    ).toBe('Đáp ứng nhờ Lý luận chính trị: Trung cấp, cấp ngày 30/03/2020');
  });
  it('says what is needed and by when', () => {
    const item = { status: 'due' as const, requirement: req, dueBy: '2026-12-31', periodsDone: null };
    expect(standingReason(item, undefined, t, label, fmt)).toBe(
      'Cần có Lý luận chính trị: Trung cấp trở lên. Còn trong thời hạn, phải đáp ứng trước hết ngày 31/12/2026.',
    );
    const annual = {
      status: 'missing' as const,
      requirement: { type: 'annual_periods' as const, minPeriods: 40 },
      dueBy: null,
      periodsDone: 16,
    };
    expect(standingReason(annual, undefined, t, label, fmt)).toBe(
      'Cần ít nhất 40 tiết bồi dưỡng trong năm. Trong năm đã có 16/40 tiết.',
    );
  });
});
