/** Majors, issuers and level shares for synthetic qualifications (see qualifications.ts). */
import { Weighted } from './random';
import type { Field } from './unit-profile';

export const MAJORS: Record<Field, string[]> = {
  health: [
    'Y đa khoa',
    'Y đa khoa',
    'Điều dưỡng',
    'Điều dưỡng',
    'Dược học',
    'Y học cổ truyền',
    'Kỹ thuật xét nghiệm y học',
    'Y tế công cộng',
  ],
  education: [
    'Sư phạm Toán học',
    'Sư phạm Ngữ văn',
    'Sư phạm Tiếng Anh',
    'Sư phạm Vật lý',
    'Sư phạm Hóa học',
    'Sư phạm Lịch sử',
    'Quản lý giáo dục',
  ],
  finance: ['Kế toán', 'Tài chính - Ngân hàng', 'Kinh tế', 'Kiểm toán', 'Kế toán'],
  law: ['Luật', 'Luật', 'Luật kinh tế', 'Quản lý nhà nước', 'Hành chính học'],
  construction: [
    'Xây dựng dân dụng và công nghiệp',
    'Kiến trúc',
    'Kỹ thuật giao thông',
    'Quy hoạch vùng và đô thị',
    'Kinh tế xây dựng',
  ],
  agriculture: [
    'Nông học',
    'Quản lý đất đai',
    'Khoa học môi trường',
    'Lâm sinh',
    'Thú y',
    'Nuôi trồng thủy sản',
  ],
  science: [
    'Công nghệ thông tin',
    'Công nghệ thông tin',
    'Kỹ thuật điện tử - viễn thông',
    'Vật lý kỹ thuật',
    'Hóa học',
  ],
  culture: ['Văn hóa học', 'Quản lý văn hóa', 'Du lịch', 'Báo chí', 'Huấn luyện thể thao'],
  trade: ['Kinh tế', 'Quản trị kinh doanh', 'Kinh tế quốc tế', 'Thương mại'],
  politics: [
    'Xây dựng Đảng và Chính quyền nhà nước',
    'Chính trị học',
    'Triết học',
    'Luật',
    'Quản lý nhà nước',
  ],
  general: [
    'Luật',
    'Kinh tế',
    'Quản lý nhà nước',
    'Kế toán',
    'Quản lý đất đai',
    'Hành chính học',
    'Công nghệ thông tin',
    'Xây dựng Đảng và Chính quyền nhà nước',
    'Nông học',
    'Quản trị kinh doanh',
  ],
};

export const LOWER_MAJORS: Record<string, string[]> = {
  health: ['Điều dưỡng', 'Dược', 'Hộ sinh', 'Y sĩ'],
  education: ['Sư phạm Mầm non', 'Sư phạm Tiểu học', 'Thư viện'],
  other: [
    'Kế toán',
    'Hành chính văn thư',
    'Tin học ứng dụng',
    'Quản lý đất đai',
    'Luật',
    'Chăn nuôi - Thú y',
  ],
};

export const ISSUERS: [RegExp, string[]][] = [
  [/^Dược/, ['Đại học Dược Hà Nội', 'Đại học Y Dược Thái Bình']],
  [
    /^Y |Điều dưỡng|xét nghiệm|Y tế công cộng|Y học/,
    ['Đại học Y Hà Nội', 'Đại học Y Dược Thái Bình', 'Đại học Y Dược Hải Phòng'],
  ],
  [
    /^Sư phạm|giáo dục/,
    ['Đại học Sư phạm Hà Nội', 'Đại học Hạ Long', 'Đại học Sư phạm - Đại học Thái Nguyên'],
  ],
  [/Kế toán|Tài chính|Kiểm toán/, ['Học viện Tài chính', 'Đại học Kinh tế Quốc dân', 'Đại học Thương mại']],
  [
    /Kinh tế|kinh doanh|Thương mại/,
    ['Đại học Kinh tế Quốc dân', 'Đại học Thương mại', 'Đại học Ngoại thương', 'Đại học Hạ Long'],
  ],
  [
    /^Luật/,
    [
      'Đại học Luật Hà Nội',
      'Đại học Luật Hà Nội',
      'Khoa Luật - Đại học Quốc gia Hà Nội',
      'Đại học Kiểm sát Hà Nội',
    ],
  ],
  [/Quản lý nhà nước|Hành chính/, ['Học viện Hành chính Quốc gia']],
  [
    /Xây dựng dân dụng|Kiến trúc|giao thông|Quy hoạch|xây dựng$/,
    ['Đại học Xây dựng Hà Nội', 'Đại học Kiến trúc Hà Nội', 'Đại học Giao thông Vận tải'],
  ],
  [
    /môi trường/,
    ['Đại học Tài nguyên và Môi trường Hà Nội', 'Đại học Khoa học Tự nhiên - Đại học Quốc gia Hà Nội'],
  ],
  [
    /Nông học|đất đai|Lâm sinh|Thú y|thủy sản/,
    ['Học viện Nông nghiệp Việt Nam', 'Đại học Nông Lâm - Đại học Thái Nguyên'],
  ],
  [
    /Công nghệ thông tin|điện tử|Vật lý|Hóa học/,
    [
      'Đại học Bách khoa Hà Nội',
      'Đại học Công nghệ - Đại học Quốc gia Hà Nội',
      'Học viện Công nghệ Bưu chính Viễn thông',
      'Đại học Công nghiệp Quảng Ninh',
    ],
  ],
  [/Văn hóa|văn hóa|Du lịch/, ['Đại học Văn hóa Hà Nội', 'Đại học Hạ Long']],
  [
    /Báo chí|Xây dựng Đảng|Chính trị học|Triết học/,
    ['Học viện Báo chí và Tuyên truyền', 'Học viện Chính trị quốc gia Hồ Chí Minh'],
  ],
  [/thể thao/, ['Đại học Thể dục Thể thao Bắc Ninh']],
];

export const LOWER_ISSUERS: Record<string, string[]> = {
  health: ['Trường Cao đẳng Y tế Quảng Ninh'],
  education: ['Trường Cao đẳng Sư phạm Quảng Ninh'],
  other: [
    'Trường Cao đẳng Việt - Hàn Quảng Ninh',
    'Trường Cao đẳng Công nghiệp và Xây dựng',
    'Trường Trung cấp Nông Lâm Quảng Ninh',
  ],
};

export const POLITICAL_CENTRES = [
  'Trung tâm Chính trị thành phố Hạ Long',
  'Trung tâm Chính trị thành phố Cẩm Phả',
  'Trung tâm Chính trị thành phố Uông Bí',
  'Trung tâm Chính trị thành phố Móng Cái',
  'Trung tâm Chính trị huyện Đầm Hà',
  'Trung tâm Chính trị huyện Tiên Yên',
  'Trung tâm Chính trị huyện Bình Liêu',
  'Trung tâm Chính trị huyện Ba Chẽ',
  'Trung tâm Chính trị huyện Hải Hà',
  'Trung tâm Chính trị huyện Vân Đồn',
  'Trung tâm Chính trị thị xã Đông Triều',
  'Trung tâm Chính trị thị xã Quảng Yên',
];
export const SCHOOL = 'Trường Chính trị Nguyễn Văn Cừ';
export const ACADEMY_I = 'Học viện Chính trị khu vực I';
export const NATIONAL_ACADEMY = 'Học viện Chính trị quốc gia Hồ Chí Minh';
export const NAPA = 'Học viện Hành chính Quốc gia';
export const LANGUAGE_ISSUERS = [
  'Đại học Hạ Long',
  'Đại học Ngoại ngữ - Đại học Quốc gia Hà Nội',
  'Đại học Hà Nội',
  'Đại học Sư phạm Hà Nội',
];
export const IT_ISSUERS = ['Đại học Hạ Long', 'Đại học Công nghiệp Quảng Ninh', 'Đại học Bách khoa Hà Nội'];

export type Level = string | null;
export const EDU_HIGH = new Weighted<Level>([
  ['TIEN_SI', 1.5],
  ['THAC_SI', 18],
  ['DAI_HOC', 75],
  ['CAO_DANG', 3],
  ['TRUNG_CAP', 2.5],
]);
export const EDU_COMMUNE = new Weighted<Level>([
  ['THAC_SI', 7],
  ['DAI_HOC', 81],
  ['CAO_DANG', 5],
  ['TRUNG_CAP', 7],
]);
export const EDU_SERVICE = new Weighted<Level>([
  ['TIEN_SI', 2],
  ['THAC_SI', 12],
  ['DAI_HOC', 69],
  ['CAO_DANG', 12],
  ['TRUNG_CAP', 5],
]);
export const EDU_LECTURER = new Weighted<Level>([
  ['TIEN_SI', 12],
  ['THAC_SI', 55],
  ['DAI_HOC', 33],
]);
export const EDU_LEADER = new Weighted<Level>([
  ['TIEN_SI', 4],
  ['THAC_SI', 40],
  ['DAI_HOC', 56],
]);
export const EDU_LOW = new Weighted<Level>([
  ['DAI_HOC', 38],
  ['CAO_DANG', 15],
  ['TRUNG_CAP', 35],
  [null, 12],
]);

export const LANGUAGE_LEVEL = new Weighted<string>([
  ['BAC_2', 50],
  ['BAC_3', 40],
  ['BAC_4', 10],
]);

export const PT_SO = new Weighted<Level>([
  ['CAO_CAP', 85],
  ['CU_NHAN_CT', 5],
  ['TRUNG_CAP', 10],
]);
export const PT_HEAD = new Weighted<Level>([
  ['CAO_CAP', 60],
  ['TRUNG_CAP', 40],
]);
export const PT_LEADER = new Weighted<Level>([
  ['CAO_CAP', 25],
  ['TRUNG_CAP', 70],
  ['SO_CAP', 5],
]);
export const PT_PARTY = new Weighted<Level>([
  ['SO_CAP', 50],
  ['TRUNG_CAP', 26],
  ['CAO_CAP', 3],
  [null, 21],
]);
export const PT_OTHER = new Weighted<Level>([
  ['SO_CAP', 24],
  ['TRUNG_CAP', 3],
  [null, 73],
]);
