/**
 * An audit action in words ("auth.login" -> "Đăng nhập" / "Log in", "class.session.create" ->
 * "Tạo mới buổi học"): the verb (last part) and what it acts on (the part before it). An action
 * not known here shows as recorded, so a new one is never hidden.
 */
import type { Lang } from '../../lib/lang';

type Words = Record<string, { vi: string; en: string }>;

const WHOLE: Words = {
  'auth.login': { vi: 'Đăng nhập', en: 'Log in' },
  'auth.logout': { vi: 'Đăng xuất', en: 'Log out' },
  'auth.throttle.clear': { vi: 'Mở khóa đăng nhập', en: 'Unlock logins' },
  'user.password': { vi: 'Đổi mật khẩu', en: 'Change password' },
  'import.commit': { vi: 'Nhập dữ liệu', en: 'Import data' },
  'import.undo': { vi: 'Hoàn tác lần nhập', en: 'Undo an import' },
  'draft.needs': { vi: 'Lập dự thảo từ nhu cầu', en: 'Draft from needs' },
};

const VERBS: Words = {
  create: { vi: 'Tạo mới', en: 'Create' },
  update: { vi: 'Sửa', en: 'Edit' },
  delete: { vi: 'Xóa', en: 'Delete' },
  add: { vi: 'Thêm', en: 'Add' },
  remove: { vi: 'Bỏ', en: 'Remove' },
  status: { vi: 'Đổi trạng thái', en: 'Change status' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  deny: { vi: 'Từ chối', en: 'Reject' },
  submit: { vi: 'Gửi', en: 'Submit' },
  withdraw: { vi: 'Rút', en: 'Withdraw' },
  substitute: { vi: 'Thay người', en: 'Substitute' },
  promote: { vi: 'Chuyển từ danh sách chờ', en: 'Promote from waitlist' },
  nominate: { vi: 'Cử đi học', en: 'Nominate' },
  copy: { vi: 'Sao chép', en: 'Copy' },
  prefill: { vi: 'Điền sẵn', en: 'Prefill' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  close: { vi: 'Đóng', en: 'Close' },
  issue: { vi: 'Cấp', en: 'Issue' },
  replace: { vi: 'Cấp lại', en: 'Replace' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  attach: { vi: 'Gắn', en: 'Attach' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  move: { vi: 'Chuyển', en: 'Move' },
  merge: { vi: 'Hợp nhất', en: 'Merge' },
  split: { vi: 'Chia tách', en: 'Split' },
  set: { vi: 'Đặt', en: 'Set' },
  restore_reset: { vi: 'Khôi phục', en: 'Restore' },
  report: { vi: 'Báo cáo', en: 'Report' },
  leave: { vi: 'Nghỉ học', en: 'Leave' },
  outcome: { vi: 'Ghi kết quả', en: 'Record outcome' },
  attendance: { vi: 'Điểm danh', en: 'Take attendance' },
  scores: { vi: 'Nhập điểm', en: 'Enter scores' },
  conduct: { vi: 'Đánh giá ý thức', en: 'Rate conduct' },
  quotas: { vi: 'Phân bổ chỉ tiêu', en: 'Set quotas' },
  hours: { vi: 'Ghi giờ giảng', en: 'Record teaching hours' },
};

const THINGS: Words = {
  abroad: { vi: 'đoàn đi nước ngoài', en: 'delegation' },
  member: { vi: 'thành viên', en: 'member' },
  certificate: { vi: 'chứng chỉ', en: 'certificate' },
  certificate_register: { vi: 'sổ cấp chứng chỉ', en: 'certificate register' },
  class: { vi: 'lớp học', en: 'class' },
  session: { vi: 'buổi học', en: 'session' },
  assessment: { vi: 'bài kiểm tra', en: 'assessment' },
  code: { vi: 'mã danh mục', en: 'code' },
  code_alias: { vi: 'tên gọi khác của mã', en: 'code alias' },
  institution: { vi: 'cơ sở đào tạo', en: 'institution' },
  join_request: { vi: 'đề nghị đi học', en: 'join request' },
  lecturer: { vi: 'giảng viên', en: 'lecturer' },
  campaign: { vi: 'đợt nhu cầu', en: 'needs campaign' },
  nomination: { vi: 'cử đi học', en: 'nomination' },
  org: { vi: 'đơn vị', en: 'unit' },
  person: { vi: 'hồ sơ cán bộ', en: 'staff record' },
  multiyear: { vi: 'kế hoạch nhiều năm', en: 'multi-year plan' },
  class_size: { vi: 'sĩ số lớp', en: 'class size' },
  policy: { vi: 'tham số quy định', en: 'policy value' },
  postgrad: { vi: 'hồ sơ sau đại học', en: 'postgraduate record' },
  programme: { vi: 'chương trình', en: 'programme' },
  qualification: { vi: 'văn bằng', en: 'qualification' },
  rating: { vi: 'xếp loại', en: 'rating' },
  report_layout: { vi: 'mẫu báo cáo', en: 'report layout' },
  standard_rule: { vi: 'tiêu chuẩn', en: 'rule' },
  user: { vi: 'người dùng', en: 'user' },
};

export function actionLabel(action: string, lang: Lang): string {
  const whole = WHOLE[action];
  if (whole) return whole[lang];
  const parts = action.split('.');
  const verb = VERBS[parts[parts.length - 1] ?? ''];
  if (!verb) return action;
  const thing = THINGS[parts[parts.length - 2] ?? ''] ?? THINGS[parts[0] ?? ''];
  if (parts.length < 2 || !thing) return verb[lang];
  return lang === 'vi' ? `${verb.vi} ${thing.vi}` : `${verb.en} ${thing.en}`;
}

const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);

/** What a record kind is in words ("org_unit" -> "Đơn vị"); an unknown kind shows as recorded. */
export function entityLabel(entity: string, lang: Lang): string {
  const thing = THINGS[entity] ?? THINGS[entity.replace(/_(unit|item)$/, '')];
  return thing ? cap(thing[lang]) : entity;
}

/** An action filter choice: a whole action in words, or a prefix ("org.") as "Đơn vị: mọi thao tác". */
export function actionChoiceLabel(action: string, lang: Lang): string {
  if (!action.endsWith('.')) return actionLabel(action, lang);
  const prefix = action.slice(0, -1);
  return `${entityLabel(prefix, lang)}: ${lang === 'vi' ? 'mọi thao tác' : 'every action'}`;
}
