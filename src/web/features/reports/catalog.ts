/**
 * The reports the web offers, as data (ADR 019): each names its server report, its title and what
 * it answers, and the filters it understands. A new report adds one entry here; the index page,
 * the route `/reports/:name`, the table, the people drawer, the .xlsx and printing come for free.
 */
/**
 * `asOf`: one date ("tính đến ngày"); `layout`: a layout of the annual statistical report, from
 * `GET /api/report-layouts`.
 */
export type ReportFilterKey =
  | 'unit'
  | 'year'
  | 'period'
  | 'asOf'
  | 'category'
  | 'level'
  | 'layout'
  /** A post group (list `post_group`, URL `postGroup`), for the reports that count by post (ADR 048). */
  | 'postGroup';

export interface ReportEntry {
  name: string;
  title: { vi: string; en: string };
  description: { vi: string; en: string };
  filters: ReportFilterKey[];
}

export const REPORT_CATALOG: ReportEntry[] = [
  {
    name: 'ratings-distribution',
    title: { vi: 'Kết quả xếp loại chất lượng hằng năm', en: 'Yearly quality ratings' },
    description: {
      vi: 'Số người và tỷ lệ từng mức xếp loại theo đơn vị trong một năm.',
      en: 'Number and share of each rating by unit for a year.',
    },
    filters: ['unit', 'year', 'category', 'postGroup', 'level'],
  },
  {
    name: 'trained',
    title: { vi: 'Kết quả đào tạo, bồi dưỡng trong kỳ', en: 'Training delivered in a period' },
    description: {
      vi: 'Số lớp, số tiết, lượt học viên, hoàn thành và tỷ lệ học ở nước ngoài theo loại chương trình, cấp tổ chức và cơ sở đào tạo.',
      en: 'Classes, periods, trainees, passed and the share trained abroad by programme kind, organiser level and institution.',
    },
    filters: ['unit', 'year', 'period', 'category', 'postGroup', 'level'],
  },
  {
    name: 'plan-actual',
    title: { vi: 'Thực hiện kế hoạch đào tạo, bồi dưỡng', en: 'Training plan vs actual' },
    description: {
      vi: 'Từng dòng kế hoạch đã phê duyệt trong năm so với lớp đã mở, học viên, hoàn thành và kinh phí; cộng theo kế hoạch.',
      en: 'Each line of the approved plans of a year against opened classes, trainees, passed and cost; subtotals per plan.',
    },
    filters: ['unit', 'year', 'postGroup', 'level'],
  },
  {
    name: 'costs',
    title: { vi: 'Kinh phí đào tạo, bồi dưỡng', en: 'Training costs' },
    description: {
      vi: 'Kinh phí từng lớp và từng dòng kế hoạch theo nguồn, bình quân một học viên.',
      en: 'Cost of each class and plan line by funding source, and per trainee.',
    },
    filters: ['unit', 'year', 'period', 'postGroup', 'level'],
  },
  {
    name: 'qualification-structure',
    title: { vi: 'Cơ cấu trình độ cán bộ, công chức, viên chức', en: 'Qualification structure of staff' },
    description: {
      vi: 'Số người và tỷ lệ có trình độ đại học trở lên, lý luận chính trị, quản lý nhà nước, tin học, ngoại ngữ theo đơn vị, đối tượng và cấp.',
      en: 'Number and share with university or higher, political theory, state management, IT and a foreign language by unit, category and level.',
    },
    filters: ['unit', 'category', 'postGroup', 'level'],
  },
  {
    name: 'compliance',
    title: { vi: 'Đáp ứng tiêu chuẩn', en: 'Standards compliance' },
    description: {
      vi: 'Số người được xét, đáp ứng đủ tiêu chuẩn, còn thiếu hoặc trong thời hạn bổ sung, theo đơn vị và theo tiêu chuẩn tại một ngày.',
      en: 'People assessed, meeting all standards, missing or due, by unit and by standard on a date.',
    },
    filters: ['unit', 'asOf', 'category', 'postGroup', 'level'],
  },
  {
    name: 'annual-statistics',
    title: { vi: 'Báo cáo thống kê đào tạo, bồi dưỡng hằng năm', en: 'Annual training statistics' },
    description: {
      vi: 'Biểu thống kê gửi Bộ Nội vụ theo mẫu cấu hình được (dòng, cột là dữ liệu).',
      en: 'The statistical form sent to the Ministry, on a configurable layout (rows and columns as data).',
    },
    filters: ['unit', 'year', 'postGroup', 'layout'],
  },
];

export const findReport = (name: string | undefined) => REPORT_CATALOG.find((r) => r.name === name);
