import { ERROR_MESSAGES, type ErrorCode } from '../../contracts/errors';
import { getLang } from './lang';

/** One invalid field as the server names it, e.g. `birthDate` or `parts[1].name`. */
export interface FieldError {
  field: string;
  message: string;
}

/** An error the API returned (`{ error: { code, message, details } }`) or a network failure (code NETWORK). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly details: unknown;

  constructor(status: number, code: ErrorCode | 'NETWORK', message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field errors of a VALIDATION_FAILED response (empty otherwise). */
  get fields(): FieldError[] {
    const d = this.details as { fields?: unknown } | undefined;
    if (!d || !Array.isArray(d.fields)) return [];
    return d.fields.filter(
      (f): f is FieldError => typeof f?.field === 'string' && typeof f?.message === 'string',
    );
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

/** Remember the token of the current session (from login or /auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the app: what to do when the session has expired (go to login). */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  unauthenticatedHandler = fn;
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildQuery(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat a 401 as an expired session (login, /auth/me). */
  noAuthRedirect?: boolean;
  /** A file sent as the raw body with the type the browser gives it, e.g. a sheet to import. */
  file?: Blob;
}

const KNOWN_CODES = new Set(Object.keys(ERROR_MESSAGES));

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const lang = getLang();
  const headers: Record<string, string> = { accept: 'application/json', 'x-dtbd-lang': lang };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: string | Blob | undefined;
  if (opts.file) {
    // What the browser says the file is (.xlsx, text/csv), or a plain byte stream when it cannot tell.
    headers['content-type'] = opts.file.type || 'application/octet-stream';
    body = opts.file;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}${buildQuery(opts.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(
      0,
      'NETWORK',
      lang === 'vi' ? 'Không kết nối được máy chủ.' : 'Cannot reach the server.',
    );
  }
  const text = await res.text();
  let json: unknown;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const code = (
      e?.code && KNOWN_CODES.has(e.code) ? e.code : res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL'
    ) as ErrorCode;
    const message = e?.message ?? ERROR_MESSAGES[code][lang];
    const error = new ApiError(res.status, code, message, e?.details);
    if (res.status === 401 && code !== 'INVALID_CREDENTIALS' && !opts.noAuthRedirect)
      unauthenticatedHandler?.();
    throw error;
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  delete: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('DELETE', path, { ...opts, body }),
};

/** Paged list responses. */
export interface Paged<T> {
  items: T[];
  total: number;
  /** There are more than `total` rows: the server stopped counting (ADR 032). */
  totalIsLowerBound?: boolean;
  page: number;
  pageSize: number;
}
