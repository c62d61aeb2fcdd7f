/**
 * The layout shipped with the product: the yearly training statistics a province sends to the
 * Ministry of Home Affairs, modelled on its form (rows = staff groups, columns = numbers trained in
 * the year by content). The form's number changes with the statistical regime (Circular 03/2018 ->
 * 2/2023 -> 18/2025/TT-BNV): the source says it must be checked ("cần đối chiếu").
 */
import { sql } from 'drizzle-orm';
import type { LayoutColumn, LayoutRow, ReportLayoutBody } from '../../../../contracts/report-layouts';
import type { Queryable } from '../../../db/client';
import { rowsOf } from '../../../db/rows';
import { reportLayouts } from '../../../db/schema/index';

const row = (key: string, vi: string, en: string, selector: LayoutRow['selector'], depth = 0): LayoutRow => ({
  key,
  label: { vi, en },
  depth,
  selector,
});
const trained = (
  key: string,
  group: [string, string],
  vi: string,
  en: string,
  programmeKind: string,
  level?: string,
): LayoutColumn => ({
  key,
  label: { vi, en },
  group: { vi: group[0], en: group[1] },
  measure: level ? { measure: 'trained', programmeKind, level } : { measure: 'trained', programmeKind },
});
const PT: [string, string] = ['Lý luận chính trị', 'Political theory'];
const SM: [string, string] = ['Quản lý nhà nước', 'State management'];
const OTHER: [string, string] = ['Bồi dưỡng khác', 'Other fostering'];

export const MOHA_ANNUAL_LAYOUT: ReportLayoutBody = {
  code: 'BNV_DTBD_NAM',
  nameVi: 'Thống kê đào tạo, bồi dưỡng cán bộ, công chức, viên chức hằng năm',
  nameEn: 'Yearly statistics of training and fostering of cadres, civil servants and public employees',
  legalSource:
    'Mô phỏng theo biểu mẫu thống kê đào tạo, bồi dưỡng hằng năm của Bộ Nội vụ (chế độ báo cáo thống kê ngành Nội vụ: Thông tư 03/2018/TT-BNV, 2/2023/TT-BNV, 18/2025/TT-BNV) — cần đối chiếu số hiệu biểu và chỉ tiêu với thông tư hiện hành trước khi gửi.',
  effectiveFrom: '2023-01-01',
  effectiveTo: null,
  rows: [
    row('tong', 'Tổng số', 'Total', {}),
    row('cb_tinh', 'Cán bộ cấp tỉnh', 'Provincial cadres', { category: ['CB'], level: ['province'] }, 1),
    // The district level and the commune category end on 30 June 2025 (two-level local
    // government; Law 80/2025/QH15): from 1 July 2025 commune staff are cadres or civil
    // servants of commune-level units (ADR 043).
    {
      ...row('cb_huyen', 'Cán bộ cấp huyện', 'District cadres', { category: ['CB'], level: ['district'] }, 1),
      validTo: '2025-06-30',
    },
    {
      ...row(
        'cbcc_xa',
        'Cán bộ, công chức cấp xã',
        'Commune cadres and civil servants',
        { category: ['CBX'] },
        1,
      ),
      validTo: '2025-06-30',
    },
    {
      ...row(
        'cbcc_cap_xa',
        'Cán bộ, công chức cấp xã',
        'Commune cadres and civil servants',
        { category: ['CB', 'CC'], level: ['commune'] },
        1,
      ),
      validFrom: '2025-07-01',
    },
    row('cc', 'Công chức', 'Civil servants', { category: ['CC'] }, 1),
    row(
      'cc_cvcc',
      'Ngạch chuyên viên cao cấp và tương đương',
      'Senior specialist and equivalent',
      { category: ['CC'], rank: ['CVCC_TC', 'CVCC'] },
      2,
    ),
    row(
      'cc_cvc',
      'Ngạch chuyên viên chính và tương đương',
      'Principal specialist and equivalent',
      { category: ['CC'], rank: ['CVC'] },
      2,
    ),
    row(
      'cc_cv',
      'Ngạch chuyên viên và tương đương',
      'Specialist and equivalent',
      { category: ['CC'], rank: ['CV'] },
      2,
    ),
    row('cc_cs', 'Ngạch cán sự, nhân viên', 'Clerk and staff', { category: ['CC'], rank: ['CS', 'NV'] }, 2),
    row('vc', 'Viên chức', 'Public employees', { category: ['VC'] }, 1),
    row(
      'lanh_dao',
      'Trong đó: lãnh đạo, quản lý từ cấp phòng trở lên',
      'Of whom: leaders and managers, division level and up',
      { leadershipTier: ['PHONG', 'SO', 'VU', 'THU_TRUONG'] },
      1,
    ),
  ],
  columns: [
    {
      key: 'so_luong',
      label: { vi: 'Tổng số', en: 'Total' },
      group: { vi: 'Số lượng', en: 'Headcount' },
      measure: { measure: 'staff' },
    },
    trained('llct_cc', PT, 'Cao cấp', 'Advanced', 'POLITICAL_THEORY', 'CAO_CAP'),
    trained('llct_tc', PT, 'Trung cấp', 'Intermediate', 'POLITICAL_THEORY', 'TRUNG_CAP'),
    trained('llct_sc', PT, 'Sơ cấp', 'Elementary', 'POLITICAL_THEORY', 'SO_CAP'),
    trained('qlnn_cvcc', SM, 'Chuyên viên cao cấp', 'Senior specialist', 'STATE_MANAGEMENT', 'CVCC'),
    trained('qlnn_cvc', SM, 'Chuyên viên chính', 'Principal specialist', 'STATE_MANAGEMENT', 'CVC'),
    trained('qlnn_cv', SM, 'Chuyên viên', 'Specialist', 'STATE_MANAGEMENT', 'CV'),
    trained('lanh_dao', OTHER, 'Lãnh đạo, quản lý', 'Leadership', 'LEADERSHIP'),
    trained('vtvl', OTHER, 'Theo vị trí việc làm', 'Job position', 'JOB_POSITION'),
    trained('chuc_danh_xa', OTHER, 'Chức danh cấp xã', 'Commune titles', 'COMMUNE_TITLE'),
    trained('cap_nhat', OTHER, 'Cập nhật kiến thức', 'Knowledge update', 'KNOWLEDGE_UPDATE'),
    trained('qpan', OTHER, 'Quốc phòng - an ninh', 'Defence and security', 'DEFENCE_SECURITY'),
    trained('tin_hoc', OTHER, 'Tin học', 'IT', 'IT'),
    trained('ngoai_ngu', OTHER, 'Ngoại ngữ', 'Foreign language', 'FOREIGN_LANGUAGE'),
    {
      key: 'nuoc_ngoai',
      label: { vi: 'Ở nước ngoài', en: 'Abroad' },
      group: { vi: 'Bồi dưỡng khác', en: 'Other fostering' },
      measure: { measure: 'abroad' },
    },
  ],
};

/** Insert the shipped layout when missing; refresh it (names, source, rows, columns) when present. */
export async function seedReportLayouts(q: Queryable): Promise<void> {
  const l = MOHA_ANNUAL_LAYOUT;
  const updated = rowsOf(
    await q.execute(sql`update report_layouts set name_vi = ${l.nameVi}, name_en = ${l.nameEn},
        legal_source = ${l.legalSource}, rows = ${JSON.stringify(l.rows)}::jsonb,
        columns = ${JSON.stringify(l.columns)}::jsonb
      where built_in and owner_unit_id is null and code = ${l.code} returning id`),
  );
  if (updated.length === 0) await q.insert(reportLayouts).values({ ...l, builtIn: true });
}
