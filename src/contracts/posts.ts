/**
 * Posts (chức vụ) as a code list, grouped into post groups offices count by (issue 16, ADR 036).
 * Rules target these codes, never words of the post text; the text stays on the person as a note.
 * `meta.group` is the post group; `meta.legalBasis` names the law that creates the post.
 */
import type { CodeItemSeed } from './codes';

const LGO = 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15';
const CBCC = 'Luật Cán bộ, công chức số 80/2025/QH15';
const FRONT = 'Luật Mặt trận Tổ quốc Việt Nam; điều lệ của tổ chức chính trị - xã hội';
const PARTY = 'Điều lệ Đảng Cộng sản Việt Nam';

export const POST_GROUPS: CodeItemSeed[] = [
  { code: 'COMMUNE_LEADER', vi: 'Lãnh đạo chủ chốt cấp xã', en: 'Commune leaders' },
  {
    code: 'FRONT_MASS_HEAD',
    vi: 'Người đứng đầu Mặt trận, đoàn thể',
    en: 'Front and mass organisation heads',
  },
  { code: 'FRONT_MASS_DEPUTY', vi: 'Cấp phó Mặt trận, đoàn thể', en: 'Front and mass organisation deputies' },
  { code: 'DEPARTMENT_LEADER', vi: 'Lãnh đạo cấp sở và tương đương', en: 'Department leaders' },
  { code: 'DIVISION_HEAD', vi: 'Trưởng phòng và tương đương', en: 'Heads of division' },
  { code: 'DIVISION_DEPUTY', vi: 'Phó Trưởng phòng và tương đương', en: 'Deputy heads of division' },
  { code: 'STAFF', vi: 'Công chức, viên chức chuyên môn', en: 'Professional staff' },
  { code: 'NON_PROFESSIONAL', vi: 'Người hoạt động không chuyên trách', en: 'Non-professional staff' },
];

const post = (code: string, vi: string, en: string, group: string, legalBasis: string): CodeItemSeed => ({
  code,
  vi,
  en,
  meta: { group, legalBasis },
});

export const POSTS: CodeItemSeed[] = [
  post('BT_DU_XA', 'Bí thư Đảng ủy cấp xã', 'Commune Party secretary', 'COMMUNE_LEADER', PARTY),
  post('PBT_DU_XA', 'Phó Bí thư Đảng ủy cấp xã', 'Commune Party deputy secretary', 'COMMUNE_LEADER', PARTY),
  post('CT_HDND_XA', 'Chủ tịch HĐND cấp xã', "Commune People's Council chair", 'COMMUNE_LEADER', LGO),
  post(
    'PCT_HDND_XA',
    'Phó Chủ tịch HĐND cấp xã',
    "Commune People's Council vice chair",
    'COMMUNE_LEADER',
    LGO,
  ),
  post('CT_UBND_XA', 'Chủ tịch UBND cấp xã', "Commune People's Committee chair", 'COMMUNE_LEADER', LGO),
  post(
    'PCT_UBND_XA',
    'Phó Chủ tịch UBND cấp xã',
    "Commune People's Committee vice chair",
    'COMMUNE_LEADER',
    LGO,
  ),
  post(
    'CT_MTTQ_XA',
    'Chủ tịch Ủy ban MTTQ cấp xã',
    'Commune Fatherland Front chair',
    'FRONT_MASS_HEAD',
    FRONT,
  ),
  post(
    'PCT_MTTQ_XA',
    'Phó Chủ tịch Ủy ban MTTQ cấp xã',
    'Commune Fatherland Front vice chair',
    'FRONT_MASS_DEPUTY',
    FRONT,
  ),
  post(
    'CT_HPN_XA',
    'Chủ tịch Hội Liên hiệp Phụ nữ cấp xã',
    "Commune Women's Union chair",
    'FRONT_MASS_HEAD',
    FRONT,
  ),
  post(
    'PCT_HPN_XA',
    'Phó Chủ tịch Hội Liên hiệp Phụ nữ cấp xã',
    "Commune Women's Union vice chair",
    'FRONT_MASS_DEPUTY',
    FRONT,
  ),
  post('CT_HND_XA', 'Chủ tịch Hội Nông dân cấp xã', "Commune Farmers' Union chair", 'FRONT_MASS_HEAD', FRONT),
  post(
    'PCT_HND_XA',
    'Phó Chủ tịch Hội Nông dân cấp xã',
    "Commune Farmers' Union vice chair",
    'FRONT_MASS_DEPUTY',
    FRONT,
  ),
  post(
    'CT_HCCB_XA',
    'Chủ tịch Hội Cựu chiến binh cấp xã',
    "Commune Veterans' Association chair",
    'FRONT_MASS_HEAD',
    FRONT,
  ),
  post(
    'PCT_HCCB_XA',
    'Phó Chủ tịch Hội Cựu chiến binh cấp xã',
    "Commune Veterans' Association vice chair",
    'FRONT_MASS_DEPUTY',
    FRONT,
  ),
  post(
    'BT_DTN_XA',
    'Bí thư Đoàn Thanh niên cấp xã',
    'Commune Youth Union secretary',
    'FRONT_MASS_HEAD',
    FRONT,
  ),
  post(
    'PBT_DTN_XA',
    'Phó Bí thư Đoàn Thanh niên cấp xã',
    'Commune Youth Union deputy secretary',
    'FRONT_MASS_DEPUTY',
    FRONT,
  ),
  post(
    'GD_SO',
    'Giám đốc sở và tương đương',
    'Director of department and equivalent',
    'DEPARTMENT_LEADER',
    CBCC,
  ),
  post(
    'PGD_SO',
    'Phó Giám đốc sở và tương đương',
    'Deputy director of department and equivalent',
    'DEPARTMENT_LEADER',
    CBCC,
  ),
  post(
    'TRUONG_PHONG',
    'Trưởng phòng và tương đương',
    'Head of division and equivalent',
    'DIVISION_HEAD',
    CBCC,
  ),
  post(
    'PHO_TRUONG_PHONG',
    'Phó Trưởng phòng và tương đương',
    'Deputy head of division and equivalent',
    'DIVISION_DEPUTY',
    CBCC,
  ),
  post('CHT_QS_XA', 'Chỉ huy trưởng Ban Chỉ huy Quân sự cấp xã', 'Commune military commander', 'STAFF', CBCC),
  post('CHUYEN_VIEN', 'Chuyên viên và tương đương', 'Specialist and equivalent', 'STAFF', CBCC),
  post('CONG_CHUC_XA', 'Công chức chuyên môn cấp xã', 'Commune professional civil servant', 'STAFF', CBCC),
  post('VIEN_CHUC', 'Viên chức', 'Public employee', 'STAFF', 'Luật Viên chức'),
  post('NHAN_VIEN', 'Nhân viên', 'Support staff', 'STAFF', CBCC),
  post('KCT', 'Người hoạt động không chuyên trách', 'Non-professional staff', 'NON_PROFESSIONAL', LGO),
];

/** The group of a post code, from the shipped list (the stored list may add more). */
export const POST_GROUP_OF: Record<string, string> = Object.fromEntries(
  POSTS.map((p) => [p.code, String(p.meta!.group)]),
);
