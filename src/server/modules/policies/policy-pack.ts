/**
 * The policy values shipped with the product (ADR 013), with their legal source, checked against
 * the texts (ADR 049). Provinces add their own from a date for their subtree; these rows are
 * refreshed on upgrade, never theirs.
 */
import { PROVINCIAL_POLICY, type ReferenceKey } from '../../../contracts/legal-sources';
import type { PolicyCode, PolicyValue } from '../../../contracts/policies';

interface Shipped<C extends PolicyCode> {
  code: C;
  value: PolicyValue<C>;
  effectiveFrom: string;
  legalSource: string;
  /** The documents `legalSource` cites (contracts/legal-sources.ts); none for a province's own policy. */
  refs: ReferenceKey[];
  note?: string;
}

type AnyShipped = { [C in PolicyCode]: Shipped<C> }[PolicyCode];

export const POLICY_PACK: AnyShipped[] = [
  {
    code: 'class.pass_rule',
    value: { minAttendancePct: 100, minScore: 5, rulesKept: true, borderlineMargin: 0.5 },
    effectiveFrom: '2018-01-01',
    legalSource: 'Thông tư 01/2018/TT-BNV; Thông tư 03/2023/TT-BNV (cấp chứng chỉ)',
    refs: ['T01_2018', 'T03_2023'],
    note: 'Học đủ thời gian, mọi bài kiểm tra, tiểu luận, đề án đạt từ 5/10, chấp hành quy chế.',
  },
  {
    code: 'class.grade_bands',
    value: [
      { code: 'XUAT_SAC', vi: 'Xuất sắc', en: 'Excellent', minAverage: 9 },
      { code: 'GIOI', vi: 'Giỏi', en: 'Very good', minAverage: 8 },
      { code: 'KHA', vi: 'Khá', en: 'Good', minAverage: 6.5 },
      { code: 'TRUNG_BINH', vi: 'Trung bình', en: 'Average', minAverage: 5 },
    ],
    effectiveFrom: '2018-01-01',
    legalSource: PROVINCIAL_POLICY,
    refs: [],
    note: 'Dưới mức thấp nhất hoặc không đạt điều kiện hoàn thành: "Không đạt". Các mức điểm là dữ liệu của tỉnh, không lấy từ văn bản trung ương.',
  },
  {
    code: 'class.calendar',
    value: { attendanceLeadMinutes: 0, closeAfterDays: 0, certificatesAfterDays: 0 },
    effectiveFrom: '2018-01-01',
    legalSource:
      'Thông tư 01/2018/TT-BNV; Thông tư 03/2023/TT-BNV (chứng chỉ cấp cho người học hết chương trình); số ngày: chính sách của tỉnh',
    refs: ['T01_2018', 'T03_2023'],
    note: 'Điểm danh từ khi buổi học bắt đầu; đóng lớp và cấp chứng chỉ từ khi buổi học cuối kết thúc (có thể ngay trong ngày). Tỉnh đặt số phút, số ngày riêng nếu cần.',
  },
  {
    code: 'abroad.report_due_days',
    value: 15,
    effectiveFrom: '2023-01-01',
    legalSource: 'Thông tư 03/2023/TT-BNV, Điều 12 khoản 2',
    refs: ['T03_2023'],
    note: 'Chậm nhất sau 15 ngày kể từ ngày đoàn về nước, học viên gửi báo cáo cho cơ quan quyết định thành lập đoàn và cơ quan, đơn vị sử dụng mình.',
  },
  {
    code: 'postgrad.commitment_multiplier',
    value: 2,
    effectiveFrom: '2017-10-15',
    legalSource: 'Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP)',
    refs: ['D101', 'D89'],
    note: 'Cam kết phục vụ ít nhất gấp 2 lần thời gian đào tạo (Nghị định 171/2025 nâng lên gấp 3 lần); áp dụng cho khóa học bắt đầu trước 01/7/2025.',
  },
  {
    code: 'postgrad.commitment_multiplier',
    value: 3,
    effectiveFrom: '2025-07-01',
    legalSource: 'Nghị định 171/2025/NĐ-CP',
    refs: ['D171'],
    note: 'Cam kết phục vụ ít nhất gấp 3 lần thời gian đào tạo.',
  },
  {
    code: 'feedback.level3_delay_months',
    value: 6,
    effectiveFrom: '2026-01-01',
    legalSource: PROVINCIAL_POLICY,
    refs: [],
    note: 'Thủ trưởng đơn vị đánh giá hiệu quả áp dụng kiến thức sau khóa học.',
  },
  {
    code: 'standards.due_soon_days',
    value: 30,
    effectiveFrom: '2018-01-01',
    legalSource: PROVINCIAL_POLICY,
    refs: [],
    note: 'Hằng ngày, cán bộ phụ trách đơn vị được nhắc những người có tiêu chuẩn đến hạn trong số ngày này (ADR 051).',
  },
  {
    code: 'imports.staged_keep_days',
    value: 7,
    effectiveFrom: '2018-01-01',
    legalSource: PROVINCIAL_POLICY,
    refs: [],
    note: 'Dữ liệu đã kiểm tra của lần nhập chưa ghi được giữ số ngày này sau lần kiểm tra, rồi việc hằng ngày xóa đi; tệp và lịch sử lần nhập vẫn giữ (ADR 058).',
  },
  {
    code: 'approvals.four_eyes',
    value: false,
    effectiveFrom: '2018-01-01',
    legalSource: PROVINCIAL_POLICY,
    refs: [],
    note: 'Mặc định không bắt buộc. Tỉnh đặt "có" từ một ngày để người phê duyệt kế hoạch, tiếp nhận đề xuất nhu cầu, duyệt lượt cử đi học khác người đã trình (ADR 038).',
  },
  {
    code: 'approvals.decision_required',
    value: false,
    effectiveFrom: '2018-01-01',
    legalSource: PROVINCIAL_POLICY,
    refs: [],
    note: 'Mặc định không bắt buộc. Tỉnh đặt "có" từ một ngày để việc phê duyệt kế hoạch, tiếp nhận đề xuất nhu cầu, duyệt cử đi học phải ghi số, ngày quyết định và người ký (ADR 044).',
  },
];
