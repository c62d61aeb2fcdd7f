import { useCallback, useSyncExternalStore } from 'react';
import { getLang, type Lang, setLang, subscribeLang } from './lang';

export type { Lang };

type Dict = Record<string, string>;

/** A feature's strings: Vietnamese first; the English table must have exactly the same keys. */
export interface Messages<V extends Dict> {
  vi: V;
  en: { [K in keyof V]: string };
}

export function defineMessages<V extends Dict>(vi: V, en: { [K in keyof V]: string }): Messages<V> {
  return { vi, en };
}

/** Strings every screen uses. */
export const common = defineMessages(
  {
    appName: 'Đào tạo, bồi dưỡng cán bộ',
    appFullName: 'Hệ thống quản lý đào tạo, bồi dưỡng cán bộ, công chức, viên chức',
    save: 'Lưu',
    cancel: 'Hủy',
    close: 'Đóng',
    edit: 'Sửa',
    delete: 'Xóa',
    add: 'Thêm',
    create: 'Tạo mới',
    search: 'Tìm kiếm',
    reset: 'Xóa lọc',
    reload: 'Tải lại',
    yes: 'Có',
    no: 'Không',
    all: 'Tất cả',
    none: '—',
    loading: 'Đang tải…',
    actions: 'Thao tác',
    stt: 'STT',
    total: 'Tổng số {n}',
    rangeOfTotal: '{from}–{to} / {total}',
    moreThan: 'hơn {n}',
    saved: 'Đã lưu.',
    required: 'Bắt buộc nhập',
    language: 'Ngôn ngữ',
    notFoundTitle: 'Không tìm thấy',
    notFoundText: 'Trang hoặc dữ liệu bạn tìm không tồn tại, hoặc nằm ngoài phạm vi bạn được xem.',
    forbiddenTitle: 'Không có quyền truy cập',
    forbiddenText: 'Tài khoản của bạn không được phép xem trang này.',
    backHome: 'Về trang chủ',
    errorTitle: 'Đã xảy ra lỗi',
    networkError: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.',
    conflictReload:
      'Người khác đã lưu hồ sơ này trước bạn. Bấm "Tải lại" để xem dữ liệu mới nhất rồi sửa lại; thay đổi bạn vừa nhập chưa được lưu.',
    invalidFields: 'Các trường chưa hợp lệ',
    fixMarkedFields: 'Hãy sửa các trường được đánh dấu đỏ rồi lưu lại.',
    datePlaceholder: 'dd/mm/yyyy',
    active: 'Đang dùng',
    inactive: 'Ngừng dùng',
    status: 'Trạng thái',
    note: 'Ghi chú',
    effectiveDate: 'Ngày hiệu lực',
    reason: 'Lý do',
  },
  {
    appName: 'Cadre training and fostering',
    appFullName: 'Training and fostering of cadres, civil servants and public employees',
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    edit: 'Edit',
    delete: 'Delete',
    add: 'Add',
    create: 'Create',
    search: 'Search',
    reset: 'Clear filters',
    reload: 'Reload',
    yes: 'Yes',
    no: 'No',
    all: 'All',
    none: '—',
    loading: 'Loading…',
    actions: 'Actions',
    stt: 'No.',
    total: '{n} in total',
    rangeOfTotal: '{from}–{to} of {total}',
    moreThan: 'more than {n}',
    saved: 'Saved.',
    required: 'Required',
    language: 'Language',
    notFoundTitle: 'Not found',
    notFoundText:
      'The page or record does not exist, or lies outside the part of the organisation you may see.',
    forbiddenTitle: 'Access denied',
    forbiddenText: 'Your account is not allowed to open this page.',
    backHome: 'Back to start',
    errorTitle: 'Something went wrong',
    networkError: 'Cannot reach the server. Check the network and try again.',
    conflictReload:
      'Someone else saved this record before you. Press "Reload" to see the latest data, then edit again; your changes were not saved.',
    invalidFields: 'Fields to correct',
    fixMarkedFields: 'Correct the fields marked in red, then save again.',
    datePlaceholder: 'dd/mm/yyyy',
    active: 'Active',
    inactive: 'Inactive',
    status: 'Status',
    note: 'Note',
    effectiveDate: 'Effective date',
    reason: 'Reason',
  },
);

export type CommonKey = keyof typeof common.vi;

function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The current language and a setter; re-renders when the user switches. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const lang = useSyncExternalStore(subscribeLang, getLang, getLang);
  return [lang, setLang];
}

/**
 * A translate function over a feature's messages (falling back to the common ones).
 * `t('total', { n: 5 })` fills `{n}`.
 */
export function useT<V extends Dict>(messages?: Messages<V>) {
  const [lang] = useLang();
  return useCallback(
    (key: (keyof V & string) | CommonKey, vars?: Record<string, string | number>): string => {
      const own = messages?.[lang] as Record<string, string> | undefined;
      const text = own?.[key] ?? (common[lang] as Record<string, string>)[key] ?? key;
      return format(text, vars);
    },
    [lang, messages],
  );
}

/** Pick the label of a bilingual pair ({ vi, en } or labelVi/labelEn). */
export function pick(lang: Lang, pair: { vi: string; en: string }): string {
  return pair[lang];
}
