import { ERROR_MESSAGES, ERROR_STATUS, type ErrorCode, type Lang } from '../../contracts/errors';

export type Localized = Record<Lang, string>;

/** One invalid field, named in the user's language. */
export interface FieldError {
  field: string;
  message: Localized;
  /**
   * The rule broken, when it has a name shared with the imports (a row error code of
   * contracts/imports.ts): an import row refused by the same rule carries the same code (ADR 024).
   */
  code?: string;
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
      ? {
          fields: this.fields.map((f) => ({
            field: f.field,
            message: f.message[lang],
            ...(f.code ? { code: f.code } : {}),
          })),
        }
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

/** 409 CONFLICT with a message in both languages. */
export const conflict = (vi: string, en: string) => new AppError('CONFLICT', { message: { vi, en } });

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

export function fieldError(field: string, vi: string, en: string, code?: string): FieldError {
  return code ? { field, message: { vi, en }, code } : { field, message: { vi, en } };
}

/**
 * A domain rule broken by a value: the field, the rule's code (shared with the imports, where the
 * same rule refuses a row with the same code: ADR 024) and why, in both languages.
 */
export interface RuleViolation {
  field: string;
  code: string;
  vi: string;
  en: string;
}

/** Throw 400 VALIDATION_FAILED naming each broken rule, if any. */
export function refuseViolations(violations: RuleViolation[]): void {
  if (violations.length) throw invalid(violations.map((v) => fieldError(v.field, v.vi, v.en, v.code)));
}
