/**
 * The templates shipped with the product (ADR 040), laid out after Decree 30/2020/NĐ-CP on
 * clerical work: annex I (layout: national title and motto, issuing body, number and symbol,
 * place and date, title and summary, recipients, signature with "KT." when a deputy signs) and
 * annex III (model 1.2: an individual decision ruling directly; model 1.4: a document with a
 * name of its kind). A unit edits its own copy (document_templates); these stay the fallback.
 */
import type { DocumentKind, TemplateBodyT } from '../../../contracts/documents';

export interface DefaultTemplate extends TemplateBodyT {
  source: string;
}

const DECISION_SOURCE =
  'Nghị định 30/2020/NĐ-CP ngày 05/3/2020 về công tác văn thư, Phụ lục I (thể thức) và Phụ lục III, Mẫu 1.2 (Quyết định cá biệt quy định trực tiếp)';
const NAMED_SOURCE =
  'Nghị định 30/2020/NĐ-CP ngày 05/3/2020 về công tác văn thư, Phụ lục I (thể thức) và Phụ lục III, Mẫu 1.4 (văn bản có tên loại)';

const GROUNDS = [
  'THỦ TRƯỞNG {{issuer.name}}',
  'Căn cứ Nghị định số 101/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ về đào tạo, bồi dưỡng cán bộ, công chức, viên chức và Nghị định số 89/2021/NĐ-CP ngày 18 tháng 10 năm 2021 sửa đổi, bổ sung một số điều của Nghị định số 101/2017/NĐ-CP;',
];
const DEPUTY = { signerAuthority: 'KT. THỦ TRƯỞNG', signerTitle: 'PHÓ THỦ TRƯỞNG', signerName: '' };
const HEAD = { parentBody: null, issuingBody: null, place: 'Thái Nguyên' };

export const DEFAULT_TEMPLATES: Record<DocumentKind, DefaultTemplate> = {
  class_opening: {
    ...HEAD,
    ...DEPUTY,
    symbol: 'QĐ',
    title: 'QUYẾT ĐỊNH',
    summary: 'Về việc mở lớp {{class.name}}',
    body: [
      ...GROUNDS,
      'Căn cứ kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức đã được phê duyệt;',
      'Theo đề nghị của bộ phận phụ trách đào tạo, bồi dưỡng.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Mở lớp {{class.name}} (mã lớp {{class.code}}), chương trình {{class.programme}}, quy mô {{class.capacity}} học viên.',
      'Thời gian học: từ ngày {{class.startDate}} đến ngày {{class.endDate}}. Địa điểm: {{class.venue}}. Cơ sở đào tạo: {{class.institution}}.',
      'Điều 2. {{class.organiser}} chủ trì, phối hợp với cơ sở đào tạo tổ chức lớp học theo đúng chương trình; kinh phí thực hiện theo quy định hiện hành.',
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.',
    ],
    recipients: ['Như Điều 3;', 'Lưu: VT.'],
    source: DECISION_SOURCE,
  },
  class_sending: {
    ...HEAD,
    ...DEPUTY,
    symbol: 'QĐ',
    title: 'QUYẾT ĐỊNH',
    summary: 'Về việc cử cán bộ, công chức, viên chức tham dự lớp {{class.name}}',
    body: [
      ...GROUNDS,
      'Theo đề nghị của bộ phận phụ trách đào tạo, bồi dưỡng.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Cử {{learners.count}} cán bộ, công chức, viên chức có tên trong danh sách kèm theo tham dự lớp {{class.name}} (mã lớp {{class.code}}), chương trình {{class.programme}}.',
      'Thời gian: từ ngày {{class.startDate}} đến ngày {{class.endDate}}. Địa điểm: {{class.venue}}.',
      'Điều 2. Người được cử đi học có trách nhiệm tham gia đầy đủ chương trình và chấp hành nội quy, quy chế của cơ sở đào tạo; được hưởng chế độ theo quy định hiện hành.',
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và những người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    ],
    recipients: ['Như Điều 3;', 'Lưu: VT.'],
    source: DECISION_SOURCE,
  },
  summons: {
    ...HEAD,
    ...DEPUTY,
    symbol: 'GTT',
    title: 'GIẤY TRIỆU TẬP',
    summary: 'Tham dự lớp {{class.name}}',
    body: [
      '{{issuer.name}} trân trọng triệu tập:',
      'Ông/Bà: {{person.name}}, sinh ngày {{person.birthDate}}.',
      'Chức vụ: {{person.post}}. Đơn vị công tác: {{person.unit}}.',
      'Tham dự lớp {{class.name}} (mã lớp {{class.code}}), chương trình {{class.programme}}.',
      'Thời gian: từ ngày {{class.startDate}} đến ngày {{class.endDate}}.',
      'Địa điểm: {{class.venue}}.',
      'Đề nghị cơ quan, đơn vị tạo điều kiện để Ông/Bà có tên trên tham dự đầy đủ, đúng thời gian./.',
    ],
    recipients: ['Như trên;', 'Lưu: VT.'],
    source: NAMED_SOURCE,
  },
  learner_list: {
    ...HEAD,
    signerAuthority: null,
    signerTitle: 'NGƯỜI LẬP DANH SÁCH',
    signerName: '',
    symbol: '',
    title: 'DANH SÁCH TRÍCH NGANG HỌC VIÊN',
    summary:
      'Lớp {{class.name}} (mã lớp {{class.code}}), từ ngày {{class.startDate}} đến ngày {{class.endDate}}',
    body: ['Tổng số: {{learners.count}} học viên.'],
    recipients: [],
    source: NAMED_SOURCE,
  },
  attendance: {
    ...HEAD,
    signerAuthority: null,
    signerTitle: 'GIÁO VIÊN CHỦ NHIỆM',
    signerName: '',
    symbol: '',
    title: 'SỔ ĐIỂM DANH',
    summary:
      'Lớp {{class.name}} (mã lớp {{class.code}}), từ ngày {{class.startDate}} đến ngày {{class.endDate}}',
    body: ['Ký hiệu: x có mặt; P vắng có phép; K vắng không phép; M đi muộn.'],
    recipients: [],
    source: NAMED_SOURCE,
  },
  transcript: {
    ...HEAD,
    ...DEPUTY,
    symbol: '',
    title: 'BẢNG ĐIỂM',
    summary: 'Lớp {{class.name}} (mã lớp {{class.code}}), chương trình {{class.programme}}',
    body: ['Số học viên: {{learners.count}}; đạt yêu cầu: {{passed.count}}.'],
    recipients: [],
    source: NAMED_SOURCE,
  },
  results_decision: {
    ...HEAD,
    ...DEPUTY,
    symbol: 'QĐ',
    title: 'QUYẾT ĐỊNH',
    summary: 'Về việc công nhận kết quả học tập và cấp chứng chỉ lớp {{class.name}}',
    body: [
      ...GROUNDS,
      'Căn cứ kết quả học tập của học viên lớp {{class.name}} (mã lớp {{class.code}});',
      'Theo đề nghị của bộ phận phụ trách đào tạo, bồi dưỡng.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Công nhận kết quả học tập và cấp chứng chỉ chương trình {{class.programme}} cho {{passed.count}} học viên có tên trong danh sách kèm theo.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và những người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    ],
    recipients: ['Như Điều 2;', 'Lưu: VT.'],
    source: DECISION_SOURCE,
  },
  certificate_register: {
    ...HEAD,
    signerAuthority: null,
    signerTitle: 'NGƯỜI GHI SỔ',
    signerName: '',
    symbol: '',
    title: 'SỔ CẤP CHỨNG CHỈ',
    summary: 'Lớp {{class.name}} (mã lớp {{class.code}}), chương trình {{class.programme}}',
    body: [],
    recipients: [],
    source:
      'Thông tư 21/2019/TT-BGDĐT (quy chế quản lý bằng tốt nghiệp, chứng chỉ: sổ gốc cấp chứng chỉ); thể thức theo Nghị định 30/2020/NĐ-CP, Phụ lục I',
  },
  plan_approval: {
    ...HEAD,
    ...DEPUTY,
    symbol: 'QĐ',
    title: 'QUYẾT ĐỊNH',
    summary: 'Về việc phê duyệt {{plan.title}}',
    body: [
      'THỦ TRƯỞNG {{issuer.name}}',
      'Căn cứ Nghị định số 101/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ về đào tạo, bồi dưỡng cán bộ, công chức, viên chức;',
      'Xét đề nghị của {{plan.unit}}.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Phê duyệt {{plan.title}} năm {{plan.year}} (phiên bản {{plan.version}}), gồm {{plan.classes}} lớp với {{plan.trainees}} lượt học viên, chi tiết tại phụ lục kèm theo.',
      'Điều 2. {{plan.unit}} có trách nhiệm tổ chức thực hiện kế hoạch được phê duyệt.',
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.',
    ],
    recipients: ['Như Điều 2;', 'Lưu: VT.'],
    source: DECISION_SOURCE,
  },
};
