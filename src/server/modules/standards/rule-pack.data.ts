/**
 * The default rule pack shipped with the product (national, `built_in`). Every entry names its
 * document (SOURCES) and effective dates; rule-pack.test.ts fails on one without.
 * Every rule is data: a province copies, revises or retires it through the API.
 */

import { LEGAL_REFERENCES, type LegalReference, type ReferenceKey } from '../../../contracts/legal-sources';
import type {
  EligibilityCondition,
  Grace,
  LegalSource,
  RatingBands,
  RuleRequirement,
  RuleSelector,
} from '../../../contracts/rules';

export interface PackStandard {
  code: string;
  version: number;
  titleVi: string;
  titleEn: string;
  appliesTo: RuleSelector;
  requirement: RuleRequirement;
  grace?: Grace;
  effectiveFrom: string;
  effectiveTo?: string;
  legalSource: LegalSource;
  retiredReason?: string;
}

export interface PackEligibility {
  code: string;
  version: number;
  purpose: string;
  titleVi: string;
  titleEn: string;
  conditions: EligibilityCondition[];
  effectiveFrom: string;
  effectiveTo?: string;
  legalSource: LegalSource;
  retiredReason?: string;
}

/** Baseline date of the pack: Decree 101/2017 in force (15/10/2017; its rules replaced older ones from then). */
const BASELINE = LEGAL_REFERENCES.D101.effectiveFrom;
const REFORM = '2025-07-01';
/** A citation of a checked document (contracts/legal-sources.ts): number, issuer, date, the page read. */
function cite(k: ReferenceKey, more: Partial<LegalSource> = {}): LegalSource {
  const r: LegalReference = LEGAL_REFERENCES[k];
  return {
    document: r.document,
    issuer: r.issuer,
    ...(r.issuedOn ? { issuedOn: r.issuedOn } : {}),
    ...(r.url ? { url: r.url } : {}),
    ...more,
  };
}

/**
 * The documents the default pack's rules cite, from the checked list (contracts/legal-sources.ts,
 * ADR 049). What is still open there is listed in docs/guide/standards-needs-ratings.md; no
 * certificate prints a citation.
 */
export const SOURCES = {
  D101: cite('D101', {
    document: `${LEGAL_REFERENCES.D101.document}, sửa đổi bởi ${LEGAL_REFERENCES.D89.document}`,
  }),
  D171: cite('D171'),
  Q350: cite('Q350'),
  D335: cite('D335'),
  Q89: cite('Q89_2017'),
  T2_2021: cite('T2_2021'),
  D33_2023: cite('D33_2023'),
  D13_2014: cite('D13_2014'),
} satisfies Record<string, LegalSource>;
const { D101, D171, Q350 } = SOURCES;
/** Decree 33/2023 (commune cadres and civil servants) in force from 1/8/2023. */
const D33_FROM = '2023-08-01';
const TITLE_STANDARDS: LegalSource = {
  ...SOURCES.Q89,
  note: 'khung tiêu chuẩn chức danh cán bộ lãnh đạo, quản lý',
};
const LEADER_TIERS_UP = ['SO', 'VU', 'THU_TRUONG'];

/** Two versions: Decree 101/2017 (as amended by 89/2021) until 30/6/2025, Decree 171/2025 from 1/7/2025. */
function twoDecrees(
  s: Omit<PackStandard, 'version' | 'effectiveFrom' | 'effectiveTo' | 'legalSource'>,
): PackStandard[] {
  return [
    { ...s, version: 1, effectiveFrom: BASELINE, effectiveTo: REFORM, legalSource: D101 },
    { ...s, version: 2, effectiveFrom: REFORM, legalSource: D171 },
  ];
}

const sm = (rank: string[], level: string, vi: string, en: string) =>
  twoDecrees({
    code: `SM_${level}`,
    titleVi: `Ngạch ${vi} cần chương trình bồi dưỡng QLNN ngạch ${vi}`,
    titleEn: `${en} rank needs the ${en.toLowerCase()} state-management programme`,
    appliesTo: { rank },
    requirement: { type: 'qualification', kind: 'STATE_MANAGEMENT', minLevel: level },
  });

const lead = (tier: string, vi: string, en: string) =>
  twoDecrees({
    code: `LEAD_${tier}`,
    titleVi: `Lãnh đạo ${vi} cần bồi dưỡng lãnh đạo, quản lý ${vi} trong 12 tháng sau bổ nhiệm`,
    titleEn: `${en} leaders need the ${en.toLowerCase()} leadership programme within 12 months of appointment`,
    appliesTo: { leadershipTier: [tier] },
    requirement: { type: 'qualification', kind: 'LEADERSHIP', minLevel: tier },
    grace: { from: 'appointedOn', months: 12 },
  }).map((r) => ({
    ...r,
    legalSource: {
      ...r.legalSource,
      note: 'bồi dưỡng lãnh đạo, quản lý; thời hạn 12 tháng là thiết lập của tỉnh',
    },
  }));

const rule = (
  s: Omit<PackStandard, 'version' | 'effectiveFrom' | 'legalSource'> & Partial<PackStandard>,
): PackStandard => ({
  version: 1,
  effectiveFrom: BASELINE,
  legalSource: TITLE_STANDARDS,
  ...s,
});

export const STANDARD_PACK: PackStandard[] = [
  ...sm(['CV'], 'CV', 'chuyên viên', 'Specialist'),
  ...sm(['CVC'], 'CVC', 'chuyên viên chính', 'Principal specialist'),
  ...sm(['CVCC', 'CVCC_TC'], 'CVCC', 'chuyên viên cao cấp', 'Senior specialist'),
  ...lead('PHONG', 'cấp phòng', 'Division-level'),
  ...lead('SO', 'cấp sở', 'Department-level'),
  rule({
    code: 'PT_LEADER_PHONG_XA',
    titleVi: 'Lãnh đạo cấp phòng, lãnh đạo cấp xã cần lý luận chính trị trung cấp trở lên',
    titleEn: 'Division and commune leaders need intermediate political theory or higher',
    appliesTo: { leadershipTier: ['PHONG', 'XA'] },
    requirement: { type: 'qualification', kind: 'POLITICAL_THEORY', minLevel: 'TRUNG_CAP' },
  }),
  rule({
    code: 'PT_LEADER_SO_UP',
    titleVi: 'Lãnh đạo cấp sở trở lên cần lý luận chính trị cao cấp',
    titleEn: 'Department leaders and above need advanced political theory',
    appliesTo: { leadershipTier: LEADER_TIERS_UP },
    requirement: { type: 'qualification', kind: 'POLITICAL_THEORY', minLevel: 'CAO_CAP' },
  }),
  rule({
    code: 'EDU_CIVIL_SERVANT',
    titleVi: 'Công chức ngạch chuyên viên trở lên cần trình độ đại học trở lên',
    titleEn: 'Civil servants of specialist rank and above need a university degree',
    appliesTo: { rank: ['CV', 'CVC', 'CVCC', 'CVCC_TC'] },
    requirement: { type: 'qualification', kind: 'EDUCATION', minLevel: 'DAI_HOC' },
    effectiveFrom: '2021-08-01',
    legalSource: { ...SOURCES.T2_2021, note: 'tiêu chuẩn ngạch công chức chuyên ngành hành chính' },
  }),
  rule({
    code: 'EDU_COMMUNE_LEADER',
    titleVi: 'Lãnh đạo cấp xã cần trình độ đại học trở lên',
    titleEn: 'Commune leaders need a university degree',
    appliesTo: { leadershipTier: ['XA'] },
    requirement: { type: 'qualification', kind: 'EDUCATION', minLevel: 'DAI_HOC' },
    effectiveFrom: D33_FROM,
    legalSource: { ...SOURCES.D33_2023, note: 'tiêu chuẩn cán bộ cấp xã' },
  }),
  rule({
    code: 'COMMUNE_CHAIR_PT',
    titleVi: 'Chủ tịch (và Phó Chủ tịch) cấp xã cần lý luận chính trị trung cấp trở lên',
    titleEn: 'Commune chairs (and deputy chairs) need intermediate political theory or higher',
    appliesTo: { postCode: ['CT_UBND_XA', 'PCT_UBND_XA'] },
    requirement: { type: 'qualification', kind: 'POLITICAL_THEORY', minLevel: 'TRUNG_CAP' },
    effectiveFrom: D33_FROM,
    legalSource: { ...SOURCES.D33_2023, note: 'tiêu chuẩn cán bộ, công chức cấp xã' },
  }),
  rule({
    code: 'COMMUNE_CHAIR_EDU',
    titleVi: 'Chủ tịch (và Phó Chủ tịch) cấp xã cần trình độ đại học trở lên',
    titleEn: 'Commune chairs (and deputy chairs) need a university degree',
    appliesTo: { postCode: ['CT_UBND_XA', 'PCT_UBND_XA'] },
    requirement: { type: 'qualification', kind: 'EDUCATION', minLevel: 'DAI_HOC' },
    effectiveFrom: D33_FROM,
    legalSource: { ...SOURCES.D33_2023, note: 'tiêu chuẩn cán bộ, công chức cấp xã' },
  }),
  rule({
    code: 'DS_PHONG',
    titleVi: 'Lãnh đạo cấp phòng cần kiến thức quốc phòng - an ninh đối tượng 4 trở lên',
    titleEn: 'Division leaders need defence and security knowledge, group 4 or higher',
    appliesTo: { leadershipTier: ['PHONG'] },
    requirement: { type: 'qualification', kind: 'DEFENCE_SECURITY', minLevel: 'DT4' },
    legalSource: { ...SOURCES.D13_2014, note: 'đối tượng bồi dưỡng kiến thức quốc phòng và an ninh' },
  }),
  rule({
    code: 'DS_SO',
    titleVi: 'Lãnh đạo cấp sở cần kiến thức quốc phòng - an ninh đối tượng 3 trở lên',
    titleEn: 'Department leaders need defence and security knowledge, group 3 or higher',
    appliesTo: { leadershipTier: ['SO'] },
    requirement: { type: 'qualification', kind: 'DEFENCE_SECURITY', minLevel: 'DT3' },
    legalSource: { ...SOURCES.D13_2014, note: 'đối tượng bồi dưỡng kiến thức quốc phòng và an ninh' },
  }),
  rule({
    code: 'ANNUAL_40_PERIODS',
    titleVi: 'Bồi dưỡng bắt buộc tối thiểu 40 tiết (1 tuần) mỗi năm',
    titleEn: 'Mandatory fostering of at least 40 periods (1 week) a year',
    appliesTo: { category: ['CB', 'CC', 'VC', 'CBX'] },
    requirement: { type: 'annual_periods', minPeriods: 40 },
    effectiveTo: '2021-12-10',
    legalSource: cite('D101', { note: 'bãi bỏ bởi Nghị định 89/2021/NĐ-CP' }),
    retiredReason: 'Bãi bỏ từ 10/12/2021 (Nghị định 89/2021/NĐ-CP)',
  }),
];

/** Quy định 350-QĐ/TW takes effect on signing (29/8/2025). */
const Q350_FROM = '2025-08-29';
const notHoldingPT = (level: string): EligibilityCondition => ({
  type: 'notHolding',
  kind: 'POLITICAL_THEORY',
  minLevel: level,
});

const PT_INTERMEDIATE_TARGETS: EligibilityCondition = {
  type: 'selector',
  selector: { leadershipTier: ['PHONG', ...LEADER_TIERS_UP, 'XA'] },
};
const PT_INTERMEDIATE_STANDARDS: EligibilityCondition[] = [
  { type: 'partyMember' },
  { type: 'minQualification', kind: 'EDUCATION', minLevel: 'CAO_DANG' },
  { type: 'ratingsAtLeast', rating: 'GOOD', years: 2 },
];
/**
 * The first reading of Quy định 350-QĐ/TW made its standards a second path. The regulation sets
 * them together with the target group from its signing, so the versions of that reading never
 * take effect (end on their first day, kept readable) and version 2 holds both (ADR 060,
 * migration 0041_pt_intermediate_combined).
 */
const Q350_MISREAD =
  'Đọc sai Quy định 350-QĐ/TW: tiêu chuẩn trung cấp (đảng viên, cao đẳng, 2 năm hoàn thành tốt) áp dụng cùng với đối tượng, không phải một đường riêng; thay bằng PT_INTERMEDIATE_LEADERS phiên bản 2.';

export const ELIGIBILITY_PACK: PackEligibility[] = [
  {
    code: 'PT_INTERMEDIATE_LEADERS',
    version: 1,
    purpose: 'POLITICAL_THEORY_INTERMEDIATE',
    titleVi: 'Trung cấp lý luận chính trị: lãnh đạo từ cấp phòng (kể cả cấp phó), lãnh đạo cấp xã',
    titleEn:
      'Intermediate political theory: leaders from division level (deputies included), commune leaders',
    conditions: [PT_INTERMEDIATE_TARGETS, notHoldingPT('TRUNG_CAP')],
    effectiveFrom: Q350_FROM,
    effectiveTo: Q350_FROM,
    legalSource: Q350,
    retiredReason: Q350_MISREAD,
  },
  {
    code: 'PT_INTERMEDIATE_LEADERS',
    version: 2,
    purpose: 'POLITICAL_THEORY_INTERMEDIATE',
    titleVi:
      'Trung cấp lý luận chính trị: lãnh đạo từ cấp phòng (kể cả cấp phó), lãnh đạo cấp xã; là đảng viên, cao đẳng trở lên, 2 năm liền hoàn thành tốt nhiệm vụ trở lên',
    titleEn:
      'Intermediate political theory: leaders from division level (deputies included), commune leaders; party members with college or higher, rated good or better 2 years running',
    conditions: [PT_INTERMEDIATE_TARGETS, ...PT_INTERMEDIATE_STANDARDS, notHoldingPT('TRUNG_CAP')],
    effectiveFrom: Q350_FROM,
    legalSource: Q350,
  },
  {
    code: 'PT_INTERMEDIATE_PARTY_MEMBERS',
    version: 1,
    purpose: 'POLITICAL_THEORY_INTERMEDIATE',
    titleVi:
      'Trung cấp lý luận chính trị: đảng viên có trình độ cao đẳng trở lên, 2 năm liền hoàn thành tốt nhiệm vụ trở lên',
    titleEn:
      'Intermediate political theory: party members with college or higher, rated good or better 2 years running',
    conditions: [...PT_INTERMEDIATE_STANDARDS, notHoldingPT('TRUNG_CAP')],
    effectiveFrom: Q350_FROM,
    effectiveTo: Q350_FROM,
    legalSource: Q350,
    retiredReason: Q350_MISREAD,
  },
  {
    code: 'PT_ADVANCED_LEADERS',
    version: 1,
    purpose: 'POLITICAL_THEORY_ADVANCED',
    titleVi: 'Cao cấp lý luận chính trị: trưởng phòng trở lên, lãnh đạo cấp xã',
    titleEn: 'Advanced political theory: division heads and above, commune leaders',
    conditions: [
      { type: 'selector', selector: { leadershipTier: ['PHONG', 'SO', 'VU', 'XA'] } },
      notHoldingPT('CAO_CAP'),
    ],
    effectiveFrom: Q350_FROM,
    legalSource: Q350,
  },
  {
    code: 'POSTGRADUATE_SPONSORED',
    version: 1,
    purpose: 'POSTGRADUATE',
    titleVi:
      'Đào tạo sau đại học bằng ngân sách: đủ 3 năm công tác, 2 năm liền hoàn thành tốt trở lên, không quá 45 tuổi',
    titleEn:
      'State-sponsored postgraduate study: 3 years of service, good or better 2 years running, aged 45 or under',
    conditions: [
      { type: 'minServiceYears', years: 3 },
      { type: 'ratingsAtLeast', rating: 'GOOD', years: 2 },
      { type: 'maxAge', years: 45 },
      { type: 'notHolding', kind: 'EDUCATION', minLevel: 'THAC_SI' },
    ],
    effectiveFrom: REFORM,
    legalSource: {
      ...D171,
      note: 'điều kiện cử đi đào tạo sau đại học; cam kết phục vụ gấp 3 lần thời gian đào tạo',
    },
  },
];

export const RATING_SCALE_PACK: {
  code: string;
  categories: string[];
  scale: RatingBands;
  effectiveFrom: string;
  legalSource: LegalSource;
}[] = [
  {
    code: 'CIVIL_SERVANT_POINTS',
    categories: ['CC', 'CBX'],
    scale: {
      bands: [
        { rating: 'EXCELLENT', minPoints: 90 },
        { rating: 'GOOD', minPoints: 70 },
        { rating: 'COMPLETED', minPoints: 50 },
        { rating: 'FAILED', minPoints: 0 },
      ],
      excellentCapPctOfGood: 20,
    },
    effectiveFrom: '2026-01-01',
    legalSource: {
      ...SOURCES.D335,
      note: 'thang điểm 100; tỷ lệ hoàn thành xuất sắc không quá 20% số hoàn thành tốt',
    },
  },
];
