/**
 * Synthetic qualifications for one person: education with a major, political theory, state
 * management by rank, leadership programmes, IT, foreign language, ethnic language, defence and
 * security. Shares follow the province figures (~85% university or higher, ~60% with political
 * theory) and rise with rank and leadership.
 */
import {
  ACADEMY_I,
  EDU_COMMUNE,
  EDU_HIGH,
  EDU_LEADER,
  EDU_LECTURER,
  EDU_LOW,
  EDU_SERVICE,
  ISSUERS,
  IT_ISSUERS,
  LANGUAGE_ISSUERS,
  LANGUAGE_LEVEL,
  type Level,
  LOWER_ISSUERS,
  LOWER_MAJORS,
  MAJORS,
  NAPA,
  NATIONAL_ACADEMY,
  POLITICAL_CENTRES,
  PT_HEAD,
  PT_LEADER,
  PT_OTHER,
  PT_PARTY,
  PT_SO,
  SCHOOL,
} from './qualification-data';
import { chance, dayIn, intBetween, pick, type Rng } from './random';
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
  const add = (
    kind: string,
    level: string,
    major: string | null,
    issuer: string,
    year: number,
    cert: string,
  ) =>
    out.push({
      kind,
      level,
      major,
      issuer,
      issuedOn: dayOf(rng, Math.max(year, s.birthYear + 18)),
      certificateNo: cert,
    });

  // Education: the highest degree, and the first degree of most postgraduates.
  const edu = educationLevels(rng, s);
  if (edu) {
    const major = edu === 'DAI_HOC' || edu === 'THAC_SI' || edu === 'TIEN_SI' ? majorFor(rng, s) : null;
    const graduation = s.birthYear + intBetween(rng, 21, 23);
    if (edu === 'TRUNG_CAP' || edu === 'CAO_DANG') {
      const group = s.field === 'health' || s.field === 'education' ? s.field : 'other';
      add(
        'EDUCATION',
        edu,
        pick(rng, LOWER_MAJORS[group]),
        pick(rng, LOWER_ISSUERS[group]),
        s.birthYear + intBetween(rng, 19, 22),
        `${pick(rng, ['C', 'D'])} ${digits(rng, 7)}`,
      );
    } else {
      if (edu === 'DAI_HOC' || chance(rng, 0.5)) {
        add(
          'EDUCATION',
          'DAI_HOC',
          major,
          issuerFor(rng, major!),
          graduation,
          `${pick(rng, ['A', 'B', 'QA', 'QB'])} ${digits(rng, 7)}`,
        );
      }
      if (edu === 'THAC_SI' || edu === 'TIEN_SI') {
        const year = graduation + intBetween(rng, 3, 12);
        const issuer = chance(rng, 0.25) ? NAPA : issuerFor(rng, major!);
        add('EDUCATION', 'THAC_SI', major, issuer, year, `ThS ${digits(rng, 6)}`);
        if (edu === 'TIEN_SI')
          add(
            'EDUCATION',
            'TIEN_SI',
            major,
            chance(rng, 0.4) ? NATIONAL_ACADEMY : issuer,
            year + intBetween(rng, 3, 8),
            `TS ${digits(rng, 6)}`,
          );
      }
    }
  }

  // Political theory.
  const pt = politicalLevel(rng, s);
  if (pt) {
    const base = s.partyJoinYear ?? s.serviceYear;
    if (pt === 'SO_CAP')
      add(
        'POLITICAL_THEORY',
        pt,
        null,
        pick(rng, POLITICAL_CENTRES),
        base + intBetween(rng, 0, 4),
        `${digits(rng, 4)}/CN-TTCT`,
      );
    else if (pt === 'TRUNG_CAP')
      add(
        'POLITICAL_THEORY',
        pt,
        null,
        SCHOOL,
        s.birthYear + intBetween(rng, 30, 42),
        `${digits(rng, 5)}/TCLLCT`,
      );
    else
      add(
        'POLITICAL_THEORY',
        pt,
        null,
        chance(rng, 0.7) ? ACADEMY_I : NATIONAL_ACADEMY,
        s.birthYear + intBetween(rng, 38, 50),
        `${digits(rng, 5)}/CCLLCT`,
      );
  }

  // State management by rank (civil servants and cadres).
  if (s.category !== 'VC' && s.category !== 'KCT' && s.category !== 'KHAC') {
    const r = s.rank;
    if (r === 'CVCC' && chance(rng, 0.9))
      add(
        'STATE_MANAGEMENT',
        'CVCC',
        null,
        pick(rng, [NAPA, NATIONAL_ACADEMY]),
        s.birthYear + intBetween(rng, 44, 52),
        `${digits(rng, 5)}/CVCC`,
      );
    if ((r === 'CVC' && chance(rng, 0.85)) || (r === 'CVCC' && chance(rng, 0.5)))
      add(
        'STATE_MANAGEMENT',
        'CVC',
        null,
        pick(rng, [NAPA, SCHOOL]),
        s.birthYear + intBetween(rng, 35, 44),
        `${digits(rng, 5)}/CVC`,
      );
    if ((r === 'CV' && chance(rng, 0.25)) || (r === 'CVC' && chance(rng, 0.3)))
      add(
        'STATE_MANAGEMENT',
        'CV',
        null,
        pick(rng, [SCHOOL, SCHOOL, 'Sở Nội vụ tỉnh Quảng Ninh']),
        s.serviceYear + intBetween(rng, 1, 5),
        `${digits(rng, 5)}/CV`,
      );
  } else if (s.category === 'VC' && chance(rng, 0.08)) {
    add(
      'STATE_MANAGEMENT',
      'CV',
      null,
      SCHOOL,
      s.serviceYear + intBetween(rng, 2, 8),
      `${digits(rng, 5)}/CV`,
    );
  }

  // Leadership programmes, taken around the appointment.
  if (s.appointedYear !== null && s.tier === 'SO' && chance(rng, 0.65))
    add('LEADERSHIP', 'SO', null, NAPA, s.appointedYear + intBetween(rng, -1, 1), `${digits(rng, 5)}/LĐQL`);
  else if (s.appointedYear !== null && s.tier === 'PHONG' && chance(rng, 0.55))
    add(
      'LEADERSHIP',
      'PHONG',
      null,
      SCHOOL,
      s.appointedYear + intBetween(rng, 0, 1),
      `${digits(rng, 5)}/LĐQL`,
    );

  if (chance(rng, 0.2))
    add(
      'IT',
      chance(rng, 0.85) ? 'CO_BAN' : 'NANG_CAO',
      null,
      pick(rng, IT_ISSUERS),
      s.serviceYear + intBetween(rng, -1, 6),
      `TH${digits(rng, 6)}`,
    );
  if (chance(rng, s.tier === 'NONE' ? 0.17 : 0.3)) {
    const level = LANGUAGE_LEVEL.draw(rng);
    add(
      'FOREIGN_LANGUAGE',
      level,
      chance(rng, 0.9) ? 'Tiếng Anh' : 'Tiếng Trung',
      pick(rng, LANGUAGE_ISSUERS),
      s.serviceYear + intBetween(rng, -1, 8),
      `NN${digits(rng, 6)}`,
    );
  }
  if (s.localLanguage && chance(rng, 0.08))
    add(
      'ETHNIC_LANGUAGE',
      'CO_CHUNG_CHI',
      s.localLanguage,
      SCHOOL,
      s.serviceYear + intBetween(rng, 1, 8),
      `${digits(rng, 4)}/TDT`,
    );

  // Defence and security knowledge: group 2 for department leaders, 3 for division and commune leaders.
  if (s.tier === 'SO' && chance(rng, 0.8))
    add(
      'DEFENCE_SECURITY',
      'DT2',
      null,
      'Trường Quân sự Quân khu 3',
      (s.appointedYear ?? s.serviceYear) + intBetween(rng, 0, 2),
      `${digits(rng, 5)}/QP-AN`,
    );
  else if (s.tier !== 'NONE' && chance(rng, 0.7))
    add(
      'DEFENCE_SECURITY',
      'DT3',
      null,
      'Trường Quân sự tỉnh Quảng Ninh',
      (s.appointedYear ?? s.serviceYear) + intBetween(rng, 0, 2),
      `${digits(rng, 5)}/QP-AN`,
    );
  else if (s.tier === 'NONE' && chance(rng, 0.1))
    add(
      'DEFENCE_SECURITY',
      'DT4',
      null,
      'Trường Quân sự tỉnh Quảng Ninh',
      s.serviceYear + intBetween(rng, 1, 10),
      `${digits(rng, 5)}/QP-AN`,
    );

  return out;
}
