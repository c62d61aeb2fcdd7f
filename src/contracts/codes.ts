/**
 * Code lists shipped with the product. They seed the `code_items` table; the admin can add
 * items and relabel them. Code is stable, labels are vi/en. `meta` carries list-specific data.
 */
import { CATEGORY_META, LAW_CBCC_2008, LAW_CBCC_2025 } from './categories';
import { POST_GROUPS, POSTS } from './posts';

export interface CodeItemSeed {
  code: string;
  vi: string;
  en: string;
  meta?: Record<string, unknown>;
}

/** The dated source of the spending items (ADR 039). */
const META = {
  validFrom: '2018-05-13',
  validTo: null,
  source: 'Thông tư 36/2018/TT-BTC, Điều 5 (nội dung chi)',
};

export const CODE_LISTS = {
  category: [
    { code: 'CB', vi: 'Cán bộ', en: 'Cadre', meta: { ...CATEGORY_META.CB } },
    { code: 'CC', vi: 'Công chức', en: 'Civil servant', meta: { ...CATEGORY_META.CC } },
    { code: 'VC', vi: 'Viên chức', en: 'Public employee', meta: { ...CATEGORY_META.VC } },
    {
      code: 'CBX',
      vi: 'Cán bộ, công chức cấp xã',
      en: 'Commune-level cadre or civil servant',
      meta: { ...CATEGORY_META.CBX },
    },
    {
      code: 'KCT',
      vi: 'Người hoạt động không chuyên trách',
      en: 'Non-professional staff',
      meta: { ...CATEGORY_META.KCT },
    },
    { code: 'KHAC', vi: 'Khác', en: 'Other', meta: { ...CATEGORY_META.KHAC } },
  ],
  rank: [
    { code: 'CVCC_TC', vi: 'Chuyên gia cao cấp', en: 'Senior expert', meta: { order: 1 } },
    {
      code: 'CVCC',
      vi: 'Chuyên viên cao cấp và tương đương',
      en: 'Senior specialist and equivalent',
      meta: { order: 2 },
    },
    {
      code: 'CVC',
      vi: 'Chuyên viên chính và tương đương',
      en: 'Principal specialist and equivalent',
      meta: { order: 3 },
    },
    { code: 'CV', vi: 'Chuyên viên và tương đương', en: 'Specialist and equivalent', meta: { order: 4 } },
    { code: 'CS', vi: 'Cán sự và tương đương', en: 'Clerk and equivalent', meta: { order: 5 } },
    { code: 'NV', vi: 'Nhân viên', en: 'Staff', meta: { order: 6 } },
    {
      code: 'HANG_I',
      vi: 'Chức danh nghề nghiệp hạng I',
      en: 'Professional title grade I',
      meta: { order: 2 },
    },
    {
      code: 'HANG_II',
      vi: 'Chức danh nghề nghiệp hạng II',
      en: 'Professional title grade II',
      meta: { order: 3 },
    },
    {
      code: 'HANG_III',
      vi: 'Chức danh nghề nghiệp hạng III',
      en: 'Professional title grade III',
      meta: { order: 4 },
    },
    {
      code: 'HANG_IV',
      vi: 'Chức danh nghề nghiệp hạng IV',
      en: 'Professional title grade IV',
      meta: { order: 5 },
    },
  ],
  leadership_tier: [
    { code: 'NONE', vi: 'Không giữ chức vụ lãnh đạo', en: 'No leadership post' },
    { code: 'PHONG', vi: 'Cấp phòng và tương đương', en: 'Division level' },
    { code: 'SO', vi: 'Cấp sở và tương đương', en: 'Department level' },
    { code: 'VU', vi: 'Cấp vụ và tương đương', en: 'Ministry department level' },
    { code: 'THU_TRUONG', vi: 'Thứ trưởng và tương đương', en: 'Vice-minister and equivalent' },
    { code: 'XA', vi: 'Lãnh đạo cấp xã', en: 'Commune leadership' },
  ],
  unit_level: [
    { code: 'central', vi: 'Trung ương', en: 'Central' },
    { code: 'province', vi: 'Tỉnh', en: 'Province' },
    { code: 'district', vi: 'Huyện (trước 01/7/2025)', en: 'District (before 1 July 2025)' },
    { code: 'commune', vi: 'Xã, phường, đặc khu', en: 'Commune, ward, special zone' },
    { code: 'agency', vi: 'Cơ quan, đơn vị', en: 'Agency or unit' },
  ],
  unit_kind: [
    { code: 'PEOPLE_COMMITTEE', vi: 'Ủy ban nhân dân', en: "People's Committee" },
    { code: 'PEOPLE_COUNCIL', vi: 'Hội đồng nhân dân', en: "People's Council" },
    { code: 'STATE_AGENCY', vi: 'Cơ quan hành chính nhà nước', en: 'State agency' },
    { code: 'PARTY', vi: 'Cơ quan Đảng', en: 'Party organ' },
    { code: 'FRONT', vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
    { code: 'MASS_ORG', vi: 'Tổ chức chính trị - xã hội', en: 'Mass organisation' },
    { code: 'PUBLIC_SERVICE', vi: 'Đơn vị sự nghiệp công lập', en: 'Public service unit' },
    { code: 'ADMIN_AREA', vi: 'Đơn vị hành chính', en: 'Administrative area' },
    { code: 'TRAINING_INSTITUTION', vi: 'Cơ sở đào tạo, bồi dưỡng', en: 'Training institution' },
  ],
  gender: [
    { code: 'M', vi: 'Nam', en: 'Male' },
    { code: 'F', vi: 'Nữ', en: 'Female' },
  ],
  ethnicity: [
    { code: 'KINH', vi: 'Kinh', en: 'Kinh' },
    { code: 'TAY', vi: 'Tày', en: 'Tay' },
    { code: 'DAO', vi: 'Dao', en: 'Dao' },
    { code: 'SAN_DIU', vi: 'Sán Dìu', en: 'San Diu' },
    { code: 'SAN_CHAY', vi: 'Sán Chay', en: 'San Chay' },
    { code: 'HOA', vi: 'Hoa', en: 'Hoa' },
    { code: 'NUNG', vi: 'Nùng', en: 'Nung' },
    { code: 'THAI', vi: 'Thái', en: 'Thai' },
    { code: 'MUONG', vi: 'Mường', en: 'Muong' },
    { code: 'HMONG', vi: "H'Mông", en: 'Hmong' },
    { code: 'KHAC', vi: 'Dân tộc khác', en: 'Other ethnicity' },
  ],
  status: [
    { code: 'WORKING', vi: 'Đang công tác', en: 'Working' },
    { code: 'TRANSFERRED', vi: 'Đã chuyển công tác', en: 'Transferred' },
    { code: 'RETIRED', vi: 'Đã nghỉ hưu', en: 'Retired' },
    { code: 'LEFT', vi: 'Thôi việc', en: 'Left the service' },
  ],
  management_authority: [
    {
      code: 'BTV_TU',
      vi: 'Ban Thường vụ Tỉnh ủy quản lý',
      en: 'Managed by the provincial Standing Committee',
    },
    { code: 'UBND_TINH', vi: 'UBND tỉnh quản lý', en: "Managed by the provincial People's Committee" },
    { code: 'SO_NGANH', vi: 'Sở, ngành quản lý', en: 'Managed by the department' },
    { code: 'XA', vi: 'Cấp xã quản lý', en: 'Managed by the commune' },
  ],
  qualification_kind: [
    { code: 'EDUCATION', vi: 'Trình độ chuyên môn', en: 'Education' },
    { code: 'POLITICAL_THEORY', vi: 'Lý luận chính trị', en: 'Political theory' },
    { code: 'STATE_MANAGEMENT', vi: 'Quản lý nhà nước theo ngạch', en: 'State management by rank' },
    { code: 'LEADERSHIP', vi: 'Bồi dưỡng lãnh đạo, quản lý', en: 'Leadership programme' },
    { code: 'IT', vi: 'Tin học', en: 'IT skills' },
    { code: 'FOREIGN_LANGUAGE', vi: 'Ngoại ngữ', en: 'Foreign language' },
    { code: 'ETHNIC_LANGUAGE', vi: 'Tiếng dân tộc thiểu số', en: 'Ethnic-minority language' },
    { code: 'DEFENCE_SECURITY', vi: 'Kiến thức quốc phòng - an ninh', en: 'Defence and security knowledge' },
    { code: 'GENERAL_EDUCATION', vi: 'Trình độ giáo dục phổ thông', en: 'General education' },
  ],
  programme_kind: [
    { code: 'POLITICAL_THEORY', vi: 'Lý luận chính trị', en: 'Political theory' },
    { code: 'STATE_MANAGEMENT', vi: 'Quản lý nhà nước theo ngạch', en: 'State management by rank' },
    { code: 'LEADERSHIP', vi: 'Lãnh đạo, quản lý theo chức vụ', en: 'Leadership by position' },
    { code: 'JOB_POSITION', vi: 'Theo vị trí việc làm', en: 'Job position' },
    { code: 'COMMUNE_TITLE', vi: 'Chức danh cán bộ, công chức cấp xã', en: 'Commune titles' },
    { code: 'KNOWLEDGE_UPDATE', vi: 'Cập nhật kiến thức', en: 'Knowledge update' },
    { code: 'IT', vi: 'Tin học, kỹ năng số', en: 'IT and digital skills' },
    { code: 'FOREIGN_LANGUAGE', vi: 'Ngoại ngữ', en: 'Foreign language' },
    { code: 'DEFENCE_SECURITY', vi: 'Quốc phòng - an ninh', en: 'Defence and security' },
    { code: 'SOFT_SKILLS', vi: 'Kỹ năng mềm', en: 'Soft skills' },
    { code: 'POSTGRADUATE', vi: 'Sau đại học', en: 'Postgraduate' },
    { code: 'ABROAD', vi: 'Đào tạo, bồi dưỡng ở nước ngoài', en: 'Training abroad' },
  ],
  institution_kind: [
    { code: 'ACADEMY', vi: 'Học viện', en: 'Academy' },
    { code: 'REGIONAL_ACADEMY', vi: 'Học viện Chính trị khu vực', en: 'Regional academy of politics' },
    { code: 'PROVINCIAL_SCHOOL', vi: 'Trường chính trị tỉnh', en: 'Provincial political school' },
    { code: 'COMMUNE_CENTRE', vi: 'Trung tâm chính trị cấp xã', en: 'Commune political centre' },
    { code: 'UNIVERSITY', vi: 'Trường đại học', en: 'University' },
    { code: 'SECTOR_SCHOOL', vi: 'Trường của bộ, ngành', en: 'Ministry or sector school' },
    { code: 'FOREIGN_PARTNER', vi: 'Đối tác nước ngoài', en: 'Foreign partner' },
    { code: 'OTHER', vi: 'Cơ sở khác', en: 'Other' },
  ],
  academic_title: [
    { code: 'GS', vi: 'Giáo sư', en: 'Professor' },
    { code: 'PGS', vi: 'Phó giáo sư', en: 'Associate professor' },
  ],
  annual_rating: [
    { code: 'EXCELLENT', vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
    { code: 'GOOD', vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
    { code: 'COMPLETED', vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
    { code: 'FAILED', vi: 'Không hoàn thành nhiệm vụ', en: 'Failed' },
  ],
  reward_form: [
    {
      code: 'BANG_KHEN_TINH',
      vi: 'Bằng khen của UBND tỉnh',
      en: "Provincial People's Committee certificate of merit",
    },
    { code: 'GIAY_KHEN', vi: 'Giấy khen', en: 'Certificate of commendation' },
    { code: 'CSTD_CO_SO', vi: 'Chiến sĩ thi đua cơ sở', en: 'Grassroots emulation fighter' },
    { code: 'LAO_DONG_TIEN_TIEN', vi: 'Lao động tiên tiến', en: 'Advanced worker' },
  ],
  discipline_form: [
    { code: 'KHIEN_TRACH', vi: 'Khiển trách', en: 'Reprimand' },
    { code: 'CANH_CAO', vi: 'Cảnh cáo', en: 'Warning' },
    { code: 'HA_BAC_LUONG', vi: 'Hạ bậc lương', en: 'Salary step reduction' },
    { code: 'GIANG_CHUC', vi: 'Giáng chức', en: 'Demotion' },
    { code: 'CACH_CHUC', vi: 'Cách chức', en: 'Dismissal from post' },
    { code: 'BUOC_THOI_VIEC', vi: 'Buộc thôi việc', en: 'Forced termination' },
    {
      code: 'BAI_NHIEM',
      vi: 'Bãi nhiệm',
      en: 'Removal from elected office',
      // Cadres (elected or appointed to a term) only; dated, with its source (issue 16). Who it
      // applies to on the decision's date (ADR 063): before 1 July 2025 commune cadres were
      // recorded as CBX, from then on they are cadres (CB) like the others.
      meta: {
        appliesTo: ['CB'],
        appliesToDated: [
          { validTo: '2025-06-30', categories: ['CB', 'CBX'], source: LAW_CBCC_2008 },
          { validFrom: '2025-07-01', categories: ['CB'], source: LAW_CBCC_2025 },
        ],
        validFrom: '2010-01-01',
        legalSource: 'Luật Cán bộ, công chức 2008, Điều 78; Nghị định 112/2020/NĐ-CP, Điều 7',
      },
    },
  ],
  /** Who pays for a plan line (budget split in annual plans). */
  funding_source: [
    { code: 'NSTW', vi: 'Ngân sách trung ương', en: 'Central state budget' },
    { code: 'NST', vi: 'Ngân sách tỉnh', en: 'Provincial state budget' },
    { code: 'NSDV', vi: 'Kinh phí của cơ quan, đơn vị', en: "Unit's own budget" },
    { code: 'HOC_VIEN', vi: 'Học viên đóng góp', en: 'Paid by the learner' },
    { code: 'KHAC', vi: 'Nguồn hợp pháp khác', en: 'Other lawful sources' },
  ],
  /**
   * What a class's actual spending is spent on (ADR 039), dated with its source: the spending
   * items of Circular 36/2018/TT-BTC (article 5), in force from 13 May 2018.
   */
  spending_item: [
    { code: 'LECTURER', vi: 'Thù lao giảng viên, báo cáo viên', en: 'Lecturer fees', meta: META },
    { code: 'MATERIALS', vi: 'Tài liệu, văn phòng phẩm', en: 'Materials', meta: META },
    { code: 'VENUE', vi: 'Thuê hội trường, phòng học, thiết bị', en: 'Venue and equipment', meta: META },
    { code: 'ALLOWANCE', vi: 'Hỗ trợ học viên (ăn, ở, đi lại)', en: 'Learner allowances', meta: META },
    { code: 'OTHER', vi: 'Chi khác', en: 'Other', meta: META },
  ],
  qualification_source: [
    { code: 'typed', vi: 'Nhập tay', en: 'Typed in' },
    { code: 'imported', vi: 'Nhập từ tệp', en: 'Imported' },
    { code: 'class', vi: 'Hoàn thành lớp học', en: 'Earned in a class' },
    { code: 'abroad', vi: 'Đào tạo, bồi dưỡng ở nước ngoài', en: 'Trained abroad' },
    { code: 'postgraduate', vi: 'Đào tạo sau đại học được cử đi', en: 'Sponsored postgraduate study' },
  ],
  post_group: POST_GROUPS,
  post: POSTS,
} satisfies Record<string, CodeItemSeed[]>;

/** Levels per qualification kind; `meta.rank` orders levels within a kind (higher is more). */
export const QUALIFICATION_LEVELS: Record<string, CodeItemSeed[]> = {
  /** Grades finished of the 12-year general school system (the personnel record's "9/12", "12/12"). */
  GENERAL_EDUCATION: [
    { code: 'LOP_9_12', vi: '9/12', en: 'Grade 9 of 12', meta: { rank: 1 } },
    { code: 'LOP_10_12', vi: '10/12', en: 'Grade 10 of 12', meta: { rank: 2 } },
    { code: 'LOP_11_12', vi: '11/12', en: 'Grade 11 of 12', meta: { rank: 3 } },
    { code: 'LOP_12_12', vi: '12/12', en: 'Grade 12 of 12 (upper secondary)', meta: { rank: 4 } },
  ],
  EDUCATION: [
    { code: 'TRUNG_CAP', vi: 'Trung cấp', en: 'Intermediate (vocational)', meta: { rank: 1 } },
    { code: 'CAO_DANG', vi: 'Cao đẳng', en: 'College', meta: { rank: 2 } },
    { code: 'DAI_HOC', vi: 'Đại học', en: 'University', meta: { rank: 3 } },
    { code: 'THAC_SI', vi: 'Thạc sĩ', en: 'Master', meta: { rank: 4 } },
    { code: 'TIEN_SI', vi: 'Tiến sĩ', en: 'Doctorate', meta: { rank: 5 } },
  ],
  POLITICAL_THEORY: [
    { code: 'SO_CAP', vi: 'Sơ cấp', en: 'Elementary', meta: { rank: 1 } },
    { code: 'TRUNG_CAP', vi: 'Trung cấp', en: 'Intermediate', meta: { rank: 2 } },
    { code: 'CAO_CAP', vi: 'Cao cấp', en: 'Advanced', meta: { rank: 3 } },
    { code: 'CU_NHAN_CT', vi: 'Cử nhân chính trị', en: 'Bachelor in political studies', meta: { rank: 3 } },
  ],
  STATE_MANAGEMENT: [
    { code: 'CV', vi: 'Chương trình chuyên viên', en: 'Specialist programme', meta: { rank: 1 } },
    {
      code: 'CVC',
      vi: 'Chương trình chuyên viên chính',
      en: 'Principal specialist programme',
      meta: { rank: 2 },
    },
    {
      code: 'CVCC',
      vi: 'Chương trình chuyên viên cao cấp',
      en: 'Senior specialist programme',
      meta: { rank: 3 },
    },
  ],
  LEADERSHIP: [
    { code: 'PHONG', vi: 'Lãnh đạo cấp phòng', en: 'Division-level leadership', meta: { rank: 1 } },
    { code: 'SO', vi: 'Lãnh đạo cấp sở', en: 'Department-level leadership', meta: { rank: 2 } },
    { code: 'VU', vi: 'Lãnh đạo cấp vụ', en: 'Ministry-department leadership', meta: { rank: 3 } },
    { code: 'THU_TRUONG', vi: 'Thứ trưởng và tương đương', en: 'Vice-minister level', meta: { rank: 4 } },
  ],
  IT: [
    { code: 'CO_BAN', vi: 'Ứng dụng CNTT cơ bản', en: 'Basic IT skills', meta: { rank: 1 } },
    { code: 'NANG_CAO', vi: 'Ứng dụng CNTT nâng cao', en: 'Advanced IT skills', meta: { rank: 2 } },
  ],
  FOREIGN_LANGUAGE: [
    { code: 'BAC_1', vi: 'Bậc 1 (A1)', en: 'VSTEP level 1 (A1)', meta: { rank: 1 } },
    { code: 'BAC_2', vi: 'Bậc 2 (A2)', en: 'VSTEP level 2 (A2)', meta: { rank: 2 } },
    { code: 'BAC_3', vi: 'Bậc 3 (B1)', en: 'VSTEP level 3 (B1)', meta: { rank: 3 } },
    { code: 'BAC_4', vi: 'Bậc 4 (B2)', en: 'VSTEP level 4 (B2)', meta: { rank: 4 } },
    { code: 'BAC_5', vi: 'Bậc 5 (C1)', en: 'VSTEP level 5 (C1)', meta: { rank: 5 } },
    { code: 'BAC_6', vi: 'Bậc 6 (C2)', en: 'VSTEP level 6 (C2)', meta: { rank: 6 } },
  ],
  ETHNIC_LANGUAGE: [{ code: 'CO_CHUNG_CHI', vi: 'Có chứng chỉ', en: 'Certified', meta: { rank: 1 } }],
  DEFENCE_SECURITY: [
    { code: 'DT1', vi: 'Đối tượng 1', en: 'Group 1', meta: { rank: 4 } },
    { code: 'DT2', vi: 'Đối tượng 2', en: 'Group 2', meta: { rank: 3 } },
    { code: 'DT3', vi: 'Đối tượng 3', en: 'Group 3', meta: { rank: 2 } },
    { code: 'DT4', vi: 'Đối tượng 4', en: 'Group 4', meta: { rank: 1 } },
  ],
};

export type CodeListName = keyof typeof CODE_LISTS | `level_${string}`;

/** The list name holding the levels of one qualification kind. */
export function levelListOf(kind: string): string {
  return `level_${kind}`;
}
