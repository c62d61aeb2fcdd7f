/** Error codes shared by server, web and CLI. Messages are looked up by code and language. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'CONFLICT',
  'CSRF_FAILED',
  'RATE_LIMITED',
  'INVALID_CREDENTIALS',
  'DUPLICATE_PERSONAL_ID',
  'UNKNOWN_CODE',
  'UNIT_DISSOLVED',
  'INVALID_MOVE',
  'DATA_DIR_LOCKED',
  'NEEDS_CONFIRMATION',
  'FILE_TOO_LARGE',
  'FILE_LIMIT',
  'FILE_UNREADABLE',
  'TOO_EARLY',
  'DUPLICATE',
  'NO_POLICY',
  'QUERY_TIMEOUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Lang = 'vi' | 'en';

export const ERROR_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  CSRF_FAILED: 403,
  RATE_LIMITED: 429,
  INVALID_CREDENTIALS: 401,
  DUPLICATE_PERSONAL_ID: 400,
  UNKNOWN_CODE: 400,
  UNIT_DISSOLVED: 409,
  INVALID_MOVE: 400,
  DATA_DIR_LOCKED: 409,
  NEEDS_CONFIRMATION: 409,
  FILE_TOO_LARGE: 413,
  FILE_LIMIT: 400,
  FILE_UNREADABLE: 400,
  TOO_EARLY: 409,
  DUPLICATE: 409,
  NO_POLICY: 400,
  QUERY_TIMEOUT: 503,
  INTERNAL: 500,
};

export const ERROR_MESSAGES: Record<ErrorCode, Record<Lang, string>> = {
  UNAUTHENTICATED: { vi: 'Bạn cần đăng nhập.', en: 'You need to log in.' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { vi: 'Không tìm thấy dữ liệu.', en: 'Not found.' },
  VALIDATION_FAILED: { vi: 'Dữ liệu không hợp lệ.', en: 'The data is not valid.' },
  CONFLICT: { vi: 'Dữ liệu đã bị thay đổi hoặc trùng lặp.', en: 'The data conflicts with existing data.' },
  CSRF_FAILED: {
    vi: 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang.',
    en: 'Missing or wrong CSRF token. Reload the page.',
  },
  RATE_LIMITED: {
    vi: 'Quá nhiều lần đăng nhập sai. Hãy thử lại sau ít phút.',
    en: 'Too many failed logins. Try again in a few minutes.',
  },
  INVALID_CREDENTIALS: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  DUPLICATE_PERSONAL_ID: {
    vi: 'Số định danh cá nhân đã có trong hồ sơ khác.',
    en: 'This personal ID number is already on another record.',
  },
  UNKNOWN_CODE: { vi: 'Mã không có trong danh mục.', en: 'Unknown code.' },
  UNIT_DISSOLVED: { vi: 'Đơn vị đã giải thể hoặc sáp nhập.', en: 'The unit has been dissolved or merged.' },
  INVALID_MOVE: {
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị con.',
    en: 'A unit cannot move under itself.',
  },
  DATA_DIR_LOCKED: {
    vi: 'Thư mục dữ liệu đang được máy chủ khác sử dụng.',
    en: 'The data directory is held by another process.',
  },
  NEEDS_CONFIRMATION: {
    vi: 'Có cảnh báo cần xem và xác nhận trước khi gửi.',
    en: 'There are warnings to read and confirm before sending.',
  },
  FILE_TOO_LARGE: { vi: 'Tệp quá lớn.', en: 'The file is too large.' },
  FILE_LIMIT: { vi: 'Tệp vượt quá giới hạn cho phép.', en: 'The file exceeds an allowed limit.' },
  FILE_UNREADABLE: {
    vi: 'Không đọc được tệp: tệp hỏng hoặc không phải .xlsx/CSV.',
    en: 'The file cannot be read: it is damaged or not .xlsx/CSV.',
  },
  TOO_EARLY: {
    vi: 'Chưa đến lúc làm việc này theo lịch của lớp học.',
    en: "It is too early for this by the class's schedule.",
  },
  DUPLICATE: {
    vi: 'Dữ liệu trùng với một bản ghi đã có.',
    en: 'This duplicates an existing record.',
  },
  NO_POLICY: {
    vi: 'Không có quy định nào có hiệu lực vào ngày này.',
    en: 'No rule is in force on this date.',
  },
  QUERY_TIMEOUT: {
    vi: 'Truy vấn chạy quá thời gian cho phép và đã bị dừng. Hãy thu hẹp điều kiện lọc hoặc thử lại sau.',
    en: 'The query ran past its time limit and was stopped. Narrow the filters or try again later.',
  },
  INTERNAL: { vi: 'Lỗi hệ thống. Vui lòng thử lại.', en: 'Internal error. Please try again.' },
};

/** The error body every endpoint returns. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
