import { ERROR_MESSAGES, ERROR_STATUS, type ErrorCode, type Lang } from '../../contracts/errors';

export type Localized = Record<Lang, string>;

/** One invalid field, named in the user's language. */
export interface FieldError {
  field: string;
  message: Localized;
}

/** The one error type services throw; the error handler turns it into `{ error: {...} }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly localized: Localized;
  readonly details?: unknown;
  readonly fields?: FieldError[];

  constructor(code: ErrorCode, opts: { message?: Localized; details?: unknown; fields?: FieldError[] } = {}) {
    const localized = opts.message ?? ERROR_MESSAGES[code];
    super(localized.en);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.localized = localized;
    this.details = opts.details;
    this.fields = opts.fields;
  }

  /** Message and details in one language, as sent to the client. */
  toBody(lang: Lang) {
    const details = this.fields
      ? { fields: this.fields.map((f) => ({ field: f.field, message: f.message[lang] })) }
      : this.details;
    return { error: { code: this.code, message: this.localized[lang], ...(details ? { details } : {}) } };
  }
}

export const notFound = (what?: Localized) =>
  new AppError(
    'NOT_FOUND',
    what ? { message: { vi: `Không tìm thấy ${what.vi}.`, en: `${what.en} not found.` } } : {},
  );
export const forbidden = () => new AppError('FORBIDDEN');

/** A validation failure on named fields; the top message lists them. */
export function invalid(fields: FieldError[]): AppError {
  const names = fields.map((f) => f.field).join(', ');
  return new AppError('VALIDATION_FAILED', {
    fields,
    message: {
      vi: `Dữ liệu không hợp lệ: ${fields.map((f) => `${f.field} (${f.message.vi})`).join('; ')}`,
      en: `Invalid data: ${fields.map((f) => `${f.field} (${f.message.en})`).join('; ')}`,
    },
    details: { fields: names },
  });
}

export function fieldError(field: string, vi: string, en: string): FieldError {
  return { field, message: { vi, en } };
}
