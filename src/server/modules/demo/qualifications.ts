/**
 * Synthetic qualifications for one person: education with a major, political theory, state
 * management by rank, leadership programmes, IT, foreign language, ethnic language, defence and
 * security. Shares follow the province figures (~85% university or higher, ~60% with political
 * theory) and rise with rank and leadership.
 */
import { type Rng, Weighted, chance, dayIn, intBetween, pick } from './random';
import type { Field } from './unit-profile';

export const REF_YEAR = 2026;
/** No generated date lies after this day. */
export const REF_DATE = '2026-06-30';

export interface QualificationDraft {
  kind: string;
  level: string;
  major: string | null;
  issuer: string;
  issuedOn: string;
  certificateNo: string;
}

export interface QualificationSubject {
  birthYear: number;
  category: string;
  rank: string | null;
  tier: string;
  isHead: boolean;
  field: Field;
  post: string | null;
  partyMember: boolean;
  partyJoinYear: number | null;
  serviceYear: number;
  appointedYear: number | null;
  /** Ethnic minority language taught in the person's commune, if any ("Tiếng Dao"). */
  localLanguage: string | null;
  trainingInstitution: boolean;
}

const MAJORS: Record<Field, string[]> = {
  health: ['Y đa khoa', 'Y đa khoa', 'Điều dưỡng', 'Điều dưỡng', 'Dược học', 'Y học cổ truyền', 'Kỹ thuật xét nghiệm y học', 'Y tế công cộng'],
  education: ['Sư phạm Toán học', 'Sư phạm Ngữ văn', 'Sư phạm Tiếng Anh', 'Sư phạm Vật lý', 'Sư phạm Hóa học', 'Sư phạm Lịch sử', 'Quản lý giáo dục'],
  finance: ['Kế toán', 'Tài chính - Ngân hàng', 'Kinh tế', 'Kiểm toán', 'Kế toán'],
  law: ['Luật', 'Luật', 'Luật kinh tế', 'Quản lý nhà nước', 'Hành chính học'],
  construction: ['Xây dựng dân dụng và công nghiệp', 'Kiến trúc', 'Kỹ thuật giao thông', 'Quy hoạch vùng và đô thị', 'Kinh tế xây dựng'],
  agriculture: ['Nông học', 'Quản lý đất đai', 'Khoa học môi trường', 'Lâm sinh', 'Thú y', 'Nuôi trồng thủy sản'],
  science: ['Công nghệ thông tin', 'Công nghệ thông tin', 'Kỹ thuật điện tử - viễn thông', 'Vật lý kỹ thuật', 'Hóa học'],
  culture: ['Văn hóa học', 'Quản lý văn hóa', 'Du lịch', 'Báo chí', 'Huấn luyện thể thao'],
  trade: ['Kinh tế', 'Quản trị kinh doanh', 'Kinh tế quốc tế', 'Thương mại'],
  politics: ['Xây dựng Đảng và Chính quyền nhà nước', 'Chính trị học', 'Triết học', 'Luật', 'Quản lý nhà nước'],
  general: [
    'Luật', 'Kinh tế', 'Quản lý nhà nước', 'Kế toán', 'Quản lý đất đai', 'Hành chính học', 'Công nghệ thông tin',
    'Xây dựng Đảng và Chính quyền nhà nước', 'Nông học', 'Quản trị kinh doanh',
  ],
};

const LOWER_MAJORS: Record<string, string[]> = {
  health: ['Điều dưỡng', 'Dược', 'Hộ sinh', 'Y sĩ'],
  education: ['Sư phạm Mầm non', 'Sư phạm Tiểu học', 'Thư viện'],
  other: ['Kế toán', 'Hành chính văn thư', 'Tin học ứng dụng', 'Quản lý đất đai', 'Luật', 'Chăn nuôi - Thú y'],
};

const ISSUERS: [RegExp, string[]][] = [
  [/^Dược/, ['Đại học Dược Hà Nội', 'Đại học Y Dược Thái Bình']],
  [/^Y |Điều dưỡng|xét nghiệm|Y tế công cộng|Y học/, ['Đại học Y Hà Nội', 'Đại học Y Dược Thái Bình', 'Đại học Y Dược Hải Phòng']],
  [/^Sư phạm|giáo dục/, ['Đại học Sư phạm Hà Nội', 'Đại học Hạ Long', 'Đại học Sư phạm - Đại học Thái Nguyên']],
  [/Kế toán|Tài chính|Kiểm toán/, ['Học viện Tài chính', 'Đại học Kinh tế Quốc dân', 'Đại học Thương mại']],
  [/Kinh tế|kinh doanh|Thương mại/, ['Đại học Kinh tế Quốc dân', 'Đại học Thương mại', 'Đại học Ngoại thương', 'Đại học Hạ Long']],
  [/^Luật/, ['Đại học Luật Hà Nội', 'Đại học Luật Hà Nội', 'Khoa Luật - Đại học Quốc gia Hà Nội', 'Đại học Kiểm sát Hà Nội']],
  [/Quản lý nhà nước|Hành chính/, ['Học viện Hành chính Quốc gia']],
  [/Xây dựng dân dụng|Kiến trúc|giao thông|Quy hoạch|xây dựng$/, ['Đại học Xây dựng Hà Nội', 'Đại học Kiến trúc Hà Nội', 'Đại học Giao thông Vận tải']],
  [/môi trường/, ['Đại học Tài nguyên và Môi trường Hà Nội', 'Đại học Khoa học Tự nhiên - Đại học Quốc gia Hà Nội']],
  [/Nông học|đất đai|Lâm sinh|Thú y|thủy sản/, ['Học viện Nông nghiệp Việt Nam', 'Đại học Nông Lâm - Đại học Thái Nguyên']],
  [/Công nghệ thông tin|điện tử|Vật lý|Hóa học/, ['Đại học Bách khoa Hà Nội', 'Đại học Công nghệ - Đại học Quốc gia Hà Nội', 'Học viện Công nghệ Bưu chính Viễn thông', 'Đại học Công nghiệp Quảng Ninh']],
  [/Văn hóa|văn hóa|Du lịch/, ['Đại học Văn hóa Hà Nội', 'Đại học Hạ Long']],
  [/Báo chí|Xây dựng Đảng|Chính trị học|Triết học/, ['Học viện Báo chí và Tuyên truyền', 'Học viện Chính trị quốc gia Hồ Chí Minh']],
  [/thể thao/, ['Đại học Thể dục Thể thao Bắc Ninh']],
];

const LOWER_ISSUERS: Record<string, string[]> = {
  health: ['Trường Cao đẳng Y tế Quảng Ninh'],
  education: ['Trường Cao đẳng Sư phạm Quảng Ninh'],
  other: ['Trường Cao đẳng Việt - Hàn Quảng Ninh', 'Trường Cao đẳng Công nghiệp và Xây dựng', 'Trường Trung cấp Nông Lâm Quảng Ninh'],
};

const POLITICAL_CENTRES = [
  'Trung tâm Chính trị thành phố Hạ Long', 'Trung tâm Chính trị thành phố Cẩm Phả', 'Trung tâm Chính trị thành phố Uông Bí',
  'Trung tâm Chính trị thành phố Móng Cái', 'Trung tâm Chính trị huyện Đầm Hà', 'Trung tâm Chính trị huyện Tiên Yên',
  'Trung tâm Chính trị huyện Bình Liêu', 'Trung tâm Chính trị huyện Ba Chẽ', 'Trung tâm Chính trị huyện Hải Hà',
  'Trung tâm Chính trị huyện Vân Đồn', 'Trung tâm Chính trị thị xã Đông Triều', 'Trung tâm Chính trị thị xã Quảng Yên',
];
const SCHOOL = 'Trường Chính trị Nguyễn Văn Cừ';
const ACADEMY_I = 'Học viện Chính trị khu vực I';
const NATIONAL_ACADEMY = 'Học viện Chính trị quốc gia Hồ Chí Minh';
const NAPA = 'Học viện Hành chính Quốc gia';
const LANGUAGE_ISSUERS = ['Đại học Hạ Long', 'Đại học Ngoại ngữ - Đại học Quốc gia Hà Nội', 'Đại học Hà Nội', 'Đại học Sư phạm Hà Nội'];
const IT_ISSUERS = ['Đại học Hạ Long', 'Đại học Công nghiệp Quảng Ninh', 'Đại học Bách khoa Hà Nội'];

type Level = string | null;
const EDU_HIGH = new Weighted<Level>([['TIEN_SI', 1.5], ['THAC_SI', 18], ['DAI_HOC', 75], ['CAO_DANG', 3], ['TRUNG_CAP', 2.5]]);
const EDU_COMMUNE = new Weighted<Level>([['THAC_SI', 6], ['DAI_HOC', 78], ['CAO_DANG', 7], ['TRUNG_CAP', 9]]);
const EDU_SERVICE = new Weighted<Level>([['TIEN_SI', 2], ['THAC_SI', 12], ['DAI_HOC', 66], ['CAO_DANG', 14], ['TRUNG_CAP', 6]]);
const EDU_LECTURER = new Weighted<Level>([['TIEN_SI', 12], ['THAC_SI', 55], ['DAI_HOC', 33]]);
const EDU_LEADER = new Weighted<Level>([['TIEN_SI', 4], ['THAC_SI', 40], ['DAI_HOC', 56]]);
const EDU_LOW = new Weighted<Level>([['DAI_HOC', 38], ['CAO_DANG', 15], ['TRUNG_CAP', 35], [null, 12]]);

const LANGUAGE_LEVEL = new Weighted<string>([['BAC_2', 50], ['BAC_3', 40], ['BAC_4', 10]]);

const PT_SO = new Weighted<Level>([['CAO_CAP', 85], ['CU_NHAN_CT', 5], ['TRUNG_CAP', 10]]);
const PT_HEAD = new Weighted<Level>([['CAO_CAP', 60], ['TRUNG_CAP', 40]]);
const PT_LEADER = new Weighted<Level>([['CAO_CAP', 25], ['TRUNG_CAP', 70], ['SO_CAP', 5]]);
const PT_PARTY = new Weighted<Level>([['SO_CAP', 48], ['TRUNG_CAP', 24], ['CAO_CAP', 3], [null, 25]]);
const PT_OTHER = new Weighted<Level>([['SO_CAP', 20], ['TRUNG_CAP', 3], [null, 77]]);

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rng() * 10));
  return s;
}

function issuerFor(rng: Rng, major: string): string {
  for (const [re, issuers] of ISSUERS) if (re.test(major)) return pick(rng, issuers);
  return pick(rng, ['Đại học Hạ Long', 'Đại học Quốc gia Hà Nội', 'Đại học Kinh tế Quốc dân']);
}

/** A day in year `y`, clamped to the reference date. */
function dayOf(rng: Rng, y: number): string {
  const year = Math.min(y, REF_YEAR);
  return year === REF_YEAR ? dayIn(rng, year, 1, 6) : dayIn(rng, year, 1, 12);
}

function majorFor(rng: Rng, s: QualificationSubject): string {
  const post = s.post ?? '';
  if (/Kế toán/.test(post)) return 'Kế toán';
  if (/Tư pháp/.test(post)) return pick(rng, ['Luật', 'Luật kinh tế']);
  if (/Địa chính/.test(post)) return pick(rng, ['Quản lý đất đai', 'Xây dựng dân dụng và công nghiệp']);
  if (/Văn hóa/.test(post)) return pick(rng, ['Văn hóa học', 'Quản lý văn hóa']);
  if (/Bác sĩ/.test(post)) return 'Y đa khoa';
  if (/Dược/.test(post)) return 'Dược học';
  if (/Điều dưỡng|Hộ sinh/.test(post)) return 'Điều dưỡng';
  if (/Giáo viên/.test(post)) return pick(rng, MAJORS.education.slice(0, 6));
  return pick(rng, MAJORS[s.field]);
}

function educationLevels(rng: Rng, s: QualificationSubject): Level {
  if (s.trainingInstitution && s.category === 'VC') return EDU_LECTURER.draw(rng);
  if (s.tier !== 'NONE') return EDU_LEADER.draw(rng);
  if (s.category === 'KCT' || s.category === 'KHAC' || s.rank === 'NV') return EDU_LOW.draw(rng);
  if (s.category === 'CBX') return EDU_COMMUNE.draw(rng);
  if (s.category === 'VC') return EDU_SERVICE.draw(rng);
  return EDU_HIGH.draw(rng);
}

function politicalLevel(rng: Rng, s: QualificationSubject): Level {
  if (s.tier === 'SO') return PT_SO.draw(rng);
  if (s.tier !== 'NONE') return s.isHead ? PT_HEAD.draw(rng) : PT_LEADER.draw(rng);
  if (s.rank === 'CVCC') return 'CAO_CAP';
  return s.partyMember ? PT_PARTY.draw(rng) : PT_OTHER.draw(rng);
}

/** All qualifications of one person, oldest first. */
export function draftQualifications(rng: Rng, s: QualificationSubject): QualificationDraft[] {
  const out: QualificationDraft[] = [];
  const add = (kind: string, level: string, major: string | null, issuer: string, year: number, cert: string) =>
    out.push({ kind, level, major, issuer, issuedOn: dayOf(rng, Math.max(year, s.birthYear + 18)), certificateNo: cert });

  // Education: the highest degree, and the first degree of most postgraduates.
  const edu = educationLevels(rng, s);
  if (edu) {
    const major = edu === 'DAI_HOC' || edu === 'THAC_SI' || edu === 'TIEN_SI' ? majorFor(rng, s) : null;
    const graduation = s.birthYear + intBetween(rng, 21, 23);
    if (edu === 'TRUNG_CAP' || edu === 'CAO_DANG') {
      const group = s.field === 'health' || s.field === 'education' ? s.field : 'other';
      add('EDUCATION', edu, pick(rng, LOWER_MAJORS[group]), pick(rng, LOWER_ISSUERS[group]), s.birthYear + intBetween(rng, 19, 22), `${pick(rng, ['C', 'D'])} ${digits(rng, 7)}`);
    } else {
      if (edu === 'DAI_HOC' || chance(rng, 0.5)) {
        add('EDUCATION', 'DAI_HOC', major, issuerFor(rng, major!), graduation, `${pick(rng, ['A', 'B', 'QA', 'QB'])} ${digits(rng, 7)}`);
      }
      if (edu === 'THAC_SI' || edu === 'TIEN_SI') {
        const year = graduation + intBetween(rng, 3, 12);
        const issuer = chance(rng, 0.25) ? NAPA : issuerFor(rng, major!);
        add('EDUCATION', 'THAC_SI', major, issuer, year, `ThS ${digits(rng, 6)}`);
        if (edu === 'TIEN_SI') add('EDUCATION', 'TIEN_SI', major, chance(rng, 0.4) ? NATIONAL_ACADEMY : issuer, year + intBetween(rng, 3, 8), `TS ${digits(rng, 6)}`);
      }
    }
  }

  // Political theory.
  const pt = politicalLevel(rng, s);
  if (pt) {
    const base = s.partyJoinYear ?? s.serviceYear;
    if (pt === 'SO_CAP') add('POLITICAL_THEORY', pt, null, pick(rng, POLITICAL_CENTRES), base + intBetween(rng, 0, 4), `${digits(rng, 4)}/CN-TTCT`);
    else if (pt === 'TRUNG_CAP') add('POLITICAL_THEORY', pt, null, SCHOOL, s.birthYear + intBetween(rng, 30, 42), `${digits(rng, 5)}/TCLLCT`);
    else add('POLITICAL_THEORY', pt, null, chance(rng, 0.7) ? ACADEMY_I : NATIONAL_ACADEMY, s.birthYear + intBetween(rng, 38, 50), `${digits(rng, 5)}/CCLLCT`);
  }

  // State management by rank (civil servants and cadres).
  if (s.category !== 'VC' && s.category !== 'KCT' && s.category !== 'KHAC') {
    const r = s.rank;
    if (r === 'CVCC' && chance(rng, 0.9)) add('STATE_MANAGEMENT', 'CVCC', null, pick(rng, [NAPA, NATIONAL_ACADEMY]), s.birthYear + intBetween(rng, 44, 52), `${digits(rng, 5)}/CVCC`);
    if ((r === 'CVC' && chance(rng, 0.85)) || (r === 'CVCC' && chance(rng, 0.5)))
      add('STATE_MANAGEMENT', 'CVC', null, pick(rng, [NAPA, SCHOOL]), s.birthYear + intBetween(rng, 35, 44), `${digits(rng, 5)}/CVC`);
    if ((r === 'CV' && chance(rng, 0.25)) || (r === 'CVC' && chance(rng, 0.3)))
      add('STATE_MANAGEMENT', 'CV', null, pick(rng, [SCHOOL, SCHOOL, 'Sở Nội vụ tỉnh Quảng Ninh']), s.serviceYear + intBetween(rng, 1, 5), `${digits(rng, 5)}/CV`);
  } else if (s.category === 'VC' && chance(rng, 0.08)) {
    add('STATE_MANAGEMENT', 'CV', null, SCHOOL, s.serviceYear + intBetween(rng, 2, 8), `${digits(rng, 5)}/CV`);
  }

  // Leadership programmes, taken around the appointment.
  if (s.appointedYear !== null && s.tier === 'SO' && chance(rng, 0.65))
    add('LEADERSHIP', 'SO', null, NAPA, s.appointedYear + intBetween(rng, -1, 1), `${digits(rng, 5)}/LĐQL`);
  else if (s.appointedYear !== null && s.tier === 'PHONG' && chance(rng, 0.55))
    add('LEADERSHIP', 'PHONG', null, SCHOOL, s.appointedYear + intBetween(rng, 0, 1), `${digits(rng, 5)}/LĐQL`);

  if (chance(rng, 0.2))
    add('IT', chance(rng, 0.85) ? 'CO_BAN' : 'NANG_CAO', null, pick(rng, IT_ISSUERS), s.serviceYear + intBetween(rng, -1, 6), `TH${digits(rng, 6)}`);
  if (chance(rng, s.tier === 'NONE' ? 0.17 : 0.3)) {
    const level = LANGUAGE_LEVEL.draw(rng);
    add('FOREIGN_LANGUAGE', level, chance(rng, 0.9) ? 'Tiếng Anh' : 'Tiếng Trung', pick(rng, LANGUAGE_ISSUERS), s.serviceYear + intBetween(rng, -1, 8), `NN${digits(rng, 6)}`);
  }
  if (s.localLanguage && chance(rng, 0.08))
    add('ETHNIC_LANGUAGE', 'CO_CHUNG_CHI', s.localLanguage, SCHOOL, s.serviceYear + intBetween(rng, 1, 8), `${digits(rng, 4)}/TDT`);

  // Defence and security knowledge: group 2 for department leaders, 3 for division and commune leaders.
  if (s.tier === 'SO' && chance(rng, 0.8))
    add('DEFENCE_SECURITY', 'DT2', null, 'Trường Quân sự Quân khu 3', (s.appointedYear ?? s.serviceYear) + intBetween(rng, 0, 2), `${digits(rng, 5)}/QP-AN`);
  else if (s.tier !== 'NONE' && chance(rng, 0.7))
    add('DEFENCE_SECURITY', 'DT3', null, 'Trường Quân sự tỉnh Quảng Ninh', (s.appointedYear ?? s.serviceYear) + intBetween(rng, 0, 2), `${digits(rng, 5)}/QP-AN`);
  else if (s.tier === 'NONE' && chance(rng, 0.1))
    add('DEFENCE_SECURITY', 'DT4', null, 'Trường Quân sự tỉnh Quảng Ninh', s.serviceYear + intBetween(rng, 1, 10), `${digits(rng, 5)}/QP-AN`);

  return out;
}
