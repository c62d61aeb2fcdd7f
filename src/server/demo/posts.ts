/** Posts (chức vụ, vị trí việc làm) of synthetic staff, by unit type, category and rank. */
import { foldText } from '../../contracts/text';
import { chance, pick, type Rng, Weighted } from './random';
import type { UnitProfile } from './unit-profile';

const COMMUNE_CIVIL_SERVANT = new Weighted<string>([
  ['Công chức Văn phòng - Thống kê', 3],
  ['Công chức Tài chính - Kế toán', 2],
  ['Công chức Tư pháp - Hộ tịch', 2],
  ['Công chức Địa chính - Xây dựng - Đô thị và Môi trường', 2],
  ['Công chức Văn hóa - Xã hội', 2],
  ['Chỉ huy trưởng Ban Chỉ huy Quân sự', 0.6],
  ['Chuyên viên Phòng Kinh tế', 3],
  ['Chuyên viên Phòng Văn hóa - Xã hội', 3],
  ['Chuyên viên Văn phòng HĐND và UBND', 3],
  ['Chuyên viên Trung tâm Phục vụ hành chính công', 2],
]);

const COMMUNE_PARTY_STAFF = [
  'Chuyên viên Ban Xây dựng Đảng',
  'Chuyên viên Văn phòng Đảng ủy',
  'Chuyên viên Ủy ban Kiểm tra Đảng ủy',
];
const COMMUNE_FRONT_STAFF = [
  'Chuyên viên Ủy ban MTTQ',
  'Phó Chủ tịch Hội Nông dân',
  'Phó Chủ tịch Hội Liên hiệp Phụ nữ',
  'Phó Bí thư Đoàn Thanh niên',
  'Phó Chủ tịch Hội Cựu chiến binh',
];
const COMMUNE_MASS_LEADERS = [
  'Chủ tịch Hội Nông dân',
  'Chủ tịch Hội Liên hiệp Phụ nữ',
  'Bí thư Đoàn Thanh niên',
  'Chủ tịch Hội Cựu chiến binh',
];
const NON_PROFESSIONAL = {
  rural: [
    'Trưởng thôn',
    'Bí thư Chi bộ thôn',
    'Trưởng ban Công tác Mặt trận thôn',
    'Phó Chỉ huy trưởng Quân sự',
    'Nhân viên thú y',
  ],
  urban: [
    'Tổ trưởng tổ dân phố',
    'Bí thư Chi bộ khu phố',
    'Trưởng ban Công tác Mặt trận khu phố',
    'Phó Chỉ huy trưởng Quân sự',
  ],
};
const SUPPORT_STAFF = ['Văn thư', 'Kế toán', 'Lái xe', 'Nhân viên phục vụ', 'Thủ quỹ'];
const HOSPITAL_STAFF = new Weighted<string>([
  ['Bác sĩ', 35],
  ['Điều dưỡng', 40],
  ['Dược sĩ', 8],
  ['Kỹ thuật viên', 10],
  ['Hộ sinh', 7],
]);

/** Division names inside a commune committee; wards have urban ones. */
function communeDivision(rng: Rng, word: string): string {
  const economy = word === 'phường' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế';
  return pick(rng, [economy, 'Phòng Văn hóa - Xã hội', 'Văn phòng HĐND và UBND']);
}

function divisionTitle(division: string, head: boolean): string {
  if (division.startsWith('Văn phòng')) return `${head ? 'Chánh' : 'Phó Chánh'} ${division}`;
  return `${head ? 'Trưởng' : 'Phó Trưởng'} ${division.replace(/^Phòng/, 'phòng')}`;
}

export interface DivisionPost {
  post: string;
  tier: 'PHONG' | 'XA';
  head: boolean;
}

/** A division-level (or mass-organisation) leader post for the unit, or null if it has none. */
export function divisionLeaderPost(rng: Rng, unit: UnitProfile): DivisionPost | null {
  const head = chance(rng, 0.35);
  switch (unit.type) {
    case 'commune_committee':
    case 'commune_area':
      return { post: divisionTitle(communeDivision(rng, unit.communeWord), head), tier: 'PHONG', head };
    case 'commune_party': {
      const posts = head
        ? ['Trưởng Ban Xây dựng Đảng', 'Chánh Văn phòng Đảng ủy']
        : [
            'Phó Trưởng Ban Xây dựng Đảng',
            'Phó Chánh Văn phòng Đảng ủy',
            'Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy',
          ];
      return { post: pick(rng, posts), tier: 'PHONG', head };
    }
    case 'commune_front':
      return { post: pick(rng, COMMUNE_MASS_LEADERS), tier: 'XA', head: true };
    case 'hospital':
    case 'training':
      return { post: head ? 'Trưởng khoa' : 'Phó Trưởng khoa', tier: 'PHONG', head };
    case 'school':
      return null;
    case 'commune_other':
      return null;
    default:
      return { post: head ? 'Trưởng phòng' : 'Phó Trưởng phòng', tier: 'PHONG', head };
  }
}

/** The post of someone without a leadership post. */
export function staffPost(rng: Rng, unit: UnitProfile, category: string, rank: string | null): string {
  if (category === 'KCT')
    return pick(rng, unit.communeWord === 'phường' ? NON_PROFESSIONAL.urban : NON_PROFESSIONAL.rural);
  if (category === 'KHAC' || rank === 'NV') return pick(rng, SUPPORT_STAFF);
  if (category === 'VC') {
    switch (unit.type) {
      case 'hospital':
        return HOSPITAL_STAFF.draw(rng);
      case 'school':
        return chance(rng, 0.92)
          ? 'Giáo viên'
          : pick(rng, ['Nhân viên thư viện', 'Nhân viên thiết bị', 'Kế toán']);
      case 'training':
        return chance(rng, 0.75)
          ? rank === 'HANG_II' || rank === 'HANG_I'
            ? 'Giảng viên chính'
            : 'Giảng viên'
          : 'Chuyên viên';
      default:
        return unit.communeId ? 'Viên chức Trung tâm Dịch vụ tổng hợp' : 'Viên chức';
    }
  }
  if (category === 'CBX') {
    if (unit.type === 'commune_party') return pick(rng, COMMUNE_PARTY_STAFF);
    if (unit.type === 'commune_front') return pick(rng, COMMUNE_FRONT_STAFF);
    return COMMUNE_CIVIL_SERVANT.draw(rng);
  }
  // Cadres and civil servants of provincial organs.
  const inspector = unit.type === 'inspectorate';
  switch (rank) {
    case 'CVCC':
      return inspector ? 'Thanh tra viên cao cấp' : 'Chuyên viên cao cấp';
    case 'CVC':
      return inspector ? 'Thanh tra viên chính' : 'Chuyên viên chính';
    case 'CS':
      return 'Cán sự';
    default:
      return inspector ? 'Thanh tra viên' : 'Chuyên viên';
  }
}

/** A title the person is in the succession pool for, one step above their post. */
export function planningFor(
  rng: Rng,
  unit: UnitProfile,
  post: string,
  isDeputy: boolean,
  tier: string,
): string {
  if (isDeputy && unit.head) return unit.head;
  if (tier === 'PHONG' && post.startsWith('Phó ')) return post.slice(4);
  if (tier !== 'NONE' && unit.deputy) return unit.deputy;
  if (unit.type === 'hospital' || unit.type === 'training') return 'Phó Trưởng khoa';
  if (unit.type === 'school') return 'Phó Hiệu trưởng';
  if (unit.communeId) return divisionTitle(communeDivision(rng, unit.communeWord), false);
  return 'Phó Trưởng phòng';
}

/** Commune leader and mass-organisation posts, by the start of the folded title (ADR 036). */
const COMMUNE_POST_PREFIXES: [string, string][] = [
  ['pho bi thu dang uy', 'PBT_DU_XA'],
  ['bi thu dang uy', 'BT_DU_XA'],
  ['pho chu tich hdnd', 'PCT_HDND_XA'],
  ['chu tich hdnd', 'CT_HDND_XA'],
  ['pho chu tich ubnd', 'PCT_UBND_XA'],
  ['chu tich ubnd', 'CT_UBND_XA'],
  ['pho chu tich uy ban mttq', 'PCT_MTTQ_XA'],
  ['chu tich uy ban mttq', 'CT_MTTQ_XA'],
  ['pho chu tich hoi lien hiep phu nu', 'PCT_HPN_XA'],
  ['chu tich hoi lien hiep phu nu', 'CT_HPN_XA'],
  ['pho chu tich hoi nong dan', 'PCT_HND_XA'],
  ['chu tich hoi nong dan', 'CT_HND_XA'],
  ['pho chu tich hoi cuu chien binh', 'PCT_HCCB_XA'],
  ['chu tich hoi cuu chien binh', 'CT_HCCB_XA'],
  ['pho bi thu doan thanh nien', 'PBT_DTN_XA'],
  ['bi thu doan thanh nien', 'BT_DTN_XA'],
  ['chi huy truong ban chi huy quan su', 'CHT_QS_XA'],
];

/**
 * The post code (list `post`) of a demo post, from the words the demo itself writes: only for
 * seeding, where each text comes from the tables above. Rules never read words.
 */
export function demoPostCode(post: string | null, tier: string, category: string): string | null {
  if (post === null) return null;
  const key = `${post}\u0000${tier}\u0000${category}`;
  let code = POST_CODE_CACHE.get(key);
  if (code === undefined) {
    code = postCodeOf(post, tier, category);
    POST_CODE_CACHE.set(key, code);
  }
  return code;
}
const POST_CODE_CACHE = new Map<string, string>();

function postCodeOf(post: string, tier: string, category: string): string {
  const f = foldText(post);
  for (const [prefix, code] of COMMUNE_POST_PREFIXES) if (f.startsWith(prefix)) return code;
  const deputy = f.startsWith('pho ');
  if (tier === 'SO') return deputy ? 'PGD_SO' : 'GD_SO';
  if (tier === 'PHONG') return deputy ? 'PHO_TRUONG_PHONG' : 'TRUONG_PHONG';
  if (category === 'KCT') return 'KCT';
  if (category === 'VC') return 'VIEN_CHUC';
  if (category === 'KHAC' || SUPPORT_STAFF.includes(post)) return 'NHAN_VIEN';
  // Commune civil servants keep their post code when their category moves (CBX -> CC, ADR 043).
  if (category === 'CBX' || category === 'CC')
    return f.startsWith('cong chuc') ? 'CONG_CHUC_XA' : 'CHUYEN_VIEN';
  return 'CHUYEN_VIEN';
}
