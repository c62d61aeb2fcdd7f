/**
 * The demo institutions of Quảng Ninh and the invited lecturers, with the subjects the political
 * school's own lecturers teach. Plausible demo data, not an official register.
 */

import { HVCTQG } from './catalogue-data';

export interface DemoInstitution {
  kind: string;
  name: string;
  shortName: string;
  address: string;
  phone?: string;
  website?: string;
  /** Link to the org unit of this name. */
  isOrgUnit?: boolean;
}

export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  {
    kind: 'ACADEMY',
    name: HVCTQG,
    shortName: 'HVCTQG',
    address: '135 Nguyễn Phong Sắc, Cầu Giấy, Hà Nội',
    website: 'https://hcma.vn',
  },
  {
    kind: 'REGIONAL_ACADEMY',
    name: 'Học viện Chính trị khu vực I',
    shortName: 'HVCT KV I',
    address: '6 Hoàng Quốc Việt, Cầu Giấy, Hà Nội',
  },
  {
    kind: 'ACADEMY',
    name: 'Học viện Hành chính và Quản trị công',
    shortName: 'HVHC&QTC',
    address: '77 Nguyễn Chí Thanh, Đống Đa, Hà Nội',
  },
  {
    kind: 'PROVINCIAL_SCHOOL',
    name: 'Trường Chính trị Nguyễn Văn Cừ',
    shortName: 'TCT NVC',
    address: 'Phường Hồng Gai, Quảng Ninh',
    phone: '0203 3835 678',
    isOrgUnit: true,
  },
  {
    kind: 'COMMUNE_CENTRE',
    name: 'Trung tâm Chính trị đặc khu Vân Đồn',
    shortName: 'TTCT Vân Đồn',
    address: 'Đặc khu Vân Đồn, Quảng Ninh',
  },
  {
    kind: 'UNIVERSITY',
    name: 'Trường Đại học Hạ Long',
    shortName: 'ĐH Hạ Long',
    address: '258 Bạch Đằng, Uông Bí, Quảng Ninh',
    website: 'https://daihochalong.edu.vn',
  },
  {
    kind: 'UNIVERSITY',
    name: 'Trường Đại học Công nghiệp Quảng Ninh',
    shortName: 'ĐHCN QN',
    address: 'Yên Thọ, Đông Triều, Quảng Ninh',
  },
  {
    kind: 'SECTOR_SCHOOL',
    name: 'Trường Quân sự Bộ Chỉ huy Quân sự tỉnh Quảng Ninh',
    shortName: 'TQS tỉnh',
    address: 'Phường Hà Tu, Quảng Ninh',
  },
  {
    kind: 'FOREIGN_PARTNER',
    name: 'Civil Service College Singapore',
    shortName: 'CSC Singapore',
    address: '31 North Buona Vista Road, Singapore',
  },
];

/** Invited lecturers (invented names): [name, workplace, degree, title, institution short names, subjects]. */
export const DEMO_INVITED: [string, string, string, string | null, string[], string[]][] = [
  ['Nguyễn Văn Thịnh', HVCTQG, 'TIEN_SI', 'PGS', ['HVCTQG'], ['LLCT-CC-TRIET', 'LLCT-TC-TRIET']],
  ['Trần Thị Minh Tuyết', HVCTQG, 'TIEN_SI', 'GS', ['HVCTQG'], ['LLCT-TTHCM']],
  ['Lê Quốc Hưng', HVCTQG, 'TIEN_SI', 'PGS', ['HVCTQG'], ['LLCT-CC-KTCT', 'LLCT-TC-KTCT']],
  ['Phạm Ngọc Sơn', HVCTQG, 'TIEN_SI', 'PGS', ['HVCTQG'], ['LLCT-CC-QHQT']],
  [
    'Vũ Văn Quyết',
    'Học viện Chính trị khu vực I',
    'TIEN_SI',
    'PGS',
    ['HVCT KV I'],
    ['LLCT-XDD', 'LLCT-TC-LSD'],
  ],
  ['Hoàng Thị Thu Hiền', 'Học viện Chính trị khu vực I', 'TIEN_SI', null, ['HVCT KV I'], ['LLCT-TC-CNXH']],
  ['Đặng Đình Lợi', 'Học viện Chính trị khu vực I', 'THAC_SI', null, ['HVCT KV I'], ['KN-LDQL']],
  [
    'Nguyễn Đăng Khoa',
    'Học viện Hành chính và Quản trị công',
    'TIEN_SI',
    'PGS',
    ['HVHC&QTC'],
    ['QLNN-CSC', 'QLNN-CVCC-QTQG'],
  ],
  [
    'Lưu Thị Kim Thanh',
    'Học viện Hành chính và Quản trị công',
    'TIEN_SI',
    'PGS',
    ['HVHC&QTC'],
    ['KN-SOAN-THAO', 'CDX-VP-VT'],
  ],
  ['Bùi Huy Tường', 'Học viện Hành chính và Quản trị công', 'TIEN_SI', 'PGS', ['HVHC&QTC'], ['QLNN-HCNN']],
  ['Trịnh Thị Xuân', 'Học viện Hành chính và Quản trị công', 'TIEN_SI', null, ['HVHC&QTC'], ['QLNN-NNPQ']],
  ['Đinh Văn Mạnh', 'Học viện Hành chính và Quản trị công', 'TIEN_SI', 'PGS', ['HVHC&QTC'], ['QLNN-CVCC-HD']],
  [
    'Ngô Thành Công',
    'Học viện Hành chính và Quản trị công',
    'TIEN_SI',
    'PGS',
    ['HVHC&QTC'],
    ['QLNN-CV-TCBM', 'KN-LDQL'],
  ],
  [
    'Phan Thị Hồng Nhung',
    'Trường Đại học Hạ Long',
    'THAC_SI',
    null,
    ['ĐH Hạ Long'],
    ['NN-TA-B1-NGHE', 'NN-TA-B1-DOC'],
  ],
  ['Đoàn Văn Hậu', 'Trường Đại học Hạ Long', 'TIEN_SI', null, ['ĐH Hạ Long'], ['NN-TQ-GT', 'NN-TQ-BG']],
  ['Lý Thị Mai', 'Trường Đại học Hạ Long', 'THAC_SI', null, ['ĐH Hạ Long'], ['NN-TQ-GT']],
  [
    'Trần Văn Khoa',
    'Trường Đại học Công nghiệp Quảng Ninh',
    'THAC_SI',
    null,
    ['ĐHCN QN'],
    ['CNTT-MT', 'CNTT-VP', 'CNTT-ATTT'],
  ],
  [
    'Nguyễn Thị Thanh Hương',
    'Trường Đại học Công nghiệp Quảng Ninh',
    'TIEN_SI',
    null,
    ['ĐHCN QN'],
    ['CNTT-CSDL', 'CNTT-VP-NC'],
  ],
  [
    'Mai Xuân Trường',
    'Trường Đại học Công nghiệp Quảng Ninh',
    'THAC_SI',
    null,
    ['ĐHCN QN'],
    ['CDS-CQS', 'KNS-DVC'],
  ],
  [
    'Nguyễn Văn Hải Đăng',
    'Bộ Chỉ huy Quân sự tỉnh Quảng Ninh',
    'THAC_SI',
    null,
    ['TQS tỉnh'],
    ['QPAN-CHUNG', 'QPAN-DT3-KVPT'],
  ],
  [
    'Lê Minh Đức',
    'Bộ Chỉ huy Quân sự tỉnh Quảng Ninh',
    'DAI_HOC',
    null,
    ['TQS tỉnh'],
    ['QPAN-DT4-CS', 'QPAN-DT3-BG'],
  ],
  ['Vũ Thị Lan Anh', 'Công an tỉnh Quảng Ninh', 'THAC_SI', null, ['TQS tỉnh'], ['QPAN-CHUNG']],
  ['Nguyễn Thị Hoa', 'Sở Tư pháp tỉnh Quảng Ninh', 'THAC_SI', null, ['TCT NVC'], ['CDX-TP-HT', 'CDX-TP-CT']],
  [
    'Phạm Văn Dũng',
    'Sở Nông nghiệp và Môi trường tỉnh Quảng Ninh',
    'THAC_SI',
    null,
    ['TCT NVC'],
    ['CDX-DC-DD', 'CDX-DC-XD'],
  ],
  [
    'Hà Thị Thu Trang',
    'Thanh tra tỉnh Quảng Ninh',
    'THAC_SI',
    null,
    ['TCT NVC'],
    ['KN-TIEP-DAN', 'VTVL-TCD-KN'],
  ],
  [
    'Tô Văn Bình',
    'Cục Thống kê tỉnh Quảng Ninh',
    'DAI_HOC',
    null,
    ['TCT NVC', 'TTCT Vân Đồn'],
    ['CDX-VP-TK'],
  ],
  [
    'Lê Thị Ngọc Ánh',
    'Sở Khoa học và Công nghệ tỉnh Quảng Ninh',
    'THAC_SI',
    null,
    ['TCT NVC', 'TTCT Vân Đồn'],
    ['CDS-CQS', 'KNS-DVC', 'VTVL-LT-SO'],
  ],
  ['Tan Wei Ming', 'Civil Service College Singapore', 'TIEN_SI', null, ['CSC Singapore'], ['NN-SG-DT']],
  [
    'Sarah Lim',
    'Civil Service College Singapore',
    'THAC_SI',
    null,
    ['CSC Singapore'],
    ['NN-SG-DT', 'NN-SG-KS'],
  ],
  ['Vương Đình Quang', 'Chuyên gia độc lập', 'TIEN_SI', null, ['TCT NVC'], ['KNM-TT', 'KNM-HOP']],
];

/** Subjects of the school's own (internal) lecturers, assigned in turn. */
export const SCHOOL_SUBJECTS: string[][] = [
  ['LLCT-TC-TRIET', 'LLCT-SC-CN'],
  ['LLCT-TC-KTCT'],
  ['LLCT-TTHCM', 'LLCT-SC-DL'],
  ['LLCT-XDD', 'LLCT-SC-CS'],
  ['QLNN-HCNN', 'QLNN-NNPQ'],
  ['KN-LDQL', 'LD-PHONG-TH'],
  ['LLCT-TC-LSD'],
  ['KN-SOAN-THAO', 'KN-GIAO-TIEP'],
  ['CDX-UB-DH', 'LD-XA-2CAP'],
  ['LLCT-TC-CNXH'],
];
