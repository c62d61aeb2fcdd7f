/**
 * The demo province: Quảng Ninh after the 1 July 2025 reorganisation, simplified. Names follow
 * the real province; statistics codes are plausible, NOT the official ones (demo data only).
 */

export const PROVINCE = {
  name: 'Tỉnh Quảng Ninh',
  shortName: 'Quảng Ninh',
  code: '22',
  validFrom: '1963-10-30',
};

/** The day districts were abolished and the new communes took over. */
export const REORG_DATE = '2025-07-01';

export interface AgencySpec {
  key: string;
  name: string;
  shortName: string;
  code: string;
  kind: string;
  parent?: string;
  validFrom?: string;
}

/** Provincial organs, in tree order (a parent comes before its children). */
export const AGENCIES: AgencySpec[] = [
  { key: 'TU', name: 'Tỉnh ủy Quảng Ninh', shortName: 'Tỉnh ủy', code: 'TU', kind: 'PARTY' },
  {
    key: 'TU.VP',
    name: 'Văn phòng Tỉnh ủy',
    shortName: 'VP Tỉnh ủy',
    code: 'TU.VP',
    kind: 'PARTY',
    parent: 'TU',
  },
  {
    key: 'TU.BTC',
    name: 'Ban Tổ chức Tỉnh ủy',
    shortName: 'Ban Tổ chức',
    code: 'TU.BTC',
    kind: 'PARTY',
    parent: 'TU',
  },
  {
    key: 'TU.BTGDV',
    name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    shortName: 'Ban TG-DV',
    code: 'TU.BTGDV',
    kind: 'PARTY',
    parent: 'TU',
    validFrom: '2025-02-01',
  },
  {
    key: 'TU.UBKT',
    name: 'Ủy ban Kiểm tra Tỉnh ủy',
    shortName: 'UBKT Tỉnh ủy',
    code: 'TU.UBKT',
    kind: 'PARTY',
    parent: 'TU',
  },
  {
    key: 'HDND',
    name: 'Hội đồng nhân dân tỉnh Quảng Ninh',
    shortName: 'HĐND tỉnh',
    code: 'HDND',
    kind: 'PEOPLE_COUNCIL',
  },
  {
    key: 'UBND',
    name: 'Ủy ban nhân dân tỉnh Quảng Ninh',
    shortName: 'UBND tỉnh',
    code: 'UBND',
    kind: 'PEOPLE_COMMITTEE',
  },
  { key: 'SNV', name: 'Sở Nội vụ', shortName: 'SNV', code: 'SNV', kind: 'STATE_AGENCY' },
  {
    key: 'STC',
    name: 'Sở Tài chính',
    shortName: 'STC',
    code: 'STC',
    kind: 'STATE_AGENCY',
    validFrom: '2025-03-01',
  },
  { key: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', shortName: 'SGDĐT', code: 'SGDDT', kind: 'STATE_AGENCY' },
  { key: 'SYT', name: 'Sở Y tế', shortName: 'SYT', code: 'SYT', kind: 'STATE_AGENCY' },
  {
    key: 'SXD',
    name: 'Sở Xây dựng',
    shortName: 'SXD',
    code: 'SXD',
    kind: 'STATE_AGENCY',
    validFrom: '2025-03-01',
  },
  {
    key: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    shortName: 'SNNMT',
    code: 'SNNMT',
    kind: 'STATE_AGENCY',
    validFrom: '2025-03-01',
  },
  { key: 'SKHCN', name: 'Sở Khoa học và Công nghệ', shortName: 'SKHCN', code: 'SKHCN', kind: 'STATE_AGENCY' },
  {
    key: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortName: 'SVHTTDL',
    code: 'SVHTTDL',
    kind: 'STATE_AGENCY',
  },
  { key: 'SCT', name: 'Sở Công Thương', shortName: 'SCT', code: 'SCT', kind: 'STATE_AGENCY' },
  { key: 'TTT', name: 'Thanh tra tỉnh', shortName: 'Thanh tra tỉnh', code: 'TTT', kind: 'STATE_AGENCY' },
  {
    key: 'MTTQ',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ninh',
    shortName: 'UB MTTQ tỉnh',
    code: 'MTTQ',
    kind: 'FRONT',
  },
  {
    key: 'TCT',
    name: 'Trường Chính trị Nguyễn Văn Cừ',
    shortName: 'Trường Chính trị',
    code: 'TCT',
    kind: 'TRAINING_INSTITUTION',
  },
  {
    key: 'BVDK',
    name: 'Bệnh viện Đa khoa tỉnh Quảng Ninh',
    shortName: 'BVĐK tỉnh',
    code: 'BVDK',
    kind: 'PUBLIC_SERVICE',
    parent: 'SYT',
  },
  {
    key: 'THPT-HG',
    name: 'Trường THPT Hòn Gai',
    shortName: 'THPT Hòn Gai',
    code: 'THPT-HG',
    kind: 'PUBLIC_SERVICE',
    parent: 'SGDDT',
  },
];

export const SCHOOL_NAME = 'Trường Chính trị Nguyễn Văn Cừ';

/** Post-2025 communes, wards and special zones: [name, code]. */
export const COMMUNES: [string, string][] = [
  ['Phường Hạ Long', '06652'],
  ['Phường Bãi Cháy', '06658'],
  ['Phường Hồng Gai', '06661'],
  ['Phường Hà Tu', '06673'],
  ['Phường Tuần Châu', '06676'],
  ['Phường Hoành Bồ', '07030'],
  ['Phường Cẩm Phả', '06760'],
  ['Phường Quang Hanh', '06772'],
  ['Phường Cửa Ông', '06778'],
  ['Phường Móng Cái 1', '06688'],
  ['Phường Móng Cái 2', '06691'],
  ['Phường Uông Bí', '06811'],
  ['Phường Đông Triều', '07093'],
  ['Phường Quảng Yên', '07132'],
  ['Xã Đầm Hà', '06952'],
  ['Xã Quảng Tân', '06958'],
  ['Xã Quảng Hà', '06970'],
  ['Xã Đường Hoa', '06985'],
  ['Xã Quảng Đức', '06976'],
  ['Xã Tiên Yên', '06901'],
  ['Xã Điền Xá', '06922'],
  ['Xã Hải Lạng', '06931'],
  ['Xã Ba Chẽ', '07012'],
  ['Xã Kỳ Thượng', '07027'],
  ['Xã Bình Liêu', '06862'],
  ['Xã Hoành Mô', '06868'],
  ['Xã Lục Hồn', '06880'],
  ['Xã Hải Sơn', '06703'],
  ['Đặc khu Vân Đồn', '07045'],
  ['Đặc khu Cô Tô', '07072'],
];

export interface DistrictSpec {
  name: string;
  code: string;
  /** The new commune that took over most of it. */
  successor: string;
  /** Old communes: [name, code, successor commune]. */
  communes: [string, string, string][];
}

/** Districts abolished on 1 July 2025, with some of their communes. */
export const DISTRICTS: DistrictSpec[] = [
  {
    name: 'Thành phố Hạ Long',
    code: '193',
    successor: 'Phường Hạ Long',
    communes: [
      ['Phường Hồng Hải', '06640', 'Phường Hạ Long'],
      ['Phường Bạch Đằng', '06643', 'Phường Hồng Gai'],
      ['Phường Giếng Đáy', '06646', 'Phường Bãi Cháy'],
      ['Xã Thống Nhất', '07034', 'Phường Hoành Bồ'],
    ],
  },
  {
    name: 'Thành phố Móng Cái',
    code: '194',
    successor: 'Phường Móng Cái 1',
    communes: [
      ['Phường Ka Long', '06682', 'Phường Móng Cái 1'],
      ['Phường Trần Phú', '06685', 'Phường Móng Cái 1'],
      ['Phường Hải Hòa', '06694', 'Phường Móng Cái 2'],
      ['Xã Hải Sơn', '06706', 'Xã Hải Sơn'],
    ],
  },
  {
    name: 'Thành phố Cẩm Phả',
    code: '195',
    successor: 'Phường Cẩm Phả',
    communes: [
      ['Phường Cẩm Trung', '06763', 'Phường Cẩm Phả'],
      ['Phường Cẩm Thủy', '06766', 'Phường Cẩm Phả'],
      ['Phường Quang Hanh', '06769', 'Phường Quang Hanh'],
      ['Phường Cửa Ông', '06775', 'Phường Cửa Ông'],
    ],
  },
  {
    name: 'Thành phố Uông Bí',
    code: '196',
    successor: 'Phường Uông Bí',
    communes: [
      ['Phường Quang Trung', '06814', 'Phường Uông Bí'],
      ['Phường Thanh Sơn', '06817', 'Phường Uông Bí'],
    ],
  },
  {
    name: 'Huyện Bình Liêu',
    code: '198',
    successor: 'Xã Bình Liêu',
    communes: [
      ['Thị trấn Bình Liêu', '06859', 'Xã Bình Liêu'],
      ['Xã Hoành Mô', '06865', 'Xã Hoành Mô'],
      ['Xã Lục Hồn', '06877', 'Xã Lục Hồn'],
    ],
  },
  {
    name: 'Huyện Tiên Yên',
    code: '199',
    successor: 'Xã Tiên Yên',
    communes: [
      ['Thị trấn Tiên Yên', '06898', 'Xã Tiên Yên'],
      ['Xã Tiên Lãng', '06904', 'Xã Tiên Yên'],
      ['Xã Điền Xá', '06919', 'Xã Điền Xá'],
      ['Xã Hải Lạng', '06928', 'Xã Hải Lạng'],
    ],
  },
  {
    name: 'Huyện Đầm Hà',
    code: '200',
    successor: 'Xã Đầm Hà',
    communes: [
      ['Thị trấn Đầm Hà', '06949', 'Xã Đầm Hà'],
      ['Xã Đầm Hà', '06955', 'Xã Đầm Hà'],
      ['Xã Quảng Lợi', '06961', 'Xã Quảng Tân'],
    ],
  },
  {
    name: 'Huyện Hải Hà',
    code: '201',
    successor: 'Xã Quảng Hà',
    communes: [
      ['Thị trấn Quảng Hà', '06967', 'Xã Quảng Hà'],
      ['Xã Quảng Minh', '06973', 'Xã Quảng Hà'],
      ['Xã Quảng Đức', '06979', 'Xã Quảng Đức'],
      ['Xã Đường Hoa', '06982', 'Xã Đường Hoa'],
    ],
  },
  {
    name: 'Huyện Ba Chẽ',
    code: '202',
    successor: 'Xã Ba Chẽ',
    communes: [
      ['Thị trấn Ba Chẽ', '07009', 'Xã Ba Chẽ'],
      ['Xã Thanh Lâm', '07015', 'Xã Ba Chẽ'],
      ['Xã Đạp Thanh', '07021', 'Xã Kỳ Thượng'],
    ],
  },
  {
    name: 'Huyện Vân Đồn',
    code: '203',
    successor: 'Đặc khu Vân Đồn',
    communes: [
      ['Thị trấn Cái Rồng', '07042', 'Đặc khu Vân Đồn'],
      ['Xã Đông Xá', '07048', 'Đặc khu Vân Đồn'],
      ['Xã Quan Lạn', '07054', 'Đặc khu Vân Đồn'],
    ],
  },
  {
    name: 'Thị xã Đông Triều',
    code: '205',
    successor: 'Phường Đông Triều',
    communes: [
      ['Phường Đức Chính', '07090', 'Phường Đông Triều'],
      ['Phường Kim Sơn', '07096', 'Phường Đông Triều'],
    ],
  },
  {
    name: 'Thị xã Quảng Yên',
    code: '206',
    successor: 'Phường Quảng Yên',
    communes: [
      ['Phường Yên Giang', '07129', 'Phường Quảng Yên'],
      ['Phường Quảng Yên', '07135', 'Phường Quảng Yên'],
    ],
  },
  {
    name: 'Huyện Cô Tô',
    code: '207',
    successor: 'Đặc khu Cô Tô',
    communes: [
      ['Thị trấn Cô Tô', '07069', 'Đặc khu Cô Tô'],
      ['Xã Thanh Lân', '07075', 'Đặc khu Cô Tô'],
      ['Xã Đồng Tiến', '07078', 'Đặc khu Cô Tô'],
    ],
  },
];
