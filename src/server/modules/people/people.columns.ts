/**
 * The staff-list columns: the layout of the people import and of `GET /people/export.xlsx`
 * (same headers), so an export imports back (ADR 018).
 */
import type { ColumnSpec } from '../../lib/sheets/columns';

const code = (
  key: string,
  vi: string,
  en: string,
  list: string,
  example: string,
  required = false,
): ColumnSpec => ({
  key,
  vi,
  en,
  type: 'code',
  list,
  required,
  example,
  help: {
    vi: `Tên trong danh mục (hoặc mã; xem bên dưới).`,
    en: `A label of the list (or its code; see below).`,
  },
});
const date = (key: string, vi: string, en: string, example: string): ColumnSpec => ({
  key,
  vi,
  en,
  type: 'date',
  past: true,
  example,
  help: { vi: 'dd/mm/yyyy hoặc kiểu ngày của Excel.', en: 'dd/mm/yyyy or an Excel date.' },
});
const text = (
  key: string,
  vi: string,
  en: string,
  max: number,
  example: string,
  required = false,
): ColumnSpec => ({
  key,
  vi,
  en,
  type: 'text',
  max,
  required,
  example,
  help: { vi: `Chữ, tối đa ${max} ký tự.`, en: `Text, ${max} characters at most.` },
});

export const PEOPLE_COLUMNS: ColumnSpec[] = [
  text('full_name', 'Họ và tên', 'Full name', 120, 'Nguyễn Thị Hoa', true),
  date('birth_date', 'Ngày sinh', 'Birth date', '04/03/1985'),
  code('gender', 'Giới tính', 'Gender', 'gender', 'Nữ', true),
  code('ethnicity', 'Dân tộc', 'Ethnicity', 'ethnicity', 'Kinh'),
  {
    key: 'pid',
    vi: 'Số định danh',
    en: 'Personal ID',
    type: 'pid',
    example: '022185001234',
    help: { vi: '12 chữ số (căn cước công dân), không trùng.', en: '12 digits (citizen ID), unique.' },
  },
  {
    key: 'party_member',
    vi: 'Đảng viên',
    en: 'Party member',
    type: 'bool',
    example: 'Có',
    help: { vi: '"Có" hoặc "Không" (để trống: Không).', en: '"Có" (yes) or "Không" (no); empty: no.' },
  },
  date('party_join_date', 'Ngày vào Đảng', 'Party join date', '03/02/2010'),
  code('category', 'Đối tượng', 'Category', 'category', 'Công chức', true),
  code('rank', 'Ngạch', 'Rank', 'rank', 'Chuyên viên và tương đương'),
  // The post as a code of list `post` (its words, code or an alias); the free text is a note (ADR 036).
  code('post_code', 'Chức vụ', 'Post', 'post', 'Phó Chủ tịch UBND cấp xã'),
  text('post', 'Ghi chú chức vụ', 'Post note', 200, ''),
  code('leadership_tier', 'Cấp lãnh đạo', 'Leadership tier', 'leadership_tier', 'Không giữ chức vụ lãnh đạo'),
  date('appointed_on', 'Ngày bổ nhiệm', 'Appointed on', '01/07/2025'),
  {
    key: 'unit_code',
    vi: 'Mã đơn vị',
    en: 'Unit code',
    type: 'unitCode',
    example: '22',
    help: {
      vi: 'Mã đơn vị trong phạm vi của bạn; để trống: đơn vị đã chọn khi nhập.',
      en: 'A unit code in your subtree; empty: the unit chosen for the import.',
    },
  },
  code('management_authority', 'Thẩm quyền quản lý', 'Managed by', 'management_authority', ''),
  text('planning_title', 'Quy hoạch', 'Planned for', 200, ''),
  code('status', 'Trạng thái', 'Status', 'status', 'Đang công tác'),
  date('service_start', 'Ngày vào công tác', 'Service start', '15/08/2008'),
  {
    key: 'different_person',
    vi: 'Người khác (trùng tên)',
    en: 'Different person (same name)',
    type: 'bool',
    example: '',
    help: {
      vi: 'Ghi "x" (hoặc "Có") khi người không có số định danh này khác với người cùng họ tên, ngày sinh, đơn vị đã có.',
      en: 'Write "x" (or "yes") when this person without a personal ID is not the one of the same name, birth date and unit already listed.',
    },
  },
];
