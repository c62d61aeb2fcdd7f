/**
 * The shape of a demo programme and the helper that writes one; the programmes themselves are in
 * catalogue-data.ts (political theory, state management, leadership) and catalogue-data-skills.ts
 * (commune posts, defence, IT, skills, languages, knowledge, job positions, postgraduate).
 * Durations follow
 * the maxima of Decree 89/2021 and Decree 171/2025 where they exist (1 week = 40 periods);
 * everything else is plausible demo data, not an official programme.
 */

/** Topics used by several programmes: [code, name]. The same code is the same content. */
export const SHARED_TOPICS: Record<string, string> = {
  'QLNN-HCNN': 'Hành chính nhà nước và cải cách hành chính',
  'QLNN-NNPQ': 'Nhà nước và pháp luật',
  'QLNN-CSC': 'Chính sách công và quản lý phát triển',
  'KN-SOAN-THAO': 'Kỹ năng soạn thảo văn bản quản lý nhà nước',
  'KN-GIAO-TIEP': 'Kỹ năng giao tiếp công vụ',
  'KN-TIEP-DAN': 'Kỹ năng tiếp công dân, giải quyết khiếu nại, tố cáo',
  'KN-LDQL': 'Kỹ năng lãnh đạo, quản lý',
  'CDS-CQS': 'Chuyển đổi số và chính quyền số',
  'LLCT-TTHCM': 'Tư tưởng Hồ Chí Minh',
  'LLCT-XDD': 'Xây dựng Đảng',
  'QPAN-CHUNG': 'Quan điểm của Đảng về quốc phòng, an ninh',
};

/** [code, name (omit for a shared topic), periods] */
export type T = [string, number] | [string, string, number];

export interface DemoProgramme {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  level: string | null;
  periods: number;
  mode: 'in_person' | 'online' | 'blended';
  grants: [string, string] | null;
  organisers: ('central' | 'province' | 'commune')[];
  legalBasis: string | null;
  topics: T[];
}

/** Every demo programme takes effect on 1/7/2025, so its basis is Decree 171/2025 (not 101/2017 + 89/2021). */
export const D171 = 'Nghị định 171/2025/NĐ-CP';
export const HVCTQG = 'Học viện Chính trị quốc gia Hồ Chí Minh';

export const p = (
  code: string,
  nameVi: string,
  nameEn: string,
  kind: string,
  level: string | null,
  periods: number,
  grants: [string, string] | null,
  organisers: DemoProgramme['organisers'],
  topics: T[],
  extra: Partial<DemoProgramme> = {},
): DemoProgramme => ({
  code,
  nameVi,
  nameEn,
  kind,
  level,
  periods,
  mode: 'in_person',
  grants,
  organisers,
  legalBasis: `${D171}: bồi dưỡng theo yêu cầu vị trí việc làm`,
  topics,
  ...extra,
});
